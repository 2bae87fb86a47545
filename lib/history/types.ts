/**
 * The reading history: what the reader opened on a site, kept per work, separate from bookmarks.
 * Pure data (no DOM, no browser API). Times are milliseconds since 1970 in whole minutes
 * (AO3's own History dates in whole UTC days), as storage keeps them (lib/storage/history-codec.ts).
 */
import type { SiteId } from '../sites/types';

/** What AO3's own History page (`/users/NAME/readings`) said about the work when last seen. */
export interface Ao3Reading {
  /** AO3's "Last visited" date: the start of that UTC day. */
  lastVisit: number;
  /** AO3's "Visited N times". */
  visits: number;
  /** "(Update available.)": the work changed beyond minor edits since that visit. */
  updateAvailable: boolean;
  /** "(Marked for Later.)" */
  markedForLater: boolean;
}

export interface HistoryEntry {
  site: SiteId;
  workId: string;
  title: string;
  creators: string[];
  fandoms: string[];
  /** Chapters seen (1-based), ascending, each once; empty when only AO3's History knows the work. */
  seen: number[];
  /** Chapters posted when last visited; null when unknown. */
  chapterCount: number | null;
  /** The end of the last posted chapter (of `chapterCount`) was reached. */
  finished: boolean;
  /** The first and last visit known, from Lamplight's own records or AO3's History. */
  firstVisit: number;
  lastVisit: number;
  /** Visits Lamplight recorded itself (AO3's own count is in `ao3`). */
  visits: number;
  ao3: Ao3Reading | null;
}

/** What a listing marker and a rule condition need: an entry without its names. */
export type HistoryProgress = Pick<HistoryEntry, 'seen' | 'chapterCount' | 'finished' | 'lastVisit' | 'visits' | 'ao3'>;

/** One look at a work page, as the content script reports it. */
export interface HistoryVisit {
  site: SiteId;
  workId: string;
  title: string;
  creators: string[];
  fandoms: string[];
  /** The chapter seen, 1-based (1 for a one-shot). */
  chapter: number;
  /** The reader reached the end of that chapter. */
  reachedEnd: boolean;
  /** Chapters posted, as the page shows them; null when it does not say. */
  chapterCount: number | null;
  /** When, in milliseconds since 1970. */
  at: number;
}

/** `finished`: read to the end, nothing posted since; `started`: opened, not (or no longer) finished. */
export type HistoryStatus = 'finished' | 'started';

/**
 * What a listing marker says, as data (words come from i18n later). `date` is the last visit.
 * - `read`: "Read 12 Mar";
 * - `new-chapters`: "3 new chapters since you read";
 * - `stopped`: "Stopped at chapter 5 of 12" (`of` null when no count is known);
 * - `visited`: known from AO3's History only, so nothing is known of the chapters read.
 */
export type HistoryMarker =
  | { kind: 'read'; date: number }
  | { kind: 'new-chapters'; count: number; date: number }
  | { kind: 'stopped'; chapter: number; of: number | null; newChapters: number; date: number }
  | { kind: 'visited'; visits: number; updateAvailable: boolean; date: number };

export const historyKey = (site: SiteId, workId: string): string => `${site}:${workId}`;
