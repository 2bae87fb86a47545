/**
 * Bookmarks in storage.local, ONE KEY PER BOOKMARK (`local:bookmark:<site>:<workId>`), so ten
 * tabs saving progress on ten works at once never overwrite each other: the reads, writes and
 * watching. The record's format (key, version inside, decoding and migration) is pure, in
 * lib/bookmarks/stored.ts.
 *
 * A record migrates on its own when read, with no all-or-nothing rewrite of every bookmark.
 * A record that fails validation is quarantined and removed; the rest are returned.
 */
import { storage, type StorageItemKey } from 'wxt/utils/storage';
import { sortByReadAt } from '../bookmarks/merge';
import {
  bookmarkChanges,
  bookmarksFromSnapshot,
  bookmarkStorageKey as recordKey,
  decodeRecord,
  decodeStoredBookmark,
  encodeBookmark,
  isBookmarkDriverKey,
  type BookmarkChange,
  type Damaged,
  type Decoded,
  type DecodedSnapshot,
  type LocalKey,
  type Migrated,
} from '../bookmarks/stored';
import type { Bookmark } from '../bookmarks/types';
import { validateBookmark } from '../bookmarks/validate';
import type { SiteId } from '../sites/types';
import { watchStorage, type StorageChanges } from './changes';
import { jsonEqual } from '../check';
import { withKeyLock } from './lock';
import { quarantine } from './quarantine';
import { getLocalInChunks, listLocalKeys } from './raw';

export {
  BOOKMARK_PREFIX,
  BOOKMARK_VERSION,
  bookmarksFromSnapshot,
  decodeStoredBookmark,
  encodeBookmark,
  type BookmarkChange,
  type Decoded,
  type StoredBookmark,
} from '../bookmarks/stored';
export { isCanonicalIsoDate } from '../bookmarks/fast-check';
export { sortByReadAt } from '../bookmarks/merge';

/** The storage key of a work's bookmark record (lib/bookmarks/stored.ts), as WXT's storage takes it. */
export const bookmarkStorageKey: (site: SiteId, workId: string) => StorageItemKey = recordKey;

/** Quarantine damaged records, then remove them and write migrated ones back (if unchanged since). */
async function repair(damaged: readonly Damaged[], migrated: readonly Migrated[]): Promise<void> {
  if (damaged.length === 0 && migrated.length === 0) return;
  try {
    await quarantine(damaged.map((d) => ({ key: d.key, reason: d.error, value: d.raw })));
  } catch (err) {
    console.error('[lamplight] could not quarantine damaged bookmarks; left as they are', err);
    damaged = [];
  }
  try {
    const all = [...damaged, ...migrated];
    const now = await storage.getItems(all.map((d) => d.key));
    const same = (i: number) => jsonEqual(now[i]?.value, all[i]?.raw);
    const remove = damaged.filter((_, i) => same(i)).map((d) => d.key);
    const rewrite = migrated
      .filter((_, i) => same(damaged.length + i))
      .map((m) => ({ key: m.key, value: encodeBookmark(m.bookmark) }));
    if (remove.length > 0) await storage.removeItems(remove);
    if (rewrite.length > 0) await storage.setItems(rewrite);
  } catch (err) {
    console.error('[lamplight] could not repair bookmarks', err);
  }
}

/** Bookmark records read per `storage.local.get` when the records are read key by key. */
export const BOOKMARK_READ_CHUNK = 250;

/**
 * Every bookmark record of the local area, decoded: `bookmarksFromSnapshot` of the whole area.
 *
 * With `storage.local.getKeys` (Chrome 130+, Firefox 143+): the bookmark keys, then their records
 * in parallel chunks of BOOKMARK_READ_CHUNK, each decoded as it arrives. One `get(null)` of 10,000
 * records is one long request that the page then converts and decodes in one go, and every other
 * read of the page (rules, settings) queues behind it; in chunks, the browser reads the next chunk
 * while the page decodes the last, and small reads slip in between (10,000 bookmarks: about half
 * the time). Without `getKeys`: the whole area at once. Each record is its own key, so reading
 * them in several requests loses nothing a single one would give.
 */
async function readAllRecords(): Promise<DecodedSnapshot> {
  const keys = await listLocalKeys();
  if (!keys) return bookmarksFromSnapshot(await storage.snapshot('local'));
  const parts = await getLocalInChunks(keys.filter(isBookmarkDriverKey), BOOKMARK_READ_CHUNK, bookmarksFromSnapshot);
  return {
    bookmarks: parts.flatMap((p) => p.bookmarks),
    damaged: parts.flatMap((p) => p.damaged),
    migrated: parts.flatMap((p) => p.migrated),
  };
}

/** Every valid bookmark, most recently read first. Damaged records go to quarantine. */
export async function getAllBookmarks(): Promise<Bookmark[]> {
  const { bookmarks, damaged, migrated } = await readAllRecords();
  await repair(damaged, migrated);
  return sortByReadAt(bookmarks);
}

