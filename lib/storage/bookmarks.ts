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
import { compareBookmarksById } from '../bookmarks/merge';
import { bookmarkKey, type Bookmark } from '../bookmarks/types';
import {
  BOOKMARK_ABSENT_OK,
  BOOKMARK_FIELDS,
  BOOKMARK_SCHEMA,
  bookmarkConsistencyError,
  validateBookmark,
} from '../bookmarks/validate';
import { SITE_HOSTS } from '../sites/hosts';
import type { SiteId } from '../sites/types';
import { watchStorage, type StorageChanges } from './changes';
import { httpUrl, isoDate, isPlainObject, jsonEqual, type Check } from './check';
import { withKeyLock } from './lock';
import { MIGRATIONS, runMigrations } from './migrations';
import { quarantine } from './quarantine';

/** Driver key prefix in the local area. */
export const BOOKMARK_PREFIX = 'bookmark:';
export const BOOKMARK_VERSION: number = MIGRATIONS.bookmark.version;

/** A driver key (no `local:`) of a bookmark record; `…$` keys are WXT's metadata. */
const isBookmarkDriverKey = (driverKey: string): boolean =>
  driverKey.startsWith(BOOKMARK_PREFIX) && !driverKey.endsWith('$');

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
  const fast = decodeCurrent(storageKey, raw);
  if (fast) return { ok: true, bookmark: fast, migrated: false };
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
const STORED_FIELDS = new Set<string>(['v', ...BOOKMARK_FIELDS]);

const digits = (s: string, at: number, n: number): number => {
  let x = 0;
  for (let i = at; i < at + n; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    x = x * 10 + d;
  }
  return x;
};

/**
 * Exactly what `Date.prototype.toISOString` writes for a year from 0000 to 9999
 * ("2026-11-24T10:00:00.000Z", a real calendar date): such a string passes `isoDate`. A cheap
 * sufficient test (no Date objects): when it says no, the caller asks `isoDate` itself.
 */
