/**
 * The page context every content-script feature is given, and what a feature is.
 *
 * Features never import each other. They talk through `page.events` (./events.ts) and answer the
 * popup and background through `page.messages` (./dispatcher.ts). The DOM contract: a feature reads
 * the site's markup only through the adapter (`page.adapter`, `page.work()`), changes only elements it
 * made or marked itself (./marks.ts), and never reads Lamplight's state, its own or another
 * feature's, back from the page; what features must ask of each other is kept in memory
 * (./state/: is the reader open, the filters' verdicts and blurb readings). The one element one
 * feature hands another is the reader's toolbar slot, given in the `reader:change` event.
 */
import type { PageKind, SiteAdapter, Work } from '../../lib/sites/types';
import { createDispatcher, type MessageHandlers } from './dispatcher';
import { createEventHub, type PageEvents } from './events';

export interface Page {
  adapter: SiteAdapter;
  url: URL;
  kind: PageKind;
  doc: Document;
  /** The work this page shows, read once for every feature (workReader); null when none or unreadable. */
  work(): Work | null;
  events: PageEvents;
  messages: MessageHandlers;
}

/**
 * A feature starts on the page kinds it names; everything it adds (listeners, elements, timers) it
 * undoes when `signal` aborts (the content script's context is invalidated, or a test stops it).
 */
export interface Feature {
  /** For warnings: "Lamplight <name>: could not start." */
  name: string;
  kinds: readonly PageKind[];
  start(page: Page, signal: AbortSignal): void | Promise<void>;
}

/** Starts each feature that runs on this page's kind, in order; one that fails never stops the others. */
export function startFeatures(page: Page, features: readonly Feature[], signal: AbortSignal): void {
  for (const feature of features) {
    if (!feature.kinds.includes(page.kind)) continue;
    const failed = (error: unknown) => console.warn(`Lamplight ${feature.name}: could not start.`, error ?? '');
    try {
      const started = feature.start(page, signal);
      if (started) started.catch(failed);
    } catch (error) {
      failed(error);
    }
  }
}

/** The page's kind as the site adapter tells it; 'other' (and a warning) when the adapter fails. */
export function classifyPage(adapter: SiteAdapter, doc: Document, url: URL): PageKind {
  try {
    return adapter.classify(doc, url);
  } catch (error) {
    console.warn('Lamplight could not tell what kind of page this is.', error);
    return 'other';
  }
}

/**
 * The page's work as the adapter reads it, read once the page is parsed and then shared: the
 * filters, bookmarks, the history and the reader all ask, and the page is parsed for them once.
 * A read while the page is still parsing is not kept (the work is not all there yet).
 */
export function workReader(adapter: SiteAdapter, doc: Document, url: URL): () => Work | null {
  let kept: { work: Work | null } | null = null;
  return () => {
    if (kept) return kept.work;
    let work: Work | null = null;
    try {
      work = adapter.readWork(doc, url);
    } catch (error) {
      console.warn('Lamplight could not read the work on this page.', error);
    }
    if (doc.readyState !== 'loading') kept = { work };
    return work;
  };
}

/** A Page whose work is read once (workReader), with its own event hub and messages unless the caller shares them. */
export function createPage(
  adapter: SiteAdapter,
  url: URL,
  kind: PageKind,
  doc: Document,
  work = workReader(adapter, doc, url),
  events: PageEvents = createEventHub(),
  messages: MessageHandlers = createDispatcher(),
): Page {
  return { adapter, url, kind, doc, work, events, messages };
}
