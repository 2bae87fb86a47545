/**
 * Merging two entries of one work's history (a backup imported with Merge, lib/backup). Pure.
 * Idempotent (merging an entry with itself gives it back) and symmetric, so importing the same
 * file twice, or two devices' files in either order, gives the same history.
 */
import type { Ao3Reading, HistoryEntry } from './types';

/** Ascending, each once. */
function union(a: readonly number[], b: readonly number[]): number[] {
  return [...new Set([...a, ...b])].sort((x, y) => x - y);
}

/** AO3's report of the later day; on the same day the higher visit count and either flag. */
function laterAo3(a: Ao3Reading | null, b: Ao3Reading | null): Ao3Reading | null {
  if (a === null) return b === null ? null : { ...b };
  if (b === null) return { ...a };
  if (a.lastVisit !== b.lastVisit) return { ...(a.lastVisit > b.lastVisit ? a : b) };
  return {
    lastVisit: a.lastVisit,
    visits: Math.max(a.visits, b.visits),
    updateAvailable: a.updateAvailable || b.updateAvailable,
    markedForLater: a.markedForLater || b.markedForLater,
  };
}

/** Total order on entries of one work: which one's page facts (title, count, …) are the newer. */
function newer(a: HistoryEntry, b: HistoryEntry): [HistoryEntry, HistoryEntry] {
  if (a.lastVisit !== b.lastVisit) return a.lastVisit > b.lastVisit ? [a, b] : [b, a];
  // Same minute: any fixed choice keeps the merge symmetric.
  return JSON.stringify(a) >= JSON.stringify(b) ? [a, b] : [b, a];
}

/**
 * One entry for a work known twice:
 * - chapters seen: the union (so the furthest chapter is the higher of the two);
 * - first visit the earlier, last visit the later;
 * - visits: the higher count, not the sum (the same visits are often in both: a file imported
 *   again, or exported from this browser before);
 * - title, creators, fandoms and chapters posted: the later visit's (what the page showed last),
 *   each kept from the other when the later has none;
 * - finished: as a later visit decides it (lib/history/record.ts): finished if the later visit
 *   says so, or the earlier did and the later found no more chapters posted;
 * - AO3's History: the later day's report.
 */
export function mergeHistoryEntries(a: HistoryEntry, b: HistoryEntry): HistoryEntry {
  if (a.site !== b.site || a.workId !== b.workId) {
    throw new Error(`history of ${a.site}:${a.workId} merged with ${b.site}:${b.workId}`);
  }
  const [late, early] = newer(a, b);
  const pick = <T extends string | string[]>(x: T, y: T): T => (x.length > 0 ? x : y);
  const finished =
    late.finished ||
    (early.finished &&
      (late.chapterCount === null || early.chapterCount === null || late.chapterCount <= early.chapterCount));
  return {
    site: a.site,
    workId: a.workId,
    title: pick(late.title, early.title),
    creators: [...pick(late.creators, early.creators)],
    fandoms: [...pick(late.fandoms, early.fandoms)],
    seen: union(a.seen, b.seen),
    chapterCount: late.chapterCount ?? early.chapterCount,
    finished,
    firstVisit: Math.min(a.firstVisit, b.firstVisit),
    lastVisit: Math.max(a.lastVisit, b.lastVisit),
    visits: Math.max(a.visits, b.visits),
    ao3: laterAo3(a.ao3, b.ao3),
  };
}
