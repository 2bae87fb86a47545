/**
 * Sync across devices, the pure part: what the mirror in `storage.sync` holds, how a device
 * merges it with its own data, and how the mirror is packed into the browser's small sync space.
 * ./sync.ts does the storage calls and the timing. No browser API here.
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
 *   Each section is packed by ./sync-pack.ts: compact JSON, whole records only, many per chunk,
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
import { ruleKey, validateRule } from '../filters/validate';
import type { SiteId } from '../sites/types';
import { isPlainObject, jsonEqual } from './check';
import {
  SYNC_MAX_ITEMS,
  SYNC_QUOTA_BYTES,
  SYNC_QUOTA_BYTES_PER_ITEM,
  itemBytes,
  metaKeyOf,
  packRecords,
  unpackRecords,
  type Pack,
} from './sync-pack';

export const SYNC_FORMAT_VERSION = 1;
export const SYNC_FORMAT_KEY = 'syncFormat';
export const RULES_PREFIX = 'rules.';
export const DELETED_PREFIX = 'deleted.';
export const BOOKMARKS_PREFIX = 'bookmarks.';
const SECTIONS = [RULES_PREFIX, DELETED_PREFIX, BOOKMARKS_PREFIX] as const;

/** Sync times (`t`) are whole seconds since 1970. */
export const DAY = 86_400;
export const TOMBSTONE_MAX_AGE = 60 * DAY;
export const MAX_TOMBSTONES = 300;
/** Left free in storage.sync for the settings that live there too (and may grow). */
export const SETTINGS_HEADROOM_BYTES = 2048;
export const SETTINGS_HEADROOM_ITEMS = 4;

const FORMAT_VALUE = { v: SYNC_FORMAT_VERSION };

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

const READ_AT_POSITION = 1 + SYNC_BOOKMARK_FIELDS.indexOf('readAt');

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

