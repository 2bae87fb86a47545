/**
 * The sync engine (lib/storage/sync.ts) on WXT's fake browser. The fake has no quotas: the
 * browser's refusals are simulated by wrapping storage.sync.set. Two "devices" are two local
 * areas swapped in and out of the fake browser around one shared sync area.
 */
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Bookmark } from '../../../lib/bookmarks/types';
import type { Rule } from '../../../lib/filters/types';
import { getAllBookmarks, putBookmark, removeBookmark, updateBookmark } from '../../../lib/storage/bookmarks';
import { addRule, loadRules, saveRules, updateRules } from '../../../lib/storage/rules';
import { withChangesPaused } from '../../../lib/storage/changes';
import { saveAppSettings } from '../../../lib/storage/settings';
import { createSyncEngine, loadSyncStatus, NEWER_FORMAT_ERROR, type SyncStatus } from '../../../lib/storage/sync';
import { isMirrorKey, readMirror } from '../../../lib/sync';
import { SYNC_MAX_ITEMS, SYNC_QUOTA_BYTES, SYNC_QUOTA_BYTES_PER_ITEM, itemBytes } from '../../../lib/sync/pack';
import { makeBookmark } from './helpers';

const T0 = Date.parse('2026-03-01T10:00:00.000Z');
let clock = T0;
const now = () => clock;

const rule = (id: string, pattern = `Tag ${id}`, extra: Partial<Rule> = {}): Rule =>
  ({ id, field: 'freeform', pattern, action: 'collapse', enabled: true, ...extra }) as Rule;
const bm = (workId: string, readAt: string | number, extra: Partial<Bookmark> = {}) =>
  makeBookmark({
    workId,
    url: `https://archiveofourown.org/works/${workId}`,
    title: `Work ${workId}`,
    readAt: typeof readAt === 'number' ? new Date(readAt).toISOString() : readAt,
    ...extra,
  });

const syncArea = () => fakeBrowser.storage.sync.get() as Promise<Record<string, unknown>>;
const localArea = () => fakeBrowser.storage.local.get() as Promise<Record<string, unknown>>;

/** The reader's own data in the local area (rules and bookmarks), as text. */
async function ownLocalData(): Promise<string> {
  const local = await localArea();
  const keys = Object.keys(local).filter((k) => k.startsWith('bookmark:') || k.startsWith('filterRules')).sort();
  return JSON.stringify(keys.map((k) => [k, local[k]]));
}

function expectWithinQuotas(items: Record<string, unknown>) {
  let total = 0;
  for (const [key, value] of Object.entries(items)) {
    expect(itemBytes(key, value), key).toBeLessThanOrEqual(SYNC_QUOTA_BYTES_PER_ITEM);
    total += itemBytes(key, value);
  }
  expect(total).toBeLessThanOrEqual(SYNC_QUOTA_BYTES);
  expect(Object.keys(items).length).toBeLessThanOrEqual(SYNC_MAX_ITEMS);
}

/**
 * Makes storage.sync.set refuse what the real browser would refuse with a smaller space: `check`
 * sees the area as it would be after the write and returns the browser's message, or null.
 */
function refuseSyncWrites(check: (after: Record<string, unknown>, items: Record<string, unknown>) => string | null) {
  const area = fakeBrowser.storage.sync;
  const original = area.set.bind(area);
  return vi.spyOn(area, 'set').mockImplementation(async (items: Record<string, unknown>) => {
    const after = { ...(await area.get()), ...items };
    const refusal = check(after, items);
    if (refusal) throw new Error(refusal);
    return original(items);
  });
}

const totalBytes = (items: Record<string, unknown>) =>
  Object.entries(items).reduce((sum, [k, v]) => sum + itemBytes(k, v), 0);

/** A device: its own local area; the sync area is shared (the browser's account). */
class Device {
  local: Record<string, unknown> = {};
  readonly engine = createSyncEngine({ now });
  /** Run `work` with this device's local area in the fake browser. */
  async use<T>(work: () => Promise<T>): Promise<T> {
    await fakeBrowser.storage.local.clear();
    if (Object.keys(this.local).length > 0) await fakeBrowser.storage.local.set(this.local);
    try {
      return await work();
    } finally {
      this.local = await localArea();
    }
  }
  sync(): Promise<SyncStatus | null> {
    return this.use(() => this.engine.syncNow());
  }
}

