/**
 * Closing the reader lands on what it showed: the story paragraph at the top of the reader's view
 * goes to the top of the site's page (same chapter number, same paragraph index, the same fraction
 * into it). Both show the same story paragraphs (../story-paragraphs.ts). A chapter the page does
 * not show cannot happen: the reader moves between chapter pages by URL, so after such a move the
 * page is that chapter.
 *
 * Cost: about log₂ n paragraph boxes of the reader, still laid out, before it goes; then one
 * paragraph box of the page, whose layout painting it needs anyway. No pass over the whole page.
 */
import { anchorAtLazy, type Box } from '../../../lib/bookmarks/progress';
import { sectionAtLazy } from '../../../lib/reader/progress';
import type { Work } from '../../../lib/sites/types';
import { storyParagraphs } from '../story-paragraphs';

export interface ExitPlace {
  chapter: number;
  paragraph: number;
  /** 0..1 into that paragraph at the top of the view. */
  offset: number;
}

/** One chapter as the reader shows it: its number, its box, and the element holding its paragraphs. */
export interface ReaderSection {
  number: number;
  element: Element;
  text: Element;
}

const boxOf = (el: Element | undefined): Box => {
  if (!el) return { top: Infinity, height: 0 };
  const rect = el.getBoundingClientRect();
  return { top: rect.top, height: rect.height };
};

/**
 * The paragraph at the top of the reader's view (`line`: 0 = the top); null when there is none or
 * the view is still above the story's first paragraph (the reader's own header and toolbar: the
 * page then goes back to where it was when the reader opened).
 */
export function readerPlace(sections: readonly ReaderSection[], viewportHeight: number, line = 0): ExitPlace | null {
  if (sections.length === 0) return null;
  const index =
    sections.length === 1 ? 0 : sectionAtLazy(sections.length, (i) => boxOf(sections[i]?.element).top, line + 1);
  const section = sections[index];
  if (!section) return null;
  const paragraphs = storyParagraphs(section.text);
  if (index === 0 && boxOf(paragraphs[0]).top > line) return null;
  const anchor = anchorAtLazy(paragraphs.length, (i) => boxOf(paragraphs[i]), line, viewportHeight);
  if (!anchor) return null;
  return { chapter: section.number, paragraph: anchor.paragraph, offset: anchor.offset };
}

/**
 * Scrolls the site's page so the place is at the top of the view. Returns false (nothing scrolled)
 * when the page does not show that chapter or paragraph, or it takes no room.
 */
export function scrollPageToPlace(win: Window, work: Work, place: ExitPlace | null, left: number, line = 0): boolean {
  if (!place) return false;
  const chapter = work.chapters.find((c) => c.number === place.chapter);
  if (!chapter) return false;
  const paragraph = storyParagraphs(chapter.body)[place.paragraph];
  if (!paragraph) return false;
  const rect = paragraph.getBoundingClientRect();
  if (rect.height === 0 && rect.width === 0) return false;
  const top = win.scrollY + rect.top + place.offset * rect.height - line;
  win.scrollTo({ top: Math.max(0, top), left, behavior: 'instant' });
  return true;
}
