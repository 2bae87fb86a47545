/**
 * Pure bookmark merging (backup import, and later sync): the newest `readAt` wins. Also the orders
 * bookmarks are listed in, and what a page's chapter count teaches a bookmark.
 */
import type { WorkMeta } from '../sites/types';
import { bookmarkKey, type Bookmark } from './types';

const time = (iso: string): number => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
};

const earliest = (a: string, b: string): string => (time(b) < time(a) ? b : a);

/**
 * The bookmark to keep when two copies of one work meet. The copy read most recently wins
 * whole (position, status, note…); on a tie the existing copy stays, so importing the same
 * file twice changes nothing. `addedAt` is the earlier of the two: the work was bookmarked
 * since then.
 */
export function mergeBookmark(existing: Bookmark | undefined, incoming: Bookmark): Bookmark {
  if (!existing) return incoming;
  const winner = time(incoming.readAt) > time(existing.readAt) ? incoming : existing;
  const addedAt = earliest(existing.addedAt, incoming.addedAt);
  return winner.addedAt === addedAt ? winner : { ...winner, addedAt };
}

export interface BookmarkMerge {
  /** Every bookmark after the merge, keyed by `bookmarkKey(site, workId)`. */
  merged: Map<string, Bookmark>;
  /** Incoming works that were not there before. */
  added: Bookmark[];
  /** Existing works whose stored bookmark changes. */
  updated: Bookmark[];
  /** Incoming bookmarks that changed nothing (the existing copy is as new or newer). */
  unchanged: number;
}

/** Merge incoming bookmarks into existing ones (newest `readAt` wins, per work). */
export function mergeBookmarkLists(
  existing: readonly Bookmark[],
  incoming: readonly Bookmark[],
  same: (a: Bookmark, b: Bookmark) => boolean,
): BookmarkMerge {
  const merged = new Map<string, Bookmark>();
  for (const b of existing) merged.set(bookmarkKey(b.site, b.workId), b);
  const added: Bookmark[] = [];
  const updated: Bookmark[] = [];
  let unchanged = 0;
  for (const b of incoming) {
    const key = bookmarkKey(b.site, b.workId);
    const before = merged.get(key);
    const after = mergeBookmark(before, b);
    if (!before) added.push(after);
    else if (same(before, after)) {
      unchanged += 1;
      continue;
    } else updated.push(after);
    merged.set(key, after);
  }
  return { merged, added, updated, unchanged };
}

/** Order work ids as people expect: numeric ids by value, others by code point. */
export function compareWorkIds(a: string, b: string): number {
  const an = /^\d+$/.test(a);
  const bn = /^\d+$/.test(b);
  if (an && bn) {
    const x = a.replace(/^0+(?=\d)/, '');
    const y = b.replace(/^0+(?=\d)/, '');
    if (x.length !== y.length) return x.length - y.length;
    if (x !== y) return x < y ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (an !== bn) return an ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Stable order for files: by site, then work id. */
export function compareBookmarksById(a: Pick<Bookmark, 'site' | 'workId'>, b: Pick<Bookmark, 'site' | 'workId'>): number {
  if (a.site !== b.site) return a.site < b.site ? -1 : 1;
  return compareWorkIds(a.workId, b.workId);
}

/** Most recently read first; ties in id order. */
export function compareBookmarksByReadAt(a: Bookmark, b: Bookmark): number {
  const d = time(b.readAt) - time(a.readAt);
  if (d !== 0 && !Number.isNaN(d)) return d;
  return compareBookmarksById(a, b);
}

/**
 * `compareBookmarksByReadAt`'s order (most recently read first, ties in id order), sorting by
 * precomputed times: no date parsing inside the comparator (10,000 bookmarks: ~130,000 compares).
 */
export function sortByReadAt(bookmarks: readonly Bookmark[]): Bookmark[] {
  const keyed = bookmarks.map((bookmark) => ({ bookmark, t: time(bookmark.readAt) }));
  keyed.sort((a, b) => (a.t === b.t ? 0 : b.t > a.t ? 1 : -1) || compareBookmarksById(a.bookmark, b.bookmark));
  return keyed.map((k) => k.bookmark);
}

/**
 * What a bookmark should learn from a page that showed its work's chapter count (a listing
 * blurb or the work page). Returns the fields to change (for `updateBookmark`), or null when
 * nothing changes or the page did not say.
 *
 * - More chapters posted than last seen: `newChapters` grows by the difference.
 * - Fewer (the creator deleted some): `newChapters` shrinks to at most the chapters after the
 *   reader's current one.
 * - `chapterTotal` follows the page ("5/?" → null).
 */
export function detectNewChapters(
  bookmark: Bookmark,
  seenMeta: Pick<WorkMeta, 'chapters'>,
): Partial<Pick<Bookmark, 'chapterCount' | 'chapterTotal' | 'newChapters'>> | null {
  const seen = seenMeta.chapters;
  if (!seen || !Number.isInteger(seen.posted) || seen.posted < 1) return null;
  const patch: Partial<Pick<Bookmark, 'chapterCount' | 'chapterTotal' | 'newChapters'>> = {};
  const posted = seen.posted;
  // Never fewer than the reader's chapter (a stored bookmark's chapter is within chapterCount).
  const count = Math.max(posted, bookmark.chapter);
  if (count !== bookmark.chapterCount) {
    patch.chapterCount = count;
    const newChapters =
      posted > bookmark.chapterCount
        ? bookmark.newChapters + (posted - bookmark.chapterCount)
        : Math.min(bookmark.newChapters, Math.max(0, posted - bookmark.chapter));
    if (newChapters !== bookmark.newChapters) patch.newChapters = newChapters;
  }
  const total = seen.expected ?? null;
  if (total !== bookmark.chapterTotal && (total === null || (Number.isInteger(total) && total >= 1))) {
    patch.chapterTotal = total;
  }
  return Object.keys(patch).length > 0 ? patch : null;
}
