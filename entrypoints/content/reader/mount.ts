/**
 * The reader's place in the page: a host element beside <body> with the reader in its shadow root,
 * the document-level style that hides the site's page (lib/reader/style.ts: pageCss, content-visibility,
 * which keeps the page's layout for the way back), and the attribute saying the reader is on.
 * `attachShell` makes these changes; `detachShell` and `restorePage` undo exactly them.
 */
import { t } from '../../../lib/i18n';
import type { Work } from '../../../lib/sites/types';
import { h, type Child } from './dom';
import { scrollPageToPlace, type ExitPlace } from './exit-place';
import readerCss from './reader.css?inline';

export const HOST_ID = 'lamplight-reader-host';
export const PAGE_STYLE_ID = 'lamplight-reader-page-style';
export const READER_ATTRIBUTE = 'data-lamplight-reader';

export interface ReaderShell {
  host: HTMLElement;
  root: ShadowRoot;
  /** The reader's outermost element, in the shadow root. */
  wrapper: HTMLElement;
  /** Hides the site's page; filled by ./appearance.ts, in the document's head while open. */
  pageStyle: HTMLStyleElement;
}

/** The host and its shadow root holding the reader's stylesheet and `parts`, all still detached. */
export function buildShell(doc: Document, parts: Child[]): ReaderShell {
  const host = doc.createElement('lamplight-reader');
  host.id = HOST_ID;
  const root = host.attachShadow({ mode: 'open' });
  const style = h(doc, 'style', null, readerCss);
  const wrapper = h(
    doc,
    'div',
    { class: 'reader', id: 'll-reader', tabindex: -1, role: 'region', 'aria-label': t('readerRegion') },
    ...parts,
  );
  root.append(style, wrapper);
  return { host, root, wrapper, pageStyle: h(doc, 'style', { id: PAGE_STYLE_ID }) };
}

/**
 * One insertion, then the style that hides the site's page. Beside body, not in it: pageCss hides
 * body whole (a selector Chromium can invalidate cheaply), and the site's body markup is never
 * touched. `measure` runs while the reader holds only its controls (a small layout; the site's page
 * is still laid out as it was), then the story goes in before `storyBefore`, then the page is
 * hidden: one layout of the story, in the next frame.
 */
export function attachShell(doc: Document, shell: ReaderShell, story: HTMLElement, storyBefore: HTMLElement, measure: () => void): void {
  const html = doc.documentElement;
  html.append(shell.host);
  measure();
  storyBefore.before(story);
  (doc.head ?? html).append(shell.pageStyle);
  html.setAttribute(READER_ATTRIBUTE, 'on');
}

/** Takes the reader out and shows the site's page again. */
export function detachShell(doc: Document, shell: ReaderShell): void {
  shell.host.remove();
  shell.pageStyle.remove();
  doc.documentElement.removeAttribute(READER_ATTRIBUTE);
}

/**
 * Scrolls the site's page to the story paragraph the reader showed at its top (./exit-place.ts), or
 * back to where the page was when the reader opened.
 */
export function restorePage(win: Window, work: Work, place: ExitPlace | null, saved: { x: number; y: number }): void {
  if (!scrollPageToPlace(win, work, place, saved.x)) {
    win.scrollTo({ top: saved.y, left: saved.x, behavior: 'instant' });
  }
}
