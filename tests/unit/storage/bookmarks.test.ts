import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  bookmarkStorageKey,
  getAllBookmarks,
  getBookmark,
  putBookmark,
  removeBookmark,
  updateBookmark,
  watchBookmarks,
  type BookmarkChange,
} from '../../../lib/storage/bookmarks';
import { getQuarantine } from '../../../lib/storage/quarantine';
import { localKeys, makeBookmark } from './helpers';

beforeEach(() => fakeBrowser.reset());

describe('one key per bookmark', () => {
  it('stores each bookmark under local:bookmark:<site>:<workId> with its record version', async () => {
    const b = makeBookmark();
    await putBookmark(b);
    expect(bookmarkStorageKey('ao3', '123')).toBe('local:bookmark:ao3:123');
    expect(await fakeBrowser.storage.local.get('bookmark:ao3:123')).toEqual({ 'bookmark:ao3:123': { v: 1, ...b } });
    expect(await getBookmark('ao3', '123')).toEqual(b);
    expect(await getBookmark('ao3', '999')).toBeNull();
  });

  it('lists every bookmark, most recently read first', async () => {
    const a = makeBookmark({ workId: '1', readAt: '2026-01-01T00:00:00.000Z' });
    const b = makeBookmark({ workId: '2', readAt: '2026-03-01T00:00:00.000Z' });
    const c = makeBookmark({ site: 'ffn', workId: '1', readAt: '2026-02-01T00:00:00.000Z' });
    await Promise.all([putBookmark(a), putBookmark(b), putBookmark(c)]);
    await fakeBrowser.storage.local.set({ unrelated: 1, 'quarantine:x:1': { key: 'x', quarantinedAt: '', reason: '', value: 1 } });
    expect(await getAllBookmarks()).toEqual([b, c, a]);
  });

  it('refuses an invalid bookmark and writes nothing', async () => {
    await expect(putBookmark(makeBookmark({ chapter: 0 }))).rejects.toThrow(
      'Bookmark not saved: chapter must be a whole number of at least 1, not 0',
    );
    expect(await localKeys()).toEqual([]);
  });

  it('removes one bookmark', async () => {
    await putBookmark(makeBookmark({ workId: '1' }));
    await putBookmark(makeBookmark({ workId: '2' }));
    await removeBookmark('ao3', '1');
    expect(await localKeys()).toEqual(['bookmark:ao3:2']);
  });
});

