/**
 * The sync mirror's pure parts (lib/sync): record formats, reading the mirror,
 * the per-item merge, tombstones, and packing within the quotas.
 */
import { describe, expect, it } from 'vitest';
import type { Bookmark } from '../../../lib/bookmarks/types';
import { BOOKMARK_FIELDS } from '../../../lib/bookmarks/validate';
import type { Rule } from '../../../lib/filters/types';
import {
  BOOKMARKS_PREFIX,
  DAY,
  MAX_TOMBSTONES,
  RULES_PREFIX,
  SYNC_BOOKMARK_FIELDS,
  SYNC_FORMAT_KEY,
  decodeBookmarkRecord,
  diffMirror,
  encodeBookmarkRecord,
  encodeRuleRecord,
  hashOf,
  isMirrorKey,
  mergeSync,
  packMirror,
  readMirror,
  type RemoteMirror,
  type SyncMerge,
  type SyncState,
} from '../../../lib/sync';
import { SYNC_MAX_ITEMS, SYNC_QUOTA_BYTES, SYNC_QUOTA_BYTES_PER_ITEM, itemBytes } from '../../../lib/sync/pack';
import { makeBookmark } from '../storage/helpers';

const T0 = Date.parse('2026-03-01T10:00:00.000Z') / 1000; // sync times are seconds
const rule = (id: string, pattern = `Tag ${id}`, extra: Partial<Rule> = {}): Rule =>
  ({ id, field: 'freeform', pattern, action: 'collapse', enabled: true, ...extra }) as Rule;
const bm = (workId: string, readAt: string, extra: Partial<Bookmark> = {}) =>
  makeBookmark({ workId, url: `https://archiveofourown.org/works/${workId}`, readAt, ...extra });

const noRemote = (): RemoteMirror => ({ newerFormat: null, rules: [], bookmarks: [], deleted: new Map(), damaged: false });

/** What a device would store in sync after this merge (all of it fits). */
function mirrorItems(merge: SyncMerge): Record<string, unknown> {
  return packMirror(merge.mirror, { reservedBytes: 0, reservedItems: 0, factor: 1 }).items;
}

describe('records', () => {
  it('every bookmark field has a place in the sync record', () => {
    expect([...SYNC_BOOKMARK_FIELDS].sort()).toEqual([...BOOKMARK_FIELDS].sort());
  });

  it('a bookmark record round-trips; an absent chapterUrl costs nothing, a null chapterTotal stays', () => {
    const b = bm('7', '2026-02-01T10:00:00.000Z', { chapterTotal: null });
    const record = encodeBookmarkRecord(b, 5);
    expect(record[0]).toBe(5);
    expect(record).toHaveLength(SYNC_BOOKMARK_FIELDS.length); // [t, …18 fields], no trailing null
    expect(JSON.stringify(record).length).toBeLessThan(JSON.stringify(b).length * 0.75);
    expect(decodeBookmarkRecord(record)).toMatchObject({ key: 'ao3:7', t: 5, value: b });
    const withUrl = { ...b, chapterUrl: 'https://archiveofourown.org/works/7/chapters/9' };
    expect(decodeBookmarkRecord(encodeBookmarkRecord(withUrl, 6))?.value).toEqual(withUrl);
  });

  it('a record from a newer Lamplight with more fields reads the known ones', () => {
    const b = bm('7', '2026-02-01T10:00:00.000Z', { chapterUrl: 'https://archiveofourown.org/works/7' });
    const newer = [...encodeBookmarkRecord(b, 5), 'a field from the future'];
    expect(decodeBookmarkRecord(newer)?.value).toEqual(b);
    expect(decodeBookmarkRecord([5, 'wattpad', '1'])).toMatchObject({ key: 'wattpad:1', value: null });
  });

  it('knows its own keys in the sync area, and no others', () => {
    for (const key of ['syncFormat', 'rules.0', 'rules.12', 'rules.meta', 'deleted.0', 'bookmarks.meta']) {
      expect(isMirrorKey(key), key).toBe(true);
    }
    for (const key of ['readerSettings', 'appSettings', 'appSettings$', 'rules.x', 'rules', 'bookmark:ao3:1']) {
      expect(isMirrorKey(key), key).toBe(false);
    }
  });
});