export function isCanonicalIsoDate(v: string): boolean {
  if (v.length !== 24 || v[4] !== '-' || v[7] !== '-' || v[10] !== 'T') return false;
  if (v[13] !== ':' || v[16] !== ':' || v[19] !== '.' || v[23] !== 'Z') return false;
  const y = digits(v, 0, 4);
  const mo = digits(v, 5, 2);
  const d = digits(v, 8, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const days = mo === 2 ? (leap ? 29 : 28) : mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31;
  if (d > days) return false;
  const h = digits(v, 11, 2);
  const mi = digits(v, 14, 2);
  const sec = digits(v, 17, 2);
  return h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && sec >= 0 && sec <= 59 && digits(v, 20, 3) >= 0;
}

/**
 * An https address on a supported site's own host (the adapters' list), with a plain path (and query,
 * fragment) of unreserved characters: such a string passes `httpUrl` (`new URL` parses it, protocol
 * https). A cheap sufficient test, as above.
 */
const PLAIN_SITE_URL = new RegExp(
  `^https://(?:${Object.values(SITE_HOSTS)
    .flat()
    .map((host) => host.replaceAll('.', '\\.'))
    .join('|')})(?:/[A-Za-z0-9/._~-]*)?(?:\\?[A-Za-z0-9=&._~-]*)?(?:#[A-Za-z0-9._~-]*)?$`,
);

const isoDateFast: Check = (v) => (typeof v === 'string' && isCanonicalIsoDate(v) ? null : isoDate(v));
const httpUrlFast: Check = (v) => (typeof v === 'string' && PLAIN_SITE_URL.test(v) ? null : httpUrl(v));

/** BOOKMARK_SCHEMA's checks, with the sufficient fast tests in front of the costly ones. */
const FIELD_CHECKS = BOOKMARK_FIELDS.map((field) => {
  const check = BOOKMARK_SCHEMA[field];
  const fast = check === isoDate ? isoDateFast : check === httpUrl ? httpUrlFast : check;
  return [field, fast, BOOKMARK_ABSENT_OK.includes(field)] as const;
});

/**
 * The fast path of `decodeStoredBookmark`, for the common case (10,000 bookmarks read at once by
 * the shelf): a record of the current version that passes every check of `validateBookmark`,
 * made in one pass over the record (no copy without `v`, no per-record lookups of the schema).
 * The same checks (`BOOKMARK_SCHEMA`'s, dates and addresses behind sufficient fast tests), so it
 * accepts exactly what the slow path accepts; null for anything else (old version, damaged…),
 * which then takes the slow path and its messages (tests/unit/storage/bookmarks-read.test.ts).
 */
function decodeCurrent(storageKey: string, raw: unknown): Bookmark | null {
  if (!isPlainObject(raw) || raw.v !== BOOKMARK_VERSION) return null;
  for (const key in raw) if (!STORED_FIELDS.has(key)) return null;
  // The key names the work: checked first, as it is the cheapest way to refuse a moved record.
  if (typeof raw.site !== 'string' || typeof raw.workId !== 'string') return null;
  if (storageKey !== bookmarkStorageKey(raw.site as SiteId, raw.workId)) return null;
  const out: Record<string, unknown> = {};
  for (const [field, check, absentOk] of FIELD_CHECKS) {
    const value = raw[field];
    if (value === undefined) {
      if (absentOk) continue;
      return null;
    }
    if (check(value) !== null) return null;
    out[field] = Array.isArray(value) ? [...(value as unknown[])] : value;
  }
  return bookmarkConsistencyError(out as unknown as Bookmark) === null ? (out as unknown as Bookmark) : null;
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
    if (!isBookmarkDriverKey(driverKey)) continue;
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

/** Bookmark records read per `storage.local.get` when the records are read key by key. */
export const BOOKMARK_READ_CHUNK = 250;

type LocalArea = {
  get(keys?: string[] | null): Promise<Record<string, unknown>>;
  getKeys?: () => Promise<string[]>;
};

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
async function readAllRecords(): Promise<ReturnType<typeof bookmarksFromSnapshot>> {
  const area = browser.storage.local as unknown as LocalArea;
  if (typeof area.getKeys !== 'function') return bookmarksFromSnapshot(await storage.snapshot('local'));
  const keys = (await area.getKeys()).filter(isBookmarkDriverKey);
  const chunks: Promise<ReturnType<typeof bookmarksFromSnapshot>>[] = [];
  for (let i = 0; i < keys.length; i += BOOKMARK_READ_CHUNK) {
    chunks.push(area.get(keys.slice(i, i + BOOKMARK_READ_CHUNK)).then(bookmarksFromSnapshot));
  }
  const parts = await Promise.all(chunks);
  return {
    bookmarks: parts.flatMap((p) => p.bookmarks),
    damaged: parts.flatMap((p) => p.damaged),
    migrated: parts.flatMap((p) => p.migrated),
  };
}

const readTime = (iso: string): number => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
};

/**
 * `compareBookmarksByReadAt`'s order (most recently read first, ties in id order), sorting by
 * precomputed times: no date parsing inside the comparator (10,000 bookmarks: ~130,000 compares).
 */
export function sortByReadAt(bookmarks: readonly Bookmark[]): Bookmark[] {
  const keyed = bookmarks.map((bookmark) => ({ bookmark, t: readTime(bookmark.readAt) }));
  keyed.sort((a, b) => (a.t === b.t ? 0 : b.t > a.t ? 1 : -1) || compareBookmarksById(a.bookmark, b.bookmark));
  return keyed.map((k) => k.bookmark);
}

/** Every valid bookmark, most recently read first. Damaged records go to quarantine. */
export async function getAllBookmarks(): Promise<Bookmark[]> {
  const { bookmarks, damaged, migrated } = await readAllRecords();
  await repair(damaged, migrated);
  return sortByReadAt(bookmarks);
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
  const onChange = (changes: StorageChanges, area: string) => {
    if (area !== 'local') return;
    const out: BookmarkChange[] = [];
    const damaged: Damaged[] = [];
    for (const [driverKey, change] of Object.entries(changes)) {
      if (!driverKey.startsWith(BOOKMARK_PREFIX) || driverKey.endsWith('$')) continue;
      const key = `local:${driverKey}`;
      const decode = (raw: unknown): Bookmark | null => {
        if (raw === null || raw === undefined) return null;
        const d = decodeStoredBookmark(key, raw);
        return d.ok ? d.bookmark : null;
      };
      const now = change.newValue === null || change.newValue === undefined ? null : decodeStoredBookmark(key, change.newValue);
      if (now && !now.ok) damaged.push({ key: key as StorageItemKey, raw: change.newValue, error: now.error });
      const bookmark = now?.ok ? now.bookmark : null;
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
    if (quarantineDamaged && damaged.length > 0) void repair(damaged, []);
  };
  return watchStorage({ onChange, onResync });
}

/** Internal (backup import): the writes that store these valid bookmarks. */
export function bookmarkWrites(bookmarks: readonly Bookmark[]) {
  return bookmarks.map((b) => ({ key: bookmarkStorageKey(b.site, b.workId), value: encodeBookmark(b) }));
}
