/**
 * The story part of the reader, built from the adapter's Work: the header (./work-head.ts), then per
 * chapter its title, summary and notes (folded), the story text and end notes; then the work's end notes.
 *
 * The site's nodes are only read: story markup is copied node by node, keeping only what is safe
 * (./sanitize.ts), into elements that are not yet in the document; never re-parsed from a string, never moved.
 */
import { t, type MessageKey } from '../../../lib/i18n';
import { aspectRatioOf, SCALED_MEDIA } from '../../../lib/reader/media';
import type { ChapterText, Work } from '../../../lib/sites/types';
import { h } from './dom';
import { copyChildrenClean as copyChildren } from './sanitize';
import { buildWorkHead, type TagsDisclosure } from './work-head';

export interface StorySection {
  /** 1-based chapter number. */
  number: number;
  element: HTMLElement;
  /** The chapter heading, a focus target for chapter jumps (null for a one-shot). */
  heading: HTMLElement | null;
  /** The site's story element this section copies (read for word counts). */
  source: HTMLElement;
  /** The copy's story paragraphs' parent. */
  text: HTMLElement;
}

export interface Story {
  main: HTMLElement;
  sections: StorySection[];
  /** One chapter on this page and no chapter list: a one-shot. */
  oneShot: boolean;
  /** The header's Show tags button and its tags, when the work has any. */
  tags: TagsDisclosure | null;
}

const HEADING = /^H[1-6]$/;

/** The first element child, when it is a heading (AO3's "Summary:", "Notes:", "Chapter Text" landmark). */
function leadingHeading(source: Element): Element | null {
  const first = source.firstElementChild;
  return first && HEADING.test(first.tagName) ? first : null;
}

/**
 * A folded summary or notes block. The module's own heading ("Notes:") is left out: the
 * <summary> names it. The source's id goes onto the <details> so in-story links such as
 * "(See the end of the chapter for more notes.)" still find it inside the shadow root.
 */
function notesBlock(doc: Document, source: HTMLElement | null, label: MessageKey, extraClass = ''): HTMLElement | null {
  if (!source) return null;
  const details = h(doc, 'details', { class: `notes ${extraClass}`.trim(), id: source.id && !source.id.startsWith('ll-') ? source.id : null });
  details.append(h(doc, 'summary', null, t(label)));
  const body = h(doc, 'div', { class: 'notes-body' });
  copyChildren(doc, source, body, leadingHeading(source));
  details.append(body);
  return details;
}

/** Whether an element holds no story: no text beyond its leading heading, no picture or media. */
export function isEmptyStory(source: Element): boolean {
  const skip = leadingHeading(source);
  for (let node = source.firstChild; node; node = node.nextSibling) {
    if (node === skip) continue;
    if (node.nodeType === 3 && /\S/.test(node.nodeValue ?? '')) return false;
    if (node.nodeType === 1) {
      const el = node as Element;
      if (/\S/.test(el.textContent ?? '')) return false;
      if (/^(IMG|VIDEO|AUDIO|IFRAME|PICTURE|SVG|OBJECT|EMBED)$/i.test(el.tagName)) return false;
      if (el.querySelector('img, video, audio, iframe, picture, svg, object, embed')) return false;
    }
  }
  return true;
}

/** The story text of a chapter, without its leading landmark heading (for word counts). */
export function storyText(source: Element): string {
  const skip = leadingHeading(source);
  if (!skip) return source.textContent ?? '';
  let text = '';
  for (let node = source.firstChild; node; node = node.nextSibling) {
    if (node !== skip) text += `${node.textContent ?? ''} `;
  }
  return text;
}

/** Wide embeds scale down with the column and keep the shape the page gave them (lib/reader/media.ts). */
function keepMediaShape(text: HTMLElement): void {
  for (const media of text.querySelectorAll<HTMLElement>(SCALED_MEDIA)) {
    const ratio = aspectRatioOf(media.getAttribute('width'), media.getAttribute('height'));
    if (!ratio) continue;
    media.style.setProperty('aspect-ratio', ratio);
    media.style.setProperty('height', 'auto');
  }
}

function chapterSection(
  doc: Document,
  chapter: ChapterText,
  index: number,
  withHeading: boolean,
  inChapters: boolean,
): StorySection {
  const headingId = `ll-chapter-${index + 1}`;
  const heading = withHeading
    ? h(doc, 'h2', { class: 'chapter-title', id: headingId, tabindex: -1 }, chapter.title)
    : null;
  const section = h(doc, 'section', {
    class: 'chapter',
    'data-chapter': chapter.number,
    'aria-labelledby': heading ? headingId : null,
  });
  const text = h(doc, 'div', { class: 'text' });
  if (isEmptyStory(chapter.body)) {
    text.append(h(doc, 'p', { class: 'empty' }, t('readerEmptyChapter')));
  } else {
    // Keep AO3's visually-hidden "Chapter Text" landmark heading: screen readers still find it.
    copyChildren(doc, chapter.body, text, null);
    keepMediaShape(text);
  }
  const parts = [
    heading,
    notesBlock(doc, chapter.summary, inChapters ? 'readerChapterSummary' : 'readerSummary'),
    notesBlock(doc, chapter.notes, inChapters ? 'readerChapterNotes' : 'readerNotes'),
    text,
    notesBlock(doc, chapter.endNotes, inChapters ? 'readerChapterEndNotes' : 'readerEndNotes', 'end-notes'),
  ];
  for (const part of parts) if (part) section.append(part);
  return { number: chapter.number, element: section, heading, source: chapter.body, text };
}

/** Builds the story column. Nothing here is in the document yet: the caller appends it once. */
export function buildStory(doc: Document, work: Work): Story {
  const oneShot = work.chapters.length === 1 && work.chapterList.length <= 1 && work.currentChapter === null && !work.entireWork;
  const several = work.chapters.length > 1 || work.chapterList.length > 1;
  // An article, not <main>: it sits inside the reader's "Reader" region, and a main landmark must be top-level.
  // The story's language, so justified text hyphenates by its rules (`hyphens: auto` needs it).
  const main = h(doc, 'article', { class: 'page', lang: work.lang ?? null });

  const head = buildWorkHead(doc, work, [
    notesBlock(doc, work.summary, 'readerSummary'),
    notesBlock(doc, work.notes, 'readerNotes'),
  ]);
  main.append(head.element);

  const sections = work.chapters.map((chapter, index) =>
    chapterSection(doc, chapter, index, !oneShot, several),
  );
  for (const section of sections) main.append(section.element);

  const endNotes = notesBlock(doc, work.endNotes, several ? 'readerWorkEndNotes' : 'readerEndNotes', 'end-notes');
  if (endNotes) main.append(endNotes);
  return { main, sections, oneShot, tags: head.tags };
}
