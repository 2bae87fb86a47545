/**
 * `chapterUrl` (added for Resume) in the backup file: optional, so every version-1 file imports
 * with or without it, and an export that has it reads back the same.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { applyBackup } from '../../../lib/backup/apply';
import { exportBackup, serializeBackup } from '../../../lib/backup/export';
import { parseBackup } from '../../../lib/backup/parse';
import { getBookmark, putBookmark } from '../../../lib/storage/bookmarks';
import { makeBookmark } from '../storage/helpers';

beforeEach(() => fakeBrowser.reset());

const CHAPTER = 'https://archiveofourown.org/works/123/chapters/456';

describe('chapterUrl in the backup file', () => {
  it('is exported last when known, left out when not, and reads back the same', async () => {
    await putBookmark(makeBookmark({ workId: '1', chapterUrl: CHAPTER }));
    await putBookmark(makeBookmark({ workId: '2' }));
    const file = await exportBackup(new Date('2026-11-24T10:00:00.000Z'));
    expect(Object.keys(file.bookmarks[0]!).at(-1)).toBe('chapterUrl');
    expect(file.bookmarks[0]!.chapterUrl).toBe(CHAPTER);
    expect('chapterUrl' in file.bookmarks[1]!).toBe(false);
    const text = serializeBackup(file);
    const parsed = parseBackup(text, text.length);
    expect(parsed.ok && parsed.backup.bookmarks).toEqual(file.bookmarks);
  });

  it('a version-1 file written before chapterUrl existed still imports', async () => {
    const text = `{ "format": "lamplight-backup", "version": 1, "exportedAt": "2026-11-24T10:00:00.000Z",
      "filters": [],
      "bookmarks": [ { "site": "ao3", "workId": "123", "url": "https://archiveofourown.org/works/123",
        "title": "…", "authors": ["…"], "fandoms": ["…"], "chapter": 2, "chapterCount": 5,
        "chapterTotal": null, "progress": 0.4, "addedAt": "2026-11-01T10:00:00.000Z",
        "readAt": "2026-11-20T10:00:00.000Z", "note": "" } ],
      "settings": { } }`;
    const parsed = parseBackup(text, text.length);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const result = await applyBackup(parsed.backup);
    expect(result.ok).toBe(true);
    const stored = await getBookmark('ao3', '123');
    expect(stored).toMatchObject({ chapter: 2, progress: 0.4 });
    expect(stored && 'chapterUrl' in stored).toBe(false);
  });

  it('a chapterUrl that is not an http(s) address is refused with its place', () => {
    const entry = { ...makeBookmark(), chapterUrl: 'javascript:alert(1)' };
    const text = JSON.stringify({
      format: 'lamplight-backup',
      version: 1,
      exportedAt: '2026-11-24T10:00:00.000Z',
      filters: [],
      bookmarks: [entry],
      settings: {},
    });
    expect(parseBackup(text, text.length)).toEqual({
      ok: false,
      error: 'bookmarks[0]: chapterUrl must be an http(s) address, not "javascript:alert(1)"',
    });
  });
});