/** One record, checked in full (`decodeRecord`: one read needs no fast path, and content scripts stay small). */
async function readOne(key: LocalKey): Promise<Bookmark | null> {
  const raw: unknown = await storage.getItem(key);
  if (raw === null || raw === undefined) return null;
  const decoded = decodeRecord(key, raw);
  if (!decoded.ok) {
    await repair([{ key, raw, error: decoded.error }], []);
    return null;
  }
  if (decoded.migrated) await repair([], [{ key, raw, bookmark: decoded.bookmark }]);
  return decoded.bookmark;
}

/** One bookmark, or null when the work is not bookmarked (or its record was damaged). */
export async function getBookmark(site: SiteId, workId: string): Promise<Bookmark | null> {
  return readOne(recordKey(site, workId));
}

function valid(input: unknown): Bookmark {
  const check = validateBookmark(input);
  if (!check.ok) throw new Error(`Bookmark not saved: ${check.error}`);
  return check.bookmark;
}

/** Save a whole bookmark (add or replace). Throws, writing nothing, when it is invalid. */
export async function putBookmark(bookmark: Bookmark): Promise<Bookmark> {
  const checked = valid(bookmark);
  const key = recordKey(checked.site, checked.workId);
  return withKeyLock(key, async () => {
    await storage.setItem(key, encodeBookmark(checked));
    return checked;
  });
}

export type BookmarkPatch = Partial<Omit<Bookmark, 'site' | 'workId'>>;

/**
 * Change some fields of one bookmark: read, patch, validate, write that one key, one update at a
 * time per bookmark in this context (so concurrent updates of different fields all land).
 * Returns the saved bookmark, or null when the work is not bookmarked. Throws, writing nothing,
 * when the result would be invalid.
 */
export async function updateBookmark(
  site: SiteId,
  workId: string,
  patch: BookmarkPatch | ((current: Bookmark) => BookmarkPatch | null),
): Promise<Bookmark | null> {
  const key = recordKey(site, workId);
  return withKeyLock(key, async () => {
    const current = await readOne(key);
    if (!current) return null;
    const changes = typeof patch === 'function' ? patch(current) : patch;
    if (!changes) return current;
    if ('site' in changes || 'workId' in changes) {
      const c = changes as Partial<Bookmark>;
      if ((c.site ?? site) !== site || (c.workId ?? workId) !== workId) {
        throw new Error('Bookmark not saved: a bookmark cannot move to another work');
      }
    }
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    const next = valid({ ...current, ...defined });
    if (!jsonEqual(next, current)) await storage.setItem(key, encodeBookmark(next));
    return next;
  });
}

export async function removeBookmark(site: SiteId, workId: string): Promise<void> {
  const key = recordKey(site, workId);
  await withKeyLock(key, () => storage.removeItem(key));
}

/**
 * Calls back with the bookmarks that changed, from any context. Returns the unsubscribe.
 * (storage.onChanged for the whole area: a watch per key would not see new bookmarks.)
 * `onResync`: after this context paused its storage events (./changes.ts), changes may have been
 * missed: read every bookmark again. Only a context that pauses (the options page) needs it.
 * `quarantineDamaged`: a record written damaged is quarantined like one found by getAllBookmarks
 * (only one context should: the background).
 */
export function watchBookmarks(
  cb: (changes: BookmarkChange[]) => void,
  onResync: () => void = () => {},
  quarantineDamaged = false,
): () => void {
  return watchWith(decodeStoredBookmark, cb, onResync, quarantineDamaged);
}

/**
 * `watchBookmarks` for content scripts, which see a few changes at a time: the same changes, each
 * record checked in full (`decodeRecord`), so their bundles leave the bulk fast path out.
 */
export function watchFewBookmarks(cb: (changes: BookmarkChange[]) => void): () => void {
  return watchWith(decodeRecord, cb, () => {}, false);
}

function watchWith(
  decode: (storageKey: string, raw: unknown) => Decoded,
  cb: (changes: BookmarkChange[]) => void,
  onResync: () => void,
  quarantineDamaged: boolean,
): () => void {
  const onChange = (changes: StorageChanges, area: string) => {
    if (area !== 'local') return;
    const read = bookmarkChanges(changes, decode);
    if (read.changes.length > 0) cb(read.changes);
    if (quarantineDamaged && read.damaged.length > 0) void repair(read.damaged, []);
  };
  return watchStorage({ onChange, onResync });
}

/** Internal (backup import): the writes that store these valid bookmarks. */
export function bookmarkWrites(bookmarks: readonly Bookmark[]) {
  return bookmarks.map((b) => ({ key: recordKey(b.site, b.workId), value: encodeBookmark(b) }));
}
