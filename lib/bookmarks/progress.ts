/**
 * Reading position, anchored to a paragraph. Pure arithmetic over boxes the caller measured.
 *
 * A position is "paragraph i of the chapter's story paragraphs, `offset` of the way into it, is at
 * the reading line" (the top of the view). Font size, column width and theme change every pixel
 * offset but not which paragraph the reader was in, so resuming from the paragraph lands on the
 * same words. `progress` (0..1 of the chapter) is kept for display and as a fallback when the
 * paragraph no longer exists (the creator edited the chapter).
 *
 * Boxes are in viewport coordinates (getBoundingClientRect), in document order; `line` is the
 * reading line in the same coordinates (0 = the top of the view).
 */

export interface Box {
  top: number;
  height: number;
}

export interface Anchor {
  /** Index among the chapter's story paragraphs. */
  paragraph: number;
  /** 0..1 inside that paragraph. */
  offset: number;
  /** 0..1 of the chapter: 0 before it reaches the line, 1 once its end is in view. */
  progress: number;
}

export interface SavedAnchor {
  paragraph: number | null;
  offset: number;
  progress: number;
}

const clamp01 = (n: number): number => (Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0);
const finite = (n: number): number => (Number.isFinite(n) ? n : 0);
const bottom = (b: Box): number => finite(b.top) + Math.max(0, finite(b.height));

/**
 * How much of a chapter spanning [top, top + height) has been read with the reading line at
 * `line` in a view `viewportHeight` tall: 0 until its top reaches the line, 1 once its bottom is
 * in view.
 */
export function chapterProgress(top: number, height: number, line: number, viewportHeight: number): number {
  const above = line - top;
  if (!(above > 0)) return 0;
  const travel = height - (viewportHeight - line);
  if (!(travel > 0)) return 1;
  return clamp01(above / travel);
}

/**
 * The anchor at the reading line. `boxOf(i)` is read lazily (binary search: about log₂ n reads,
 * each a layout query on a real page). null when there is no paragraph.
 */
export function anchorAtLazy(
  count: number,
  boxOf: (index: number) => Box,
  line: number,
  viewportHeight: number,
): Anchor | null {
  if (!(count > 0)) return null;
  // The first paragraph whose bottom is below the line (bottoms ascend in document order).
  let lo = 0;
  let hi = count - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (bottom(boxOf(mid)) > line) {
      found = mid;
      hi = mid - 1;
    } else {
      lo = mid + 1;
    }
  }
  const first = boxOf(0);
  const last = boxOf(count - 1);
  const top = finite(first.top);
  const progress = chapterProgress(top, bottom(last) - top, line, viewportHeight);
  if (found === -1) return { paragraph: count - 1, offset: 1, progress };
  const box = boxOf(found);
  const height = Math.max(0, finite(box.height));
  const offset = height > 0 ? clamp01((line - finite(box.top)) / height) : 0;
  return { paragraph: found, offset, progress };
}

/** `anchorAtLazy` over measured boxes. */
export function anchorAt(boxes: readonly Box[], line: number, viewportHeight: number): Anchor | null {
  return anchorAtLazy(boxes.length, (i) => boxes[i] ?? { top: Infinity, height: 0 }, line, viewportHeight);
}

/**
 * The inverse: how far to scroll (positive = down) so that the saved place is at the reading line.
 * Uses the paragraph when it still exists, else the chapter `progress`. null when the chapter has
 * no paragraph at all.
 */
export function scrollDeltaLazy(
  count: number,
  boxOf: (index: number) => Box,
  saved: SavedAnchor,
  line: number,
  viewportHeight: number,
): number | null {
  if (!(count > 0)) return null;
  const p = saved.paragraph;
  if (p !== null && Number.isInteger(p) && p >= 0 && p < count) {
    const box = boxOf(p);
    return finite(box.top) + clamp01(saved.offset) * Math.max(0, finite(box.height)) - line;
  }
  const top = finite(boxOf(0).top);
  const height = bottom(boxOf(count - 1)) - top;
  const travel = Math.max(0, height - (viewportHeight - line));
  return top + clamp01(saved.progress) * travel - line;
}

export function scrollDelta(boxes: readonly Box[], saved: SavedAnchor, line: number, viewportHeight: number): number | null {
  return scrollDeltaLazy(boxes.length, (i) => boxes[i] ?? { top: 0, height: 0 }, saved, line, viewportHeight);
}

/** Whether two positions are the same place for saving purposes (no write for a twitch). */
export function samePlace(
  a: { chapter: number; paragraph: number | null; offset: number },
  b: { chapter: number; paragraph: number | null; offset: number },
  tolerance = 0.02,
): boolean {
  return a.chapter === b.chapter && a.paragraph === b.paragraph && Math.abs(a.offset - b.offset) <= tolerance;
}
