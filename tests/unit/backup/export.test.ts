import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { backupFileName, exportBackup, serializeBackup } from '../../../lib/backup/export';
import type { BackupFile } from '../../../lib/backup/format';
import { parseBackup } from '../../../lib/backup/parse';
import { DEFAULT_READER_SETTINGS } from '../../../lib/reader/settings';
import { putBookmark } from '../../../lib/storage/bookmarks';
import { saveRules } from '../../../lib/storage/rules';
import { saveAppSettings, saveReaderSettings } from '../../../lib/storage/settings';
import { DEFAULT_APP_SETTINGS } from '../../../lib/storage/validate';
import { makeBookmark } from '../storage/helpers';
import type { Rule } from '../../../lib/filters/types';

beforeEach(() => fakeBrowser.reset());

const RULES: Rule[] = [
  { id: 'r-2', field: 'warning', pattern: 'Major Character Death', action: 'collapse', enabled: true },
  { id: 'r-1', field: 'words', min: 500, action: 'hide', enabled: false },
];
const T1 = new Date('2026-11-24T10:00:00.000Z');
const T2 = new Date('2026-11-25T18:30:00.000Z');

async function populate(order: 'forward' | 'backward' = 'forward') {
  const marks = [
    makeBookmark({ workId: '100', readAt: '2026-03-01T00:00:00.000Z' }),
    makeBookmark({ workId: '9', readAt: '2026-01-01T00:00:00.000Z' }),
    makeBookmark({ site: 'ffn', workId: '5', readAt: '2026-02-01T00:00:00.000Z' }),
  ];
  for (const b of order === 'forward' ? marks : [...marks].reverse()) await putBookmark(b);
  await saveRules(RULES);
  await saveReaderSettings({ theme: 'sepia' });
  await saveAppSettings({ syncBookmarks: true });
}

describe('exportBackup', () => {
  it('writes the backup format: rules without ids, bookmarks by site then id, full settings', async () => {
    await populate();
    const file = await exportBackup(T1);
    expect(Object.keys(file)).toEqual(['format', 'version', 'exportedAt', 'filters', 'bookmarks', 'settings', 'history']);
    expect(file.format).toBe('lamplight-backup');
    expect(file.version).toBe(2);
    expect(file.exportedAt).toBe('2026-11-24T10:00:00.000Z');
    expect(file.filters).toEqual([
      { field: 'warning', pattern: 'Major Character Death', action: 'collapse', enabled: true },
      { field: 'words', min: 500, action: 'hide', enabled: false },
    ]);
    expect(file.bookmarks.map((b) => `${b.site}:${b.workId}`)).toEqual(['ao3:9', 'ao3:100', 'ffn:5']);
    expect(Object.keys(file.bookmarks[0]!).slice(0, 13)).toEqual([
      'site', 'workId', 'url', 'title', 'authors', 'fandoms', 'chapter', 'chapterCount',
      'chapterTotal', 'progress', 'addedAt', 'readAt', 'note',
    ]);
    expect(file.settings).toEqual({
      reader: { ...DEFAULT_READER_SETTINGS, theme: 'sepia' },
      app: { ...DEFAULT_APP_SETTINGS, syncBookmarks: true },
    });
  });

  it('exports defaults from empty storage, and writes nothing while doing so', async () => {
    const file = await exportBackup(T1);
    expect(file).toMatchObject({ filters: [], bookmarks: [], settings: { reader: DEFAULT_READER_SETTINGS } });
    expect(await fakeBrowser.storage.local.get()).toEqual({});
    expect(await fakeBrowser.storage.sync.get()).toEqual({});
  });
});

