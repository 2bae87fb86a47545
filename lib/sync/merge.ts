/** Merging this device's rules and bookmarks with the mirror, item by item (the rules are in ./format.ts). */
import { bookmarkKey, type Bookmark } from '../bookmarks/types';
import type { Rule } from '../filters/types';
import { ruleKey } from '../filters/validate';
import { jsonEqual } from '../check';
import {
  MAX_TOMBSTONES,
  READ_AT_POSITION,
  TOMBSTONE_MAX_AGE,
  emptySyncState,
  encodeBookmarkRecord,
  encodeRuleRecord,
  hashOf,
  readTime,
  type RemoteRecord,
  type Stamp,
  type SyncState,
} from './format';
import type { MirrorContent, MirrorEntry, RemoteMirror } from './mirror';


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
