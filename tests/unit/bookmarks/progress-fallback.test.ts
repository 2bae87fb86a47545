/**
 * Restoring a place whose paragraph the page no longer has: only the chapter's own boxes are
 * measured (a measure of a paragraph that is not there would be a layout query on nothing).
 * A view 900 px tall with the reading line 100 px below its top.
 */
import { describe, expect, it } from 'vitest';
import { scrollDeltaLazy, type Box } from '../../../lib/bookmarks/progress';

const VIEW = 900;
const LINE = 100;
/** Three paragraphs of 500 px from 0 to 1500 px. */
const TOPS = [0, 500, 1000];

function measured(): { boxOf: (i: number) => Box; asked: number[] } {
  const asked: number[] = [];
  const boxOf = (i: number): Box => {
    if (!Number.isInteger(i) || i < 0 || i >= TOPS.length) throw new Error(`no paragraph ${String(i)}`);
    asked.push(i);
    return { top: TOPS[i]!, height: 500 };
  };
  return { boxOf, asked };
}

describe('a saved paragraph the page no longer has', () => {
  it('scrolls by the chapter progress, measuring only the first and last paragraphs', () => {
    // 0 + 0.25 × (1500 − 800) − 100 = 75
    for (const paragraph of [null, -1, 0.5, 3]) {
      const { boxOf, asked } = measured();
      expect(scrollDeltaLazy(TOPS.length, boxOf, { paragraph, offset: 0.5, progress: 0.25 }, LINE, VIEW)).toBe(75);
      expect(asked).toEqual([0, 2]);
    }
  });

  it('uses the paragraph when it is there: paragraph 2 a fifth in is 1,000 px down', () => {
    // 1000 + 0.2 × 500 − 100 = 1000
    const { boxOf, asked } = measured();
    expect(scrollDeltaLazy(TOPS.length, boxOf, { paragraph: 2, offset: 0.2, progress: 0.25 }, LINE, VIEW)).toBe(1000);
    expect(asked).toEqual([2]);
  });
});
