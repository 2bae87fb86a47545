/**
 * Saving and restoring a place at its edges: each case is one a mutation run of
 * lib/bookmarks/progress.ts (npm run mutate) showed no test held. Figures worked out by hand:
 * a view 900 px tall with the reading line 100 px below its top.
 */
import { describe, expect, it } from 'vitest';
import { anchorAt, anchorAtLazy, chapterProgress, samePlace, scrollDelta, type Box } from '../../../lib/bookmarks/progress';

const VIEW = 900;
const LINE = 100;
/** A chapter from -200 to 1800 px: five paragraphs of 400 px. */
const CHAPTER: Box[] = [-200, 200, 600, 1000, 1400].map((top) => ({ top, height: 400 }));

describe('chapter progress at its edges', () => {
  it('is 0 while the chapter has not reached the line, even a chapter shorter than the view', () => {
    expect(chapterProgress(500, 100, LINE, VIEW)).toBe(0);
    expect(chapterProgress(LINE, 100, LINE, VIEW)).toBe(0);
  });

  it('counts the travel from the line to the end in view: 100 of 1,200 px', () => {
    expect(chapterProgress(0, 2000, LINE, VIEW)).toBeCloseTo(100 / 1200, 10);
  });

  it('is 1 once a chapter that just fits below the line has started', () => {
    expect(chapterProgress(0, 800, LINE, VIEW)).toBe(1);
  });
});

describe('the anchor at the line', () => {
  it("the chapter's progress counts from its own top: 300 of 1,200 px read", () => {
    expect(anchorAt(CHAPTER, LINE, VIEW)).toEqual({ paragraph: 0, offset: 0.75, progress: 0.25 });
  });

  it('never reads a paragraph past the last, with the whole chapter above the line', () => {
    const above = CHAPTER.map((box) => ({ ...box, top: box.top - 2000 }));
    const boxOf = (i: number) => {
      if (i < 0 || i >= above.length) throw new Error(`no paragraph ${i}`);
      return above[i]!;
    };
    expect(anchorAtLazy(above.length, boxOf, LINE, VIEW)).toEqual({ paragraph: 4, offset: 1, progress: 1 });
  });
});

describe('scrolling back to a saved place', () => {
  it('by paragraph when it exists: paragraph 0 halfway is 0 px from the line', () => {
    expect(scrollDelta(CHAPTER, { paragraph: 0, offset: 0.5, progress: 0.9 }, LINE, VIEW)).toBe(-200 + 200 - LINE);
  });

  it('by the chapter progress when the paragraph is not a paragraph of the page', () => {
    // -200 + 0.5 × (2000 − 800) − 100 = 300
    for (const paragraph of [null, -1, 1.5, CHAPTER.length]) {
      expect(scrollDelta(CHAPTER, { paragraph, offset: 0.5, progress: 0.5 }, LINE, VIEW)).toBe(300);
    }
  });
});

describe('the same place', () => {
  it('offsets exactly the tolerance apart are the same place', () => {
    expect(samePlace({ chapter: 1, paragraph: 3, offset: 0.25 }, { chapter: 1, paragraph: 3, offset: 0.5 }, 0.25)).toBe(true);
    expect(samePlace({ chapter: 1, paragraph: 3, offset: 0.25 }, { chapter: 1, paragraph: 3, offset: 0.5 }, 0.24)).toBe(false);
  });
});
