import { describe, expect, it } from 'vitest';
import {
  anchorAt,
  anchorAtLazy,
  chapterProgress,
  samePlace,
  scrollDelta,
  type Box,
} from '../../../lib/bookmarks/progress';

/** Paragraph boxes laid out one under another from `start` (viewport coordinates), with a gap. */
function layout(heights: readonly number[], start: number, gap = 10): Box[] {
  const boxes: Box[] = [];
  let top = start;
  for (const height of heights) {
    boxes.push({ top, height });
    top += height + gap;
  }
  return boxes;
}

/** The same paragraphs after a font-size or column-width change: every height scaled. */
const relayout = (heights: readonly number[], scale: number, start: number) =>
  layout(
    heights.map((h) => h * scale),
    start,
    10 * scale,
  );

const HEIGHTS = [40, 120, 80, 300, 60, 200, 90, 45, 160, 70];

describe('anchorAt: the paragraph at the reading line', () => {
  it('finds the paragraph the line falls in and how far into it', () => {
    const boxes = layout(HEIGHTS, -500); // scrolled 500px into the chapter
    // Tops: -500, -450, -320, -230, 80 … the line (0) is inside paragraph 3 (-230 .. 70).
    const anchor = anchorAt(boxes, 0, 800);
    expect(anchor?.paragraph).toBe(3);
    expect(anchor?.offset).toBeCloseTo(230 / 300, 10);
  });

  it('a line in the gap between two paragraphs anchors at the start of the next one', () => {
    const boxes = layout([100, 100], -105); // first: -105..-5, gap, second: 5..105
    expect(anchorAt(boxes, 0, 800)).toMatchObject({ paragraph: 1, offset: 0 });
  });

  it('before the chapter: paragraph 0, offset 0, progress 0', () => {
    expect(anchorAt(layout(HEIGHTS, 300), 0, 800)).toEqual({ paragraph: 0, offset: 0, progress: 0 });
  });

  it('past the chapter: the last paragraph, fully read', () => {
    const boxes = layout(HEIGHTS, -5000);
    expect(anchorAt(boxes, 0, 800)).toEqual({ paragraph: HEIGHTS.length - 1, offset: 1, progress: 1 });
  });

  it('no paragraph, no anchor', () => {
    expect(anchorAt([], 0, 800)).toBeNull();
    expect(anchorAtLazy(0, () => ({ top: 0, height: 0 }), 0, 800)).toBeNull();
  });

  it('skips paragraphs with no height (hidden) and survives bad numbers', () => {
    const boxes: Box[] = [
      { top: -200, height: 100 },
      { top: -90, height: 0 },
      { top: -90, height: 200 },
    ];
    expect(anchorAt(boxes, 0, 800)).toMatchObject({ paragraph: 2, offset: 90 / 200 });
    const broken = anchorAt([{ top: Number.NaN, height: Number.NaN }], 0, 800);
    expect(broken).not.toBeNull();
    expect(Number.isFinite(broken!.offset) && Number.isFinite(broken!.progress)).toBe(true);
  });

  it('reads only about log₂ n boxes', () => {
    const boxes = layout(
      Array.from({ length: 4096 }, () => 50),
      -100_000,
    );
    let reads = 0;
    const anchor = anchorAtLazy(boxes.length, (i) => (reads++, boxes[i]!), 0, 800);
    expect(anchor?.paragraph).toBe(Math.floor(100_000 / 60));
    expect(reads).toBeLessThan(20);
  });
});

describe('chapterProgress', () => {
  it('is 0 until the chapter reaches the line, 1 once its end is in view', () => {
    expect(chapterProgress(100, 5000, 0, 800)).toBe(0);
    expect(chapterProgress(0, 5000, 0, 800)).toBe(0);
    expect(chapterProgress(-2100, 5000, 0, 800)).toBeCloseTo(0.5, 10);
    expect(chapterProgress(-4200, 5000, 0, 800)).toBe(1);
    expect(chapterProgress(-10, 300, 0, 800)).toBe(1); // shorter than the view
  });
});

describe('scrollDelta: resume is the inverse of anchorAt', () => {
  it.each([
    ['the same layout', 1],
    ['a bigger font', 1.6],
    ['a smaller font / wider column', 0.7],
  ])('puts the saved place back at the line after %s', (_label, scale) => {
    const saved = anchorAt(layout(HEIGHTS, -777), 0, 800)!;
    // A fresh page (scrolled to the top) with a different layout.
    const fresh = relayout(HEIGHTS, scale, 150);
    const delta = scrollDelta(fresh, { paragraph: saved.paragraph, offset: saved.offset, progress: saved.progress }, 0, 800)!;
    // Scrolling by delta moves every box up by delta: the anchor is then at the line again.
    const after = fresh.map((b) => ({ top: b.top - delta, height: b.height }));
    const again = anchorAt(after, 0, 800)!;
    expect(again.paragraph).toBe(saved.paragraph);
    expect(again.offset).toBeCloseTo(saved.offset, 9);
  });

  it('falls back to the chapter progress when the paragraph is gone (chapter edited) or unknown', () => {
    const boxes = layout([500, 500, 500], 0, 0); // 0..1500, view 500 tall: travel 1000
    expect(scrollDelta(boxes, { paragraph: 9, offset: 0.5, progress: 0.5 }, 0, 500)).toBeCloseTo(500, 9);
    expect(scrollDelta(boxes, { paragraph: null, offset: 0, progress: 1 }, 0, 500)).toBeCloseTo(1000, 9);
    expect(scrollDelta([], { paragraph: 0, offset: 0, progress: 0 }, 0, 500)).toBeNull();
  });

  it('measures from the reading line', () => {
    const boxes = layout([100, 100], 300, 0);
    expect(scrollDelta(boxes, { paragraph: 1, offset: 0.5, progress: 0 }, 0, 800)).toBe(450);
    expect(scrollDelta(boxes, { paragraph: 1, offset: 0.5, progress: 0 }, 50, 800)).toBe(400);
  });
});

describe('samePlace', () => {
  it('ignores a twitch, not a new paragraph or chapter', () => {
    const a = { chapter: 2, paragraph: 5, offset: 0.5 };
    expect(samePlace(a, { ...a, offset: 0.51 })).toBe(true);
    expect(samePlace(a, { ...a, offset: 0.6 })).toBe(false);
    expect(samePlace(a, { ...a, paragraph: 6 })).toBe(false);
    expect(samePlace(a, { ...a, chapter: 3 })).toBe(false);
  });
});
