/**
 * A page context built as the content script builds it (entrypoints/content/run.ts): one event hub,
 * one message dispatcher listening on WXT's fake browser, and features started on their page kinds
 * with one AbortSignal. `stop` aborts it, as an invalidated context does.
 */
import { createDispatcher, listenForMessages } from '../../entrypoints/content/dispatcher';
import { createPage, startFeatures, type Feature, type Page } from '../../entrypoints/content/page';
import type { PageKind, SiteAdapter } from '../../lib/sites/types';

export interface StartedPage {
  page: Page;
  signal: AbortSignal;
  stop(): void;
}

export function startOnPage(adapter: SiteAdapter, url: string | URL, kind: PageKind, features: readonly Feature[], doc: Document = document): StartedPage {
  const controller = new AbortController();
  const messages = createDispatcher();
  const page = createPage(adapter, new URL(url), kind, doc, undefined, undefined, messages);
  listenForMessages(messages, controller.signal);
  startFeatures(page, features, controller.signal);
  return { page, signal: controller.signal, stop: () => controller.abort() };
}
