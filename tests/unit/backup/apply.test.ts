import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { applyBackup, describeImport, importBackup } from '../../../lib/backup/apply';
import { exportBackup, serializeBackup } from '../../../lib/backup/export';
import { parseBackup } from '../../../lib/backup/parse';
import type { Rule } from '../../../lib/filters/types';
import { DEFAULT_READER_SETTINGS } from '../../../lib/reader/settings';
import { getAllBookmarks, getBookmark, putBookmark } from '../../../lib/storage/bookmarks';
import { getQuarantine } from '../../../lib/storage/quarantine';
import { loadRules, saveRules } from '../../../lib/storage/rules';
import { loadAppSettings, loadReaderSettings, saveAppSettings, saveReaderSettings } from '../../../lib/storage/settings';
import { DEFAULT_APP_SETTINGS } from '../../../lib/storage/validate';
import { makeBookmark, storageText } from '../storage/helpers';
import { text, validData } from './helpers';
import { BAD_FILES } from './bad-files';

beforeEach(() => fakeBrowser.reset());

const OLD = '2026-01-01T00:00:00.000Z';
const NEW = '2026-06-01T00:00:00.000Z';
const MCD: Rule = { id: 'mine', field: 'warning', pattern: 'Major Character Death', action: 'collapse', enabled: true };

async function populate() {
  await saveRules([MCD, { id: 'x', field: 'author', pattern: 'someone', action: 'hide', enabled: true }]);
  await putBookmark(makeBookmark({ workId: '1', readAt: NEW, chapter: 3 }));
  await putBookmark(makeBookmark({ workId: '2', readAt: OLD, chapter: 1 }));
  await putBookmark(makeBookmark({ workId: '50', readAt: OLD }));
  await saveReaderSettings({ fontSize: 17, width: 60 });
  await saveAppSettings({ syncBookmarks: true });
}

/** A file: MCD (already there), 2 new rules; ao3:1 older, ao3:2 newer, ffn:9 new; some settings. */
function incoming() {
  const d = validData();
  d.filters = [
    { field: 'warning', pattern: 'major character death', action: 'collapse', enabled: false },
    { field: 'words', max: 1000, action: 'hide', enabled: true },
    { field: 'complete', value: false, action: 'collapse', enabled: true },
  ];
  d.bookmarks = [
    { ...makeBookmark({ workId: '1', readAt: OLD, chapter: 1 }) },
    { ...makeBookmark({ workId: '2', readAt: NEW, chapter: 7, chapterCount: 7, note: 'from the file' }) },
    { ...makeBookmark({ site: 'ffn', workId: '9' }) },
  ];
  d.settings = { reader: { theme: 'dark' } };
  return d;
}

describe('a bad file changes nothing (storage byte-for-byte unchanged)', () => {
  it.each(BAD_FILES)('%s', async (_name, contents, size, error) => {
    await populate();
    await getQuarantine(); // nothing pending
    const before = await storageText();
    for (const mode of ['merge', 'replace'] as const) {
      expect(await importBackup(contents, size ?? contents.length, mode)).toEqual({ ok: false, error });
    }
    expect(await storageText()).toBe(before);
  });

  it('applyBackup re-checks what it is given', async () => {
    await populate();
    const before = await storageText();
    const d = validData();
    delete d.bookmarks[3]!.workId;
    expect(await applyBackup(d, 'replace')).toEqual({ ok: false, error: 'bookmarks[3]: missing workId' });
    expect(await applyBackup(null)).toMatchObject({ ok: false });
    expect(await applyBackup(validData(), 'overwrite' as never)).toEqual({ ok: false, error: 'Unknown import mode overwrite' });
    expect(await storageText()).toBe(before);
  });

  it('a write that fails part-way is undone', async () => {
    await populate();
    const before = await storageText();
    const set = fakeBrowser.storage.local.set;
    // Sync writes succeed, then the local write (bookmarks) fails.
    fakeBrowser.storage.local.set = vi.fn(() => Promise.reject(new Error('QUOTA_BYTES quota exceeded')));
    let result;
    try {
      result = await importBackup(text(incoming()), 1, 'replace');
    } finally {
      fakeBrowser.storage.local.set = set;
    }
    expect(result).toEqual({ ok: false, error: 'Import failed while saving (QUOTA_BYTES quota exceeded); nothing was changed' });
    expect(await storageText()).toBe(before);
  });
  it('a sync quota error (too many rules for one sync item) changes nothing and says why', async () => {
    await populate();
    const before = await storageText();
    const set = fakeBrowser.storage.sync.set;
    fakeBrowser.storage.sync.set = vi.fn(() => Promise.reject(new Error('QUOTA_BYTES_PER_ITEM quota exceeded')));
    let result;
    try {
      result = await importBackup(text(incoming()), 1, 'merge');
    } finally {
      fakeBrowser.storage.sync.set = set;
    }
    expect(result).toEqual({
      ok: false,
      error: 'Import failed while saving (QUOTA_BYTES_PER_ITEM quota exceeded); nothing was changed',
    });
    expect(await storageText()).toBe(before);
  });
});

