/**
 * The reader's arithmetic across its parameters: several reading speeds, reading lines away from the
 * top, chapter fractions and chapter positions. Every expected value is worked out by hand here.
 */
import { describe, expect, it } from 'vitest';
import { estimateWordsAfter, fractionRead, scrollFraction, sectionAt, sectionAtLazy, timeLeft } from '../../../lib/reader/progress';

describe('timeLeft at several reading speeds', () => {
  // 3,000-word chapter, 40% read: 1,800 words left; 12,000 words after it.
  it.each([
    [100, 18, 138],
    [200, 9, 69],
    [238, 8, 58], // 1800/238 = 7.56 → 8; 13,800/238 = 57.98 → 58
    [250, 8, 56], // 7.2 → 8; 55.2 → 56
    [400, 5, 35], // 4.5 → 5; 34.5 → 35
    [1000, 2, 14], // 1.8 → 2; 13.8 → 14
  ])('%i words a minute: %i min in the chapter, %i in the work', (wordsPerMinute, chapter, work) => {
    expect(timeLeft({ chapterWords: 3000, chapterFraction: 0.4, wordsAfterChapter: 12000, wordsPerMinute })).toEqual({ chapter, work });
  });

  it('falls back to 250 words a minute for a speed that is not positive', () => {
    for (const wordsPerMinute of [0, -10, Number.NaN]) {
      expect(timeLeft({ chapterWords: 1000, chapterFraction: 0, wordsAfterChapter: null, wordsPerMinute })).toEqual({ chapter: 4, work: null });
    }
  });

  it('rounds a few words left up to a minute, and a finished chapter to 0', () => {
    expect(timeLeft({ chapterWords: 1000, chapterFraction: 0.999, wordsAfterChapter: 0, wordsPerMinute: 300 })).toEqual({ chapter: 1, work: 1 });
    expect(timeLeft({ chapterWords: 1000, chapterFraction: 1, wordsAfterChapter: 0, wordsPerMinute: 300 })).toEqual({ chapter: 0, work: 0 });
    expect(timeLeft({ chapterWords: 1000, chapterFraction: 1, wordsAfterChapter: 601, wordsPerMinute: 300 })).toEqual({ chapter: 0, work: 3 });
  });

  it('clamps fractions outside 0..1', () => {
    expect(timeLeft({ chapterWords: 900, chapterFraction: -0.5, wordsAfterChapter: null, wordsPerMinute: 300 }).chapter).toBe(3);
    expect(timeLeft({ chapterWords: 900, chapterFraction: 1.5, wordsAfterChapter: null, wordsPerMinute: 300 }).chapter).toBe(0);
  });
});

describe('estimateWordsAfter at several chapter positions', () => {
  // 14 posted chapters, 70,000 words: 5,000 a chapter on average.
  it.each([
    [1, 65000],
    [7, 35000],
    [13, 5000],
    [14, 0],
    [20, 0],
  ])('chapter %i of 14: %i words after it', (chapterNumber, words) => {
    expect(estimateWordsAfter({ workWords: 70000, postedChapters: 14, chapterNumber })).toBe(words);
  });

  it('is unknown without the work’s length, its chapters or the chapter being read', () => {
    expect(estimateWordsAfter({ workWords: null, postedChapters: 14, chapterNumber: 2 })).toBeNull();
    expect(estimateWordsAfter({ workWords: 70000, postedChapters: null, chapterNumber: 2 })).toBeNull();
    expect(estimateWordsAfter({ workWords: 70000, postedChapters: 0, chapterNumber: 2 })).toBeNull();
    expect(estimateWordsAfter({ workWords: 70000, postedChapters: 14, chapterNumber: null })).toBeNull();
    expect(estimateWordsAfter({ workWords: 70000, postedChapters: 14, chapterNumber: 0 })).toBeNull();
  });
});

describe('sectionAt with the reading line away from the top', () => {
  const tops = [-2400, -900, 150, 1300];
  it.each([
    [0, 1], // the line at the top: the second section has started, the third not yet
    [149, 1],
    [150, 2], // exactly at a section's top: that section
    [200, 2],
    [1299, 2],
    [1300, 3],
    [-3000, 0], // above every top: the first
  ])('line %i → section %i', (line, section) => {
    expect(sectionAt(tops, line)).toBe(section);
    expect(sectionAtLazy(tops.length, (i) => tops[i]!, line)).toBe(section);
  });
});

describe('fractionRead and scrollFraction', () => {
  it.each([
    // top, height, viewport → fraction
    [0, 500, 800, 1], // short block fully in view
    [10, 2000, 800, 0], // below the top of the view: not started
    [-600, 2000, 800, 0.5], // travel 1200: half way
    [-1200, 2000, 800, 1],
    [-1500, 2000, 800, 1], // scrolled past: clamped
    [-100, 700, 800, 1], // shorter than the view: read once its top has passed
  ])('top %i, height %i, view %i: %f', (top, height, viewport, fraction) => {
    expect(fractionRead(top, height, viewport)).toBeCloseTo(fraction, 10);
  });

  it.each([
    [0, 3000, 1000, 0],
    [500, 3000, 1000, 0.25],
    [2000, 3000, 1000, 1],
    [2500, 3000, 1000, 1],
    [0, 900, 1000, 1], // nothing scrolls
  ])('scrollTop %i of %i in %i: %f', (scrollTop, scrollHeight, viewport, fraction) => {
    expect(scrollFraction(scrollTop, scrollHeight, viewport)).toBeCloseTo(fraction, 10);
  });
});
