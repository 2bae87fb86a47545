/** A FanFiction.net story page (one chapter per page) read into a Work. */

import { t } from '../i18n';
import type { Author, ChapterLink, ChapterText, Work, WorkMeta } from './types';
import { metaFromLine, readMetaLine, type MetaLine } from './ffn-meta-line';
import { authorFromLink, profileLink, storyBody, storyContent, storyFandoms } from './ffn-page';
import {
  absoluteUrl,
  chapterPath,
  isFfnHost,
  locationFromOnclick,
  slugFromChapterMenuHandler,
  storyPathParts,
  storyUrl,
} from './ffn-urls';
import { collapseWhitespace, plainText, textOf, wholeNumber } from './text';
import { ffnLanguageTag } from './ffn-language';
import { storyLabels } from './ffn-labels';

/** The chapter menu: `select#chap_select` today, `select[name=chapter]` in the older layout (first = top one). */
const CHAPTER_MENU = 'select#chap_select, select[name="chapter"]';

/** The story's id and slug: from the page URL, else from FFN's canonical link. */
function storyIdentity(doc: Document, url: URL): { id: string; slug: string | null; chapter: number | null } | null {
  const fromUrl = isFfnHost(url) ? storyPathParts(url.pathname) : null;
  const canonical = storyPathParts(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'));
  if (fromUrl) return { ...fromUrl, slug: fromUrl.slug ?? (canonical?.id === fromUrl.id ? canonical.slug : null) };
  return canonical;
}

/** "Counting Chapter 1: Skipping Stones, a harry potter fanfic | FanFiction" → "Counting". */
function titleFromDocumentTitle(doc: Document): string {
  const full = collapseWhitespace(doc.title ?? '');
  const withoutSite = full.replace(/,\s+an?\s+.+?\s+fanfic\s*(?:\||-)\s*FanFiction(?:\.Net)?\s*$/i, '');
  if (withoutSite === full) return '';
  return withoutSite.replace(/\s+Chapter\s+\d+(?::.*)?$/i, '').trim();
}

/**
 * The metadata line: `#profile_top span.xgray` today; in the older layout loose text starting
 * "Rated:" before the story, read up to the next script or block.
 */
function metaLineNodes(doc: Document, top: Element | null): Node[] {
  const span = top?.querySelector('span.xgray');
  if (span) return Array.from(span.childNodes);
  const body = doc.body;
  if (top || !body) return [];
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!/^\s*Rated:/.test(node.nodeValue ?? '')) continue;
    if (node.parentElement?.closest('#storytextp, #storytext, script, style, select')) continue;
    const nodes: Node[] = [];
    for (let sibling: Node | null = node; sibling; sibling = sibling.nextSibling) {
      if (sibling.nodeType === 1 && /^(SCRIPT|STYLE|DIV|TABLE|P|BR|CENTER|FORM)$/i.test((sibling as Element).tagName)) break;
      nodes.push(sibling);
    }
    return nodes;
  }
  return [];
}

/** "2. The Long Way Round" → "The Long Way Round". */
function withoutNumberPrefix(text: string): string {
  return collapseWhitespace(text).replace(/^\d+\.\s*/, '');
}

function chapterMenu(doc: Document): HTMLSelectElement | null {
  return doc.querySelector<HTMLSelectElement>(CHAPTER_MENU);
}

/** Every chapter of the chapter menu, with its /s/ID/N/slug URL. */
function chapterList(menu: HTMLSelectElement | null, id: string, slug: string | null, page: URL): ChapterLink[] {
  if (!menu) return [];
  return Array.from(menu.querySelectorAll('option')).flatMap((option, index): ChapterLink[] => {
    const value = (option.getAttribute('value') ?? '').trim();
    const number = wholeNumber(value) ?? index + 1;
    const url = absoluteUrl(chapterPath(id, number, slug), page);
    return url ? [{ number, title: withoutNumberPrefix(option.textContent ?? ''), url }] : [];
  });
}

/** The chapter shown: the menu's selected option, else the chapter in the URL. */
function shownChapter(menu: HTMLSelectElement | null, list: ChapterLink[], fromUrl: number | null): number | null {
  if (list.length === 0) return null;
  const options = menu ? Array.from(menu.querySelectorAll('option')) : [];
  const selected = options.findIndex((option) => option.hasAttribute('selected'));
  const fromMenu = selected >= 0 ? list[selected]?.number : undefined;
  if (fromMenu !== undefined) return fromMenu;
  return fromUrl !== null && list.some((chapter) => chapter.number === fromUrl) ? fromUrl : (list[0]?.number ?? null);
}

/**
 * The "< Prev" / "Next >" buttons (their `self.location='/s/ID/N/slug'` handlers, read as text), else
 * links saying Prev/Next to a chapter of the same story (the mobile edition links its chapters).
 */
