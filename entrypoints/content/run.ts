import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PageStatus } from '../../lib/messages';
import type { PageKind, SiteAdapter } from '../../lib/sites/types';
import { adultGate } from './adult-gate';
import { bookmarkedHere } from './bookmarks';
import { createDispatcher, listenForMessages } from './dispatcher';
import { createEventHub } from './events';
import { startFiltering } from './filtering';
import { seriesAction } from './series-action';
import type { WorkHistoryAnswers } from './history/this-work';
import { classifyPage, createPage, startFeatures, workReader, type Feature } from './page';
import { openReaderView } from './state/reader';

/** What one content script brings besides filtering: each script passes only what its pages use. */
export interface PageScript {
  /** Started at DOMContentLoaded, in this order, each on the page kinds it declares. */
  features: readonly Feature[];
  /** The popup's questions about the work shown (its history line, Forget this work). */
  workHistory?: WorkHistoryAnswers;
}

/** Every page's script has these after its own features. */
const SHARED_FEATURES: readonly Feature[] = [adultGate, seriesAction];

/**
 * What every content script does on a page of its site (`adapter`): filtering at once; at
 * DOMContentLoaded, classify the page and start the features on one page context (./page.ts); one
 * message listener (./dispatcher.ts), which answers `page:status` and `history:forget` here. One
 * AbortSignal, aborted when the context is invalidated, stops every feature. Only the work pages'
 * scripts (./work-script.ts) pass the reader and the work-page parts, so listings never load them.
 */
export function runContentScript(ctx: ContentScriptContext, adapter: SiteAdapter, script: PageScript): void {
  const { features, workHistory } = script;
  const url = new URL(location.href);
  const readWork = workReader(adapter, document, url);
  const events = createEventHub();
  const filtering = startFiltering(ctx, adapter, url, readWork, events);
  const controller = new AbortController();
  const { signal } = controller;
  ctx.onInvalidated(() => controller.abort());
  const messages = createDispatcher();
  let kind: PageKind = 'other';

  const onReady = () => {
    kind = classifyPage(adapter, document, url);
    const root = document.documentElement;
    root.dataset.lamplightPage = kind;
    if (kind === 'listing') root.dataset.lamplightBlurbs = String(document.querySelectorAll(adapter.blurbSelector).length);
    const page = createPage(adapter, url, kind, document, readWork, events, messages);
    startFeatures(page, [...features, ...SHARED_FEATURES], signal);
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

  messages.handle('page:status', status, signal);
  messages.handle('history:forget', forget, signal);
  listenForMessages(messages, signal);
}
