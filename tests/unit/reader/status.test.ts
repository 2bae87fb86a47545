/**
 * The reader's status line (entrypoints/content/reader/status.ts): which chapter, how it counts the
 * chapters, and the time left, from the work's facts and the words counted on the page. Expected
 * texts are written out here, worked by hand from the inputs.
 */
import { describe, expect, it, vi } from 'vitest';
import { statusText } from '../../../entrypoints/content/reader/status';
import type { Work } from '../../../lib/sites/types';

function work(facts: { current: number | null; words: number | null; posted: number | null; expected: number | null; listed: number }): Work {
  const chapterList = Array.from({ length: facts.listed }, (_, i) => ({
    number: i + 1,
    title: `Part ${i + 1}`,
    url: `https://archiveofourown.org/works/1/chapters/${100 + i}`,
  }));
  return {
    currentChapter: facts.current,
    chapterList,
    meta: { words: facts.words, chapters: facts.posted === null ? null : { posted: facts.posted, expected: facts.expected } },
  } as unknown as Work;
}

interface Reading {
  work: Work;
  oneShot?: boolean;
  /** The chapter number of each section on the page. */
  sectionNumbers?: number[];
  currentSection?: number;
  words?: number[] | null;
  wordsPerMinute?: number;
  chapterFraction?: () => number;
}

/** The status line for this reading: only the fields statusText reads, as an open reader has them. */
function statusOf(r: Reading): string | null {
  const reader = {
    work: r.work,
    story: { oneShot: r.oneShot ?? false, sections: (r.sectionNumbers ?? [1]).map((number) => ({ number })) },
    currentSection: r.currentSection ?? 0,
    words: r.words ?? null,
    settings: { wordsPerMinute: r.wordsPerMinute ?? 250 },
  } as unknown as Parameters<typeof statusText>[0];
  return statusText(reader, r.chapterFraction ?? (() => 0));
}

describe('the reader’s status line', () => {
  it('a chapter page of a work in progress: its number so far, time left in it and (estimated) in the work', () => {
    // 28,000 words over 14 chapters: 12 chapters after this one ≈ 24,000 words; half of 2,000 read at 200 wpm.
    const text = statusOf({
        work: work({ current: 2, words: 28_000, posted: 14, expected: null, listed: 14 }),
        sectionNumbers: [2],
        words: [2000],
        wordsPerMinute: 200,
        chapterFraction: () => 0.5,
      });
    expect(text).toBe('Chapter 2 of 14 so far · 5 min left in chapter · 2 h 5 min left in work');
  });

  it('before the words are counted: only the chapter, and nothing is measured', () => {
    const measure = vi.fn(() => 0.5);
    const text = statusOf({ work: work({ current: 2, words: 28_000, posted: 14, expected: null, listed: 14 }), sectionNumbers: [2], chapterFraction: measure });
    expect(text).toBe('Chapter 2 of 14 so far');
    expect(measure).not.toHaveBeenCalled();
  });

  it('the Entire Work: the section being read, its total, and the counted words after it', () => {
    // A quarter of 3,000 words read at 300 wpm: 2,250 left (8 min); then 2,000 more (4,250: 15 min).
    const text = statusOf({
        work: work({ current: null, words: 6000, posted: 3, expected: 3, listed: 3 }),
        sectionNumbers: [1, 2, 3],
        currentSection: 1,
        words: [1000, 3000, 2000],
        wordsPerMinute: 300,
        chapterFraction: () => 0.25,
      });
    expect(text).toBe('Chapter 2 of 3 · 8 min left in chapter · 15 min left in work');
  });

  it('the last section of the Entire Work has no work time beyond the chapter’s own', () => {
    const text = statusOf({
        work: work({ current: null, words: 6000, posted: 3, expected: 3, listed: 3 }),
        sectionNumbers: [1, 2, 3],
        currentSection: 2,
        words: [1000, 3000, 2000],
        wordsPerMinute: 400,
        chapterFraction: () => 0,
      });
    expect(text).toBe('Chapter 3 of 3 · 5 min left in chapter · 5 min left in work');
  });

  it('a one-shot: no chapter, just the time left', () => {
    const text = statusOf({ work: work({ current: null, words: 900, posted: 1, expected: 1, listed: 0 }), oneShot: true, words: [900], chapterFraction: () => 0 });
    expect(text).toBe('4 min left');
  });

  it('no current section: nothing to say', () => {
    expect(statusOf({ work: work({ current: 1, words: 10, posted: 1, expected: 1, listed: 1 }), currentSection: 3 })).toBeNull();
  });
});
