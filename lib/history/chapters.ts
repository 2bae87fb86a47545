/**
 * Sets of chapter numbers (1-based), kept as ascending arrays, and their compact text:
 * a number N for chapters 1..N (the common case: read from the start), else ranges "1-3,5,7-9".
 */

/** The chapters with `chapter` added (a new array; `seen` is ascending without repeats). */
export function addChapter(seen: readonly number[], chapter: number): number[] {
  let i = 0;
  while (i < seen.length && (seen[i] as number) < chapter) i++;
  if (seen[i] === chapter) return [...seen];
  return [...seen.slice(0, i), chapter, ...seen.slice(i)];
}

/** The highest chapter seen, or 0 when none. */
export const furthestChapter = (seen: readonly number[]): number => (seen.length > 0 ? (seen[seen.length - 1] as number) : 0);

/** The compact form: N when `seen` is exactly 1..N (0 for none), else "a-b,c,…". */
export function encodeChapters(seen: readonly number[]): number | string {
  const last = furthestChapter(seen);
  if (seen.length === last) return last;
  const parts: string[] = [];
  for (let i = 0; i < seen.length; ) {
    const start = seen[i] as number;
    let end = start;
    while (i + 1 < seen.length && seen[i + 1] === end + 1) end = seen[++i] as number;
    parts.push(start === end ? String(start) : `${start}-${end}`);
    i++;
  }
  return parts.join(',');
}

/** Chapters a work may have: AO3 allows 200,000 words a chapter but not a million chapters. */
export const MAX_CHAPTER = 99_999;

const RANGES = /^[1-9]\d*(?:-[1-9]\d*)?(?:,[1-9]\d*(?:-[1-9]\d*)?)*$/;

/** The chapters of a compact form; null when it is not one (ranges out of order or overlapping). */
export function decodeChapters(compact: unknown): number[] | null {
  if (typeof compact === 'number') {
    if (!Number.isInteger(compact) || compact < 0 || compact > MAX_CHAPTER) return null;
    return Array.from({ length: compact }, (_, i) => i + 1);
  }
  if (typeof compact !== 'string' || !RANGES.test(compact)) return null;
  const out: number[] = [];
  for (const part of compact.split(',')) {
    const [from, to = from] = part.split('-').map(Number) as [number, number?];
    if (to < from || to > MAX_CHAPTER || from <= furthestChapter(out)) return null;
    for (let c = from; c <= to; c++) out.push(c);
  }
  return out;
}
