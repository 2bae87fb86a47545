/**
 * The stored record's pure reading of change events and snapshots (lib/bookmarks/stored.ts), apart
 * from storage: what watchBookmarks reports and what it hands to quarantine.
 */
import { describe, expect, it } from 'vitest';
import { bookmarkChangeOf, bookmarksFromSnapshot, bookmarkStorageKey, encodeBookmark } from '../../../lib/bookmarks/stored';
import { sortByReadAt } from '../../../lib/bookmarks/merge';
import { makeBookmark } from '../storage/helpers';

const b = makeBookmark({ workId: '123' });
const record = { v: 1, ...b };

describe('bookmarkChangeOf', () => {
  it('ignores keys that are not bookmark records (other items, WXT metadata)', () => {
    expect(bookmarkChangeOf('filterRules', { newValue: [] })).toEqual({ change: null, damaged: null });
    expect(bookmarkChangeOf('bookmark:ao3:123$', { newValue: { v: 1 } })).toEqual({ change: null, damaged: null });
  });

  it('a new bookmark: site and work id from the key, no previous', () => {
    expect(bookmarkChangeOf('bookmark:ao3:123', { newValue: record })).toEqual({
      change: { site: 'ao3', workId: '123', bookmark: b, previous: null },
      damaged: null,
    });
  });

  it('a removed bookmark: null now, the old one as previous', () => {
    expect(bookmarkChangeOf('bookmark:ao3:123', { oldValue: record })).toEqual({
      change: { site: 'ao3', workId: '123', bookmark: null, previous: b },
      damaged: null,
    });
  });

  it('no change when the bookmark reads the same before and after', () => {
    expect(bookmarkChangeOf('bookmark:ao3:123', { oldValue: record, newValue: { ...record } })).toEqual({ change: null, damaged: null });
  });

  it('a damaged new value: reported as a removal and handed over for quarantine with the reason', () => {
    const bad = { ...record, chapter: 0 };
    const read = bookmarkChangeOf('bookmark:ao3:123', { oldValue: record, newValue: bad });
    expect(read.change).toEqual({ site: 'ao3', workId: '123', bookmark: null, previous: b });
    expect(read.damaged?.key).toBe('local:bookmark:ao3:123');
    expect(read.damaged?.raw).toBe(bad);
    expect(read.damaged?.error).toContain('chapter');
  });

  it('a record stored under another work\'s key is damaged, not that work', () => {
    const read = bookmarkChangeOf('bookmark:ao3:999', { newValue: record });
    expect(read.change).toBeNull();
    expect(read.damaged?.error).toBe('the record is for ao3:123, not for this key');
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