describe('updateBookmark', () => {
  it('patches one bookmark and returns it', async () => {
    await putBookmark(makeBookmark());
    const updated = await updateBookmark('ao3', '123', { chapter: 3, progress: 0.1 });
    expect(updated).toEqual(makeBookmark({ chapter: 3, progress: 0.1 }));
    expect(await getBookmark('ao3', '123')).toEqual(updated);
  });

  it('ignores fields patched to undefined', async () => {
    await putBookmark(makeBookmark());
    expect(await updateBookmark('ao3', '123', { note: undefined, chapter: 4 })).toEqual(makeBookmark({ chapter: 4 }));
  });

  it('takes a function of the current bookmark', async () => {
    await putBookmark(makeBookmark({ newChapters: 2 }));
    await updateBookmark('ao3', '123', (b) => ({ newChapters: b.newChapters + 1 }));
    expect((await getBookmark('ao3', '123'))?.newChapters).toBe(3);
  });

  it('returns null for a work that is not bookmarked, and creates nothing', async () => {
    expect(await updateBookmark('ao3', '5', { chapter: 2 })).toBeNull();
    expect(await localKeys()).toEqual([]);
  });

  it('refuses an invalid result or a move to another work, writing nothing', async () => {
    await putBookmark(makeBookmark());
    const before = await fakeBrowser.storage.local.get();
    await expect(updateBookmark('ao3', '123', { progress: 2 })).rejects.toThrow('progress must be a number from 0 to 1, not 2');
    await expect(updateBookmark('ao3', '123', { workId: '9' } as never)).rejects.toThrow('cannot move');
    expect(await fakeBrowser.storage.local.get()).toEqual(before);
  });

  it('concurrent updates of DIFFERENT FIELDS of one bookmark all land', async () => {
    await putBookmark(makeBookmark({ chapter: 1, progress: 0, note: '', status: 'later', newChapters: 0 }));
    await Promise.all([
      updateBookmark('ao3', '123', { chapter: 4 }),
      updateBookmark('ao3', '123', { progress: 0.75 }),
      updateBookmark('ao3', '123', { note: 'the good one' }),
      updateBookmark('ao3', '123', { status: 'reading' }),
      updateBookmark('ao3', '123', (b) => ({ newChapters: b.newChapters + 1 })),
      updateBookmark('ao3', '123', (b) => ({ newChapters: b.newChapters + 1 })),
    ]);
    expect(await getBookmark('ao3', '123')).toEqual(
      makeBookmark({ chapter: 4, progress: 0.75, note: 'the good one', status: 'reading', newChapters: 2 }),
    );
  });

  it('concurrent updates of DIFFERENT BOOKMARKS (ten tabs saving progress) all land', async () => {
    const ids = Array.from({ length: 10 }, (_, i) => String(i + 1));
    await Promise.all(ids.map((id) => putBookmark(makeBookmark({ workId: id, progress: 0, chapterCount: 10 }))));
    await Promise.all(
      ids.flatMap((id, i) => [
        updateBookmark('ao3', id, { progress: (i + 1) / 10 }),
        updateBookmark('ao3', id, { chapter: i + 1 }),
      ]),
    );
    const all = await getAllBookmarks();
    expect(all).toHaveLength(10);
    for (const [i, id] of ids.entries()) {
      expect(all.find((b) => b.workId === id)).toMatchObject({ progress: (i + 1) / 10, chapter: i + 1 });
    }
  });

  it('a failed update does not block the next one', async () => {
    await putBookmark(makeBookmark());
    const results = await Promise.allSettled([
      updateBookmark('ao3', '123', { chapter: -1 }),
      updateBookmark('ao3', '123', { chapter: 3 }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
    expect((await getBookmark('ao3', '123'))?.chapter).toBe(3);
  });
});

describe('damaged records', () => {
  it('getAllBookmarks quarantines a damaged record, removes it, and returns the rest', async () => {
    const good = makeBookmark({ workId: '1' });
    await putBookmark(good);
    const damaged = { v: 1, ...makeBookmark({ workId: '2' }), chapter: 'two' };
    await fakeBrowser.storage.local.set({ 'bookmark:ao3:2': damaged, 'bookmark:ao3:3': 'garbage' });
    expect(await getAllBookmarks()).toEqual([good]);
    expect(await localKeys('bookmark:')).toEqual(['bookmark:ao3:1']);
    const q = await getQuarantine();
    expect(q.map((e) => [e.key, e.reason, e.value])).toEqual([
      ['local:bookmark:ao3:2', 'chapter must be a whole number of at least 1, not "two"', damaged],
      ['local:bookmark:ao3:3', 'the record is not an object', 'garbage'],
    ]);
    expect(q[0]?.id).toMatch(/^local:quarantine:local:bookmark:ao3:2:\d+$/);
    // Nothing more to quarantine the second time.
    await getAllBookmarks();
    expect(await getQuarantine()).toHaveLength(2);
  });

  it('a record stored under another work\'s key is quarantined', async () => {
    await fakeBrowser.storage.local.set({ 'bookmark:ao3:1': { v: 1, ...makeBookmark({ workId: '2' }) } });
    expect(await getBookmark('ao3', '1')).toBeNull();
    expect((await getQuarantine())[0]?.reason).toBe('the record is for ao3:2, not for this key');
  });

  it('updateBookmark on a damaged record quarantines it and returns null', async () => {
    await fakeBrowser.storage.local.set({ 'bookmark:ao3:123': { v: 1, title: 'half' } });
    expect(await updateBookmark('ao3', '123', { chapter: 2 })).toBeNull();
    expect(await localKeys('bookmark:')).toEqual([]);
    expect((await getQuarantine())[0]?.value).toEqual({ v: 1, title: 'half' });
  });

  it('does not remove a record that became valid meanwhile (another context saved it)', async () => {
    await fakeBrowser.storage.local.set({ 'bookmark:ao3:123': 'garbage' });
    const good = { v: 1, ...makeBookmark() };
    // Another context writes a good record right after our quarantine copy is made.
    let once = false;
    fakeBrowser.storage.local.onChanged.addListener((changes) => {
      if (!once && Object.keys(changes).some((k) => k.startsWith('quarantine:'))) {
        once = true;
        void fakeBrowser.storage.local.set({ 'bookmark:ao3:123': good });
      }
    });
    await getAllBookmarks();
    expect(await fakeBrowser.storage.local.get('bookmark:ao3:123')).toEqual({ 'bookmark:ao3:123': good });
  });
});

describe('watchBookmarks', () => {
  it('reports added, changed and removed bookmarks from any context, and stops when asked', async () => {
    const seen: BookmarkChange[][] = [];
    const stop = watchBookmarks((changes) => seen.push(changes));
    const b = makeBookmark();
    await putBookmark(b);
    await updateBookmark('ao3', '123', { chapter: 3 });
    await fakeBrowser.storage.local.set({ other: 1 });
    await removeBookmark('ao3', '123');
    stop();
    await putBookmark(b);
    expect(seen).toEqual([
      [{ site: 'ao3', workId: '123', bookmark: b, previous: null }],
      [{ site: 'ao3', workId: '123', bookmark: { ...b, chapter: 3 }, previous: b }],
      [{ site: 'ao3', workId: '123', bookmark: null, previous: { ...b, chapter: 3 } }],
    ]);
  });
});