describe('mergeSync', () => {
  it('packs and reads back the same rules and bookmarks', () => {
    const rules = [rule('a'), rule('b', 'Major Character Death', { field: 'warning' } as Partial<Rule>)];
    const bookmarks = [bm('1', '2026-02-01T10:00:00.000Z'), bm('2', '2026-02-02T10:00:00.000Z')];
    const merge = mergeSync({ now: T0, rules, bookmarks, state: null, remote: noRemote() });
    expect(merge.rules).toEqual(rules);
    expect(merge.bookmarkPuts).toEqual([]);
    const items = mirrorItems(merge);
    expect(Object.keys(items).sort()).toEqual(['bookmarks.0', 'bookmarks.meta', 'rules.0', 'rules.meta', SYNC_FORMAT_KEY]);
    const back = readMirror(items);
    expect(back.damaged).toBe(false);
    expect(back.rules.map((r) => [r.value, r.t])).toEqual(rules.map((r) => [r, T0]));
    expect(back.bookmarks.map((r) => r.value)).toEqual(bookmarks);
  });

  it('two devices: rules by id (union, newest change wins), bookmarks by work (newest readAt wins)', () => {
    // Both started from the same synced state.
    const shared = [rule('a'), rule('b')];
    const base = mergeSync({ now: T0, rules: shared, bookmarks: [], state: null, remote: noRemote() });
    // Device A disables rule a and adds c; device B adds d. Neither has seen the other.
    const a = mergeSync({
      now: T0 + 1000,
      rules: [{ ...rule('a'), enabled: false }, rule('b'), rule('c')],
      bookmarks: [bm('1', '2026-02-05T00:00:00.000Z')],
      state: base.state,
      remote: readMirror(mirrorItems(base)),
    });
    const b = mergeSync({
      now: T0 + 2000,
      rules: [...shared, rule('d')],
      bookmarks: [bm('1', '2026-02-03T00:00:00.000Z', { chapter: 1 }), bm('2', '2026-02-04T00:00:00.000Z')],
      state: base.state,
      remote: readMirror(mirrorItems(a)),
    });
    expect(b.rules).toEqual([{ ...rule('a'), enabled: false }, rule('b'), rule('d'), rule('c')]);
    // A's bookmark 1 was read later: it wins whole; bookmark 2 is B's.
    expect(b.bookmarkPuts).toEqual([bm('1', '2026-02-05T00:00:00.000Z')]);
    const a2 = mergeSync({ now: T0 + 3000, rules: a.rules, bookmarks: [bm('1', '2026-02-05T00:00:00.000Z')], state: a.state, remote: readMirror(mirrorItems(b)) });
    expect(a2.rules).toEqual([{ ...rule('a'), enabled: false }, rule('b'), rule('c'), rule('d')]);
    expect(a2.bookmarkPuts).toEqual([bm('2', '2026-02-04T00:00:00.000Z')]);
  });

  it('a bookmark keeps the earlier addedAt of its two copies', () => {
    const mine = bm('1', '2026-02-05T00:00:00.000Z', { addedAt: '2026-01-10T00:00:00.000Z' });
    const theirs = bm('1', '2026-02-01T00:00:00.000Z', { addedAt: '2026-01-01T00:00:00.000Z' });
    const remote = readMirror(mirrorItems(mergeSync({ now: T0, rules: [], bookmarks: [theirs], state: null, remote: noRemote() })));
    const merged = mergeSync({ now: T0 + 1, rules: [], bookmarks: [mine], state: null, remote });
    expect(merged.bookmarkPuts).toEqual([{ ...mine, addedAt: '2026-01-01T00:00:00.000Z' }]);
    // A new version: stamped now, so it wins everywhere.
    expect(merged.state.bookmarks['ao3:1']?.[0]).toBe(T0 + 1);
  });

  it('a deletion travels as a tombstone and beats older versions; a later change brings the item back', () => {
    const base = mergeSync({ now: T0, rules: [rule('a'), rule('b')], bookmarks: [bm('1', '2026-02-01T00:00:00.000Z')], state: null, remote: noRemote() });
    // Device A deletes rule b and bookmark 1.
    const a = mergeSync({ now: T0 + 10, rules: [rule('a')], bookmarks: [], state: base.state, remote: readMirror(mirrorItems(base)) });
    expect(a.state.deleted).toEqual({ 'r:b': T0 + 10, 'b:ao3:1': T0 + 10 });
    expect(a.mirror.deleted).toEqual([['b:ao3:1', T0 + 10], ['r:b', T0 + 10]]);
    // Device B still has both, unchanged since the base: they go.
    const b = mergeSync({ now: T0 + 20, rules: [rule('a'), rule('b')], bookmarks: [bm('1', '2026-02-01T00:00:00.000Z')], state: base.state, remote: readMirror(mirrorItems(a)) });
    expect(b.rules).toEqual([rule('a')]);
    expect(b.bookmarkRemovals.map((x) => x.workId)).toEqual(['1']);
    // Device C changed rule b after the deletion: it stays, and comes back on A.
    const c = mergeSync({ now: T0 + 30, rules: [rule('a'), { ...rule('b'), action: 'hide' }], bookmarks: [], state: base.state, remote: readMirror(mirrorItems(a)) });
    expect(c.rules).toEqual([rule('a'), { ...rule('b'), action: 'hide' }]);
    const a2 = mergeSync({ now: T0 + 40, rules: a.rules, bookmarks: [], state: a.state, remote: readMirror(mirrorItems(c)) });
    expect(a2.rules).toEqual([rule('a'), { ...rule('b'), action: 'hide' }]);
  });

  it('a change made in the same second as a deletion elsewhere loses to it (the deletion wins ties)', () => {
    const base = mergeSync({ now: T0, rules: [rule('a'), rule('b')], bookmarks: [bm('1', '2026-02-01T00:00:00.000Z')], state: null, remote: noRemote() });
    const a = mergeSync({ now: T0 + 10, rules: [rule('a')], bookmarks: [], state: base.state, remote: readMirror(mirrorItems(base)) });
    // Device C edits rule b and reads bookmark 1 further, stamped T0 + 10 as well.
    const c = mergeSync({
      now: T0 + 10,
      rules: [rule('a'), { ...rule('b'), action: 'hide' }],
      bookmarks: [bm('1', '2026-02-01T00:00:00.000Z', { chapter: 2 })],
      state: base.state,
      remote: readMirror(mirrorItems(a)),
    });
    expect(c.rules).toEqual([rule('a')]);
    expect(c.bookmarkRemovals.map((x) => x.workId)).toEqual(['1']);
    // One second later the change would have won.
    const later = mergeSync({ now: T0 + 11, rules: [rule('a'), { ...rule('b'), action: 'hide' }], bookmarks: [], state: base.state, remote: readMirror(mirrorItems(a)) });
    expect(later.rules).toEqual([rule('a'), { ...rule('b'), action: 'hide' }]);
  });

  it('tombstones older than 60 days are dropped, and at most the 300 newest kept', () => {
    const deleted: Record<string, number> = { 'r:old': T0 - 61 * DAY };
    for (let i = 0; i < 400; i++) deleted[`r:x${i}`] = T0 - i;
    const state: SyncState = { v: 1, rules: {}, bookmarks: {}, deleted };
    const merge = mergeSync({ now: T0, rules: [], bookmarks: null, state, remote: noRemote() });
    expect(merge.mirror.deleted).toHaveLength(MAX_TOMBSTONES);
    expect(merge.mirror.deleted[0]).toEqual(['r:x0', T0]);
    expect(merge.state.deleted['r:old']).toBeUndefined();
  });

  it('the same rule added on two devices becomes one: the smaller id, on both', () => {
    const mcd = (id: string) => rule(id, 'Major Character Death', { field: 'warning' } as Partial<Rule>);
    const onA = mergeSync({ now: T0, rules: [mcd('zz')], bookmarks: null, state: null, remote: noRemote() });
    const onB = mergeSync({ now: T0, rules: [rule('k'), mcd('aa')], bookmarks: null, state: null, remote: readMirror(mirrorItems(onA)) });
    expect(onB.rules).toEqual([rule('k'), mcd('aa')]);
    const backOnA = mergeSync({ now: T0 + 1, rules: onA.rules, bookmarks: null, state: onA.state, remote: readMirror(mirrorItems(onB)) });
    expect(backOnA.rules).toEqual([mcd('aa'), rule('k')]);
    // No tombstone for the id that went: nothing to delete elsewhere.
    expect(backOnA.state.deleted).toEqual({});
  });

  it('records a newer Lamplight wrote are passed on untouched, and the merge is stable', () => {
    const future = [T0, { id: 'f1', field: 'mood', pattern: 'gloomy', action: 'hide', enabled: true }];
    const items = { ...mirrorItems(mergeSync({ now: T0, rules: [rule('a')], bookmarks: null, state: null, remote: noRemote() })) };
    items['rules.0'] = [...(items['rules.0'] as unknown[]), future];
    items['rules.meta'] = { chunks: 1, records: 2 };
    const merge = mergeSync({ now: T0 + 5, rules: [rule('a')], bookmarks: null, state: null, remote: readMirror(items) });
    expect(merge.rules).toEqual([rule('a')]);
    const plan = packMirror(merge.mirror, { reservedBytes: 0, reservedItems: 0, factor: 1 });
    expect(plan.items['rules.0']).toEqual([encodeRuleRecord(rule('a'), T0), future]);
    expect(plan.syncedRules).toBe(1);
    expect(diffMirror(items, plan)).toEqual({ set: {}, remove: [] });
  });

  it('equal timestamps: every device picks the same winner (the larger content hash)', () => {
    const x = rule('a', 'X');
    const y = rule('a', 'Y');
    const state = (r: Rule): SyncState => ({ v: 1, rules: { a: [T0, hashOf(r)] }, bookmarks: {}, deleted: {} });
    const withX = readMirror(mirrorItems(mergeSync({ now: T0, rules: [x], bookmarks: null, state: state(x), remote: noRemote() })));
    const withY = readMirror(mirrorItems(mergeSync({ now: T0, rules: [y], bookmarks: null, state: state(y), remote: noRemote() })));
    const onX = mergeSync({ now: T0 + 1, rules: [x], bookmarks: null, state: state(x), remote: withY });
    const onY = mergeSync({ now: T0 + 1, rules: [y], bookmarks: null, state: state(y), remote: withX });
    expect(onX.rules).toEqual(onY.rules);
  });
});

