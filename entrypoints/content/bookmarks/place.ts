/**
 * Where the reader is in a work, measured on the page: in Lamplight's reader when it is open (its
 * chapters are copies inside its shadow root, known from ../state/reader.ts, never looked up in the
 * page), else on the site's page.
 * Both show the same story paragraphs, so a place saved in one resumes in the other.
 */
import { anchorAtLazy, scrollDeltaLazy, type Box } from '../../../lib/bookmarks/progress';
import type { Place } from '../../../lib/bookmarks/record';
import { sectionAtLazy } from '../../../lib/reader/progress';
import type { Work } from '../../../lib/sites/types';
import { openReaderView } from '../state/reader';
import { chapterViews, storyParagraphs } from '../story';

export { chapterViews, storyParagraphs, type ChapterView } from '../story';

/** The reading line: the top of the view. */
export const READING_LINE = 0;

/** The reading line now: in the reader, below its toolbar while the toolbar shows (covered text is not read). */
function readingLine(reader: boolean): number {
  const covered = reader ? (openReaderView()?.coveredTop?.() ?? 0) : 0;
  return READING_LINE + (Number.isFinite(covered) && covered > 0 ? covered : 0);
}

const boxOf = (el: Element | undefined): Box => {
  if (!el) return { top: Infinity, height: 0 };
  const rect = el.getBoundingClientRect();
  return { top: rect.top, height: rect.height };
};

/** The page a chapter is read on, without fragment (the marker, `#workskin`). */
export function pageUrl(href: string): string | undefined {
  try {
    const url = new URL(href);
    url.hash = '';
    return url.href.endsWith('#') ? url.href.slice(0, -1) : url.href;
  } catch {
    return undefined;
  }
}

/** Where the reader is now, or null when the page shows no chapter. */
export function measurePlace(doc: Document, work: Work): Place | null {
  const win = doc.defaultView;
  if (!win) return null;
  const { views, reader } = chapterViews(doc, work);
  if (views.length === 0) return null;
  const url = pageUrl(win.location.href);
  // Story not laid out (the filters' shield holds it back): nothing of it was read yet.
  if (views[0] && views[0].container.getClientRects().length === 0) {
    const start: Place = { chapter: views[0].number, progress: 0, paragraph: 0, paragraphOffset: 0, readerMode: reader };
    if (url) start.chapterUrl = url;
    return start;
  }
  const vh = win.innerHeight || doc.documentElement.clientHeight || 0;
  const line = readingLine(reader);
  const index =
    views.length === 1
      ? 0
      : sectionAtLazy(views.length, (i) => views[i]?.container.getBoundingClientRect().top ?? Infinity, line + 1);
  const view = views[index];
  if (!view) return null;
  const paragraphs = storyParagraphs(view.container);
  const anchor = anchorAtLazy(paragraphs.length, (i) => boxOf(paragraphs[i]), line, vh);
  if (!anchor) return null;
  const place: Place = {
    chapter: view.number,
    progress: anchor.progress,
    paragraph: anchor.paragraph,
    paragraphOffset: anchor.offset,
    readerMode: reader,
  };
  if (url) place.chapterUrl = url;
  return place;
}

/**
 * Scrolls so the saved place is at the top of the view. Returns how far it was off (px) before
 * scrolling, or null when this page does not show that chapter.
 */
export function scrollToPlace(
  doc: Document,
  work: Work,
  saved: { chapter: number; paragraph: number | null; paragraphOffset: number; progress: number },
): number | null {
  const win = doc.defaultView;
  if (!win) return null;
  const { views, reader } = chapterViews(doc, work);
  const view = views.find((v) => v.number === saved.chapter);
  if (!view) return null;
  const paragraphs = storyParagraphs(view.container);
  const vh = win.innerHeight || doc.documentElement.clientHeight || 0;
  const delta = scrollDeltaLazy(
    paragraphs.length,
    (i) => boxOf(paragraphs[i]),
    { paragraph: saved.paragraph, offset: saved.paragraphOffset, progress: saved.progress },
    readingLine(reader),
    vh,
  );
  if (delta === null) return null;
  if (Math.abs(delta) >= 1) win.scrollTo({ top: Math.max(0, win.scrollY + delta), left: win.scrollX, behavior: 'instant' });
  return delta;
}
