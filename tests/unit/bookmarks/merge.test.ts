import { describe, expect, it } from 'vitest';
import {
  compareBookmarksById,
  compareBookmarksByReadAt,
  compareWorkIds,
  detectNewChapters,
  mergeBookmark,
  mergeBookmarkLists,
} from '../../../lib/bookmarks/merge';
import { jsonEqual } from '../../../lib/check';
import { makeBookmark } from '../storage/helpers';

const OLD = '2026-01-01T00:00:00.000Z';
const NEW = '2026-06-01T00:00:00.000Z';

describe('mergeBookmark: the newest readAt wins', () => {
  it('takes the incoming copy when it was read later', () => {
    const existing = makeBookmark({ readAt: OLD, chapter: 1 });
    const incoming = makeBookmark({ readAt: NEW, chapter: 4 });
    expect(mergeBookmark(existing, incoming)).toEqual(incoming);
  });

  it('keeps the existing copy when it was read later or at the same time', () => {
    const existing = makeBookmark({ readAt: NEW, chapter: 4 });
    expect(mergeBookmark(existing, makeBookmark({ readAt: OLD, chapter: 1 }))).toBe(existing);
    expect(mergeBookmark(existing, makeBookmark({ readAt: NEW, chapter: 1 }))).toBe(existing);
  });

  it('compares instants, not strings (time zones)', () => {
    const existing = makeBookmark({ readAt: '2026-06-01T10:00:00.000Z' });
    const incoming = makeBookmark({ readAt: '2026-06-01T11:30:00+02:00', chapter: 5 }); // 09:30Z: older
    expect(mergeBookmark(existing, incoming)).toBe(existing);
  });

  it('keeps the earlier addedAt', () => {
    const existing = makeBookmark({ addedAt: '2025-01-01T00:00:00.000Z', readAt: OLD });
    const incoming = makeBookmark({ addedAt: '2025-12-01T00:00:00.000Z', readAt: NEW });
    expect(mergeBookmark(existing, incoming)).toEqual({ ...incoming, addedAt: '2025-01-01T00:00:00.000Z' });
  });

  it('takes an incoming bookmark of a new work as it is', () => {
    const incoming = makeBookmark();
    expect(mergeBookmark(undefined, incoming)).toBe(incoming);
  });
});

describe('mergeBookmarkLists', () => {
  it('adds, updates and leaves alone, per site+workId', () => {
    const a = makeBookmark({ workId: '1', readAt: OLD });
    const b = makeBookmark({ workId: '2', readAt: NEW });
    const c = makeBookmark({ site: 'ffn', workId: '1', readAt: OLD });
    const result = mergeBookmarkLists(
      [a, b],
      [makeBookmark({ workId: '1', readAt: NEW, chapter: 5 }), makeBookmark({ workId: '2', readAt: OLD }), c],
      jsonEqual,
    );
    expect(result.added).toEqual([c]);
    expect(result.updated).toEqual([makeBookmark({ workId: '1', readAt: NEW, chapter: 5 })]);
    expect(result.unchanged).toBe(1);
    expect([...result.merged.keys()].sort()).toEqual(['ao3:1', 'ao3:2', 'ffn:1']);
  });
});

describe('ordering', () => {
  it('orders numeric work ids by value, then others', () => {
    expect(['10', '9', 'abc', '100', '09'].sort(compareWorkIds)).toEqual(['09', '9', '10', '100', 'abc']);
  });
  it('orders by site then id, and by readAt newest first', () => {
    const x = makeBookmark({ site: 'ffn', workId: '1', readAt: NEW });
    const y = makeBookmark({ site: 'ao3', workId: '20', readAt: OLD });
    const z = makeBookmark({ site: 'ao3', workId: '3', readAt: OLD });
    expect([x, y, z].sort(compareBookmarksById)).toEqual([z, y, x]);
    expect([z, y, x].sort(compareBookmarksByReadAt)).toEqual([x, z, y]);
  });
});

describe('detectNewChapters', () => {
  const seen = (posted: number, expected: number | null) => ({ chapters: { posted, expected } });

  it('counts chapters posted since the bookmark last saw the work', () => {
    const b = makeBookmark({ chapter: 5, chapterCount: 5, chapterTotal: null, newChapters: 0 });
    expect(detectNewChapters(b, seen(7, null))).toEqual({ chapterCount: 7, newChapters: 2 });
  });

  it('adds to new chapters not yet read', () => {
    const b = makeBookmark({ chapter: 3, chapterCount: 6, newChapters: 1, chapterTotal: 10 });
    expect(detectNewChapters(b, seen(8, 10))).toEqual({ chapterCount: 8, newChapters: 3 });
  });

  it('follows the planned total, including to unknown', () => {
    const b = makeBookmark({ chapterCount: 5, chapterTotal: 5 });
    expect(detectNewChapters(b, seen(5, null))).toEqual({ chapterTotal: null });
    expect(detectNewChapters(makeBookmark({ chapterCount: 5, chapterTotal: null }), seen(5, 8))).toEqual({
      chapterTotal: 8,
    });
  });

  it('shrinks when chapters were deleted', () => {
    const b = makeBookmark({ chapter: 4, chapterCount: 7, newChapters: 3, chapterTotal: null });
    expect(detectNewChapters(b, seen(5, null))).toEqual({ chapterCount: 5, newChapters: 1 });
  });

  it('returns null when nothing changed or the page did not say', () => {
    const b = makeBookmark({ chapterCount: 5, chapterTotal: null });
    expect(detectNewChapters(b, seen(5, null))).toBeNull();
    expect(detectNewChapters(b, { chapters: null })).toBeNull();
  });
});
