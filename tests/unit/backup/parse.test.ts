import { describe, expect, it, vi } from 'vitest';
import { parseBackup } from '../../../lib/backup/parse';
import { BAD_FILES, MB } from './bad-files';
import { FORMAT_EXAMPLE, text, validData } from './helpers';

describe('parseBackup refuses, saying exactly what and where', () => {
  it.each(BAD_FILES)('%s', (_name, contents, size, error) => {
    expect(parseBackup(contents, size ?? new TextEncoder().encode(contents).length)).toEqual({ ok: false, error });
  });

  it('refuses an oversized file before parsing it', () => {
    const parse = vi.spyOn(JSON, 'parse');
    expect(parseBackup(text(validData()), 21 * MB)).toMatchObject({ ok: false });
    expect(parse).not.toHaveBeenCalled();
  });

  it('reports the first problem of several', () => {
    const d = validData();
    delete d.bookmarks[1]!.url;
    delete d.bookmarks[3]!.workId;
    expect(parseBackup(text(d), 1)).toEqual({ ok: false, error: 'bookmarks[1]: missing url' });
  });
});

describe('parseBackup accepts', () => {
  it('a valid file, with a summary', () => {
    const result = parseBackup(text(validData()), 1);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.summary).toEqual({ rules: 4, bookmarks: 4, settings: true, history: null });
    expect(result.backup.filters[1]).toEqual({ field: 'words', max: 1000, action: 'hide', enabled: true });
    expect(result.backup.settings).toEqual({ reader: { fontSize: 21, theme: 'dark' }, app: { filteringPaused: true } });
  });

  it('the documented example (no status/paragraph fields, empty settings)', () => {
    const result = parseBackup(FORMAT_EXAMPLE, FORMAT_EXAMPLE.length);
    expect(result).toMatchObject({ ok: true, summary: { rules: 1, bookmarks: 1, settings: false } });
    if (result.ok) {
      expect(result.backup.bookmarks[0]).toMatchObject({
        chapter: 2,
        chapterTotal: null,
        progress: 0.4,
        note: '',
        paragraph: null,
        paragraphOffset: 0,
        newChapters: 0,
        status: 'reading',
        readerMode: false,
      });
    }
  });

  it('a file with a byte-order mark (saved by Notepad), and reports positions in the file', () => {
    expect(parseBackup(`\uFEFF${FORMAT_EXAMPLE}`, 1).ok).toBe(true);
    expect(parseBackup('\uFEFF{,}', 1)).toEqual({
      ok: false,
      error: 'Not a valid JSON file: Unexpected token "," at position 2 (line 1, column 3)',
    });
  });

  it('a rule with an id (ignored: import gives new ids) and drops repeated rules', () => {
    const d = validData();
    d.filters[0]!.id = 'from-another-install';
    d.filters.push({ field: 'warning', pattern: 'major   character death', action: 'collapse', enabled: false });
    const result = parseBackup(text(d), 1);
    expect(result).toMatchObject({ ok: true, summary: { rules: 4 } });
    if (result.ok) expect(result.backup.filters[0]).not.toHaveProperty('id');
  });

  it('a rule without enabled (it defaults to on), and null words bounds', () => {
    const d = validData();
    delete d.filters[0]!.enabled;
    d.filters[1] = { field: 'words', min: 10, max: null, action: 'hide', enabled: true };
    const result = parseBackup(text(d), 1);
    expect(result.ok && result.backup.filters.slice(0, 2)).toEqual([
      { field: 'warning', pattern: 'Major Character Death', action: 'collapse', enabled: true },
      { field: 'words', min: 10, action: 'hide', enabled: true },
    ]);
  });

  it('a file exactly 20 MB in size', () => {
    expect(parseBackup(FORMAT_EXAMPLE, 20 * MB).ok).toBe(true);
  });

  it('empty lists and empty settings', () => {
    expect(
      parseBackup('{"format":"lamplight-backup","version":1,"exportedAt":"2026-01-01T00:00:00Z","filters":[],"bookmarks":[],"settings":{}}', 1),
    ).toMatchObject({ ok: true, summary: { rules: 0, bookmarks: 0, settings: false } });
  });
});
