/**
 * The stored record's pure reading of change events and snapshots (lib/bookmarks/stored.ts), apart
 * from storage: what watchBookmarks reports and what it hands to quarantine.
 */
import { describe, expect, it } from 'vitest';
import {
  bookmarkChanges,
  bookmarksFromSnapshot,
  bookmarkStorageKey,
  decodeRecord,
  decodeStoredBookmark,
  encodeBookmark,
} from '../../../lib/bookmarks/stored';
import { sortByReadAt } from '../../../lib/bookmarks/merge';
import { makeBookmark } from '../storage/helpers';

const b = makeBookmark({ workId: '123' });
const record = { v: 1, ...b };

// Read with the fast path (background, popup) or every check in full (content scripts): the same answers.
describe.each([
  ['decodeStoredBookmark', decodeStoredBookmark],
  ['decodeRecord', decodeRecord],
] as const)('bookmarkChanges, records read by %s', (_, decode) => {
  const bookmarkChangesOf = (changes: Parameters<typeof bookmarkChanges>[0]) => bookmarkChanges(changes, decode);
  const one = (driverKey: string, change: { oldValue?: unknown; newValue?: unknown }) => bookmarkChangesOf({ [driverKey]: change });

  it('ignores keys that are not bookmark records (other items, WXT metadata)', () => {
    expect(bookmarkChangesOf({ filterRules: { newValue: [] }, 'bookmark:ao3:123$': { newValue: { v: 1 } } })).toEqual({ changes: [], damaged: [] });
  });

  it('a new bookmark: site and work id from the key, no previous', () => {
    expect(one('bookmark:ao3:123', { newValue: record })).toEqual({
      changes: [{ site: 'ao3', workId: '123', bookmark: b, previous: null }],
      damaged: [],
    });
  });

  it('a removed bookmark: null now, the old one as previous', () => {
    expect(one('bookmark:ao3:123', { oldValue: record })).toEqual({
      changes: [{ site: 'ao3', workId: '123', bookmark: null, previous: b }],
      damaged: [],
    });
  });

  it('no change when the bookmark reads the same before and after', () => {
    expect(one('bookmark:ao3:123', { oldValue: record, newValue: { ...record } })).toEqual({ changes: [], damaged: [] });
  });

  it('a damaged new value: reported as a removal and handed over for quarantine with the reason', () => {
    const bad = { ...record, chapter: 0 };
    const read = one('bookmark:ao3:123', { oldValue: record, newValue: bad });
    expect(read.changes).toEqual([{ site: 'ao3', workId: '123', bookmark: null, previous: b }]);
    expect(read.damaged).toHaveLength(1);
    expect(read.damaged[0]?.key).toBe('local:bookmark:ao3:123');
    expect(read.damaged[0]?.raw).toBe(bad);
    expect(read.damaged[0]?.error).toContain('chapter');
  });

  it("a record stored under another work's key is damaged, not that work", () => {
    const read = one('bookmark:ao3:999', { newValue: record });
    expect(read.changes).toEqual([]);
    expect(read.damaged.map((d) => d.error)).toEqual(['the record is for ao3:123, not for this key']);
  });

  it('several changes at once, in order; a work id may hold a colon', () => {
    const odd = makeBookmark({ workId: 'a:b', url: 'https://archiveofourown.org/works/1' });
    const read = bookmarkChangesOf({ 'bookmark:ao3:123': { oldValue: record }, 'bookmark:ao3:a:b': { newValue: { v: 1, ...odd } } });
    expect(read.changes.map((c) => [c.site, c.workId, c.bookmark === null])).toEqual([
      ['ao3', '123', true],
      ['ao3', 'a:b', false],
    ]);
  });
});

describe('bookmarksFromSnapshot', () => {
  it('sorts a snapshot of the local area into valid, damaged and (none here) migrated records', () => {
    const other = makeBookmark({ workId: '7', readAt: '2026-03-01T10:00:00.000Z' });
    const snapshot = {
      'bookmark:ao3:123': record,
      'bookmark:ao3:7': encodeBookmark(other),
      'bookmark:ao3:8': { v: 1, ...makeBookmark({ workId: '8' }), colour: 'red' },
      'bookmark:ao3:123$': { v: 1 },
      filterRules: [],
    };
    const read = bookmarksFromSnapshot(snapshot);
    expect(sortByReadAt(read.bookmarks)).toEqual([other, b]);
    expect(read.damaged).toEqual([{ key: 'local:bookmark:ao3:8', raw: snapshot['bookmark:ao3:8'], error: 'unknown field "colour"' }]);
    expect(read.migrated).toEqual([]);
    expect(bookmarkStorageKey('ffn', '42')).toBe('local:bookmark:ffn:42');
  });
});

describe('decodeRecord', () => {
  it('answers as decodeStoredBookmark does: valid, migrated, damaged with the same message', () => {
    const key = 'local:bookmark:ao3:123';
    const cases: unknown[] = [
      record,
      { ...record, chapter: 9 },
      { ...record, v: 2 },
      { ...record, v: undefined },
      { ...record, colour: 'red' },
      { ...record, readAt: '2026-01-01T10:00:00+01:00' },
      'text',
      null,
    ];
    for (const raw of cases) expect(decodeRecord(key, raw), JSON.stringify(raw)).toEqual(decodeStoredBookmark(key, raw));
    expect(decodeRecord(key, record)).toEqual({ ok: true, bookmark: b, migrated: false });
    expect(decodeRecord(key, { ...record, chapter: 9 })).toEqual({ ok: false, error: 'chapter must be at most chapterCount (5), not 9' });
  });
});