beforeEach(() => {
  fakeBrowser.reset();
  clock = T0;
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the mirror in storage.sync', () => {
  it('rules always, bookmarks when switched on: packed, read back the same, status recorded', async () => {
    const rules = [rule('a'), rule('b', 'Major Character Death', { field: 'warning' } as Partial<Rule>)];
    await saveRules(rules);
    const marks = [bm('1', T0 - 2000), bm('2', T0 - 1000)];
    for (const b of marks) await putBookmark(b);
    const engine = createSyncEngine({ now });

    let status = await engine.syncNow();
    expect(status).toMatchObject({ syncedRules: 2, syncedBookmarks: 0, bookmarks: false, lastError: null });
    let mirror = readMirror(await syncArea());
    expect(mirror.rules.map((r) => r.value)).toEqual(rules);
    expect(mirror.bookmarks).toEqual([]);

    await saveAppSettings({ syncBookmarks: true });
    status = await engine.syncNow();
    expect(status).toMatchObject({ syncedRules: 2, syncedBookmarks: 2, bookmarks: true, leftOut: { rules: 0, bookmarks: 0, tooBig: 0 } });
    mirror = readMirror(await syncArea());
    expect(mirror.bookmarks.map((r) => r.value)).toEqual([marks[0], marks[1]]);
    expect(await loadSyncStatus()).toEqual({ ...status, at: new Date(T0).toISOString() });
    // The settings are still there beside the mirror.
    expect(Object.keys(await syncArea()).filter((k) => !isMirrorKey(k)).sort()).toEqual(['appSettings', 'appSettings$']);

    // Switched off again: the bookmark chunks leave the sync area; the local bookmarks stay.
    await saveAppSettings({ syncBookmarks: false });
    await engine.syncNow();
    expect(Object.keys(await syncArea()).some((k) => k.startsWith('bookmarks.'))).toBe(false);
    expect(await getAllBookmarks()).toHaveLength(2);
  });

  it('a sync that finds nothing new writes nothing', async () => {
    await saveRules([rule('a')]);
    const engine = createSyncEngine({ now });
    await engine.syncNow();
    const before = JSON.stringify([await localArea(), await syncArea()]);
    const syncSet = vi.spyOn(fakeBrowser.storage.sync, 'set');
    const localSet = vi.spyOn(fakeBrowser.storage.local, 'set');
    clock += 60_000;
    await engine.syncNow();
    expect(syncSet).not.toHaveBeenCalled();
    expect(localSet).not.toHaveBeenCalled();
    expect(JSON.stringify([await localArea(), await syncArea()])).toBe(before);
  });

  it('a new device (or a cleared one) gets the rules and bookmarks from the mirror', async () => {
    const a = new Device();
    const b = new Device();
    await a.use(async () => {
      await saveAppSettings({ syncBookmarks: true });
      await saveRules([rule('a'), rule('b')]);
      await putBookmark(bm('1', T0 - 1000));
    });
    await a.sync();
    await b.sync();
    await b.use(async () => {
      expect(await loadRules()).toEqual([rule('a'), rule('b')]);
      expect(await getAllBookmarks()).toEqual([bm('1', T0 - 1000)]);
    });
  });
});

