import type { SiteId } from '../sites/types';

export type BookmarkStatus = 'reading' | 'finished' | 'later';

/** Where the reader stopped: a paragraph of a chapter and how far into it. */
export interface ReadingPosition {
  /** 1-based chapter number. */
  chapter: number;
  /** 0..1 within the chapter, for display and as a fallback. */
  progress: number;
  /** Index of the paragraph at the top of the view among the chapter's paragraphs, or null. */
  paragraph: number | null;
  /** 0..1 offset inside that paragraph. */
  paragraphOffset: number;
}

/** A bookmark as kept in storage and in the backup file (docs/ARCHITECTURE.md section 6). */
export interface Bookmark {
  site: SiteId;
  workId: string;
  url: string;
  title: string;
  authors: string[];
  fandoms: string[];
  /** 1-based chapter the reader is on. */
  chapter: number;
  /** Chapters posted when last seen. */
  chapterCount: number;
  /** Chapters planned; null when unknown ("5/?"). */
  chapterTotal: number | null;
  /** 0..1 within `chapter`. */
  progress: number;
  paragraph: number | null;
  paragraphOffset: number;
  /** Chapters posted that the reader has not seen yet, learned from pages the reader opened. */
  newChapters: number;
  status: BookmarkStatus;
  /** Reader mode was on when progress was last saved. */
  readerMode: boolean;
  addedAt: string;
  readAt: string;
  note: string;
  /**
   * The page the reader was reading `chapter` on (a chapter URL, or the work or Entire Work URL),
   * so Resume can open chapter N: AO3 chapter ids cannot be derived from the number. Absent when
   * unknown (older records, backup files without it): Resume then opens `url`.
   */
  chapterUrl?: string;
}

export const bookmarkKey = (site: SiteId, workId: string): string => `${site}:${workId}`;
