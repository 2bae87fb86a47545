/**
 * The reader's settings between storage and the page (entrypoints/content/reader/settings-sync.ts):
 * panel changes written after a quiet delay or at once when the page is left, changes made elsewhere
 * followed, except while the reader's own change is on its way.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readerSettingsSync } from '../../../entrypoints/content/reader/settings-sync';
import { DEFAULT_READER_SETTINGS, type ReaderSettings } from '../../../lib/reader/settings';
import { loadReaderSettings, writeReaderSettings } from '../../../lib/storage/settings';

const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

let controller: AbortController;
let changes: ReaderSettings[];

function sync(saveDelayMs = 60_000) {
  return readerSettingsSync({ doc: document, saveDelayMs, onChange: (s) => changes.push(s), warn: vi.fn(), signal: controller.signal });
}

beforeEach(() => {
  fakeBrowser.reset();
  controller = new AbortController();
  changes = [];
});
afterEach(() => controller.abort());

describe('reader settings sync', () => {
  it('starts from the defaults, then takes what storage holds', async () => {
    await writeReaderSettings({ ...DEFAULT_READER_SETTINGS, fontSize: 24 });
    const s = sync();
    expect(s.current()).toEqual(DEFAULT_READER_SETTINGS);
    await s.load();
    expect(s.current().fontSize).toBe(24);
    expect(changes.map((c) => c.fontSize)).toEqual([24]);
  });

  it('a panel change is in force at once and written only after the quiet delay', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const microtasks = async () => {
        for (let i = 0; i < 50; i++) await Promise.resolve();
      };
      const s = sync(400);
      s.persist({ ...DEFAULT_READER_SETTINGS, theme: 'sepia' });
      expect(s.current().theme).toBe('sepia');
      vi.advanceTimersByTime(399);
      await microtasks();
      expect((await loadReaderSettings()).theme).toBe(DEFAULT_READER_SETTINGS.theme);
      vi.advanceTimersByTime(1);
      await microtasks();
      expect((await loadReaderSettings()).theme).toBe('sepia');
    } finally {
      vi.useRealTimers();
    }
  });

  it('leaving the page writes a waiting change at once; after stopping, nothing is listened to', async () => {
    const s = sync();
    s.persist({ ...DEFAULT_READER_SETTINGS, width: 50 });
    window.dispatchEvent(new Event('pagehide'));
    await settle();
    expect((await loadReaderSettings()).width).toBe(50);

    controller.abort();
    s.persist({ ...DEFAULT_READER_SETTINGS, width: 60 });
    window.dispatchEvent(new Event('pagehide'));
    await settle();
    expect((await loadReaderSettings()).width).toBe(50);
    s.flush(); // the feature's own last flush on stop still writes
    await settle();
    expect((await loadReaderSettings()).width).toBe(60);
  });

  it('follows changes made elsewhere, but not while its own change is on its way', async () => {
    const s = sync();
    await writeReaderSettings({ ...DEFAULT_READER_SETTINGS, lineHeight: 2 });
    await settle();
    expect(s.current().lineHeight).toBe(2);
    expect(changes.map((c) => c.lineHeight)).toEqual([2]);

    s.persist({ ...DEFAULT_READER_SETTINGS, lineHeight: 1.4 });
    await writeReaderSettings({ ...DEFAULT_READER_SETTINGS, lineHeight: 1.8 });
    await settle();
    expect(s.current().lineHeight).toBe(1.4);
    expect(changes).toHaveLength(1);
  });

  it('a panel change made before the stored settings arrive is kept', async () => {
    await writeReaderSettings({ ...DEFAULT_READER_SETTINGS, fontSize: 24 });
    const s = sync();
    const loading = s.load();
    s.persist({ ...DEFAULT_READER_SETTINGS, fontSize: 18 });
    await loading;
    expect(s.current().fontSize).toBe(18);
    expect(changes).toEqual([]);
  });
});
