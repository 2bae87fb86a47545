/**
 * Searching the shelf index's entries (lib/bookmarks/shelf-index-entries.ts) at its edges: one row,
 * rows without creators or fandoms, titles that are empty, one letter or not ASCII at all, and a
 * search changed by one word.
 */
import { describe, expect, it } from 'vitest';
import { filterEntries, type ShelfEntry } from '../../../lib/bookmarks/shelf';
import { encodeShelfIndex } from '../../../lib/bookmarks/shelf-index-codec';
import { decodeShelfIndex } from '../../../lib/bookmarks/shelf-index-entries';
import type { Bookmark } from '../../../lib/bookmarks/types';
import { makeBookmark } from '../storage/helpers';

/** Bookmarks read one day apart, the first most recently: the index keeps them in this order. */
function indexEntries(works: Partial<Bookmark>[]): ShelfEntry[] {
  const bookmarks = works.map((work, i) =>
    makeBookmark({ workId: String(i + 1), readAt: `2026-02-${String(20 - i).padStart(2, '0')}T10:00:00.000Z`, ...work }),
  );
  return decodeShelfIndex(encodeShelfIndex(bookmarks))!;
}

const found = (entries: ShelfEntry[], search: string) => filterEntries(entries, { search, status: 'all' }).map((e) => e.workId);

describe('index entries: searching', () => {
  it('an entry matches no terms at all, asked first', () => {
    const [entry] = indexEntries([{ title: 'Lantern' }]);
    expect(entry!.matches([])).toBe(true);
  });

  it('finds the one bookmark by its only creator and by its only fandom', () => {
    const entries = indexEntries([{ title: 'Lantern', authors: ['Alice'], fandoms: ['Bones'] }]);
    expect(found(entries, 'alice')).toEqual(['1']);
    expect(found(entries, 'bones')).toEqual(['1']);
    expect(found(entries, 'carol')).toEqual([]);
  });

  it('finds the last bookmark by its fandom after rows with neither creators nor fandoms', () => {
    const entries = indexEntries([
      { title: 'First', authors: [], fandoms: [] },
      { title: 'Second', authors: [], fandoms: [] },
      { title: 'Third', authors: [], fandoms: ['Bones'] },
    ]);
    expect(found(entries, 'bones')).toEqual(['3']);
  });

  it('finds a creator whose position in the shared strings has two digits', () => {
    const authors = Array.from({ length: 12 }, (_, i) => `Writer${String.fromCharCode(97 + i)}`);
    const entries = indexEntries([{ title: 'Many hands', authors, fandoms: [] }, { title: 'Alone', authors: ['Solo'], fandoms: [] }]);
    expect(found(entries, 'writerl')).toEqual(['1']);
    expect(found(entries, 'solo')).toEqual(['2']);
  });

  it('gives the new result when a search changes in its last word only', () => {
    const entries = indexEntries([{ title: 'Alpha Beta' }, { title: 'Alpha Gamma' }]);
    expect(found(entries, 'alpha beta')).toEqual(['1']);
    expect(found(entries, 'alpha gamma')).toEqual(['2']);
  });

  it('finds a title of letters outside ASCII only by its letters without accents', () => {
    const entries = indexEntries([{ title: 'Ωμέγα' }]);
    expect(found(entries, 'ωμεγα')).toEqual(['1']);
  });

  it('keeps each row its own title after a one-letter or empty first title outside ASCII', () => {
    expect(found(indexEntries([{ title: 'É' }, { title: 'Zoë' }]), 'zoe')).toEqual(['2']);
    expect(found(indexEntries([{ title: '' }, { title: 'Zoë' }]), 'zoe')).toEqual(['2']);
  });
});
