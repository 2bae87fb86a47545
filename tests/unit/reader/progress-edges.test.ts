/**
 * The reader's arithmetic at its edges: each case below is one a mutation test (npm run mutate)
 * showed no test held: nothing to scroll, a toolbar of infinite height, an empty block, a block
 * exactly as tall as the view, a lazy top read past the end, impossible work lengths, and the
 * status line of a one-shot or of a page whose chapter number is unknown.
 */
import { describe, expect, it } from 'vitest';
import { estimateWordsAfter, formatMinutes, fractionRead, scrollFraction, sectionAtLazy, whereYouAre } from '../../../lib/reader/progress';

describe('scroll and block fractions at their edges', () => {
  it('a page exactly as tall as the view is read to its end', () => {
    expect(scrollFraction(0, 900, 900)).toBe(1);
  });

  it('a toolbar height that is not a finite number covers nothing', () => {
    expect(fractionRead(100, 1000, 900, Infinity)).toBe(0);
    expect(fractionRead(100, 1000, 900, Number.NaN)).toBe(0);
  });

  it('an empty block below the top is not read; a block that just fits the view is', () => {
    expect(fractionRead(100, 0, 900)).toBe(0);
    expect(fractionRead(0, 0, 900)).toBe(0);
    expect(fractionRead(100, 800, 900)).toBe(1);
  });

  it('a block exactly as tall as the view, scrolled into, is read', () => {
    expect(fractionRead(-100, 900, 900)).toBe(1);
  });

  it('the lazy section search never reads a top past the last section', () => {
    const tops = [0, 100, 200];
    const topOf = (i: number) => {
      if (i < 0 || i >= tops.length) throw new Error(`no section ${i}`);
      return tops[i]!;
    };
    expect(sectionAtLazy(tops.length, topOf, 1000)).toBe(2);
    expect(sectionAtLazy(tops.length, topOf, 150)).toBe(1);
  });
});

describe('words after the chapter, for lengths that cannot be', () => {
  it('a negative or unknown length gives no estimate; a length of 0 gives 0', () => {
    expect(estimateWordsAfter({ workWords: -5, postedChapters: 3, chapterNumber: 1 })).toBeNull();
    expect(estimateWordsAfter({ workWords: Number.NaN, postedChapters: 3, chapterNumber: 1 })).toBeNull();
    expect(estimateWordsAfter({ workWords: 0, postedChapters: 3, chapterNumber: 1 })).toBe(0);
  });

  it('a chapter count below 1 gives no estimate; one chapter read in a one-chapter work leaves 0', () => {
    expect(estimateWordsAfter({ workWords: 1000, postedChapters: -2, chapterNumber: 1 })).toBeNull();
    expect(estimateWordsAfter({ workWords: 1000, postedChapters: 0.5, chapterNumber: 1 })).toBeNull();
    expect(estimateWordsAfter({ workWords: 1000, postedChapters: 1, chapterNumber: 1 })).toBe(0);
  });
});

describe('minutes and the status line at their edges', () => {
  it('negative or unknown minutes read as 0 min', () => {
    expect(formatMinutes(-5)).toBe('0 min');
    expect(formatMinutes(Number.NaN)).toBe('0 min');
  });

  it('a one-shot says only its time, even when a chapter number is known', () => {
    expect(whereYouAre({ chapterNumber: 1, chapterCount: 1, chapterTotal: 1, time: { chapter: 5, work: 5 }, oneChapter: true })).toBe('5 min left');
  });

  it('a chaptered page whose chapter number is unknown says only the times', () => {
    expect(whereYouAre({ chapterNumber: null, chapterCount: 14, chapterTotal: null, time: { chapter: 9, work: 280 }, oneChapter: false })).toBe(
      '9 min left in chapter · 4 h 40 min left in work',
    );
  });
});