describe('merge (the default)', () => {
  it('deduplicates rules, keeps the newest bookmark per work, merges settings', async () => {
    await populate();
    const result = await importBackup(text(incoming()), 1);
    expect(result).toMatchObject({
      ok: true,
      counts: {
        mode: 'merge',
        rules: 2,
        rulesAlreadyThere: 1,
        bookmarks: 2,
        bookmarksAdded: 1,
        bookmarksUpdated: 1,
        bookmarksUnchanged: 1,
        settings: true,
      },
      message: 'Imported 2 rules and 2 bookmarks, and settings (2 already up to date)',
    });

    const rules = await loadRules();
    expect(rules.slice(0, 2)).toEqual([MCD, { id: 'x', field: 'author', pattern: 'someone', action: 'hide', enabled: true }]);
    expect(rules.slice(2).map((r) => r.field)).toEqual(['words', 'complete']);
    expect(new Set(rules.map((r) => r.id)).size).toBe(4);

    expect((await getBookmark('ao3', '1'))?.chapter).toBe(3); // ours was newer
    expect(await getBookmark('ao3', '2')).toMatchObject({ chapter: 7, note: 'from the file' }); // theirs was newer
    expect(await getBookmark('ffn', '9')).toEqual(makeBookmark({ site: 'ffn', workId: '9' }));
    expect(await getBookmark('ao3', '50')).not.toBeNull(); // not in the file: kept

    expect(await loadReaderSettings()).toEqual({ ...DEFAULT_READER_SETTINGS, fontSize: 17, width: 60, theme: 'dark' });
    expect(await loadAppSettings()).toEqual({ ...DEFAULT_APP_SETTINGS, syncBookmarks: true });
  });

  it('importing the same file twice changes nothing the second time', async () => {
    await populate();
    await importBackup(text(incoming()), 1);
    const after = await storageText();
    const again = await importBackup(text(incoming()), 1);
    expect(again).toMatchObject({ ok: true, counts: { rules: 0, bookmarks: 0 } });
    expect(again.ok && again.message).toBe('Imported 0 rules and 0 bookmarks, and settings (6 already up to date)');
    expect(await storageText()).toBe(after);
  });
});

describe('replace', () => {
  it('leaves exactly the backup\'s content', async () => {
    await populate();
    const result = await importBackup(text(incoming()), 1, 'replace');
    expect(result).toMatchObject({
      ok: true,
      counts: { mode: 'replace', rules: 3, rulesRemoved: 1, bookmarks: 3, bookmarksRemoved: 1, settings: true },
      message: 'Imported 3 rules and 3 bookmarks, and settings (2 items not in the file removed)',
    });
    const rules = await loadRules();
    expect(rules.map(({ id: _id, ...r }) => r)).toEqual(incoming().filters);
    expect(rules[0]?.id).toBe('mine'); // the same rule keeps its id
    const marks = await getAllBookmarks();
    expect(marks.map((b) => `${b.site}:${b.workId}:${b.chapter}`).sort()).toEqual(['ao3:1:1', 'ao3:2:7', 'ffn:9:2']);
    expect(await loadReaderSettings()).toEqual({ ...DEFAULT_READER_SETTINGS, theme: 'dark' });
    expect(await loadAppSettings()).toEqual(DEFAULT_APP_SETTINGS);
  });

  it('an empty backup empties everything (but quarantine stays)', async () => {
    await populate();
    await fakeBrowser.storage.local.set({ 'bookmark:ao3:666': 'damaged' });
    const empty = '{"format":"lamplight-backup","version":1,"exportedAt":"2026-01-01T00:00:00Z","filters":[],"bookmarks":[],"settings":{}}';
    expect(await importBackup(empty, empty.length, 'replace')).toMatchObject({ ok: true, counts: { rules: 0, bookmarks: 0 } });
    expect(await loadRules()).toEqual([]);
    expect(await getAllBookmarks()).toEqual([]);
    // The damaged record was not silently dropped by the import:
    expect((await getQuarantine()).map((q) => q.value)).toEqual(['damaged']);
  });
});

describe('round trip', () => {
  it('export → import into empty storage → export gives the same file', async () => {
    await populate();
    const first = serializeBackup(await exportBackup(new Date('2026-11-24T10:00:00.000Z')));
    fakeBrowser.reset();
    const result = await importBackup(first, first.length, 'replace');
    expect(result).toMatchObject({ ok: true, message: 'Imported 2 rules and 3 bookmarks, and settings' });
    const second = serializeBackup(await exportBackup(new Date('2026-11-24T10:00:00.000Z')));
    expect(second).toBe(first);
  });

  it('merge-importing your own export changes nothing', async () => {
    await populate();
    const file = serializeBackup(await exportBackup());
    const before = await storageText();
    expect(await importBackup(file, file.length)).toMatchObject({ ok: true, counts: { rules: 0, bookmarks: 0 } });
    expect(await storageText()).toBe(before);
  });

  it('the parsed summary matches what replace imports', async () => {
    await populate();
    const file = serializeBackup(await exportBackup());
    const parsed = parseBackup(file, file.length);
    expect(parsed.ok && parsed.summary).toEqual({ rules: 2, bookmarks: 3, settings: true, history: 0 });
  });
});

describe('describeImport', () => {
  it('says what happened in plain words', () => {
    const base = {
      mode: 'merge' as const,
      rules: 3,
      rulesAlreadyThere: 0,
      rulesRemoved: 0,
      bookmarks: 2,
      bookmarksAdded: 2,
      bookmarksUpdated: 0,
      bookmarksUnchanged: 0,
      bookmarksRemoved: 0,
      settings: false,
      history: null,
      historyAdded: 0,
      historyUpdated: 0,
      historyUnchanged: 0,
      historyRemoved: 0,
    };
    expect(describeImport(base)).toBe('Imported 3 rules and 2 bookmarks');
    expect(describeImport({ ...base, history: 0 })).toBe('Imported 3 rules and 2 bookmarks');
    expect(describeImport({ ...base, history: 5, historyAdded: 4, historyUpdated: 1, historyUnchanged: 2 })).toBe(
      'Imported 3 rules and 2 bookmarks, with 5 works of reading history (2 already up to date)',
    );
    expect(describeImport({ ...base, rules: 1, bookmarks: 1 })).toBe('Imported 1 rule and 1 bookmark');
  });
});
