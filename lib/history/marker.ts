/** What a listing shows for a work in the history, and what a rule condition sees. Pure. */
import { furthestChapter } from './chapters';
import type { HistoryMarker, HistoryProgress, HistoryStatus } from './types';

/** Every visit known: Lamplight's own count and AO3's overlap, so the larger one. */
export const visitCount = (entry: HistoryProgress): number => Math.max(entry.visits, entry.ao3?.visits ?? 0);

/** Chapters posted since the last visit, given the count a blurb shows now (null: unknown → 0). */
export function newChaptersSince(entry: HistoryProgress, postedNow: number | null): number {
  if (postedNow === null || entry.chapterCount === null) return 0;
  return Math.max(0, postedNow - entry.chapterCount);
}

/**
 * The marker for a blurb whose work has this entry, given the chapters the blurb shows posted
 * now (null when it does not say); null when there is nothing to say (no entry, or a work AO3
 * only has marked for later).
 */
export function historyMarker(entry: HistoryProgress | null, postedNow: number | null): HistoryMarker | null {
  if (entry === null) return null;
  const date = entry.lastVisit;
  const newChapters = newChaptersSince(entry, postedNow);
  if (entry.seen.length === 0) {
    const visits = visitCount(entry);
    if (visits === 0) return null;
    return { kind: 'visited', visits, updateAvailable: newChapters > 0 || (entry.ao3?.updateAvailable ?? false), date };
  }
  if (entry.finished) return newChapters > 0 ? { kind: 'new-chapters', count: newChapters, date } : { kind: 'read', date };
  return { kind: 'stopped', chapter: furthestChapter(entry.seen), of: postedNow ?? entry.chapterCount, newChapters, date };
}

/**
 * The status a rule condition tests ("already read", "started"): `finished` when read to the end
 * with nothing posted since (a work with new chapters is `started` again), `started` when opened
 * (here or, by AO3's History, anywhere), null when never opened.
 */
export function historyStatus(entry: HistoryProgress | null, postedNow: number | null): HistoryStatus | null {
  if (entry === null) return null;
  if (entry.seen.length === 0 && visitCount(entry) === 0) return null;
  return entry.finished && newChaptersSince(entry, postedNow) === 0 ? 'finished' : 'started';
}
