/** Merging what AO3's own History page lists into the history. Pure. */
import type { SiteHistoryItem } from '../sites/types';
import { creatorNames } from './record';
import type { Ao3Reading, HistoryEntry } from './types';

const DAY = 86_400_000;

/** AO3 dates are days: the start of the UTC day. */
export const toDay = (ms: number): number => Math.floor(ms / DAY) * DAY;

/**
 * AO3's report, or the one already kept when that one is of a later visit (a History page left
 * open in an old tab). On the same day the page seen now wins, but a visit count never drops.
 */
function laterReading(kept: Ao3Reading | null, item: SiteHistoryItem): Ao3Reading {
  const lastVisit = toDay(item.lastVisited);
  if (kept && kept.lastVisit > lastVisit) return { ...kept };
  return {
    lastVisit,
    visits: kept && kept.lastVisit === lastVisit ? Math.max(kept.visits, item.visits) : item.visits,
    updateAvailable: item.updateAvailable,
    markedForLater: item.markedForLater,
  };
}

/**
 * The entry with an item of AO3's History merged in (`entry` null: a work Lamplight never saw).
 * What Lamplight saw itself (chapters seen, finished, its chapter count and visit count) is never
 * changed: a visit on AO3 is not a read. The last and first visit take AO3's date when it is later
 * (earlier). Title, creators and fandoms are the page's, which is current, unless it shows none.
 * For a work Lamplight never saw, the chapters posted at AO3's visit are the blurb's when AO3 says
 * no update came since.
 */
export function mergeAo3Item(entry: HistoryEntry | null, item: SiteHistoryItem): HistoryEntry {
  if (entry !== null && (entry.site !== item.site || entry.workId !== item.workId)) {
    throw new Error(`AO3 History item ${item.workId} merged into ${entry.site}:${entry.workId}`);
  }
  const ao3 = laterReading(entry?.ao3 ?? null, item);
  const day = toDay(item.lastVisited);
  const known = entry !== null && (entry.seen.length > 0 || entry.visits > 0);
  const creators = creatorNames(item.authors);
  return {
    site: item.site,
    workId: item.workId,
    title: item.title || (entry?.title ?? ''),
    creators: creators.length > 0 ? creators : [...(entry?.creators ?? [])],
    fandoms: [...(item.fandoms.length > 0 ? item.fandoms : (entry?.fandoms ?? []))],
    seen: [...(entry?.seen ?? [])],
    chapterCount: entry !== null && known ? entry.chapterCount : item.updateAvailable ? null : item.postedChapters,
    finished: entry?.finished ?? false,
    firstVisit: Math.min(entry?.firstVisit ?? day, day),
    lastVisit: Math.max(entry?.lastVisit ?? day, day),
    visits: entry?.visits ?? 0,
    ao3,
  };
}
