/**
 * Bookmarks in storage.local, ONE KEY PER BOOKMARK (`local:bookmark:<site>:<workId>`), so ten
 * tabs saving progress on ten works at once never overwrite each other.
 *
 * Each record carries its schema version inside (`{ v: 1, ...bookmark }`): a record migrates
 * on its own when read (see ./migrations), with no all-or-nothing rewrite of every bookmark.
 * A record that fails validation is quarantined and removed; the rest are returned.
 */
import { browser } from 'wxt/browser';
import { storage, type StorageItemKey } from 'wxt/utils/storage';
import { compareBookmarksByReadAt } from '../bookmarks/merge';
import { bookmarkKey, type Bookmark } from '../bookmarks/types';
import { validateBookmark } from '../bookmarks/validate';
import type { SiteId } from '../sites/types';
import { isPlainObject, jsonEqual } from './check';
import { withKeyLock } from './lock';
import { MIGRATIONS, runMigrations } from './migrations';
import { quarantine } from './quarantine';

/** Driver key prefix in the local area. */
export const BOOKMARK_PREFIX = 'bookmark:';
export const BOOKMARK_VERSION: number = MIGRATIONS.bookmark.version;

export type StoredBookmark = { v: number } & Bookmark;

export const bookmarkStorageKey = (site: SiteId, workId: string): StorageItemKey =>
  `local:${BOOKMARK_PREFIX}${bookmarkKey(site, workId)}`;

/** The record stored for a (valid) bookmark. */
export function encodeBookmark(bookmark: Bookmark): StoredBookmark {
  return { v: BOOKMARK_VERSION, ...bookmark };
}

export type Decoded =
  | { ok: true; bookmark: Bookmark; migrated: boolean }
  | { ok: false; error: string };

/**
 * Pure: a stored record (under `storageKey`) → a valid current bookmark, migrating old record
 * versions, or why it is unusable.
 */
export function decodeStoredBookmark(storageKey: string, raw: unknown): Decoded {
  if (!isPlainObject(raw)) return { ok: false, error: 'the record is not an object' };
  const { v, ...data } = raw;
  if (v === undefined) return { ok: false, error: 'the record has no version (v)' };
  if (typeof v !== 'number') return { ok: false, error: `the record version is not a number` };
  const migration = runMigrations(data, v, MIGRATIONS.bookmark);
  if (!migration.ok) return { ok: false, error: migration.error };
  const check = validateBookmark(migration.value);
  if (!check.ok) return { ok: false, error: check.error };
  const { site, workId } = check.bookmark;
  if (bookmarkStorageKey(site, workId) !== storageKey) {
    return { ok: false, error: `the record is for ${site}:${workId}, not for this key` };
  }
  return { ok: true, bookmark: check.bookmark, migrated: migration.migrated };
}

interface Damaged {
  key: StorageItemKey;
  raw: unknown;
  error: string;
}
interface Migrated {
  key: StorageItemKey;
  raw: unknown;
  bookmark: Bookmark;
}

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

/** Pure: the valid bookmarks in a snapshot of the local area, and what needs repair. */
export function bookmarksFromSnapshot(snapshot: Record<string, unknown>): {
  bookmarks: Bookmark[];
  damaged: Damaged[];
  migrated: Migrated[];
} {
  const bookmarks: Bookmark[] = [];
  const damaged: Damaged[] = [];
  const migrated: Migrated[] = [];
  for (const [driverKey, raw] of Object.entries(snapshot)) {
    if (!driverKey.startsWith(BOOKMARK_PREFIX) || driverKey.endsWith('$')) continue;
    const key = `local:${driverKey}` as StorageItemKey;
    const decoded = decodeStoredBookmark(key, raw);
    if (!decoded.ok) {
      damaged.push({ key, raw, error: decoded.error });
      continue;
    }
    bookmarks.push(decoded.bookmark);
    if (decoded.migrated) migrated.push({ key, raw, bookmark: decoded.bookmark });
  }
  return { bookmarks, damaged, migrated };
}

/** Every valid bookmark, most recently read first. Damaged records go to quarantine. */
export async function getAllBookmarks(): Promise<Bookmark[]> {
  const { bookmarks, damaged, migrated } = bookmarksFromSnapshot(await storage.snapshot('local'));
  await repair(damaged, migrated);
  return bookmarks.sort(compareBookmarksByReadAt);
}

async function readOne(key: StorageItemKey): Promise<Bookmark | null> {
  const raw: unknown = await storage.getItem(key);
  if (raw === null || raw === undefined) return null;
  const decoded = decodeStoredBookmark(key, raw);
  if (!decoded.ok) {
    await repair([{ key, raw, error: decoded.error }], []);
    return null;
  }
  if (decoded.migrated) await repair([], [{ key, raw, bookmark: decoded.bookmark }]);
  return decoded.bookmark;
}

/** One bookmark, or null when the work is not bookmarked (or its record was damaged). */
export async function getBookmark(site: SiteId, workId: string): Promise<Bookmark | null> {
  return readOne(bookmarkStorageKey(site, workId));
}

function valid(input: unknown): Bookmark {
  const check = validateBookmark(input);
  if (!check.ok) throw new Error(`Bookmark not saved: ${check.error}`);
  return check.bookmark;
}

/** Save a whole bookmark (add or replace). Throws, writing nothing, when it is invalid. */
export async function putBookmark(bookmark: Bookmark): Promise<Bookmark> {
  const checked = valid(bookmark);
  const key = bookmarkStorageKey(checked.site, checked.workId);
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
  const key = bookmarkStorageKey(site, workId);
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
  const key = bookmarkStorageKey(site, workId);
  await withKeyLock(key, () => storage.removeItem(key));
}

export interface BookmarkChange {
  site: SiteId;
  workId: string;
  /** The bookmark now; null when removed (or its new value is damaged). */
  bookmark: Bookmark | null;
  /** The bookmark before; null when it is new. */
  previous: Bookmark | null;
}

/**
 * Calls back with the bookmarks that changed, from any context. Returns the unsubscribe.
 * (storage.onChanged for the whole area: a watch per key would not see new bookmarks.)
 */
export function watchBookmarks(cb: (changes: BookmarkChange[]) => void): () => void {
  const listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => {
    if (area !== 'local') return;
    const out: BookmarkChange[] = [];
    for (const [driverKey, change] of Object.entries(changes)) {
      if (!driverKey.startsWith(BOOKMARK_PREFIX) || driverKey.endsWith('$')) continue;
      const key = `local:${driverKey}`;
      const decode = (raw: unknown): Bookmark | null => {
        if (raw === null || raw === undefined) return null;
        const d = decodeStoredBookmark(key, raw);
        return d.ok ? d.bookmark : null;
      };
      const bookmark = decode(change.newValue);
      const previous = decode(change.oldValue);
      if (jsonEqual(bookmark, previous)) continue;
      const rest = driverKey.slice(BOOKMARK_PREFIX.length);
      const colon = rest.indexOf(':');
      out.push({
        site: rest.slice(0, colon) as SiteId,
        workId: rest.slice(colon + 1),
        bookmark,
        previous,
      });
    }
    if (out.length > 0) cb(out);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Internal (backup import): the writes that store these valid bookmarks. */
export function bookmarkWrites(bookmarks: readonly Bookmark[]) {
  return bookmarks.map((b) => ({ key: bookmarkStorageKey(b.site, b.workId), value: encodeBookmark(b) }));
}
