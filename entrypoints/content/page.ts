import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PageKind, SiteAdapter, Work } from '../../lib/sites/types';

/** What every content-script feature is told about the page it runs on. */
export interface Page {
  adapter: SiteAdapter;
  url: URL;
  kind: PageKind;
  doc: Document;
  /** The work this page shows, read once for every feature (workReader); null when none or unreadable. */
  work(): Work | null;
}

/** A feature starts on a page and returns how to stop it (undoing every change it made). */
export type Feature = (ctx: ContentScriptContext, page: Page) => (() => void) | Promise<() => void>;

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

/** A Page whose work is read once (workReader), unless the caller already shares a reader. */
export function createPage(adapter: SiteAdapter, url: URL, kind: PageKind, doc: Document, work = workReader(adapter, doc, url)): Page {
  return { adapter, url, kind, doc, work };
}
