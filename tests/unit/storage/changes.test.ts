import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { applyBackup } from '../../../lib/backup/apply';
import { BACKUP_FORMAT, BACKUP_VERSION } from '../../../lib/backup/format';
import { watchKey as watchKeyRaw, watchStorage as watchStorageRaw, withChangesPaused } from '../../../lib/storage/changes';
import { watchBookmarks as watchBookmarksRaw } from '../../../lib/storage/bookmarks';
import { watchAppSettings as watchAppSettingsRaw, watchReaderSettings as watchReaderSettingsRaw } from '../../../lib/storage/settings';
import { makeBookmark } from './helpers';

/** The fake's runtime has hasListeners(); its types do not. */
const listening = () => (fakeBrowser.storage.onChanged as unknown as { hasListeners(): boolean }).hasListeners();
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

// The hub is module state: every watcher a test starts is stopped after it.
const stops: (() => void)[] = [];
const keep = <A extends unknown[]>(watch: (...args: A) => () => void) => (...args: A) => {
  const stop = watch(...args);
  stops.push(stop);
  return stop;
};
const watchStorage = keep(watchStorageRaw);
const watchKey = keep(watchKeyRaw);
const watchBookmarks = keep(watchBookmarksRaw);
const watchReaderSettings = keep(watchReaderSettingsRaw);
const watchAppSettings = keep(watchAppSettingsRaw);

beforeEach(() => fakeBrowser.reset());
afterEach(() => stops.splice(0).forEach((stop) => stop()));

describe('watchStorage', () => {
  it('shares one browser listener and removes it with the last watcher', async () => {
    const a = vi.fn();
    const b = vi.fn();
    const stopA = watchStorage({ onChange: a, onResync: () => {} });
    const stopB = watchStorage({ onChange: b, onResync: () => {} });
    expect(listening()).toBe(true);
    await fakeBrowser.storage.local.set({ x: 1 });
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(1);
    expect(a.mock.calls[0]).toMatchObject([{ x: { newValue: 1 } }, 'local']);
    stopA();
    stopB();
    expect(listening()).toBe(false);
  });

  it('keeps calling the other watchers when one throws', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const after = vi.fn();
    watchStorage({ onChange: () => { throw new Error('boom'); }, onResync: () => {} });
    watchStorage({ onChange: after, onResync: () => {} });
    await fakeBrowser.storage.local.set({ x: 1 });
    expect(after).toHaveBeenCalledTimes(1);
    expect(error).toHaveBeenCalled();
  });
});

describe('withChangesPaused', () => {
  it('stops listening while the work runs, then has every watcher resync', async () => {
    const onChange = vi.fn();
    const onResync = vi.fn();
    watchStorage({ onChange, onResync });
    const result = await withChangesPaused(async () => {
      expect(listening()).toBe(false);
      await fakeBrowser.storage.local.set({ during: 1 });
      return 'done';
    });
    expect(result).toBe('done');
    expect(onChange).not.toHaveBeenCalled();
    expect(onResync).toHaveBeenCalledTimes(1);
    expect(listening()).toBe(true);
    await fakeBrowser.storage.local.set({ after: 1 });
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('resyncs and listens again when the work fails, and resyncs once for nested pauses', async () => {
    const onResync = vi.fn();
    watchStorage({ onChange: () => {}, onResync });
    await expect(
      withChangesPaused(() => withChangesPaused(async () => Promise.reject(new Error('write failed')))),
    ).rejects.toThrow('write failed');
    expect(onResync).toHaveBeenCalledTimes(1);
    expect(listening()).toBe(true);
  });
});

describe('watchKey', () => {
  it('calls back when the value really changed, and with the stored value on resync', async () => {
    const cb = vi.fn();
    watchKey('local:thing', cb, () => fakeBrowser.storage.local.get('thing').then((r) => r.thing ?? null));
    await fakeBrowser.storage.local.set({ thing: { a: 1 } });
    await fakeBrowser.storage.local.set({ thing: { a: 1 } });
    await fakeBrowser.storage.sync.set({ thing: { a: 2 } });
    expect(cb.mock.calls).toEqual([[{ a: 1 }]]);
    await withChangesPaused(() => fakeBrowser.storage.local.set({ thing: { a: 3 } }));
    await flush();
    expect(cb.mock.calls).toEqual([[{ a: 1 }], [{ a: 3 }]]);
  });
});

describe('settings watchers', () => {
  it('share the one listener: complete settings on a change, read afresh after a pause', async () => {
    const reader = vi.fn();
    const app = vi.fn();
    watchReaderSettings(reader);
    watchAppSettings(app);
    expect(listening()).toBe(true);
    await fakeBrowser.storage.sync.set({ readerSettings: { fontSize: 22 } });
    expect(reader).toHaveBeenCalledTimes(1);
    expect(reader.mock.calls[0]?.[0]).toMatchObject({ fontSize: 22, theme: 'auto', lineHeight: 1.6 });
    expect(app).not.toHaveBeenCalled();

    await withChangesPaused(() => fakeBrowser.storage.sync.set({ readerSettings: { fontSize: 24, theme: 'dark' } }));
    await flush();
    expect(reader).toHaveBeenCalledTimes(2);
    expect(reader.mock.calls[1]?.[0]).toMatchObject({ fontSize: 24, theme: 'dark' });
    expect(app).toHaveBeenCalledTimes(1);
  });

  it('repair a damaged value to defaults instead of passing it on', async () => {
    const reader = vi.fn();
    watchReaderSettings(reader);
    await fakeBrowser.storage.sync.set({ readerSettings: { fontSize: 'huge', theme: 'neon' } });
    expect(reader.mock.calls[0]?.[0]).toMatchObject({ fontSize: 19, theme: 'auto' });
  });
});

describe('a backup import', () => {
  it('does not hand its own change to the importing context, which reads afresh instead', async () => {
    const changes = vi.fn();
    const resync = vi.fn();
    watchBookmarks(changes, resync);
    const bookmarks = Array.from({ length: 50 }, (_, i) =>
      makeBookmark({ workId: String(1000 + i), url: `https://archiveofourown.org/works/${1000 + i}` }),
    );
    const result = await applyBackup({
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: '2026-11-25T10:00:00.000Z',
      filters: [],
      bookmarks,
      settings: {},
      history: { fandoms: [], works: [] },
    });
    expect(result.ok).toBe(true);
    expect(changes).not.toHaveBeenCalled();
    expect(resync).toHaveBeenCalledTimes(1);
    expect(Object.keys(await fakeBrowser.storage.local.get(null)).filter((k) => k.startsWith('bookmark:'))).toHaveLength(50);
  });
});
