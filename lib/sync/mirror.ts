/** The mirror in storage.sync: reading it back, and packing this device's content into the quotas (./format.ts). */
import type { Bookmark } from '../bookmarks/types';
import type { Rule } from '../filters/types';
import { isPlainObject, jsonEqual } from '../check';
import {
  BOOKMARKS_PREFIX,
  DELETED_PREFIX,
  FORMAT_VALUE,
  RULES_PREFIX,
  SETTINGS_HEADROOM_BYTES,
  SETTINGS_HEADROOM_ITEMS,
  SYNC_FORMAT_KEY,
  SYNC_FORMAT_VERSION,
  decodeBookmarkRecord,
  decodeRuleRecord,
  isMirrorKey,
  isTime,
  type RemoteRecord,
} from './format';
import {
  SYNC_MAX_ITEMS,
  SYNC_QUOTA_BYTES,
  SYNC_QUOTA_BYTES_PER_ITEM,
  itemBytes,
  metaKeyOf,
  packRecords,
  unpackRecords,
  type Pack,
} from './pack';

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
