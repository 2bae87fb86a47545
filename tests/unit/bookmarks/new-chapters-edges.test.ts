import { describe, expect, it } from 'vitest';
import { detectNewChapters } from '../../../lib/bookmarks/merge';
import { makeBookmark } from '../storage/helpers';

/** What a page's chapter count teaches a bookmark, at the edges of the counts and totals. */
const seen = (posted: number, expected: number | null) => ({ chapters: { posted, expected } });

describe('detectNewChapters: the posted count', () => {
  it('ignores a page that shows no chapter posted', () => {
    const b = makeBookmark({ chapter: 2, chapterCount: 5, chapterTotal: null });
    expect(detectNewChapters(b, seen(0, null))).toBeNull();
    expect(detectNewChapters(b, seen(-1, null))).toBeNull();
    expect(detectNewChapters(b, seen(2.5, null))).toBeNull();
  });

  it('follows a work cut down to a single chapter', () => {
    const b = makeBookmark({ chapter: 1, chapterCount: 3, chapterTotal: null, newChapters: 2 });
    expect(detectNewChapters(b, seen(1, null))).toEqual({ chapterCount: 1, newChapters: 0 });
  });

  it('keeps the unread count when the chapters deleted were already counted as read', () => {
    // On chapter 2 of 7 with 3 new: one chapter deleted leaves 4 after the reader's, still at least 3.
    const b = makeBookmark({ chapter: 2, chapterCount: 7, newChapters: 3, chapterTotal: null });
    expect(detectNewChapters(b, seen(6, null))).toEqual({ chapterCount: 6 });
  });

  it('never counts fewer chapters than the one the reader is on', () => {
    const b = makeBookmark({ chapter: 4, chapterCount: 6, newChapters: 2, chapterTotal: null });
    expect(detectNewChapters(b, seen(3, null))).toEqual({ chapterCount: 4, newChapters: 0 });
  });
});

describe('detectNewChapters: the planned total', () => {
  it('takes a planned total of one chapter', () => {
    const b = makeBookmark({ chapter: 1, chapterCount: 1, chapterTotal: null });
    expect(detectNewChapters(b, seen(1, 1))).toEqual({ chapterTotal: 1 });
  });

  it('ignores a planned total that is not a whole number of at least one', () => {
    const b = makeBookmark({ chapterCount: 5, chapterTotal: null });
    expect(detectNewChapters(b, seen(5, 0))).toBeNull();
    expect(detectNewChapters(b, seen(5, -3))).toBeNull();
    expect(detectNewChapters(b, seen(5, 7.5))).toBeNull();
  });

  it('leaves out a total that did not change while the count did', () => {
    const b = makeBookmark({ chapter: 2, chapterCount: 5, chapterTotal: 9, newChapters: 0 });
    expect(detectNewChapters(b, seen(6, 9))).toEqual({ chapterCount: 6, newChapters: 1 });
  });
});
