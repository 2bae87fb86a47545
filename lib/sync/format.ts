/**
 * Sync across devices, the pure part: what the mirror in `storage.sync` holds, how a device
 * merges it with its own data, and how the mirror is packed into the browser's small sync space.
 * lib/storage/sync.ts does the storage calls and the timing. No browser API in lib/sync.
 *
 * THE DESIGN
 * - storage.local stays authoritative: rules in `filterRules`, bookmarks one key each. The browser's
 *   own sync (`storage.sync`, no server of ours) carries a MIRROR of them, which every device merges
 *   into its own data, item by item, and rewrites.
 * - Mirror keys in storage.sync (beside `readerSettings` and `appSettings`, which live there anyway):
 *     `syncFormat`                 `{ v: 1 }`: a device that finds a newer `v` leaves the mirror alone
 *     `rules.0` … `rules.meta`     records `[t, rule]`, in the reader's rule order
 *     `deleted.0` … `deleted.meta` tombstones `[key, t]`: `r:<ruleId>` or `b:<site>:<workId>`
 *     `bookmarks.0` … `bookmarks.meta` (only while appSettings.syncBookmarks is on)
 *                                  records `[t, site, workId, url, …]`: SYNC_BOOKMARK_FIELDS in order
 *   Each section is packed by ./pack.ts: compact JSON, whole records only, many per chunk,
 *   every chunk under 8 KB, the whole under 100 KB and 512 items, with room left for the settings.
 *   Priority when space runs out: rules (in order), then tombstones (newest first), then bookmarks
 *   (most recently read first). What does not fit stays on this device only; nothing is cut.
 * - `t` is when the record last changed, in whole seconds since 1970, by the clock of the device
 *   that changed it (seconds: 10 digits, a 32-bit number until 2038, the cheapest in Chrome's count). A device learns its own `t`s from `local:syncState`: for every rule and bookmark after the
 *   last sync, `[t, hash of its content]`. A record whose content no longer matches its hash was
 *   changed here since: it gets `t = now` (unless the mirror has exactly that content: its `t`).
 * - Merging one item present on both sides: rules, the later `t` wins; bookmarks, the later `readAt`
 *   wins (as mergeBookmark: the reading position is what matters), then the later `t`, and
 *   `addedAt` is the earlier of the two. Remaining ties go to the larger content hash, so every
 *   device picks the same winner.
 * - Deletions: an item in syncState but gone from local storage was deleted here: a tombstone
 *   `[key, now]` goes to the mirror. A tombstone beats every version of its item changed at or
 *   before it; an item changed after it (re-added, read again) comes back. Tombstones are kept 60
 *   days and at most 300 (the newest); a device that stays away longer may bring a deleted item
 *   back.
 * - Rules added on two devices independently as the same rule (same `ruleKey`) become one: the one
 *   with the smaller id stays, everywhere.
 * - Records this version cannot read (written by a newer Lamplight: a new site, a new rule kind) are
 *   passed on in the mirror untouched, never deleted; new bookmark fields may only ever be appended
 *   to SYNC_BOOKMARK_FIELDS, so an older device reads the fields it knows and passes the rest on.
 */
import { bookmarkKey, type Bookmark } from '../bookmarks/types';
import { BOOKMARK_ABSENT_OK, validateBookmark } from '../bookmarks/validate';
import type { Rule } from '../filters/types';
import { validateRule } from '../filters/validate';
import type { SiteId } from '../sites/types';
import { isPlainObject } from '../check';

export const SYNC_FORMAT_VERSION = 1;
export const SYNC_FORMAT_KEY = 'syncFormat';
export const RULES_PREFIX = 'rules.';
export const DELETED_PREFIX = 'deleted.';
export const BOOKMARKS_PREFIX = 'bookmarks.';
export const SECTIONS = [RULES_PREFIX, DELETED_PREFIX, BOOKMARKS_PREFIX] as const;

/** Sync times (`t`) are whole seconds since 1970. */
export const DAY = 86_400;
export const TOMBSTONE_MAX_AGE = 60 * DAY;
export const MAX_TOMBSTONES = 300;
/** Left free in storage.sync for the settings that live there too (and may grow). */
export const SETTINGS_HEADROOM_BYTES = 2048;
export const SETTINGS_HEADROOM_ITEMS = 4;

export const FORMAT_VALUE = { v: SYNC_FORMAT_VERSION };

/**
 * A bookmark's fields in a sync record, by position. Part of the sync format: never reorder,
 * only append (an older device reads the fields it knows and passes the rest on).
 */
export const SYNC_BOOKMARK_FIELDS = [
  'site',
  'workId',
  'url',
  'title',
  'authors',
  'fandoms',
  'chapter',
  'chapterCount',
  'chapterTotal',
  'progress',
  'addedAt',
  'readAt',
  'note',
  'paragraph',
  'paragraphOffset',
  'newChapters',
  'status',
  'readerMode',
  'chapterUrl',
] as const satisfies readonly (keyof Bookmark)[];

