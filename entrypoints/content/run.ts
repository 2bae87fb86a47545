import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { parseToContent, type PageStatus } from '../../lib/messages';
import { adapterFor } from '../../lib/sites';
import type { PageKind } from '../../lib/sites/types';
import { continuePastAdultGate } from './adult-gate';
import { bookmarkedHere } from './bookmarks';
import { startFiltering } from './filtering';
import { startSeriesAction } from './series-action';
import type { WorkHistoryAnswers } from './history/this-work';
import { classifyPage, createPage, workReader, type Feature } from './page';
import { openReaderView } from './state/reader';

/** What one content script brings besides filtering: each script passes only what its pages use. */
export interface PageScript {
  /** Started on every page at DOMContentLoaded (bookmarks, the history: with or without their work-page parts). */
  features: readonly Feature[];
  /** Started on work pages only (the reader). */
  workFeatures?: readonly Feature[];
  /** The popup's questions about the work shown (its history line, Forget this work). */
  workHistory?: WorkHistoryAnswers;
}

/**
 * What both content scripts do on a page: filtering at once; at DOMContentLoaded, classify the page
 * and start the features; answer `page:status` and `history:forget`. Only the work pages' script
 * (../work.content.ts) passes the reader and the work-page parts, so listings never load them.
 */
export function runContentScript(ctx: ContentScriptContext, script: PageScript): void {
  const { features, workFeatures = [], workHistory } = script;
  const url = new URL(location.href);
  const adapter = adapterFor(url);
  if (!adapter) return;
  const readWork = workReader(adapter, document, url);
  const filtering = startFiltering(ctx, adapter, url, readWork);
  let kind: PageKind = 'other';

  const onReady = () => {
    kind = classifyPage(adapter, document, url);
    const root = document.documentElement;
    root.dataset.lamplightPage = kind;
    if (kind === 'listing') root.dataset.lamplightBlurbs = String(document.querySelectorAll(adapter.blurbSelector).length);
    const page = createPage(adapter, url, kind, document, readWork);
    if (kind === 'work') for (const feature of workFeatures) void feature(ctx, page);
    if (kind === 'adult-gate') {
      continuePastAdultGate(page).catch((error) => console.warn('Lamplight could not continue past the notice.', error));
    }
    for (const feature of features) void feature(ctx, page);
    startSeriesAction(ctx, page);
  };
  if (document.readyState === 'loading') ctx.addEventListener(document, 'DOMContentLoaded', onReady);
  else onReady();

  const shownWork = () => (kind === 'work' ? readWork()?.meta ?? null : null);

  const status = async (): Promise<PageStatus> => {
    const work = shownWork();
    const history = work && workHistory ? await workHistory.textOf(work, Date.now()).catch(() => null) : null;
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
    if (!work || !workHistory) return { forgotten: false };
    await workHistory.forget(work);
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
