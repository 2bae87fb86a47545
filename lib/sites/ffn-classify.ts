/** What kind of FanFiction.net page a document is, from its content (never its <title>). */

import type { PageKind } from './types';
import { BLURB_SELECTOR } from './ffn-blurbs';
import { storyBody } from './ffn-page';
import { isFfnHost, storyPathParts } from './ffn-urls';
import { textOf } from './text';

/** The story the page is about: the URL's /s/ID, else FFN's canonical link. */
function hasStoryId(doc: Document, url: URL): boolean {
  if (isFfnHost(url) && storyPathParts(url.pathname)) return true;
  return storyPathParts(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')) !== null;
}

/**
 * FFN's error box, `span.gui_warning` (in `div.panel_warning`): "Story Not Found" + "Unable to
 * locate story. Code 1." or "Story is unavailable for reading. (A)"; "Chapter not found. …" for a
 * chapter past the last one.
 */
function isNotFound(doc: Document): boolean {
  return Array.from(doc.querySelectorAll('.gui_warning, .panel_warning')).some((box) =>
    /^(story not found|chapter not found)/i.test(textOf(box)),
  );
}

/** Listing entries that link to a story. */
function hasEntries(doc: Document): boolean {
  return Array.from(doc.querySelectorAll(BLURB_SELECTOR)).some((entry) =>
    Array.from(entry.querySelectorAll('a[href]')).some((link) => storyPathParts(link.getAttribute('href')) !== null),
  );
}

export function classifyPage(doc: Document, url: URL): PageKind {
  if (storyBody(doc) && hasStoryId(doc, url)) return 'work';
  if (isNotFound(doc)) return 'not-found';
  if (hasEntries(doc)) return 'listing';
  return 'other';
}