describe('packMirror', () => {
  it('3,000 bookmarks: whole records within every quota; the most recently read are the ones synced', () => {
    const bookmarks = Array.from({ length: 3000 }, (_, i) =>
      bm(String(i), new Date(T0 * 1000 - i * 60_000).toISOString(), { title: `A work with a fairly ordinary title ${i}` }),
    );
    const merge = mergeSync({ now: T0, rules: [rule('a')], bookmarks, state: null, remote: noRemote() });
    const reserved = { reservedBytes: 2500, reservedItems: 8 };
    const plan = packMirror(merge.mirror, { ...reserved, factor: 1 });
    let total = reserved.reservedBytes;
    for (const [key, value] of Object.entries(plan.items)) {
      expect(itemBytes(key, value), key).toBeLessThanOrEqual(SYNC_QUOTA_BYTES_PER_ITEM);
      total += itemBytes(key, value);
    }
    expect(total).toBeLessThanOrEqual(SYNC_QUOTA_BYTES);
    expect(Object.keys(plan.items).length + reserved.reservedItems).toBeLessThanOrEqual(SYNC_MAX_ITEMS);
    expect(plan.syncedRules).toBe(1);
    expect(plan.syncedBookmarks).toBeGreaterThan(200);
    expect(plan.syncedBookmarks + plan.leftOut.bookmarks).toBe(3000);
    const back = readMirror(plan.items);
    // Exactly the N most recently read (bookmark i was read i minutes before T0), each whole.
    expect(back.bookmarks.map((r) => Number(r.value!.workId)).sort((x, y) => x - y)).toEqual(
      Array.from({ length: plan.syncedBookmarks }, (_, i) => i),
    );
    for (const r of back.bookmarks) expect(r.value).toEqual(bookmarks[Number(r.value!.workId)]);
  });

  it('laid out by work, so a change to one bookmark rewrites only its own chunk', () => {
    const bookmarks = Array.from({ length: 150 }, (_, i) => bm(String(1000 + i), new Date(T0 * 1000 - i * 60_000).toISOString()));
    const first = mergeSync({ now: T0, rules: [], bookmarks, state: null, remote: noRemote() });
    const items = mirrorItems(first);
    expect(Object.keys(items).filter((k) => k.startsWith(BOOKMARKS_PREFIX)).length).toBeGreaterThan(4);
    // The least recently read bookmark is read now: it becomes the first by readAt.
    const read = { ...bookmarks[149]!, readAt: new Date(T0 * 1000 + 1000).toISOString(), progress: 0.5 };
    const second = mergeSync({
      now: T0 + 1000,
      rules: [],
      bookmarks: [...bookmarks.slice(0, 149), read],
      state: first.state,
      remote: readMirror(items),
    });
    const diff = diffMirror(items, packMirror(second.mirror, { reservedBytes: 0, reservedItems: 0, factor: 1 }));
    expect(Object.keys(diff.set)).toHaveLength(1);
    expect(diff.remove).toEqual([]);
  });

  it('rules come first: with little room, the first rules are synced and the bookmarks wait', () => {
    const rules = Array.from({ length: 40 }, (_, i) => rule(`r${i}`));
    const merge = mergeSync({ now: T0, rules, bookmarks: [bm('1', '2026-02-01T00:00:00.000Z')], state: null, remote: noRemote() });
    const plan = packMirror(merge.mirror, { reservedBytes: SYNC_QUOTA_BYTES - 2000, reservedItems: 0, factor: 1 });
    expect(plan.syncedRules).toBeGreaterThan(0);
    expect(plan.syncedRules).toBeLessThan(40);
    const back = readMirror(plan.items);
    expect(back.rules.map((r) => r.key)).toEqual(rules.slice(0, plan.syncedRules).map((r) => r.id));
    expect(plan.syncedBookmarks).toBe(0);
    expect(plan.leftOut).toEqual({ rules: 40 - plan.syncedRules, bookmarks: 1, tooBig: 0 });
    expect(Object.keys(plan.items).some((k) => k.startsWith(RULES_PREFIX))).toBe(true);
  });

  it('a bookmark larger than a sync item is left out whole; the others still go', () => {
    const huge = bm('1', '2026-02-03T00:00:00.000Z', { note: 'n'.repeat(9000) });
    const merge = mergeSync({ now: T0, rules: [], bookmarks: [huge, bm('2', '2026-02-01T00:00:00.000Z')], state: null, remote: noRemote() });
    const plan = packMirror(merge.mirror, { reservedBytes: 0, reservedItems: 0, factor: 1 });
    expect(plan.syncedBookmarks).toBe(1);
    expect(plan.leftOut).toEqual({ rules: 0, bookmarks: 1, tooBig: 1 });
  });

  it('a mirror with a missing chunk is read as far as it goes, and marked damaged', () => {
    const rules = Array.from({ length: 200 }, (_, i) => rule(`r${i}`, `Some rather long tag pattern number ${i}`));
    const items = mirrorItems(mergeSync({ now: T0, rules, bookmarks: null, state: null, remote: noRemote() }));
    const { ['rules.1']: _gone, ...partial } = items;
    const back = readMirror(partial);
    expect(back.damaged).toBe(true);
    expect(back.rules.length).toBeGreaterThan(0);
    expect(back.rules.length).toBeLessThan(200);
    expect(back.rules.every((r) => r.value !== null)).toBe(true);
  });

  it('nothing to sync: no keys at all', () => {
    const merge = mergeSync({ now: T0, rules: [], bookmarks: [], state: null, remote: noRemote() });
    expect(mirrorItems(merge)).toEqual({});
  });
});
