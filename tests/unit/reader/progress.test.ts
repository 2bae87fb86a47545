import { describe, expect, it } from 'vitest';
import {
  estimateWordsAfter,
  formatMinutes,
  fractionRead,
  scrollFraction,
  sectionAt,
  sectionAtLazy,
  timeLeft,
  whereYouAre,
} from '../../../lib/reader/progress';

describe('scrollFraction', () => {
  it('is the share of the scrollable distance travelled', () => {
    expect(scrollFraction(0, 3000, 1000)).toBe(0);
    expect(scrollFraction(1000, 3000, 1000)).toBe(0.5);
    expect(scrollFraction(2000, 3000, 1000)).toBe(1);
  });
  it('clamps overscroll and is complete when nothing scrolls', () => {
    expect(scrollFraction(-50, 3000, 1000)).toBe(0);
    expect(scrollFraction(2500, 3000, 1000)).toBe(1);
    expect(scrollFraction(0, 800, 1000)).toBe(1);
  });
});

describe('fractionRead', () => {
  it('is 0 before the block reaches the top of the view', () => {
    expect(fractionRead(300, 5000, 1000)).toBe(0);
    expect(fractionRead(0, 5000, 1000)).toBe(0);
  });
  it('grows as the block scrolls past, and is 1 once its end is in view', () => {
    expect(fractionRead(-2000, 5000, 1000)).toBe(0.5);
    expect(fractionRead(-4000, 5000, 1000)).toBe(1);
    expect(fractionRead(-4500, 5000, 1000)).toBe(1);
  });
  it('is 1 for a block that fits the view whole', () => {
    expect(fractionRead(100, 500, 1000)).toBe(1);
    expect(fractionRead(-10, 500, 1000)).toBe(1);
  });
});

describe('sectionAt', () => {
  const tops = [-5000, -1200, 150, 4000];
  it('finds the last section whose top has reached the line', () => {
    expect(sectionAt(tops, 200)).toBe(2);
    expect(sectionAt(tops, 100)).toBe(1);
    expect(sectionAt(tops, -6000)).toBe(0);
    expect(sectionAt(tops, 10_000)).toBe(3);
  });
  it('handles no sections', () => {
    expect(sectionAt([], 0)).toBe(0);
  });
  it('reads only log2(n) tops in the lazy form', () => {
    const many = Array.from({ length: 1024 }, (_, i) => i * 100 - 50_000);
    let reads = 0;
    const index = sectionAtLazy(many.length, (i) => (reads++, many[i] ?? Infinity), 0);
    expect(index).toBe(sectionAt(many, 0));
    expect(index).toBe(500);
    expect(reads).toBeLessThanOrEqual(11);
  });
});

describe('estimateWordsAfter', () => {
  it('uses the average chapter length for the chapters still to come', () => {
    expect(estimateWordsAfter({ workWords: 70_000, postedChapters: 14, chapterNumber: 2 })).toBe(60_000);
    expect(estimateWordsAfter({ workWords: 70_000, postedChapters: 14, chapterNumber: 14 })).toBe(0);
  });
  it('is unknown without the work length, chapter count or position', () => {
    expect(estimateWordsAfter({ workWords: null, postedChapters: 14, chapterNumber: 2 })).toBeNull();
    expect(estimateWordsAfter({ workWords: 1000, postedChapters: 0, chapterNumber: 1 })).toBeNull();
    expect(estimateWordsAfter({ workWords: 1000, postedChapters: null, chapterNumber: 1 })).toBeNull();
    expect(estimateWordsAfter({ workWords: 1000, postedChapters: 3, chapterNumber: null })).toBeNull();
  });
  it('never goes negative for a chapter beyond the count', () => {
    expect(estimateWordsAfter({ workWords: 1000, postedChapters: 3, chapterNumber: 5 })).toBe(0);
  });
});

describe('timeLeft', () => {
  it('counts what is left of the chapter and the work, rounding up', () => {
    expect(timeLeft({ chapterWords: 5000, chapterFraction: 0, wordsAfterChapter: 60_000, wordsPerMinute: 250 })).toEqual({
      chapter: 20,
      work: 260,
    });
    expect(timeLeft({ chapterWords: 5000, chapterFraction: 0.5, wordsAfterChapter: 0, wordsPerMinute: 250 })).toEqual({
      chapter: 10,
      work: 10,
    });
    expect(timeLeft({ chapterWords: 100, chapterFraction: 0.9, wordsAfterChapter: null, wordsPerMinute: 250 })).toEqual({
      chapter: 1,
      work: null,
    });
  });
  it('is 0 at the end of a chapter, and survives bad input', () => {
    expect(timeLeft({ chapterWords: 5000, chapterFraction: 1, wordsAfterChapter: 0, wordsPerMinute: 250 }).chapter).toBe(0);
    expect(timeLeft({ chapterWords: -5, chapterFraction: NaN, wordsAfterChapter: -1, wordsPerMinute: 0 })).toEqual({
      chapter: 0,
      work: 0,
    });
  });
});

describe('formatMinutes', () => {
  it.each([
    [0, '0 min'],
    [0.2, '1 min'],
    [1, '1 min'],
    [59, '59 min'],
    [60, '1 h'],
    [61, '1 h 1 min'],
    [245, '4 h 5 min'],
  ])('%d → %s', (minutes, text) => {
    expect(formatMinutes(minutes)).toBe(text);
  });
});

describe('whereYouAre', () => {
  it('says chapter and time for a chaptered work', () => {
    expect(
      whereYouAre({ chapterNumber: 2, chapterCount: 14, chapterTotal: 14, time: { chapter: 9, work: 280 }, oneChapter: false }),
    ).toBe('Chapter 2 of 14 · 9 min left in chapter · 4 h 40 min left in work');
  });
  it('leaves out what is unknown', () => {
    expect(whereYouAre({ chapterNumber: 2, chapterCount: null, chapterTotal: null, time: null, oneChapter: false })).toBe('Chapter 2');
    expect(whereYouAre({ chapterNumber: 3, chapterCount: 5, chapterTotal: null, time: { chapter: 4, work: null }, oneChapter: false })).toBe(
      'Chapter 3 of 5 so far · 4 min left in chapter',
    );
  });
  it('says only the time left for a one-shot', () => {
    expect(whereYouAre({ chapterNumber: null, chapterCount: 1, chapterTotal: 1, time: { chapter: 12, work: 12 }, oneChapter: true })).toBe(
      '12 min left',
    );
  });
});
