/**
 * The story as shown now, structurally: the chapters on view (in Lamplight's reader when it is
 * open, known from ./state/reader.ts, else on the site's page) and each chapter's story paragraphs
 * (./story-paragraphs.ts). Shared by the features that follow the reader (bookmarks' progress, the
 * reading history).
 */
import type { Work } from '../../lib/sites/types';
import { openReaderView } from './state/reader';
import { storyParagraphs } from './story-paragraphs';

export { storyParagraphs };

/** One chapter as shown: its number and the element whose children are the story paragraphs. */
export interface ChapterView {
  number: number;
  container: Element;
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