const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const readTime = (iso: unknown): number => {
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

// ---------------------------------------------------------------------------------------------
// Reading the mirror

export interface RemoteMirror {
  /** The mirror was written by a newer Lamplight (this `v`): leave it alone. */
  newerFormat: number | null;
  rules: RemoteRecord<Rule>[];
  bookmarks: RemoteRecord<Bookmark>[];
  deleted: Map<string, number>;
  /** Some chunks were missing or damaged (another device mid-write, or sync still arriving). */
  damaged: boolean;
}

/** A section's records: all chunks when whole; when not, every chunk that is there (records are whole in every chunk). */
function readSection(items: Record<string, unknown>, prefix: string): { records: unknown[]; damaged: boolean } {
  const meta = items[metaKeyOf(prefix)];
  const chunkKeys = Object.keys(items)
    .filter((k) => k.startsWith(prefix) && /^\d+$/.test(k.slice(prefix.length)))
    .sort((a, b) => Number(a.slice(prefix.length)) - Number(b.slice(prefix.length)));
  if (meta === undefined && chunkKeys.length === 0) return { records: [], damaged: false };
  const whole = unpackRecords(items, prefix);
  if (whole.ok && meta !== undefined) return { records: whole.records, damaged: false };
  const m = meta as { chunks?: unknown } | null | undefined;
  const limit = m && typeof m.chunks === 'number' && Number.isInteger(m.chunks) ? m.chunks : Number.POSITIVE_INFINITY;
  const records: unknown[] = [];
  for (const key of chunkKeys) {
    const chunk = items[key];
    if (Number(key.slice(prefix.length)) < limit && Array.isArray(chunk)) records.push(...(chunk as unknown[]));
  }
  return { records, damaged: true };
}

/** Keep one record per key: the latest (then the larger hash, as the merge does). */
function latestByKey<T>(records: readonly RemoteRecord<T>[]): RemoteRecord<T>[] {
  const byKey = new Map<string, RemoteRecord<T>>();
  for (const r of records) {
    const seen = byKey.get(r.key);
    if (!seen || r.t > seen.t || (r.t === seen.t && (r.hash ?? '') > (seen.hash ?? ''))) byKey.set(r.key, r);
  }
  return [...byKey.values()];
}

export function readMirror(items: Record<string, unknown>): RemoteMirror {
  const format = items[SYNC_FORMAT_KEY];
  const v = isPlainObject(format) ? format.v : undefined;
  if (typeof v === 'number' && v > SYNC_FORMAT_VERSION) {
    return { newerFormat: v, rules: [], bookmarks: [], deleted: new Map(), damaged: false };
  }
  const rules = readSection(items, RULES_PREFIX);
  const bookmarks = readSection(items, BOOKMARKS_PREFIX);
  const deleted = readSection(items, DELETED_PREFIX);
  let damaged = rules.damaged || bookmarks.damaged || deleted.damaged;
  const decode = <T>(records: unknown[], read: (raw: unknown) => RemoteRecord<T> | null): RemoteRecord<T>[] => {
    const out: RemoteRecord<T>[] = [];
    for (const raw of records) {
      const r = read(raw);
      if (r) out.push(r);
      else damaged = true;
    }
    return latestByKey(out);
  };
  const tombs = new Map<string, number>();
  for (const raw of deleted.records) {
    if (Array.isArray(raw) && typeof raw[0] === 'string' && isTime(raw[1])) {
      tombs.set(raw[0], Math.max(tombs.get(raw[0]) ?? 0, raw[1]));
    } else damaged = true;
  }
  return {
    newerFormat: null,
    rules: decode(rules.records, decodeRuleRecord),
    bookmarks: decode(bookmarks.records, decodeBookmarkRecord),
    deleted: tombs,
    damaged,
  };
}

// ---------------------------------------------------------------------------------------------
// Merging

interface Side<T> {
  key: string;
  t: number;
  hash: string | null;
  value: T | null;
}

interface MergeSideOptions<T> {
  local: readonly { key: string; value: T }[];
  known: Record<string, Stamp>;
  remote: readonly RemoteRecord<T>[];
  /** Tombstones (`<prefix><key>` → t); local deletions are added to it. */
  tombs: Map<string, number>;
  prefix: 'r:' | 'b:';
  now: number;
  /** a wins over b. */
  wins: (a: Side<T>, b: Side<T>) => boolean;
  /** The winner after meeting the loser (bookmarks: the earlier addedAt). */
  combine?: (winner: T, loser: T) => T;
  encode: (value: T, t: number) => unknown;
}

interface MergedItem<T> {
  key: string;
  value: T;
  stamp: Stamp;
  /** Its mirror record; null when an unreadable remote record stands in the mirror instead. */
  record: unknown;
}

interface MergeSideResult<T> {
  /** The items to keep locally, local order first, then new ones in remote order. */
  items: MergedItem<T>[];
  /** Unreadable remote records that still stand (passed on in the mirror). */
  passOn: { key: string; raw: unknown }[];
}

const byTimeThenHash = <T>(a: Side<T>, b: Side<T>): boolean =>
  a.t !== b.t ? a.t > b.t : (a.hash ?? '') > (b.hash ?? '');

function mergeSide<T>(o: MergeSideOptions<T>): MergeSideResult<T> {
  const local = new Map(o.local.map((l) => [l.key, l.value]));
  const remote = new Map(o.remote.map((r) => [r.key, r]));
  // Deleted here since the last sync.
  for (const key of Object.keys(o.known)) {
    if (local.has(key)) continue;
    const tomb = o.prefix + key;
    o.tombs.set(tomb, Math.max(o.tombs.get(tomb) ?? 0, o.now));
  }
  const order = [...local.keys(), ...o.remote.map((r) => r.key).filter((k) => !local.has(k))];
  const items: MergedItem<T>[] = [];
  const passOn: { key: string; raw: unknown }[] = [];
  for (const key of order) {
    const lv = local.get(key);
    const r = remote.get(key);
    let l: Side<T> | undefined;
    if (lv !== undefined) {
      const hash = hashOf(lv);
      const known = o.known[key];
      // Unchanged since the last sync keeps its time; the same as the mirror's copy takes that one's.
      const t = known && known[1] === hash ? known[0] : r && r.hash === hash ? r.t : o.now;
      l = { key, t, hash, value: lv };
    }
    const winner: Side<T> | undefined = !r ? l : !l ? r : o.wins(r, l) ? r : l;
    if (!winner) continue;
    const tomb = o.tombs.get(o.prefix + key);
    if (tomb !== undefined && tomb >= winner.t) continue; // deleted (here or elsewhere)
    if (winner === r && r.value === null) {
      // A newer Lamplight's record: pass it on; keep the local copy (if any) as it is.
      passOn.push({ key, raw: r.raw });
      if (l && l.value !== null && l.hash !== null) items.push({ key, value: l.value, stamp: [l.t, l.hash], record: null });
      continue;
    }
    let value = winner.value as T;
    const loser = winner === l ? r : l;
    if (o.combine && loser && loser.value !== null) value = o.combine(value, loser.value);
    const hash = hashOf(value);
    const t = hash === winner.hash ? winner.t : o.now;
    const record = r && r.t === t && r.hash === hash ? r.raw : o.encode(value, t);
    items.push({ key, value, stamp: [t, hash], record });
  }
  return { items, passOn };
}

export interface MirrorEntry {
  key: string;
  record: unknown;
  /** This device can read it (not passed on unread from a newer Lamplight). */
  own: boolean;
  /** Bookmarks: readAt in ms (most recently read go first). */
  rank: number;
}

export interface MirrorContent {
  rules: MirrorEntry[];
  /** Newest first. */
  deleted: [string, number][];
  /** The mirror already holds every one of `deleted`: leave that section as it is. */
  deletedUnchanged: boolean;
  /** null while bookmarks are not synced. */
  bookmarks: MirrorEntry[] | null;
}

export interface SyncMerge {
  /** The local rules after the merge. */
  rules: Rule[];
  /** Bookmarks to write locally (new or changed), and local ones to remove (deleted elsewhere). */
  bookmarkPuts: Bookmark[];
  bookmarkRemovals: Bookmark[];
  state: SyncState;
  mirror: MirrorContent;
}

export interface SyncMergeInput {
  /** Seconds since 1970. */
  now: number;
  rules: readonly Rule[];
  /** null: bookmarks are not synced. */
  bookmarks: readonly Bookmark[] | null;
  state: SyncState | null;
  remote: RemoteMirror;
}

const bookmarkWins = (a: Side<Bookmark>, b: Side<Bookmark>): boolean => {
  if (a.value && b.value) {
    const ra = readTime(a.value.readAt);
    const rb = readTime(b.value.readAt);
    if (ra !== rb) return ra > rb;
  }
  return byTimeThenHash(a, b);
};

const earlierAddedAt = (winner: Bookmark, loser: Bookmark): Bookmark =>
  readTime(loser.addedAt) < readTime(winner.addedAt) ? { ...winner, addedAt: loser.addedAt } : winner;

/** Pure: merge this device's rules and bookmarks with the mirror. */
export function mergeSync(input: SyncMergeInput): SyncMerge {
  const { now, remote } = input;
  const state = input.state ?? emptySyncState();
  const tombs = new Map<string, number>(Object.entries(state.deleted));
  for (const [key, t] of remote.deleted) tombs.set(key, Math.max(tombs.get(key) ?? 0, t));

  // Rules
  const rules = mergeSide<Rule>({
    local: input.rules.map((r) => ({ key: r.id, value: r })),
    known: state.rules,
    remote: remote.rules,
    tombs,
    prefix: 'r:',
    now,
    wins: byTimeThenHash,
    encode: encodeRuleRecord,
  });
  // The same rule added on two devices: the smaller id stays, at the first one's place.
  const keep = new Map<string, MergedItem<Rule>>();
  for (const item of rules.items) {
    const k = ruleKey(item.value);
    const seen = keep.get(k);
    if (!seen || item.key < seen.key) keep.set(k, item);
  }
  const ruleItems: MergedItem<Rule>[] = [];
  const placed = new Set<string>();
  for (const item of rules.items) {
    const k = ruleKey(item.value);
    if (placed.has(k)) continue;
    placed.add(k);
    ruleItems.push(keep.get(k)!);
  }

  // Bookmarks
  let bookmarkItems: MergedItem<Bookmark>[] = [];
  let bookmarkPassOn: { key: string; raw: unknown }[] = [];
  const bookmarkPuts: Bookmark[] = [];
  const bookmarkRemovals: Bookmark[] = [];
  if (input.bookmarks) {
    const merged = mergeSide<Bookmark>({
      local: input.bookmarks.map((b) => ({ key: bookmarkKey(b.site, b.workId), value: b })),
      known: state.bookmarks,
      remote: remote.bookmarks,
      tombs,
      prefix: 'b:',
      now,
      wins: bookmarkWins,
      combine: earlierAddedAt,
      encode: encodeBookmarkRecord,
    });
    bookmarkItems = merged.items;
    bookmarkPassOn = merged.passOn;
    const localByKey = new Map(input.bookmarks.map((b) => [bookmarkKey(b.site, b.workId), b]));
    const after = new Set<string>();
    for (const item of bookmarkItems) {
      after.add(item.key);
      const before = localByKey.get(item.key);
      if (!before || !jsonEqual(before, item.value)) bookmarkPuts.push(item.value);
    }
    for (const [key, b] of localByKey) if (!after.has(key)) bookmarkRemovals.push(b);
  } else {
    for (const key of tombs.keys()) if (key.startsWith('b:')) tombs.delete(key); // (deleting while iterating a Map is safe)
  }

  // Tombstones: not older than 60 days, at most the 300 newest.
  const deleted = [...tombs.entries()]
    .filter(([, t]) => t >= now - TOMBSTONE_MAX_AGE)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, MAX_TOMBSTONES);
  const deletedUnchanged = deleted.every(([key, t]) => remote.deleted.get(key) === t);

  const entry = (own: boolean, key: string, record: unknown, rank: number): MirrorEntry => ({ key, record, own, rank });
  const remoteOrder = new Map(remote.rules.map((r, i) => [r.key, i]));
  const rankOf = (raw: unknown): number => (Array.isArray(raw) ? readTime(raw[READ_AT_POSITION]) : 0);
  return {
    rules: ruleItems.map((i) => i.value),
    bookmarkPuts,
    bookmarkRemovals,
    state: {
      v: 1,
      rules: Object.fromEntries(ruleItems.map((i) => [i.key, i.stamp])),
      bookmarks: Object.fromEntries(bookmarkItems.map((i) => [i.key, i.stamp])),
      deleted: Object.fromEntries(deleted),
    },
    mirror: {
      // In the mirror's own order, new rules after: devices whose local orders differ must not
      // keep rewriting the mirror in turn. (Rule order is each device's own.)
      rules: [
        ...ruleItems.filter((i) => i.record !== null).map((i) => entry(true, i.key, i.record, 0)),
        ...rules.passOn.map((p) => entry(false, p.key, p.raw, 0)),
      ].sort((a, b) => (remoteOrder.get(a.key) ?? Infinity) - (remoteOrder.get(b.key) ?? Infinity) || 0),
      deleted,
      deletedUnchanged,
      bookmarks: input.bookmarks
        ? [
            ...bookmarkItems
              .filter((i) => i.record !== null)
              .map((i) => entry(true, i.key, i.record, readTime(i.value.readAt))),
            ...bookmarkPassOn.map((p) => entry(false, p.key, p.raw, rankOf(p.raw))),
          ]
        : null,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Packing the mirror

export interface MirrorBudget {
  /** Bytes and items the sync area uses for other things (the settings), headroom included. */
  reservedBytes: number;
  reservedItems: number;
  /** 1 = the browser's documented quotas; less after the browser refused a write for space. */
  factor: number;
  /** Existing `deleted.*` items to leave as they are (when `deletedUnchanged`). */
  keptDeleted?: { bytes: number; items: number };
}

export interface MirrorPlan {
  /** Every mirror key to store, and its value. */
  items: Record<string, unknown>;
  /** Leave the stored `deleted.*` items as they are. */
  keepDeleted: boolean;
  syncedRules: number;
  syncedBookmarks: number;
  leftOut: { rules: number; bookmarks: number; tooBig: number };
  bytes: number;
}

const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Pack one section: which records go in is decided in priority order (the first N that fit);
 * they are then laid out in `stable` order when that fits as well, so that a change to one record
 * rewrites only its own chunk rather than shifting every chunk after it.
 */
function packSection<E>(
  entries: readonly E[],
  record: (e: E) => unknown,
  stable: ((a: E, b: E) => number) | null,
  options: Parameters<typeof packRecords>[1],
): { pack: Pack; packed: E[]; leftOut: { entry: E; tooBig: boolean }[] } {
  const first = packRecords(entries.map(record), { ...options, prefixOnly: true });
  const leftOut = first.leftOut.map((l) => ({ entry: entries[l.index]!, tooBig: l.reason === 'too-big' }));
  const chosen = first.packed.map((i) => entries[i]!);
  if (stable) {
    const ordered = [...chosen].sort(stable);
    const again = packRecords(ordered.map(record), options);
    if (again.leftOut.length === 0) return { pack: again, packed: ordered, leftOut };
  }
  return { pack: first, packed: chosen, leftOut };
}

/** Pure: the mirror's items within the budget. */
export function packMirror(content: MirrorContent, budget: MirrorBudget): MirrorPlan {
  const f = budget.factor;
  const limits = {
    perItem: Math.floor(SYNC_QUOTA_BYTES_PER_ITEM * f),
    total: Math.floor(SYNC_QUOTA_BYTES * f),
    maxItems: Math.floor(SYNC_MAX_ITEMS * f),
  };
  let reservedBytes = budget.reservedBytes + itemBytes(SYNC_FORMAT_KEY, FORMAT_VALUE);
  let reservedItems = budget.reservedItems + 1;
  const items: Record<string, unknown> = {};
  let any = false;
  const take = (pack: Pack) => {
    if (pack.packed.length === 0) return;
    Object.assign(items, pack.items);
    reservedBytes += pack.bytes;
    reservedItems += Object.keys(pack.items).length;
    any = true;
  };
  const opts = (prefix: string) => ({ prefix, ...limits, reservedBytes, reservedItems });

  const rules = packSection(content.rules, (e) => e.record, null, opts(RULES_PREFIX));
  take(rules.pack);

  const keepDeleted = content.deletedUnchanged;
  if (keepDeleted && budget.keptDeleted) {
    reservedBytes += budget.keptDeleted.bytes;
    reservedItems += budget.keptDeleted.items;
    any ||= budget.keptDeleted.items > 0;
  } else if (!keepDeleted) {
    const deleted = packSection(content.deleted, (d) => d, (a, b) => compareKeys(a[0], b[0]), opts(DELETED_PREFIX));
    take(deleted.pack);
  }

  let bookmarks: ReturnType<typeof packSection<MirrorEntry>> | null = null;
  if (content.bookmarks) {
    const ranked = [...content.bookmarks].sort((a, b) => b.rank - a.rank || compareKeys(a.key, b.key));
    bookmarks = packSection(ranked, (e) => e.record, (a, b) => compareKeys(a.key, b.key), opts(BOOKMARKS_PREFIX));
    take(bookmarks.pack);
  }
  if (any) items[SYNC_FORMAT_KEY] = FORMAT_VALUE;

  const own = (list: readonly MirrorEntry[]) => list.filter((e) => e.own).length;
  const ownLeft = (list: readonly { entry: MirrorEntry; tooBig: boolean }[]) => list.filter((l) => l.entry.own);
  const rulesLeft = ownLeft(rules.leftOut);
  const bookmarksLeft = bookmarks ? ownLeft(bookmarks.leftOut) : [];
  let bytes = 0;
  for (const [key, value] of Object.entries(items)) bytes += itemBytes(key, value);
  return {
    items,
    keepDeleted,
    syncedRules: own(rules.packed),
    syncedBookmarks: bookmarks ? own(bookmarks.packed) : 0,
    leftOut: {
      rules: rulesLeft.length,
      bookmarks: bookmarksLeft.length,
      tooBig: [...rulesLeft, ...bookmarksLeft].filter((l) => l.tooBig).length,
    },
    bytes,
  };
}

/** Bytes and items the sync area holds outside the mirror (the settings), plus headroom. */
export function reservedOutsideMirror(items: Record<string, unknown>): { bytes: number; items: number } {
  let bytes = SETTINGS_HEADROOM_BYTES;
  let count = SETTINGS_HEADROOM_ITEMS;
  for (const [key, value] of Object.entries(items)) {
    if (isMirrorKey(key)) continue;
    bytes += itemBytes(key, value);
    count += 1;
  }
  return { bytes, items: count };
}

/** Bytes and items of the stored `deleted.*` section. */
export function deletedSectionSize(items: Record<string, unknown>): { bytes: number; items: number } {
  let bytes = 0;
  let count = 0;
  for (const [key, value] of Object.entries(items)) {
    if (!key.startsWith(DELETED_PREFIX) || !isMirrorKey(key)) continue;
    bytes += itemBytes(key, value);
    count += 1;
  }
  return { bytes, items: count };
}

/** Pure: the writes that turn the stored mirror into `plan`: only changed items, and stale ones removed. */
export function diffMirror(
  stored: Record<string, unknown>,
  plan: MirrorPlan,
): { set: Record<string, unknown>; remove: string[] } {
  const set: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(plan.items)) {
    if (!jsonEqual(stored[key], value)) set[key] = value;
  }
  const remove = Object.keys(stored).filter(
    (key) =>
      isMirrorKey(key) &&
      !(key in plan.items) &&
      !(plan.keepDeleted && key.startsWith(DELETED_PREFIX)),
  );
  return { set, remove };
}

// ---------------------------------------------------------------------------------------------
// Status

/** What the options page shows: `local:syncStatus`. */
export interface SyncStatus {
  /** Rules and bookmarks of this device in the browser's sync space after the last sync. */
  syncedRules: number;
  syncedBookmarks: number;
  /** Bookmark sync was on (appSettings.syncBookmarks). */
  bookmarks: boolean;
  /**
   * Kept on this device only, for want of room in the browser's sync space (`tooBig` of them
   * are each larger than one sync item may be).
   */
  leftOut: { rules: number; bookmarks: number; tooBig: number };
  /** Why the last sync did not finish (the browser's words); null when it did. */
  lastError: string | null;
  /** When this status was reached (ISO date-time). */
  at: string;
}

const count = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** A stored status, or null when absent or unreadable. */
export function parseSyncStatus(raw: unknown): SyncStatus | null {
  if (!isPlainObject(raw) || !isPlainObject(raw.leftOut)) return null;
  const { syncedRules, syncedBookmarks, bookmarks, leftOut, lastError, at } = raw;
  if (!count(syncedRules) || !count(syncedBookmarks) || typeof bookmarks !== 'boolean') return null;
  if (!count(leftOut.rules) || !count(leftOut.bookmarks) || !count(leftOut.tooBig)) return null;
  if (!(lastError === null || typeof lastError === 'string') || typeof at !== 'string') return null;
  return {
    syncedRules,
    syncedBookmarks,
    bookmarks,
    leftOut: { rules: leftOut.rules, bookmarks: leftOut.bookmarks, tooBig: leftOut.tooBig },
    lastError,
    at,
  };
}

/** The same status, but for when it was reached. */
export const sameSyncStatus = (a: SyncStatus | null, b: SyncStatus | null): boolean =>
  a !== null && b !== null && jsonEqual({ ...a, at: '' }, { ...b, at: '' });
