import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PageKind, SiteAdapter } from '../../lib/sites/types';

/** What every content-script feature is told about the page it runs on. */
export interface Page {
  adapter: SiteAdapter;
  url: URL;
  kind: PageKind;
  doc: Document;
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
