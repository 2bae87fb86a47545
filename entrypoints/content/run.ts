import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { parseToContent, type PageStatus } from '../../lib/messages';
import { adapterFor } from '../../lib/sites';
import type { PageKind } from '../../lib/sites/types';
import { continuePastAdultGate } from './adult-gate';
import { bookmarkedHere, startBookmarks } from './bookmarks';
import { startFiltering } from './filtering';
import { startHistory } from './history';
import { forgetWork, historyTextOf } from './history/this-work';
import { startSeriesAction } from './series-action';
import { classifyPage, type Feature } from './page';
import { openReaderView } from './state/reader';

/**
 * What both content scripts do on a page: filtering at once; at DOMContentLoaded, classify the page
 * and start the features; answer `page:status` and `history:forget`. `workFeatures` start on work pages: only the
 * work-page script (../work.content.ts) passes the reader, so the script listings load leaves it out.
 */
export function runContentScript(ctx: ContentScriptContext, workFeatures: readonly Feature[] = []): void {
  const url = new URL(location.href);
  const adapter = adapterFor(url);
  if (!adapter) return;
  const filtering = startFiltering(ctx, adapter, url);
  let kind: PageKind = 'other';

  const onReady = () => {
    kind = classifyPage(adapter, document, url);
    const root = document.documentElement;
    root.dataset.lamplightPage = kind;
    if (kind === 'listing') root.dataset.lamplightBlurbs = String(document.querySelectorAll(adapter.blurbSelector).length);
    const page = { adapter, url, kind, doc: document };
    if (kind === 'work') for (const feature of workFeatures) void feature(ctx, page);
    if (kind === 'adult-gate') {
      continuePastAdultGate(page).catch((error) => console.warn('Lamplight could not continue past the notice.', error));
    }
    void startBookmarks(ctx, page);
    void startHistory(ctx, page);
    startSeriesAction(ctx, page);
  };
  if (document.readyState === 'loading') ctx.addEventListener(document, 'DOMContentLoaded', onReady);
  else onReady();

  const shownWork = () => (kind === 'work' ? adapter.readWork(document, url)?.meta ?? null : null);

  const status = async (): Promise<PageStatus> => {
    const work = shownWork();
    const history = work ? await historyTextOf(work, Date.now()).catch(() => null) : null;
    return {
      site: adapter.id,
      kind,
      filtered: filtering.filteredCount(),
      readerOn: openReaderView() !== null,
      work: work ? { site: work.site, id: work.id, title: work.title } : null,
      ...(bookmarkedHere() !== null ? { bookmarked: bookmarkedHere() === true } : {}),
      ...(history ? { history } : {}),
    };
  };

  const forget = async () => {
    const work = shownWork();
    if (!work) return { forgotten: false };
    await forgetWork(work);
    return { forgotten: true };
  };

  const onMessage = (message: unknown) => {
    const parsed = parseToContent(message);
    if (parsed?.type === 'page:status') return status();
    if (parsed?.type === 'history:forget') return forget();
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
}