export const READ_AT_POSITION = 1 + SYNC_BOOKMARK_FIELDS.indexOf('readAt');

/** A key of the mirror (the sync area's other keys, the settings, are not ours). */
export function isMirrorKey(key: string): boolean {
  if (key === SYNC_FORMAT_KEY) return true;
  return SECTIONS.some((prefix) => key.startsWith(prefix) && /^(?:\d+|meta)$/.test(key.slice(prefix.length)));
}

/** A short, stable hash of a JSON value (cyrb53): tells whether a record changed. */
export function hashOf(value: unknown): string {
  const s = JSON.stringify(value) ?? '';
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

export const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
export const readTime = (iso: unknown): number => {
  const t = typeof iso === 'string' ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(t) ? 0 : t;
};

// ---------------------------------------------------------------------------------------------
// This device's sync state (`local:syncState`)

export type Stamp = [t: number, hash: string];

export interface SyncState {
  v: 1;
  /** Rule id → when it last changed and its content hash, for every rule after the last sync. */
  rules: Record<string, Stamp>;
  /** The same for bookmarks (`site:workId`); empty while bookmarks are not synced. */
  bookmarks: Record<string, Stamp>;
  /** Tombstones: `r:<ruleId>` / `b:<site>:<workId>` → when it was deleted. */
  deleted: Record<string, number>;
}

export const emptySyncState = (): SyncState => ({ v: 1, rules: {}, bookmarks: {}, deleted: {} });

function stamps(raw: unknown): Record<string, Stamp> | null {
  if (!isPlainObject(raw)) return null;
  const out: Record<string, Stamp> = {};
  for (const [key, s] of Object.entries(raw)) {
    if (!Array.isArray(s) || !isTime(s[0]) || typeof s[1] !== 'string') return null;
    out[key] = [s[0], s[1]];
  }
  return out;
}

/** The stored state, or null when absent or unreadable (then this device starts afresh: nothing is lost, only deletions made before are not known). */
export function parseSyncState(raw: unknown): SyncState | null {
  if (!isPlainObject(raw) || raw.v !== 1) return null;
  const rules = stamps(raw.rules);
  const bookmarks = stamps(raw.bookmarks);
  if (!rules || !bookmarks || !isPlainObject(raw.deleted)) return null;
  const deleted: Record<string, number> = {};
  for (const [key, t] of Object.entries(raw.deleted)) if (isTime(t)) deleted[key] = t;
  return { v: 1, rules, bookmarks, deleted };
}

// ---------------------------------------------------------------------------------------------
// Records

export function encodeRuleRecord(rule: Rule, t: number): unknown[] {
  return [t, rule];
}

export function encodeBookmarkRecord(bookmark: Bookmark, t: number): unknown[] {
  const values: unknown[] = SYNC_BOOKMARK_FIELDS.map((field) => bookmark[field] ?? null);
  // Absent optional fields at the end cost nothing.
  while (values.length > 0 && values[values.length - 1] === null) {
    const field = SYNC_BOOKMARK_FIELDS[values.length - 1];
    if (field === undefined || !BOOKMARK_ABSENT_OK.includes(field)) break;
    values.pop();
  }
  return [t, ...values];
}

/** One record found in the mirror. `value` is null when this version cannot read it. */
export interface RemoteRecord<T> {
  key: string;
  t: number;
  value: T | null;
  /** Hash of `value`; null when unreadable. */
  hash: string | null;
  /** The record as stored, passed on untouched when it still stands. */
  raw: unknown;
}

export function decodeRuleRecord(raw: unknown): RemoteRecord<Rule> | null {
  if (!Array.isArray(raw) || !isTime(raw[0])) return null;
  const body: unknown = raw[1];
  if (!isPlainObject(body) || typeof body.id !== 'string' || body.id === '') return null;
  const check = validateRule(body);
  return check.ok
    ? { key: check.rule.id, t: raw[0], value: check.rule, hash: hashOf(check.rule), raw }
    : { key: body.id, t: raw[0], value: null, hash: null, raw };
}

export function decodeBookmarkRecord(raw: unknown): RemoteRecord<Bookmark> | null {
  if (!Array.isArray(raw) || !isTime(raw[0]) || typeof raw[1] !== 'string' || typeof raw[2] !== 'string') return null;
  const key = bookmarkKey(raw[1] as SiteId, raw[2]);
  const fields: Record<string, unknown> = {};
  SYNC_BOOKMARK_FIELDS.forEach((field, i) => {
    const value: unknown = raw[i + 1];
    if (value === undefined || (value === null && BOOKMARK_ABSENT_OK.includes(field))) return;
    fields[field] = value;
  });
  // Values past the fields this version knows come from a newer one: read what is known.
  const check = validateBookmark(fields);
  return check.ok
    ? { key, t: raw[0], value: check.bookmark, hash: hashOf(check.bookmark), raw }
    : { key, t: raw[0], value: null, hash: null, raw };
}

