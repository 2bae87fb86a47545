/**
 * The reading history on a listing. After the filters have judged the page, and once the browser
 * is idle: on the reader's AO3 History page, its works are merged into the history (from the page
 * as shown: Lamplight asks AO3 for nothing); then one `get` reads the history of every blurb, and
 * each blurb of a work read gets a quiet marker (lib/history/marker.ts says what).
 */
import { historyMarker } from '../../../lib/history/marker';
import { historyMarkerText } from '../../../lib/history/marker-text';
import { historyKey } from '../../../lib/history/types';
import type { Blurb } from '../../../lib/sites/types';
import { getHistoryProgress, mergeAo3History } from '../../../lib/storage/history';
import type { Page } from '../page';
import { blurbRead, listingJudged } from '../state/blurbs';
import type { HistoryDeps } from './deps';
import { historyMarkers } from './marker';

const warn = (message: string, error?: unknown) => console.warn(`Lamplight history: ${message}`, error ?? '');

/** The page's blurbs, as the filters read them (read again only when they did not). */
export function pageBlurbs(page: Page): Blurb[] {
  const out: Blurb[] = [];
  for (const element of Array.from(page.doc.querySelectorAll(page.adapter.blurbSelector))) {
    let blurb = blurbRead(element);
    if (blurb === undefined) {
      try {
        blurb = page.adapter.readBlurb(element, page.url);
      } catch {
        blurb = null;
      }
    }
    if (blurb && blurb.meta.site === page.adapter.id) out.push(blurb);
  }
  return out;
}

/** Marks the blurbs of works in the history. Resolves when done; `isHistoryPage` leaves out AO3-only markers. */
export async function markBlurbs(page: Page, blurbs: readonly Blurb[], now: number, place: (blurb: HTMLElement, text: string) => void, isHistoryPage = false): Promise<void> {
  if (blurbs.length === 0) return;
  const progress = await getHistoryProgress(blurbs.map((b) => ({ site: b.meta.site, workId: b.meta.id })));
  for (const blurb of blurbs) {
    const entry = progress.get(historyKey(blurb.meta.site, blurb.meta.id)) ?? null;
    const marker = historyMarker(entry, blurb.meta.chapters?.posted ?? null);
    // AO3's History page already says when and how often each work was visited.
    if (!marker || (isHistoryPage && marker.kind === 'visited')) continue;
    place(blurb.element, historyMarkerText(marker, now));
  }
}

/** Marks the blurbs once, after the filters' judging; `signal` takes the markers away. */
export function startListingHistory(page: Page, deps: HistoryDeps, record: boolean, signal: AbortSignal): void {
  const win = page.doc.defaultView;
  const markers = historyMarkers(page.doc);
  let cancelIdle = () => {};
  signal.addEventListener('abort', () => {
    cancelIdle();
    markers.clear();
  }, { once: true });

  const run = async () => {
    const now = deps.now();
    const items = page.adapter.readHistoryItems?.(page.doc, page.url, now) ?? [];
    if (items.length > 0 && record) {
      await mergeAo3History(items).catch((error: unknown) => warn("could not add AO3's History.", error));
    }
    if (signal.aborted) return;
    await markBlurbs(page, pageBlurbs(page), now, (blurb, text) => {
      if (!signal.aborted) markers.set(blurb, text);
    }, items.length > 0);
  };

  void listingJudged().then(() => {
    if (signal.aborted || !win) return;
    cancelIdle = deps.idle(win, () => {
      run().catch((error: unknown) => warn('could not mark the works you read.', error));
    });
  });
}
