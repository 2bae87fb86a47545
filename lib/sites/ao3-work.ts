/** An AO3 work page (one-shot, one chapter, or the Entire Work view) read into a Work. */

import { t } from '../i18n';
import type { ChapterLink, ChapterText, Work } from './types';
import { readWorkMeta, workPreface } from './ao3-work-meta';
import { absoluteUrlWithoutHash, workIdFromPath, workIdFromUrl } from './ao3-urls';
import { collapseWhitespace, languageTag, textOf, wholeNumber } from './text';

/** The work id: from the page URL, else from the work's own links. */
function workId(doc: Document, url: URL): string | null {
  const fromUrl = workIdFromUrl(url);
  if (fromUrl) return fromUrl;
  const links = doc.querySelectorAll(
    'ul.work.navigation a[href], #chapters div.chapter > div.chapter.preface h3.title a[href]',
  );
  for (const link of Array.from(links)) {
    const id = workIdFromPath(link.getAttribute('href'));
    if (id) return id;
  }
  return null;
}

/** The chapter blocks on the page: one on a chapter page, all of them on the Entire Work view. */
function chapterBlocks(content: Element): HTMLElement[] {
  return Array.from(content.querySelectorAll<HTMLElement>('#chapters > div.chapter[id^="chapter-"]'));
}

/** "chapter-3" → 3. */
function chapterNumber(block: Element): number | null {
  const match = /^chapter-(\d+)$/.exec(block.id);
  return wholeNumber(match?.[1]);
}

/** A chapter block's preface module (summary, notes or end notes), never one in the story text. */
function chapterModule(block: Element, selector: string): HTMLElement | null {
  return block.querySelector<HTMLElement>(`:scope > div.chapter.preface.group > ${selector}`);
}

function chapterHeading(block: Element): Element | null {
  return block.querySelector(':scope > div.chapter.preface.group > h3.title');
}

/** One chapter block as ChapterText; null when it holds no story text. */
function chapterText(block: HTMLElement, index: number): ChapterText | null {
  const body = block.querySelector<HTMLElement>(':scope > div.userstuff');
  if (!body) return null;
  const number = chapterNumber(block) ?? index + 1;
  return {
    number,
    title: textOf(chapterHeading(block)) || t('chapterNumber', number),
    body,
    summary: chapterModule(block, 'div.summary.module'),
    notes: chapterModule(block, 'div.notes.module:not(.end)'),
    endNotes: chapterModule(block, 'div.end.notes.module'),
  };
}

/** The story text of a single-chapter work: #chapters > div.userstuff. */
function oneShotText(content: Element, title: string): ChapterText | null {
  const body = content.querySelector<HTMLElement>('#chapters > div.userstuff');
  if (!body) return null;
  return { number: 1, title, body, summary: null, notes: null, endNotes: null };
}

/** "2. The Long Way Round" → "The Long Way Round". */
function withoutNumberPrefix(text: string): string {
  return collapseWhitespace(text).replace(/^\d+\.\s*/, '');
}

/** The chapter list of the chapter view's chapter menu (select#selected_id). */
function chaptersFromMenu(doc: Document, id: string, page: URL): ChapterLink[] {
  const options = Array.from(doc.querySelectorAll('select#selected_id option'));
  return options.flatMap((option, index): ChapterLink[] => {
    const value = option.getAttribute('value') ?? '';
    const url = /^\d+$/.test(value) ? absoluteUrlWithoutHash(`/works/${id}/chapters/${value}`, page) : null;
    return url ? [{ number: index + 1, title: withoutNumberPrefix(option.textContent ?? ''), url }] : [];
  });
}

/** A chapter heading "Chapter 2: Title" → "Title"; an untitled "Chapter 2" stays as it is. */
function titleFromHeading(heading: Element | null, number: number): string {
  const full = textOf(heading);
  // AO3's own words: its pages are in English whatever the reader's language.
  const afterColon = /^Chapter\s+\d+\s*:\s*(.+)$/.exec(full)?.[1];
  return afterColon ?? (full || t('chapterNumber', number));
}

/** The chapter list from the chapter headings on the page (the Entire Work view). */
function chaptersFromHeadings(blocks: HTMLElement[], page: URL): ChapterLink[] {
  return blocks.flatMap((block, index): ChapterLink[] => {
    const heading = chapterHeading(block);
    const url = absoluteUrlWithoutHash(heading?.querySelector('a[href]')?.getAttribute('href'), page);
    const number = chapterNumber(block) ?? index + 1;
    return url ? [{ number, title: titleFromHeading(heading, number), url }] : [];
  });
}

function navigationLink(navigation: Element | null, selector: string, page: URL): string | null {
  return absoluteUrlWithoutHash(navigation?.querySelector(`${selector} > a[href]`)?.getAttribute('href'), page);
}

/** Whether the page is the Entire Work view of a chaptered work. */
function isEntireWork(navigation: Element | null, blocks: HTMLElement[], page: URL): boolean {
  if (blocks.length === 0) return false;
  const byChapter = navigation?.querySelector('li.chapter.bychapter') ?? null;
  return byChapter !== null || page.searchParams.get('view_full_work') === 'true';
}

/** The number of the chapter shown on a chapter page. */
function shownChapter(doc: Document, blocks: HTMLElement[]): number | null {
  const first = blocks[0];
  const fromBlock = first ? chapterNumber(first) : null;
  if (fromBlock !== null) return fromBlock;
  const options = Array.from(doc.querySelectorAll('select#selected_id option'));
  const selected = options.findIndex((option) => option.hasAttribute('selected'));
  return selected >= 0 ? selected + 1 : null;
}

/** The page's work, or null when it shows none (no #workskin, no work id). */
export function readWorkPage(doc: Document, url: URL): Work | null {
  const content = doc.querySelector<HTMLElement>('#workskin');
  const id = content ? workId(doc, url) : null;
  if (!content || !id) return null;
  const { meta, labels } = readWorkMeta(doc, content, id);
  const navigation = doc.querySelector<HTMLElement>('ul.work.navigation.actions');
  const blocks = chapterBlocks(content);
  const entireWork = isEntireWork(navigation, blocks, url);
  const preface = workPreface(content);
  const menu = chaptersFromMenu(doc, id, url);
  const chapters =
    blocks.length > 0
      ? blocks.map(chapterText).filter((chapter): chapter is ChapterText => chapter !== null)
      : [oneShotText(content, meta.title)].filter((chapter): chapter is ChapterText => chapter !== null);
  return {
    meta,
    labels,
    chapterList: menu.length > 0 ? menu : chaptersFromHeadings(blocks, url),
    currentChapter: blocks.length > 0 && !entireWork ? shownChapter(doc, blocks) : null,
    entireWork,
    chapters,
    summary: preface?.querySelector<HTMLElement>(':scope > div.summary.module') ?? null,
    notes: preface?.querySelector<HTMLElement>(':scope > div.notes.module') ?? null,
    endNotes: content.querySelector<HTMLElement>('#work_endnotes'),
    prevUrl: navigationLink(navigation, 'li.chapter.previous', url),
    nextUrl: navigationLink(navigation, 'li.chapter.next', url),
    entireWorkUrl: navigationLink(navigation, 'li.chapter.entire', url),
    navigation,
    content,
    lang: languageTag(doc.querySelector('dl.work.meta.group dd.language')?.getAttribute('lang')),
  };
}
