import { describe, expect, it } from 'vitest';
import {
  BOOKMARK_FIELDS,
  validateBookmark,
  validateBookmarkEntry,
} from '../../../lib/bookmarks/validate';
import { makeBookmark } from '../storage/helpers';

describe('validateBookmark', () => {
  it('accepts a complete bookmark and returns a copy in field order', () => {
    const b = makeBookmark({ chapterUrl: 'https://archiveofourown.org/works/123/chapters/456' });
    const shuffled = Object.fromEntries(Object.entries(b).reverse());
    const result = validateBookmark(shuffled);
    expect(result).toEqual({ ok: true, bookmark: b });
    if (result.ok) {
      expect(Object.keys(result.bookmark)).toEqual(BOOKMARK_FIELDS);
      expect(result.bookmark.authors).not.toBe(b.authors);
    }
  });

  it('chapterUrl is optional in storage: a record without it (every version-1 record) stays valid, without it', () => {
    const b = makeBookmark();
    expect('chapterUrl' in b).toBe(false);
    const result = validateBookmark(b);
    expect(result).toEqual({ ok: true, bookmark: b });
    if (result.ok) {
      expect('chapterUrl' in result.bookmark).toBe(false);
      expect(Object.keys(result.bookmark)).toEqual(BOOKMARK_FIELDS.filter((f) => f !== 'chapterUrl'));
    }
  });

  it('a chapterUrl that is there must be an http(s) address', () => {
    expect(validateBookmark({ ...makeBookmark(), chapterUrl: 'javascript:alert(1)' })).toEqual({
      ok: false,
      error: 'chapterUrl must be an http(s) address, not "javascript:alert(1)"',
    });
    expect(validateBookmark({ ...makeBookmark(), chapterUrl: null })).toEqual({
      ok: false,
      error: 'chapterUrl must be an http(s) address, not null',
    });
  });

  it.each([
    [{ workId: undefined }, 'missing workId'],
    [{ site: 'wattpad' as never }, 'site must be one of "ao3", "ffn", not "wattpad"'],
    [{ workId: '' }, 'workId must be text without spaces of at most 100 characters, not ""'],
    [{ workId: '1 2' }, 'workId must be text without spaces of at most 100 characters, not "1 2"'],
    [{ url: 'javascript:alert(1)' }, 'url must be an http(s) address, not "javascript:alert(1)"'],
    [{ chapter: 0 }, 'chapter must be a whole number of at least 1, not 0'],
    [{ chapter: 1.5 }, 'chapter must be a whole number of at least 1, not 1.5'],
    [{ chapterTotal: 0 }, 'chapterTotal must be a whole number of at least 1 or null (unknown), not 0'],
    [{ progress: 1.2 }, 'progress must be a number from 0 to 1, not 1.2'],
    [{ progress: Number.NaN }, 'progress must be a number from 0 to 1, not NaN'],
    [{ authors: ['a', 3] as never }, 'authors must be a list of texts, not ["a",3]'],
    [{ readAt: 'yesterday' }, 'readAt must be a date like "2026-11-24T10:00:00.000Z", not "yesterday"'],
    [{ readAt: '2026-02-30T10:00:00Z' }, 'readAt must be a date like "2026-11-24T10:00:00.000Z", not "2026-02-30T10:00:00Z"'],
    [{ status: 'dropped' as never }, 'status must be one of "reading", "finished", "later", not "dropped"'],
    [{ paragraph: -1 }, 'paragraph must be a whole number of at least 0 or null (no paragraph), not -1'],
  ])('rejects %j with %s', (patch, error) => {
    const input: Record<string, unknown> = { ...makeBookmark(), ...patch };
    for (const k of Object.keys(input)) if (input[k] === undefined) delete input[k];
    expect(validateBookmark(input)).toEqual({ ok: false, error });
  });

  it('names an unknown field before anything else', () => {
    const { workId: _w, ...rest } = makeBookmark();
    expect(validateBookmark({ ...rest, workid: '123' })).toEqual({ ok: false, error: 'unknown field "workid"' });
  });

  it('rejects non-objects', () => {
    expect(validateBookmark(null)).toEqual({ ok: false, error: 'must be an object, not null' });
    expect(validateBookmark([])).toEqual({ ok: false, error: 'must be an object, not []' });
  });

  it('requires every field in storage, including the optional-in-a-file ones', () => {
    const { note: _n, ...rest } = makeBookmark();
    expect(validateBookmark(rest)).toEqual({ ok: false, error: 'missing note' });
  });
});

describe('validateBookmarkEntry (backup files)', () => {
  it('fills the optional fields with their defaults', () => {
    const b = makeBookmark();
    const minimal: Record<string, unknown> = { ...b };
    for (const k of ['note', 'paragraph', 'paragraphOffset', 'newChapters', 'status', 'readerMode']) delete minimal[k];
    expect(validateBookmarkEntry(minimal)).toEqual({
      ok: true,
      bookmark: { ...b, note: '', paragraph: null, paragraphOffset: 0, newChapters: 0, status: 'reading', readerMode: false },
    });
  });

  it('a version-1 entry without chapterUrl imports without it; one with it keeps it', () => {
    const b = makeBookmark();
    expect(validateBookmarkEntry(b)).toEqual({ ok: true, bookmark: b });
    const withUrl = { ...b, chapterUrl: 'https://archiveofourown.org/works/123/chapters/9' };
    expect(validateBookmarkEntry(withUrl)).toEqual({ ok: true, bookmark: withUrl });
    expect(validateBookmarkEntry({ ...b, chapterUrl: 'ftp://x' })).toEqual({
      ok: false,
      error: 'chapterUrl must be an http(s) address, not "ftp://x"',
    });
  });

  it('still requires the backup format fields and refuses unknown ones', () => {
    const { readAt: _r, ...noReadAt } = makeBookmark();
    expect(validateBookmarkEntry(noReadAt)).toEqual({ ok: false, error: 'missing readAt' });
    expect(validateBookmarkEntry({ ...makeBookmark(), colour: 'red' })).toEqual({
      ok: false,
      error: 'unknown field "colour"',
    });
    expect(validateBookmarkEntry({ ...makeBookmark(), status: 'done' })).toEqual({
      ok: false,
      error: 'status must be one of "reading", "finished", "later", not "done"',
    });
  });
});