describe('serializeBackup', () => {
  it('two exports with nothing changed in between differ only in exportedAt', async () => {
    await populate();
    const a = serializeBackup(await exportBackup(T1)).split('\n');
    const b = serializeBackup(await exportBackup(T2)).split('\n');
    expect(a.length).toBe(b.length);
    const differing = a.map((line, i) => [line, b[i]]).filter(([x, y]) => x !== y);
    expect(differing).toEqual([['  "exportedAt": "2026-11-24T10:00:00.000Z",', '  "exportedAt": "2026-11-25T18:30:00.000Z",']]);
  });

  it('does not depend on the order things were stored in', async () => {
    await populate('forward');
    const a = serializeBackup(await exportBackup(T1));
    fakeBrowser.reset();
    await populate('backward');
    expect(serializeBackup(await exportBackup(T1))).toBe(a);
  });

  it('puts keys in a fixed order whatever order the objects have', async () => {
    await populate();
    const file = await exportBackup(T1);
    const shuffled = {
      ...file,
      filters: file.filters.map((r) => Object.fromEntries(Object.entries(r).reverse())),
      bookmarks: [...file.bookmarks].reverse().map((b) => Object.fromEntries(Object.entries(b).reverse())),
      settings: { app: file.settings.app, reader: Object.fromEntries(Object.entries(file.settings.reader!).reverse()) },
    } as typeof file;
    expect(serializeBackup(shuffled)).toBe(serializeBackup(file));
  });

  it('reads back as the same backup', async () => {
    await populate();
    const file = await exportBackup(T1);
    const textOut = serializeBackup(file);
    const parsed = parseBackup(textOut, textOut.length);
    expect(parsed).toEqual({ ok: true, backup: file, summary: { rules: 2, bookmarks: 3, settings: true, history: 0 } });
  });

  it('has this exact layout: one rule, bookmark, fandom or work of the history per line', () => {
    const b = makeBookmark();
    const out = serializeBackup({
      format: 'lamplight-backup',
      version: 2,
      exportedAt: '2026-11-24T10:00:00.000Z',
      filters: [{ field: 'complete', value: false, action: 'collapse', enabled: true }],
      bookmarks: [b],
      settings: { app: { filteringPaused: false, syncBookmarks: false } },
      history: {
        fandoms: ['Star Wars', 'Good Omens'],
        works: [
          ['ao3', '7', 'Seven', ['someone'], [0, 1], 3, 12, 0, 29397000, 1440, 2],
          ['ffn', '8', 'Eight', [], [1], '1,3', 3, 1, 29397000, 0, 1, 20415, 4, 2],
        ],
      },
    });
    expect(out).toBe(
      [
        '{',
        '  "format": "lamplight-backup",',
        '  "version": 2,',
        '  "exportedAt": "2026-11-24T10:00:00.000Z",',
        '  "filters": [',
        '    {"field":"complete","value":false,"action":"collapse","enabled":true}',
        '  ],',
        '  "bookmarks": [',
        `    {"site":"ao3","workId":"123","url":"https://archiveofourown.org/works/123","title":"A Work","authors":["someone"],"fandoms":["Some Fandom"],"chapter":2,"chapterCount":5,"chapterTotal":null,"progress":0.4,"addedAt":"2026-01-01T10:00:00.000Z","readAt":"2026-02-01T10:00:00.000Z","note":"","paragraph":12,"paragraphOffset":0.25,"newChapters":0,"status":"reading","readerMode":true}`,
        '  ],',
        '  "settings": {',
        '    "app": {',
        '      "filteringPaused": false,',
        '      "syncBookmarks": false',
        '    }',
        '  },',
        '  "history": {',
        '    "fandoms": [',
        '      "Star Wars",',
        '      "Good Omens"',
        '    ],',
        '    "works": [',
        '      ["ao3","7","Seven",["someone"],[0,1],3,12,0,29397000,1440,2],',
        '      ["ffn","8","Eight",[],[1],"1,3",3,1,29397000,0,1,20415,4,2]',
        '    ]',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    const empty: BackupFile = { format: 'lamplight-backup', version: 2, exportedAt: 'x', filters: [], bookmarks: [], settings: {} };
    const emptyText =
      '{\n  "format": "lamplight-backup",\n  "version": 2,\n  "exportedAt": "x",\n  "filters": [],\n  "bookmarks": [],\n  "settings": {},\n' +
      '  "history": {\n    "fandoms": [],\n    "works": []\n  }\n}\n';
    expect(serializeBackup({ ...empty, history: { fandoms: [], works: [] } })).toBe(emptyText);
    // A file read from version 1 has no history: written with an empty one.
    expect(serializeBackup(empty)).toBe(emptyText);
  });
});

describe('backupFileName', () => {
  it('is lamplight-backup-YYYY-MM-DD.json with the local date', () => {
    expect(backupFileName(new Date(2026, 0, 5, 23, 59))).toBe('lamplight-backup-2026-01-05.json');
    expect(backupFileName(new Date(2026, 10, 24, 0, 1))).toBe('lamplight-backup-2026-11-24.json');
  });
});
