/**
 * FanFiction.net listing entries (`div.z-list`: fandom, crossover, community, author and search
 * pages) read into WorkMeta:
 *
 *   <div class="z-list zhover zpointer">
 *     <a class="stitle" href="/s/ID/1/Slug"><img class="cimage" …>Title</a>
 *     [<a href="/s/ID/LAST/Slug">»</a>] by <a href="/u/UID/Pen-Name">Pen Name</a> <a class="reviews" …>reviews</a>
 *     <div class="z-indent z-padtop">Summary…
 *       <div class="z-padtop2 xgray">[Fandom - ]Rated: T - English - … - Complete</div>
 *     </div>
 *   </div>
 */

import type { Blurb, WorkMeta } from './types';
import { metaFromLine, readMetaLine } from './ffn-meta-line';
import { authorFromLink, breadcrumbFandoms, profileLink } from './ffn-page';
import { storyPathParts, storyUrl } from './ffn-urls';
import { collapseWhitespace, textOf } from './text';

/** Every listing entry. A compound selector, so callers can append pseudo-classes. */
export const BLURB_SELECTOR = 'div.z-list';

/** The entry's title link: a.stitle, else the first link to a story. */
function titleLink(entry: Element): Element | null {
  const links = Array.from(entry.querySelectorAll('a[href]'));
  const isStory = (link: Element) => storyPathParts(link.getAttribute('href')) !== null;
  return links.find((link) => link.classList.contains('stitle') && isStory(link)) ?? links.find(isStory) ?? null;
}

/** The gray metadata line (inside the summary block). */
function metaLineElement(entry: Element): Element | null {
  return entry.querySelector('div.z-padtop2.xgray, div.xgray, .xgray');
}

/** The summary: the z-indent block's text without the metadata line in it. */
function summaryText(entry: Element, line: Element | null): string {
  const block = entry.querySelector('div.z-indent');
  if (!block) return '';
  let text = '';
  block.childNodes.forEach((node) => {
    if (node === line || (node.nodeType === 1 && line && (node as Element).contains(line))) return;
    if (node.nodeType === 1 && /^(SCRIPT|STYLE|BUTTON)$/i.test((node as Element).tagName)) return;
    text += node.textContent ?? '';
  });
  return collapseWhitespace(text);
}

/** An entry's WorkMeta; null when it links to no story. `pageFandoms` stand in when the line names none. */
export function readEntryMeta(entry: Element, page: URL | undefined, pageFandoms: () => string[]): WorkMeta | null {
  const link = titleLink(entry);
  const story = storyPathParts(link?.getAttribute('href'));
  if (!link || !story) return null;
  const lineElement = metaLineElement(entry);
  const line = readMetaLine(lineElement ? Array.from(lineElement.childNodes) : []);
  const author = authorFromLink(profileLink(entry), page);
  const posted = line.chapters;
  return {
    site: 'ffn',
    id: story.id,
    url: storyUrl(story.id, story.slug),
    title: textOf(link),
    authors: author ? [author] : [],
    anonymous: false,
    fandoms: line.fandoms.length > 0 ? line.fandoms : pageFandoms(),
    ...metaFromLine(line, posted),
    summary: summaryText(entry, lineElement),
    series: [],
  };
}

/** Creators' HTML (story text) and other entries: an entry nested there is text, never a story of the page. */
const NOT_A_LIST = '.z-list, #storytext, .storytext, #storytextp';

function isEntry(element: Element): boolean {
  return element.classList.contains('z-list') && !element.parentElement?.closest(NOT_A_LIST);
}

/** The fandoms a listing page is about (its breadcrumb), read once and only when needed. */
function pageFandomsOf(node: Node): () => string[] {
  let fandoms: string[] | null = null;
  return () => {
    if (fandoms === null) {
      const doc = node.nodeType === 9 ? (node as Document) : node.ownerDocument;
      try {
        fandoms = doc ? breadcrumbFandoms(doc) : [];
      } catch {
        fandoms = [];
      }
    }
    return [...fandoms];
  };
}

function readWith(element: Element, page: URL | undefined, pageFandoms: () => string[]): Blurb | null {
  try {
    if (!isEntry(element)) return null;
    const meta = readEntryMeta(element, page, pageFandoms);
    // FFN marks no entry as the reader's own.
    return meta ? { element: element as HTMLElement, meta, own: false } : null;
  } catch {
    return null;
  }
}

/** One `div.z-list`, or null when it shows no story it can read. */
export function readEntry(element: Element, page?: URL): Blurb | null {
  return readWith(element, page, pageFandomsOf(element));
}

/** Every readable entry under root (root included when it is one), in page order. */
export function readEntryList(root: ParentNode, page?: URL): Blurb[] {
  try {
    const found = Array.from(root.querySelectorAll(BLURB_SELECTOR));
    const rootElement = root as Partial<Element>;
    if (typeof rootElement.matches === 'function' && rootElement.matches(BLURB_SELECTOR)) found.unshift(root as Element);
    const pageFandoms = pageFandomsOf(root as unknown as Node);
    return found.map((entry) => readWith(entry, page, pageFandoms)).filter((blurb): blurb is Blurb => blurb !== null);
  } catch {
    return [];
  }
}
