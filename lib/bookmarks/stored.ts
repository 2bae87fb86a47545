/**
 * A bookmark's stored record, pure (the reads and writes are lib/storage/bookmarks.ts): ONE KEY PER
 * BOOKMARK (`local:bookmark:<site>:<workId>`), holding `{ v, ...bookmark }` with its schema version
 * inside, so a record migrates on its own when read (lib/storage/migrations). Decoding a record,
 * a snapshot of the local area, or a change event: what is valid, migrated or damaged.
 */
import { isPlainObject, jsonEqual } from '../check';
import { MIGRATIONS, runMigrations } from '../storage/migrations';
import type { SiteId } from '../sites/types';
import { bookmarkFromFields } from './fast-check';
import { bookmarkKey, type Bookmark } from './types';
import { BOOKMARK_FIELDS, validateBookmark } from './validate';

/** Driver key prefix in the local area. */
export const BOOKMARK_PREFIX = 'bookmark:';
export const BOOKMARK_VERSION: number = MIGRATIONS.bookmark.version;

/** A storage key in the local area (a WXT `StorageItemKey`). */
export type LocalKey = `local:${string}`;

/** A driver key (no `local:`) of a bookmark record; `…$` keys are WXT's metadata. */
export const isBookmarkDriverKey = (driverKey: string): boolean =>
  driverKey.startsWith(BOOKMARK_PREFIX) && !driverKey.endsWith('$');

export type StoredBookmark = { v: number } & Bookmark;

export const bookmarkStorageKey = (site: SiteId, workId: string): LocalKey =>
  `local:${BOOKMARK_PREFIX}${bookmarkKey(site, workId)}`;

/** The record stored for a (valid) bookmark. */
export function encodeBookmark(bookmark: Bookmark): StoredBookmark {
  return { v: BOOKMARK_VERSION, ...bookmark };
}

export type Decoded =
  | { ok: true; bookmark: Bookmark; migrated: boolean }
  | { ok: false; error: string };

/**
 * A stored record (under `storageKey`) → a valid current bookmark, migrating old record versions, or
 * why it is unusable. The fast path first (./fast-check.ts), for reading many records at once.
 */
export function decodeStoredBookmark(storageKey: string, raw: unknown): Decoded {
  const fast = decodeCurrent(storageKey, raw);
  return fast ? { ok: true, bookmark: fast, migrated: false } : decodeRecord(storageKey, raw);
}

/**
 * `decodeStoredBookmark` without the fast path: the same answer, each check made in full. For code that
 * reads a few records at a time (content scripts), which then leaves the fast path's code out.
 */
export function decodeRecord(storageKey: string, raw: unknown): Decoded {
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

/** Every field a stored record may have: the bookmark's, and `v`. */
const STORED_FIELDS = /* @__PURE__ */ new Set<string>(['v', ...BOOKMARK_FIELDS]);

/**
 * The fast path of `decodeStoredBookmark` (./fast-check.ts): a record of the current version, with
 * no field it may not have, under its own key, passing every check; null for anything else.
 */
function decodeCurrent(storageKey: string, raw: unknown): Bookmark | null {
  if (!isPlainObject(raw) || raw.v !== BOOKMARK_VERSION) return null;
  for (const key in raw) if (!STORED_FIELDS.has(key)) return null;
  // The key names the work: checked first, as it is the cheapest way to refuse a moved record.
  if (typeof raw.site !== 'string' || typeof raw.workId !== 'string') return null;
  if (storageKey !== bookmarkStorageKey(raw.site as SiteId, raw.workId)) return null;
  return bookmarkFromFields(raw);
}

/** A record that cannot be used: quarantined, then removed. */
export interface Damaged {
  key: LocalKey;
  raw: unknown;
  error: string;
}
/** A record of an older version: written back migrated. */
export interface Migrated {
  key: LocalKey;
  raw: unknown;
  bookmark: Bookmark;
}

export interface DecodedSnapshot {
  bookmarks: Bookmark[];
  damaged: Damaged[];
  migrated: Migrated[];
}

/** The valid bookmarks in a snapshot of the local area, and what needs repair. */
export function bookmarksFromSnapshot(snapshot: Record<string, unknown>): DecodedSnapshot {
  const bookmarks: Bookmark[] = [];
  const damaged: Damaged[] = [];
  const migrated: Migrated[] = [];
  for (const [driverKey, raw] of Object.entries(snapshot)) {
    if (!isBookmarkDriverKey(driverKey)) continue;
    const key: LocalKey = `local:${driverKey}`;
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

export interface BookmarkChange {
  site: SiteId;
  workId: string;
  /** The bookmark now; null when removed (or its new value is damaged). */
  bookmark: Bookmark | null;
  /** The bookmark before; null when it is new. */
  previous: Bookmark | null;
}

/**
 * The local area's change events (`storage.onChanged`), each record read with `decodeOne`: the
 * bookmarks that changed (a bookmark that reads the same before and after is no change), and the new
 * records that are damaged.
 */
export function bookmarkChanges(
  changes: Record<string, { oldValue?: unknown; newValue?: unknown }>,
  decodeOne: (storageKey: string, raw: unknown) => Decoded,
): { changes: BookmarkChange[]; damaged: Damaged[] } {
  const out: BookmarkChange[] = [];
  const damaged: Damaged[] = [];
  const decode = (key: string, raw: unknown) => (raw === null || raw === undefined ? null : decodeOne(key, raw));
  for (const [driverKey, { oldValue, newValue }] of Object.entries(changes)) {
    if (!isBookmarkDriverKey(driverKey)) continue;
    const key: LocalKey = `local:${driverKey}`;
    const now = decode(key, newValue);
    if (now && !now.ok) damaged.push({ key, raw: newValue, error: now.error });
    const bookmark = now?.ok ? now.bookmark : null;
    const before = decode(key, oldValue);
    const previous = before?.ok ? before.bookmark : null;
    if (jsonEqual(bookmark, previous)) continue;
    const rest = driverKey.slice(BOOKMARK_PREFIX.length);
    const colon = rest.indexOf(':'); // a work id may hold colons, a site id none
    out.push({ site: rest.slice(0, colon) as SiteId, workId: rest.slice(colon + 1), bookmark, previous });
  }
  return { changes: out, damaged };
}
