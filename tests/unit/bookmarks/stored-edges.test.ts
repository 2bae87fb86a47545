import { describe, expect, it, vi } from 'vitest';
import { makeBookmark } from '../storage/helpers';

/**
 * A bookmark's stored record at its edges: its key, the version field, fields of the wrong type,
 * change events of null. The module loads inside each test, so mutation testing judges its
 * module-level code (the key prefix, the key functions) by these tests too.
 */
async function load(): Promise<typeof import('../../../lib/bookmarks/stored')> {
  vi.resetModules();
  return import('../../../lib/bookmarks/stored');
}

const KEY = 'local:bookmark:ao3:123';
const b = makeBookmark({ workId: '123' });
const record = { v: 1, ...b };

describe('bookmark record keys', () => {
  it('names a record local:bookmark:<site>:<workId>', async () => {
    const { bookmarkStorageKey } = await load();
    const { bookmarkKey } = await import('../../../lib/bookmarks/types');
    expect(bookmarkStorageKey('ffn', '42')).toBe('local:bookmark:ffn:42');
    expect(bookmarkStorageKey('ao3', 'a:b')).toBe('local:bookmark:ao3:a:b');
    expect(bookmarkKey('ao3', '42')).toBe('ao3:42');
  });

  it('tells bookmark records from other items and from WXT metadata', async () => {
    const { isBookmarkDriverKey, BOOKMARK_PREFIX } = await load();
    expect(BOOKMARK_PREFIX).toBe('bookmark:');
    expect(isBookmarkDriverKey('bookmark:ao3:1')).toBe(true);
    expect(isBookmarkDriverKey('bookmark:ao3:1$')).toBe(false);
    expect(isBookmarkDriverKey('history:ao3:1')).toBe(false);
    expect(isBookmarkDriverKey('filterRules')).toBe(false);
  });
});

describe.each(['decodeStoredBookmark', 'decodeRecord'] as const)('%s: the version field', (name) => {
  it('says a record without a version has none', async () => {
    const decode = (await load())[name];
    expect(decode(KEY, { ...b })).toEqual({ ok: false, error: 'the record has no version (v)' });
    expect(decode(KEY, { ...record, v: undefined })).toEqual({ ok: false, error: 'the record has no version (v)' });
  });

  it('says a version that is not a number is not one', async () => {
    const decode = (await load())[name];
    expect(decode(KEY, { ...record, v: '1' })).toEqual({ ok: false, error: 'the record version is not a number' });
    expect(decode(KEY, { ...record, v: null })).toEqual({ ok: false, error: 'the record version is not a number' });
  });
});

describe.each(['decodeStoredBookmark', 'decodeRecord'] as const)('%s: a site or work id that is not text', (name) => {
  // Not from JSON storage, but the decoder takes anything and must answer, never throw.
  it('refuses a record whose site is a symbol, naming the field', async () => {
    const decode = (await load())[name];
    expect(decode(KEY, { ...record, site: Symbol('ao3') })).toEqual({
      ok: false,
      error: 'site must be one of "ao3", "ffn", not Symbol(ao3)',
    });
  });

  it('refuses a record whose work id is a symbol, naming the field', async () => {
    const decode = (await load())[name];
    expect(decode(KEY, { ...record, workId: Symbol('123') })).toEqual({
      ok: false,
      error: 'workId must be text without spaces of at most 100 characters, not Symbol(123)',
    });
  });
});

describe('bookmarkChanges: null values', () => {
  it('reads a record set to null as removed, not as damaged', async () => {
    const { bookmarkChanges, decodeStoredBookmark } = await load();
    expect(bookmarkChanges({ 'bookmark:ao3:123': { oldValue: record, newValue: null } }, decodeStoredBookmark)).toEqual({
      changes: [{ site: 'ao3', workId: '123', bookmark: null, previous: b }],
      damaged: [],
    });
  });

  it('reads a record that was null before as new', async () => {
    const { bookmarkChanges, decodeStoredBookmark } = await load();
    expect(bookmarkChanges({ 'bookmark:ao3:123': { oldValue: null, newValue: record } }, decodeStoredBookmark)).toEqual({
      changes: [{ site: 'ao3', workId: '123', bookmark: b, previous: null }],
      damaged: [],
    });
  });
});
