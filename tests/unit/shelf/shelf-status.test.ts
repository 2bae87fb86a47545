/**
 * The shelf's status filter (issue 16 friction 7) over the popup's index entries: it reads each
 * row's status and new chapters and builds no bookmark; record entries give the same answers.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { filterEntries, shelfEntry, sortEntries, type ShelfStatusFilter } from '../../../lib/bookmarks/shelf';
import type { Bookmark, BookmarkStatus } from '../../../lib/bookmarks/types';
import * as codec from '../../../lib/bookmarks/shelf-index-codec';
import { decodeShelfIndex } from '../../../lib/bookmarks/shelf-index-entries';
import { makeBookmark } from '../storage/helpers';

vi.mock('../../../lib/bookmarks/shelf-index-codec', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../lib/bookmarks/shelf-index-codec')>();
  return { ...actual, bookmarkAt: vi.fn(actual.bookmarkAt) };
});
// Test files that share a worker (the mutation run) must not import the modules loaded here, mocked.
afterAll(() => {
  vi.doUnmock('../../../lib/bookmarks/shelf-index-codec');
  vi.resetModules();
});

const STATUSES: BookmarkStatus[] = ['reading', 'finished', 'later'];
const many: Bookmark[] = Array.from({ length: 3000 }, (_, i) =>
  makeBookmark({
    workId: String(i + 1),
    title: `Work ${i + 1}`,
    status: STATUSES[i % 3]!,
    newChapters: i % 7 === 0 ? (i % 4) + 1 : 0,
    readAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
  }),
);
const expected = (show: ShelfStatusFilter) =>
  many
    .filter((b) => (show === 'all' ? true : show === 'new' ? b.newChapters > 0 : b.status === show))
    .map((b) => b.workId)
    .sort();

describe('the status filter over the shelf index', () => {
  it.each<ShelfStatusFilter>(['all', 'reading', 'new', 'finished', 'later'])('%s: the matching rows, no bookmark built', (show) => {
    const entries = decodeShelfIndex(codec.encodeShelfIndex(many))!;
    vi.mocked(codec.bookmarkAt).mockClear();
    const found = filterEntries(entries, { search: '', status: show });
    expect(found.map((e) => e.workId).sort()).toEqual(expected(show));
    expect(found.every((e) => show === 'all' || (show === 'new' ? e.newChapters > 0 : e.status === show))).toBe(true);
    expect(codec.bookmarkAt).not.toHaveBeenCalled();
  });

  it('filters 10,000 index entries well within a keystroke', () => {
    const big = Array.from({ length: 10_000 }, (_, i) => ({ ...many[i % many.length]!, workId: String(i + 1) }));
    const entries = decodeShelfIndex(codec.encodeShelfIndex(big))!;
    let start = performance.now();
    const found = filterEntries(entries, { search: '', status: 'finished' });
    const first = performance.now() - start;
    start = performance.now();
    filterEntries(entries, { search: '', status: 'new' });
    const again = performance.now() - start;
    console.info(`[shelf] status filter over 10,000 index entries: ${first.toFixed(1)} ms first, ${again.toFixed(1)} ms again`);
    expect(found.length).toBe(big.filter((b) => b.status === 'finished').length);
    expect(codec.bookmarkAt).not.toHaveBeenCalled();
  });

  it('"new chapters first" sorts from the rows too; a built bookmark agrees with its row', () => {
    const entries = decodeShelfIndex(codec.encodeShelfIndex(many))!;
    vi.mocked(codec.bookmarkAt).mockClear();
    const sorted = sortEntries(entries, 'new');
    expect(sorted.slice(0, expected('new').length).every((e) => e.newChapters > 0)).toBe(true);
    expect(codec.bookmarkAt).not.toHaveBeenCalled();
    const entry = sorted[0]!;
    expect([entry.bookmark.status, entry.bookmark.newChapters]).toEqual([entry.status, entry.newChapters]);
  });

  it('record entries filter the same way', () => {
    const entries = many.map(shelfEntry);
    for (const show of ['reading', 'new', 'finished', 'later'] as const) {
      expect(filterEntries(entries, { search: '', status: show }).map((e) => e.workId).sort()).toEqual(expected(show));
    }
    const withSearch = filterEntries(entries, { search: 'work 21', status: 'new' }).map((e) => e.workId);
    expect(withSearch.length).toBeGreaterThan(0);
    expect(withSearch.sort()).toEqual(expected('new').filter((id) => id.includes('21')));
  });
});
