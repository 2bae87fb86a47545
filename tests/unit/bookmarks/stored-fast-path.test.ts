import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { Bookmark } from '../../../lib/bookmarks/types';
import { makeBookmark } from '../storage/helpers';

/**
 * Which way a stored record is read: a current, clean record under its own key takes the fast path
 * (no full validation: the shelf reads 10,000 at once), anything else the full checks; and a record
 * of an older version is handed back for writing migrated. Each test loads the module with a spy or
 * a stand-in migration chain in place of the real one.
 */
afterEach(() => {
  vi.doUnmock('../../../lib/bookmarks/validate');
  vi.doUnmock('../../../lib/storage/migrations');
});
// Test files that share a worker (the mutation run) must not import the modules loaded here, mocked.
afterAll(() => vi.resetModules());

/** The stored-record module, with `validateBookmark` (the full checks) watched. */
async function loadWatchingValidation() {
  vi.resetModules();
  const validateBookmark = vi.fn<typeof import('../../../lib/bookmarks/validate').validateBookmark>();
  vi.doMock('../../../lib/bookmarks/validate', async (importOriginal) => {
    const actual = await importOriginal<typeof import('../../../lib/bookmarks/validate')>();
    validateBookmark.mockImplementation(actual.validateBookmark);
    return { ...actual, validateBookmark };
  });
  const stored = await import('../../../lib/bookmarks/stored');
  return { ...stored, validateBookmark };
}

const KEY = 'local:bookmark:ao3:123';
const b = makeBookmark({ workId: '123' });

describe('decodeStoredBookmark: the fast path', () => {
  it('reads a current record under its own key without the full checks', async () => {
    const { decodeStoredBookmark, validateBookmark } = await loadWatchingValidation();
    expect(decodeStoredBookmark(KEY, { v: 1, ...b })).toEqual({ ok: true, bookmark: b, migrated: false });
    const withChapterUrl = makeBookmark({ workId: '123', chapterUrl: 'https://archiveofourown.org/works/123/chapters/9' });
    expect(decodeStoredBookmark(KEY, { v: 1, ...withChapterUrl })).toEqual({ ok: true, bookmark: withChapterUrl, migrated: false });
    expect(validateBookmark).not.toHaveBeenCalled();
  });

  it.each([
    ['an unknown field', { v: 1, ...b, colour: 'red' }, 'unknown field "colour"'],
    ['another version', { v: 2, ...b }, 'record version 2 is newer than this Lamplight understands (1)'],
    ['a field that fails its check', { v: 1, ...b, chapter: 0 }, 'chapter must be a whole number of at least 1, not 0'],
  ])('leaves a record with %s to the full checks, which say why', async (_, raw, error) => {
    const { decodeStoredBookmark } = await loadWatchingValidation();
    expect(decodeStoredBookmark(KEY, raw)).toEqual({ ok: false, error });
  });

  it("leaves a record under another work's key to the full checks", async () => {
    const { decodeStoredBookmark, validateBookmark } = await loadWatchingValidation();
    expect(decodeStoredBookmark('local:bookmark:ao3:999', { v: 1, ...b })).toEqual({
      ok: false,
      error: 'the record is for ao3:123, not for this key',
    });
    expect(validateBookmark).toHaveBeenCalledTimes(1);
  });
});

describe('bookmarksFromSnapshot: older records', () => {
  it('hands back a record of an older version, migrated, for writing back', async () => {
    vi.resetModules();
    const step = (old: Bookmark): Bookmark => ({ ...old, note: `${old.note}(v2)` });
    vi.doMock('../../../lib/storage/migrations', async (importOriginal) => {
      const actual = await importOriginal<typeof import('../../../lib/storage/migrations')>();
      return { ...actual, MIGRATIONS: { ...actual.MIGRATIONS, bookmark: { version: 2, steps: { 2: step } } } };
    });
    const { bookmarksFromSnapshot } = await import('../../../lib/bookmarks/stored');
    const old = { v: 1, ...b };
    const current = makeBookmark({ workId: '7', note: 'kept' });
    const read = bookmarksFromSnapshot({ 'bookmark:ao3:123': old, 'bookmark:ao3:7': { v: 2, ...current } });
    const migrated = { ...b, note: '(v2)' };
    expect(read.bookmarks).toEqual([migrated, current]);
    expect(read.migrated).toEqual([{ key: KEY, raw: old, bookmark: migrated }]);
    expect(read.damaged).toEqual([]);
  });
});
