/**
 * The story as shown now, structurally: the chapters on view (in Lamplight's reader when it is
 * open, known from ./state/reader.ts, else on the site's page) and each chapter's story paragraphs.
 * Shared by the features that follow the reader (bookmarks' progress, the reading history).
 */
import type { Work } from '../../lib/sites/types';
import { openReaderView } from './state/reader';

/** One chapter as shown: its number and the element whose children are the story paragraphs. */
export interface ChapterView {
  number: number;
  container: Element;
}

const HEADING = /^H[1-6]$/;
/** A parent's element children that can be a paragraph of the story (one query, not a walk). */
const BLOCKS = ':scope > :not(script, style, template, noscript, link, meta)';
/** Elements that only wrap the story (a work skin's `<div>` around every paragraph). */
const WRAPPER = /^(DIV|SECTION|ARTICLE|MAIN|BLOCKQUOTE|CENTER)$/;

function blockChildren(parent: Element, skipLeadingHeading: boolean): Element[] {
  const out = Array.from(parent.querySelectorAll(BLOCKS));
  // AO3's visually-hidden "Chapter Text" landmark heading (the reader keeps its copy too).
  if (skipLeadingHeading && out[0] && HEADING.test(out[0].tagName)) out.shift();
  return out;
}

/**
 * The story paragraphs of a chapter: the body's block children (leading landmark heading left out),
 * looking through a lone wrapper. Structural only, so the site's page and the reader's copy agree.
 */
export function storyParagraphs(container: Element): Element[] {
  let parent = container;
  let kids = blockChildren(parent, true);
  for (let depth = 0; depth < 4; depth += 1) {
    const only = kids.length === 1 ? kids[0] : undefined;
    if (!only || !WRAPPER.test(only.tagName) || only.firstElementChild === null) break;
    parent = only;
    kids = blockChildren(parent, false);
  }
  return kids.length > 0 ? kids : [container];
}

/** The chapters as shown now (in the reader when it is open). */
export function chapterViews(doc: Document, work: Work): { views: ChapterView[]; reader: boolean } {
  const open = openReaderView();
  if (open && open.chapters.length > 0) return { views: [...open.chapters], reader: true };
  return {
    views: work.chapters.map((chapter) => ({ number: chapter.number, container: chapter.body })),
    reader: false,
  };
}
