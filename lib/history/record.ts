/** Recording a visit into a history entry. Pure. */
import { authorName } from '../bookmarks/record';
import type { Author, WorkMeta } from '../sites/types';
import { addChapter, MAX_CHAPTER } from './chapters';
import type { HistoryEntry, HistoryVisit } from './types';

const MINUTE = 60_000;

/** Looks within this many milliseconds of the last visit belong to the same visit. */
export const VISIT_GAP = 30 * MINUTE;

/** A time as history keeps it: whole minutes. */
export const toMinute = (ms: number): number => Math.floor(ms / MINUTE) * MINUTE;

/** A non-empty value from the page, else what was known. */
const fresh = <T extends string | string[]>(now: T, before: T): T => (now.length > 0 ? now : before);

/** Creators named as bookmarks name them ("Alias (anafabula)"). */
export const creatorNames = (authors: readonly Author[]): string[] => authors.map(authorName).filter((name) => name !== '');

/** The visit a work page makes (`meta` from the site adapter). */
export function visitFromWork(meta: WorkMeta, look: { chapter: number; reachedEnd: boolean; at: number }): HistoryVisit {
  return {
    site: meta.site,
    workId: meta.id,
    title: meta.title,
    creators: creatorNames(meta.authors),
    fandoms: [...meta.fandoms],
    chapter: look.chapter,
    reachedEnd: look.reachedEnd,
    chapterCount: meta.chapters?.posted ?? null,
    at: look.at,
  };
}

function checkVisit(visit: HistoryVisit): void {
  if (!Number.isInteger(visit.chapter) || visit.chapter < 1 || visit.chapter > MAX_CHAPTER) {
    throw new RangeError(`not a chapter number: ${visit.chapter}`);
  }
  const count = visit.chapterCount;
  if (count !== null && (!Number.isInteger(count) || count < 1 || count > MAX_CHAPTER)) {
    throw new RangeError(`not a chapter count: ${count}`);
  }
  if (!Number.isFinite(visit.at)) throw new RangeError(`not a time: ${visit.at}`);
}

/**
 * The entry after one look at a work page (`entry` null: the first). A look within VISIT_GAP of
 * the last visit is part of it (the content script reports a chapter on opening and again when its
 * end is reached); a later one counts as a new visit. The work is finished when the end of its
 * last posted chapter is reached, and stays so until a visit finds more chapters posted.
 * The page's title, creators and fandoms replace the stored ones unless the page shows none.
 */
export function recordVisit(entry: HistoryEntry | null, visit: HistoryVisit): HistoryEntry {
  checkVisit(visit);
  if (entry !== null && (entry.site !== visit.site || entry.workId !== visit.workId)) {
    throw new Error(`a visit of ${visit.site}:${visit.workId} recorded into ${entry.site}:${entry.workId}`);
  }
  const at = toMinute(visit.at);
  const count = visit.chapterCount ?? entry?.chapterCount ?? null;
  const reachedLast = visit.reachedEnd && count !== null && visit.chapter >= count;
  const stillFinished =
    entry !== null &&
    entry.finished &&
    (visit.chapterCount === null || entry.chapterCount === null || visit.chapterCount <= entry.chapterCount);
  const newVisit = entry === null || entry.visits === 0 || at - entry.lastVisit > VISIT_GAP;
  return {
    site: visit.site,
    workId: visit.workId,
    title: fresh(visit.title, entry?.title ?? ''),
    creators: [...fresh(visit.creators, entry?.creators ?? [])],
    fandoms: [...fresh(visit.fandoms, entry?.fandoms ?? [])],
    seen: addChapter(entry?.seen ?? [], visit.chapter),
    chapterCount: count,
    finished: reachedLast || stillFinished,
    firstVisit: Math.min(entry?.firstVisit ?? at, at),
    lastVisit: Math.max(entry?.lastVisit ?? at, at),
    visits: (entry?.visits ?? 0) + (newVisit ? 1 : 0),
    ao3: entry?.ao3 ? { ...entry.ao3 } : null,
  };
}