function prevNext(doc: Document, id: string, current: number | null, page: URL): { prev: string | null; next: string | null } {
  let prev: string | null = null;
  let next: string | null = null;
  const consider = (target: string | null, label: string) => {
    const parts = storyPathParts(target);
    if (!target || parts?.id !== id || parts.chapter === null) return;
    const isPrev = /prev/i.test(label) || (!/next/i.test(label) && current !== null && parts.chapter < current);
    const isNext = /next/i.test(label) || (!/prev/i.test(label) && current !== null && parts.chapter > current);
    if (isPrev) prev ??= absoluteUrl(target, page);
    else if (isNext) next ??= absoluteUrl(target, page);
  };
  const buttons = doc.querySelectorAll('button[onclick], input[type="button" i][onclick], input[type="submit" i][onclick]');
  for (const button of Array.from(buttons)) {
    const label = collapseWhitespace(`${button.textContent ?? ''} ${button.getAttribute('value') ?? ''}`);
    consider(locationFromOnclick(button.getAttribute('onclick')), label);
  }
  if (prev === null && next === null) {
    for (const link of Array.from(doc.querySelectorAll('a[href]'))) {
      const label = textOf(link);
      if (/^(?:«\s*)?prev(?:ious)?\b|^next\b/i.test(label) && !link.closest('#storytext, #storycontent')) {
        consider(link.getAttribute('href'), label);
      }
    }
  }
  return { prev, next };
}

/** When the page has no buttons: the neighbours in the chapter list. */
function neighbour(list: ChapterLink[], current: number | null, step: -1 | 1): string | null {
  if (current === null) return null;
  return list.find((chapter) => chapter.number === current + step)?.url ?? null;
}

function readAuthors(doc: Document, top: Element | null, page: URL): Author[] {
  // The byline's link in #profile_top; in the older layout the first profile link on the page.
  const link = profileLink(top ?? doc.body);
  const author = authorFromLink(link, page);
  return author ? [author] : [];
}

/** The story's WorkMeta. */
function readStoryMeta(
  doc: Document,
  top: Element | null,
  line: MetaLine,
  id: string,
  slug: string | null,
  list: ChapterLink[],
  page: URL,
): WorkMeta {
  const title = textOf(top?.querySelector(':scope > b.xcontrast_txt, :scope > b')) || titleFromDocumentTitle(doc);
  const authors = readAuthors(doc, top, page);
  // A one-shot's line has no "Chapters:" and the page no chapter menu.
  const posted = line.chapters ?? (list.length > 0 ? list.length : line.rated ? 1 : null);
  return {
    site: 'ffn',
    id,
    url: storyUrl(id, slug),
    title,
    authors,
    anonymous: false,
    fandoms: storyFandoms(doc),
    ...metaFromLine(line, posted),
    summary: plainText(summaryElement(top)),
    series: [],
  };
}

function summaryElement(top: Element | null): HTMLElement | null {
  return top?.querySelector<HTMLElement>(':scope > div.xcontrast_txt') ?? null;
}

/**
 * Where page-level buttons (Reader mode) go: the story's header box `#profile_top`, which holds
 * FFN's own Follow/Fav button; in the older layout, the cell holding the chapter menu.
 */
function navigationElement(top: HTMLElement | null, menu: HTMLSelectElement | null): HTMLElement | null {
  return top ?? menu?.parentElement ?? null;
}

/** The page's story, or null when it shows none (no story text, no story id). */
export function readStoryPage(doc: Document, url: URL): Work | null {
  const body = storyBody(doc);
  const identity = body ? storyIdentity(doc, url) : null;
  if (!body || !identity) return null;
  const { id } = identity;
  const menu = chapterMenu(doc);
  const slug = identity.slug ?? slugFromChapterMenuHandler(menu?.getAttribute('onchange'));
  const top = doc.querySelector<HTMLElement>('#profile_top');
  const list = chapterList(menu, id, slug, url);
  const line = readMetaLine(metaLineNodes(doc, top));
  const meta = readStoryMeta(doc, top, line, id, slug, list, url);
  const fromMenu = shownChapter(menu, list, identity.chapter);
  const buttons = prevNext(doc, id, fromMenu ?? identity.chapter, url);
  // No chapter menu (the mobile edition) but links to other chapters: the URL says which one this is.
  const current = fromMenu ?? (buttons.prev !== null || buttons.next !== null ? identity.chapter : null);
  const chapterTitle = list.find((chapter) => chapter.number === current)?.title ?? '';
  // FFN's chapter menu names an untitled chapter "Chapter 3", in its own (English) words.
  const titled = chapterTitle !== '' && chapterTitle !== `Chapter ${current}`;
  const chapter: ChapterText = {
    number: current ?? 1,
    title:
      current === null
        ? meta.title
        : titled
          ? t('chapterNumberTitled', current, chapterTitle)
          : t('chapterNumber', current),
    body,
    summary: null,
    notes: null,
    endNotes: null,
  };
  return {
    meta,
    labels: storyLabels(line),
    chapterList: list,
    currentChapter: current,
    entireWork: false,
    chapters: [chapter],
    summary: summaryElement(top),
    notes: null,
    endNotes: null,
    prevUrl: buttons.prev ?? neighbour(list, current, -1),
    nextUrl: buttons.next ?? neighbour(list, current, 1),
    entireWorkUrl: null,
    navigation: navigationElement(top, menu),
    content: storyContent(body),
    lang: ffnLanguageTag(meta.language),
  };
}
