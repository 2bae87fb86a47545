/**
 * The reading history on a work page. Once the page is painted and the browser idle, one look is
 * recorded: the chapter opened (one storage write). Then, each time the end of a chapter comes
 * into view (its last story paragraph, on the site's page or in Lamplight's reader), that chapter
 * is recorded as read to its end: the end of the last posted chapter makes the work finished.
 * Nothing is recorded while the filters' shield holds the work back.
 * Intersection observers, not scroll listeners: nothing runs on the page's main thread while
 * the reader scrolls, until an end is reached. Their root reaches far above the view, so an end
 * jumped past (the End key, a resume) counts as reached as well as one scrolled onto.
 * A work forgotten while its page is open (the popup's Forget this work, or Forget everything) is
 * not recorded again from this page.
 */
import { visitFromWork } from '../../../lib/history/record';
import type { Work } from '../../../lib/sites/types';
import { recordHistoryVisit, watchHistoryForgotten } from '../../../lib/storage/history';
import type { Page } from '../page';
import { isJudging, verdictOf } from '../state/verdicts';
import { chapterViews, storyParagraphs } from '../story';
import type { HistoryDeps } from './deps';

/** The view and everything above it: an element there has been shown, or scrolled past. */
const SHOWN_OR_PASSED = '1000000px 0px 0px 0px';

const warn = (message: string, error?: unknown) => console.warn(`Lamplight history: ${message}`, error ?? '');

/** Records this work's visit until `signal` aborts, or the work is forgotten. */
export function startWorkHistory(page: Page, deps: HistoryDeps, signal: AbortSignal): void {
  const doc = page.doc;
  const win = doc.defaultView;
  const { events } = page;
  // Stopped by the feature's signal, or by the work being forgotten.
  const running = new AbortController();
  const stopped = running.signal;
  if (signal.aborted) return;
  signal.addEventListener('abort', () => running.abort(), { once: true });
  let work: Work | null = null;
  let opened = false;
  const ended = new Set<number>();
  let observer: IntersectionObserver | null = null;
  stopped.addEventListener('abort', () => observer?.disconnect(), { once: true });

  const record = (chapter: number, reachedEnd: boolean) => {
    if (stopped.aborted || !work) return;
    const visit = visitFromWork(work.meta, { chapter, reachedEnd, at: deps.now() });
    recordHistoryVisit(visit).catch((error: unknown) => warn('could not record this visit.', error));
  };

  /** The first look: the chapter opened, read to its end if that end is already in view. */
  const open = (firstShown: number | undefined, endsInView: number[]) => {
    opened = true;
    const chapter = work?.currentChapter ?? firstShown ?? 1;
    const endSeen = endsInView.includes(chapter);
    if (endSeen) ended.add(chapter);
    record(chapter, endSeen);
  };

  const observeEnds = () => {
    if (stopped.aborted || !work || !win) return;
    observer?.disconnect();
    const { views } = chapterViews(doc, work);
    const ends = new Map<Element, number>();
    for (const view of views) {
      const paragraphs = storyParagraphs(view.container);
      const last = paragraphs[paragraphs.length - 1];
      if (last) ends.set(last, view.number);
    }
    if (ends.size === 0 || typeof win.IntersectionObserver !== 'function') {
      if (!opened) open(views[0]?.number, []);
      return;
    }
    observer = new win.IntersectionObserver((entries) => {
      const reached = entries
        .filter((entry) => entry.isIntersecting)
        .map((entry) => ends.get(entry.target))
        .filter((n): n is number => n !== undefined);
      if (!opened) open(views[0]?.number, reached);
      for (const chapter of reached) {
        if (ended.has(chapter)) continue;
        ended.add(chapter);
        record(chapter, true);
      }
    }, { rootMargin: SHOWN_OR_PASSED });
    for (const element of ends.keys()) observer.observe(element);
  };

  /** Starts once the work is shown (not shielded, not awaiting the filters' judgement). */
  const begin = () => {
    if (stopped.aborted) return;
    work = page.work();
    if (!work) return;
    const unwatchForgotten = watchHistoryForgotten(work.meta.site, work.meta.id, () => running.abort());
    stopped.addEventListener('abort', unwatchForgotten, { once: true });
    const content = work.content;
    const held = () => verdictOf(content) === 'shielded' || (isJudging() && verdictOf(content) === null);
    const go = () => {
      observeEnds();
      events.on('reader:change', observeEnds, stopped);
    };
    if (!held()) return go();
    const unwatch = events.on('filter:verdicts', () => {
      if (held()) return;
      unwatch();
      go();
    }, stopped);
  };

  if (win) stopped.addEventListener('abort', deps.idle(win, begin), { once: true });
}