describe('over quota', () => {
  it('3,412 bookmarks: all kept locally, the most recently read synced whole, the status says how many', async () => {
    await saveAppSettings({ syncBookmarks: true });
    await saveRules([rule('a'), rule('b')]);
    const marks = Array.from({ length: 3412 }, (_, i) => bm(String(100_000 + i), T0 - i * 60_000));
    await fakeBrowser.storage.local.set(Object.fromEntries(marks.map((b) => [`bookmark:ao3:${b.workId}`, { v: 1, ...b }])));
    const before = await ownLocalData();

    const status = await createSyncEngine({ now }).syncNow();

    expect(await ownLocalData()).toBe(before);
    const sync = await syncArea();
    expectWithinQuotas(sync);
    const mirror = readMirror(sync);
    expect(mirror.damaged).toBe(false);
    expect(mirror.rules).toHaveLength(2);
    const synced = mirror.bookmarks.map((r) => r.value!);
    expect(synced.length).toBeGreaterThan(300);
    // The N most recently read (bookmark i was read i minutes ago), each exactly as stored.
    expect(synced.map((b) => Number(b.workId) - 100_000).sort((x, y) => x - y)).toEqual(
      Array.from({ length: synced.length }, (_, i) => i),
    );
    for (const b of synced) expect(b).toEqual(marks[Number(b.workId) - 100_000]);
    expect(status).toMatchObject({
      syncedRules: 2,
      syncedBookmarks: synced.length,
      leftOut: { rules: 0, bookmarks: 3412 - synced.length, tooBig: 0 },
      lastError: null,
    });
  });

  it('the browser refuses for space (QUOTA_BYTES): syncs what fits in less, local data untouched', async () => {
    await saveAppSettings({ syncBookmarks: true });
    await saveRules([rule('a')]);
    for (let i = 0; i < 300; i++) await putBookmark(bm(String(i), T0 - i * 1000));
    const before = await ownLocalData();
    const refusals: string[] = [];
    refuseSyncWrites((after) => {
      if (totalBytes(after) <= 40_000) return null;
      refusals.push('QUOTA_BYTES');
      return 'QUOTA_BYTES quota exceeded';
    });

    const status = await createSyncEngine({ now }).syncNow();

    expect(refusals.length).toBeGreaterThan(0);
    expect(await ownLocalData()).toBe(before);
    const sync = await syncArea();
    expect(totalBytes(sync)).toBeLessThanOrEqual(40_000);
    const mirror = readMirror(sync);
    expect(mirror.damaged).toBe(false);
    expect(mirror.rules.map((r) => r.value)).toEqual([rule('a')]);
    expect(mirror.bookmarks.length).toBe(status?.syncedBookmarks);
    expect(status).toMatchObject({ syncedRules: 1, lastError: null });
    expect(status!.syncedBookmarks).toBeGreaterThan(50);
    expect(status!.leftOut.bookmarks).toBe(300 - status!.syncedBookmarks);
  });

  it('the browser refuses big items (QUOTA_BYTES_PER_ITEM): smaller chunks, every record whole', async () => {
    await saveAppSettings({ syncBookmarks: true });
    for (let i = 0; i < 40; i++) await putBookmark(bm(String(i), T0 - i * 1000));
    refuseSyncWrites((_after, items) =>
      Object.entries(items).some(([k, v]) => itemBytes(k, v) > 4500) ? 'QUOTA_BYTES_PER_ITEM quota exceeded' : null,
    );
    const status = await createSyncEngine({ now }).syncNow();
    expect(status).toMatchObject({ syncedBookmarks: 40, lastError: null });
    const mirror = readMirror(await syncArea());
    expect(mirror.bookmarks.map((r) => r.value)).toHaveLength(40);
  });

  it('when nothing can be written: the error is recorded, local data untouched, nothing half-written', async () => {
    await saveRules([rule('a')]);
    const before = await ownLocalData();
    refuseSyncWrites(() => 'QUOTA_BYTES quota exceeded');
    const status = await createSyncEngine({ now }).syncNow();
    expect(status).toMatchObject({ syncedRules: 0, leftOut: { rules: 1 }, lastError: 'QUOTA_BYTES quota exceeded' });
    expect(await loadSyncStatus()).toMatchObject({ lastError: 'QUOTA_BYTES quota exceeded' });
    expect(await ownLocalData()).toBe(before);
    expect(await syncArea()).toEqual({});
  });

  it('"too many writes" (MAX_WRITE_OPERATIONS_PER_MINUTE): recorded, and written a minute later', async () => {
    vi.useFakeTimers({ now: T0, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    await saveRules([rule('a')]);
    let refuse = true;
    const set = refuseSyncWrites(() => (refuse ? 'MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded' : null));
    const engine = createSyncEngine();
    engine.start();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(await loadSyncStatus()).toMatchObject({ lastError: 'MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded' });
    refuse = false;
    await vi.advanceTimersByTimeAsync(50_000);
    expect(readMirror(await syncArea()).rules).toEqual([]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(readMirror(await syncArea()).rules.map((r) => r.value)).toEqual([rule('a')]);
    expect(await loadSyncStatus()).toMatchObject({ syncedRules: 1, lastError: null });
    expect(set).toHaveBeenCalledTimes(2);
    engine.stop();
  });
});

describe('a pause of this context\'s change events (a backup import here)', () => {
  it('still syncs what was written during the pause, once it ends', async () => {
    vi.useFakeTimers({ now: T0, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const engine = createSyncEngine();
    engine.start();
    onTestFinished(() => engine.stop());
    await vi.advanceTimersByTimeAsync(12_000);
    expect(readMirror(await syncArea()).rules).toEqual([]);
    await withChangesPaused(() => saveRules([rule('paused')]));
    await vi.advanceTimersByTimeAsync(12_000);
    expect(readMirror(await syncArea()).rules.map((r) => r.value)).toEqual([rule('paused')]);
  });

  it('hears nothing once stopped', async () => {
    vi.useFakeTimers({ now: T0, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const engine = createSyncEngine();
    engine.start();
    onTestFinished(() => engine.stop());
    await vi.advanceTimersByTimeAsync(12_000);
    engine.stop();
    await saveRules([rule('after stop')]);
    await vi.advanceTimersByTimeAsync(12_000);
    expect(readMirror(await syncArea()).rules).toEqual([]);
  });
});

describe('two devices', () => {
  it('editing at once: merged per item, and both end with the same data', async () => {
    const a = new Device();
    const b = new Device();
    await a.use(async () => {
      await saveAppSettings({ syncBookmarks: true });
      await saveRules([rule('r1'), rule('r2'), rule('r3')]);
      await putBookmark(bm('1', T0 - 10_000));
      await putBookmark(bm('2', T0 - 10_000));
    });
    await a.sync();
    clock += 1000;
    await b.sync(); // B now has everything

    // Both edit before either syncs again.
    clock += 1000;
    await a.use(async () => {
      await updateRules((rules) => rules.map((r) => (r.id === 'r1' ? { ...r, enabled: false } : r)));
      await addRule(rule('a-new', 'Added on A'));
      await updateBookmark('ao3', '1', { chapter: 4, progress: 0.1, readAt: new Date(clock).toISOString() });
    });
    clock += 1000;
    await b.use(async () => {
      await updateRules((rules) => rules.map((r) => (r.id === 'r3' ? { ...r, action: 'hide' } : r)));
      await addRule(rule('b-new', 'Added on B'));
      await updateBookmark('ao3', '2', { chapter: 3, readAt: new Date(clock).toISOString() });
      await putBookmark(bm('3', clock));
    });

    clock += 1000;
    await a.sync();
    clock += 1000;
    await b.sync();
    clock += 1000;
    await a.sync();

    const seen = async (d: Device) =>
      d.use(async () => ({
        rules: (await loadRules()).map((r) => `${'pattern' in r ? r.pattern : ''}:${r.enabled}:${r.action}`).sort(),
        bookmarks: (await getAllBookmarks()).map((x) => `${x.workId}:${x.chapter}`).sort(),
      }));
    const onA = await seen(a);
    const onB = await seen(b);
    expect(onA).toEqual(onB);
    expect(onA.rules).toEqual([
      'Added on A:true:collapse',
      'Added on B:true:collapse',
      'Tag r1:false:collapse',
      'Tag r2:true:collapse',
      'Tag r3:true:hide',
    ]);
    expect(onA.bookmarks).toEqual(['1:4', '2:3', '3:2']);
    // Settled: another round changes nothing anywhere.
    const mirror = await syncArea();
    clock += 1000;
    await a.sync();
    await b.sync();
    expect(await syncArea()).toEqual(mirror);
  });

  it('deletes propagate: a rule and a bookmark deleted on one device go on the other', async () => {
    const a = new Device();
    const b = new Device();
    await a.use(async () => {
      await saveAppSettings({ syncBookmarks: true });
      await saveRules([rule('keep'), rule('gone')]);
      await putBookmark(bm('1', T0 - 5000));
      await putBookmark(bm('2', T0 - 5000));
    });
    await a.sync();
    await b.sync();

    clock += 60_000;
    await a.use(async () => {
      await updateRules((rules) => rules.filter((r) => r.id !== 'gone'));
      await removeBookmark('ao3', '2');
    });
    await a.sync();
    clock += 60_000;
    await b.sync();

    await b.use(async () => {
      expect((await loadRules()).map((r) => r.id)).toEqual(['keep']);
      expect((await getAllBookmarks()).map((x) => x.workId)).toEqual(['1']);
    });
    expect(readMirror(await syncArea()).deleted).toEqual(
      new Map([
        ['r:gone', (T0 + 60_000) / 1000], // sync times are seconds
        ['b:ao3:2', (T0 + 60_000) / 1000],
      ]),
    );
    // And they stay gone on A.
    clock += 1000;
    await a.sync();
    await a.use(async () => expect((await loadRules()).map((r) => r.id)).toEqual(['keep']));
  });

  it('a change arriving from the other device is merged in (after the debounce and the write gap)', async () => {
    vi.useFakeTimers({ now: T0, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    await saveRules([rule('mine')]);
    const engine = createSyncEngine();
    engine.start();
    await vi.advanceTimersByTimeAsync(2_000);
    // Another device adds a rule: the browser delivers its mirror chunks.
    const mirror = await syncArea();
    const chunk = mirror['rules.0'] as unknown[];
    await fakeBrowser.storage.sync.set({
      'rules.0': [...chunk, [Math.floor(Date.now() / 1000), rule('theirs')]],
      'rules.meta': { chunks: 1, records: 2 },
    });
    expect((await loadRules()).map((r) => r.id)).toEqual(['mine']);
    // Our own write was at 2 s: the next sync waits for the 6 s gap.
    await vi.advanceTimersByTimeAsync(6_000);
    expect((await loadRules()).map((r) => r.id)).toEqual(['mine', 'theirs']);
    engine.stop();
  });
});

describe('write rate', () => {
  it('changes are debounced: ten quick edits, one write of the mirror', async () => {
    vi.useFakeTimers({ now: T0, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
    const engine = createSyncEngine();
    engine.start();
    for (let i = 0; i < 10; i++) {
      await addRule({ field: 'freeform', pattern: `Quick ${i}`, action: 'hide', enabled: true });
      await vi.advanceTimersByTimeAsync(500);
    }
    expect(set).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_500);
    expect(set).toHaveBeenCalledTimes(1);
    expect(readMirror(await syncArea()).rules).toHaveLength(10);
    // Our own write echoes back through storage.onChanged: no second sync follows.
    await vi.advanceTimersByTimeAsync(30_000);
    expect(set).toHaveBeenCalledTimes(1);
    engine.stop();
  });

  it('a stream of changes still syncs within 10 s, and writes stay 6 s apart', async () => {
    vi.useFakeTimers({ now: T0, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const area = fakeBrowser.storage.sync;
    const original = area.set.bind(area);
    const writes: number[] = [];
    vi.spyOn(area, 'set').mockImplementation(async (items: Record<string, unknown>) => {
      writes.push(Date.now() - T0);
      return original(items);
    });
    const engine = createSyncEngine();
    engine.start();
    // A change every second for 20 s (say, reading progress).
    for (let i = 0; i < 20; i++) {
      await saveRules([rule('a', `Pattern ${i}`)]);
      await vi.advanceTimersByTimeAsync(1_000);
    }
    await vi.advanceTimersByTimeAsync(20_000);
    expect(writes.length).toBeGreaterThanOrEqual(2);
    expect(writes[0]).toBeLessThanOrEqual(10_000);
    for (let i = 1; i < writes.length; i++) expect(writes[i]! - writes[i - 1]!).toBeGreaterThanOrEqual(6_000);
    expect(readMirror(await syncArea()).rules.map((r) => r.value)).toEqual([rule('a', 'Pattern 19')]);
    engine.stop();
  });

  it('only changed chunks are written', async () => {
    const rules = Array.from({ length: 200 }, (_, i) => rule(`r${String(i).padStart(3, '0')}`, `A rather long tag pattern, number ${i}`));
    await saveRules(rules);
    const engine = createSyncEngine({ now });
    await engine.syncNow();
    const chunks = Object.keys(await syncArea()).filter((k) => /^rules\.\d+$/.test(k));
    expect(chunks.length).toBeGreaterThan(3);
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
    clock += 10_000;
    await updateRules((list) => list.map((r, i) => (i === 199 ? { ...r, enabled: false } : r)));
    await engine.syncNow();
    expect(set).toHaveBeenCalledTimes(1);
    expect(Object.keys(set.mock.calls[0]![0] as object)).toEqual([chunks[chunks.length - 1]]);
  });
});

describe('robustness', () => {
  it('a mirror from a newer Lamplight is left alone, and the status says to update', async () => {
    await saveRules([rule('a')]);
    await fakeBrowser.storage.sync.set({ syncFormat: { v: 2 }, 'rules.0': ['whatever'], 'rules.meta': { n: 1 } });
    const before = JSON.stringify(await syncArea());
    const status = await createSyncEngine({ now }).syncNow();
    expect(status?.lastError).toBe(NEWER_FORMAT_ERROR);
    expect(JSON.stringify(await syncArea())).toBe(before);
    expect(await loadRules()).toEqual([rule('a')]);
  });

  it('a damaged mirror loses nothing here and is rewritten whole', async () => {
    await saveRules([rule('a')]);
    await fakeBrowser.storage.sync.set({ 'rules.meta': { chunks: 3, records: 9 }, 'rules.0': [[T0 / 1000, rule('b')], 'junk'] });
    const status = await createSyncEngine({ now }).syncNow();
    expect(status).toMatchObject({ syncedRules: 2, lastError: null });
    expect((await loadRules()).map((r) => r.id)).toEqual(['a', 'b']);
    const mirror = readMirror(await syncArea());
    expect(mirror.damaged).toBe(false);
    expect(mirror.rules.map((r) => r.key)).toEqual(['b', 'a']); // the mirror's order, new ones after
  });

  it('an invalid rule from another device is not taken in, and not deleted from the mirror', async () => {
    await fakeBrowser.storage.sync.set({
      syncFormat: { v: 1 },
      'rules.0': [[T0 / 1000, { id: 'x', field: 'mood', pattern: 'grim', action: 'hide', enabled: true }]],
      'rules.meta': { chunks: 1, records: 1 },
    });
    await createSyncEngine({ now }).syncNow();
    expect(await loadRules()).toEqual([]);
    expect(readMirror(await syncArea()).rules.map((r) => r.key)).toEqual(['x']);
  });

  it('the settings keep room: the mirror never takes the last 2 KB of the sync area', async () => {
    await saveAppSettings({ syncBookmarks: true });
    for (let i = 0; i < 600; i++) await putBookmark(bm(String(i), T0 - i * 1000, { note: 'a short note' }));
    await createSyncEngine({ now }).syncNow();
    expect(totalBytes(await syncArea())).toBeLessThanOrEqual(SYNC_QUOTA_BYTES - 2048);
  });
});

describe('what a sync reads of the local area', () => {
  it('where the browser lists keys: the rules, its state and the bookmarks, never the reading history', async () => {
    const local = fakeBrowser.storage.local as unknown as { getKeys?: () => Promise<string[]> };
    const unwatched = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
    local.getKeys = async () => Object.keys(await unwatched());
    try {
      const history: Record<string, unknown> = {};
      for (let i = 0; i < 1000; i++) history[`history:ao3:${9_000_000 + i}`] = [1, `Work ${i}`, [], '', 1, 1, 1, 29_000_000, 0, 1];
      await fakeBrowser.storage.local.set(history);
      await saveRules([rule('a')]);
      await putBookmark(bm('1', T0 - 1000));
      await saveAppSettings({ syncBookmarks: true });
      const get = vi.spyOn(fakeBrowser.storage.local, 'get');

      const status = await createSyncEngine({ now }).syncNow();

      expect(status).toMatchObject({ syncedRules: 1, syncedBookmarks: 1, lastError: null });
      const asked = get.mock.calls.map(([keys]) => keys);
      expect(asked.some((keys) => keys === undefined || keys === null)).toBe(false);
      const keysAsked = asked.flatMap((keys) => (Array.isArray(keys) ? keys : typeof keys === 'string' ? [keys] : Object.keys(keys ?? {})));
      expect(keysAsked.filter((k) => k.startsWith('history:'))).toEqual([]);
      const mirror = readMirror(await syncArea());
      expect(mirror.rules.map((r) => r.value)).toEqual([rule('a')]);
      expect(mirror.bookmarks.map((r) => r.value?.workId)).toEqual(['1']);
    } finally {
      delete local.getKeys;
    }
  });
});
