/**
 * "Where you are": scroll fractions, chapter position and minutes left. Pure arithmetic, and the
 * words of the reader's status line (lib/i18n).
 */
import { t, tn } from '../i18n';
import { chapterOf } from '../chapter-label';

const clamp01 = (n: number) => (Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0);

/** How far down a scrollable page the view is, 0..1 (1 when nothing scrolls). */
export function scrollFraction(scrollTop: number, scrollHeight: number, viewportHeight: number): number {
  const scrollable = scrollHeight - viewportHeight;
  if (!(scrollable > 0)) return 1;
  return clamp01(scrollTop / scrollable);
}

/**
 * How much of a block (a chapter) has been read, 0..1, from its box relative to the viewport:
 * 0 while its top is at or below the top of the visible area, 1 once its bottom is in view.
 * `covered`: pixels at the top of the viewport hidden by the reader's toolbar, not read text.
 */
export function fractionRead(top: number, height: number, viewportHeight: number, covered = 0): number {
  const skip = Number.isFinite(covered) && covered > 0 ? Math.min(covered, viewportHeight) : 0;
  if (skip > 0) return fractionRead(top - skip, height, viewportHeight - skip);
  if (top >= 0) return top + height <= viewportHeight && height > 0 ? 1 : 0;
  const travel = height - viewportHeight;
  if (!(travel > 0)) return 1;
  return clamp01(-top / travel);
}

/**
 * Index of the section being read: the last one whose top is at or above `line`
 * (a line a little below the top of the viewport). `tops` are in document order.
 * Binary search: tops are ascending. Returns 0 when none has reached the line yet.
 */
export function sectionAt(tops: readonly number[], line: number): number {
  let lo = 0;
  let hi = tops.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((tops[mid] ?? Infinity) <= line) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** Same as `sectionAt`, reading each top lazily (only log₂ n reads: each may cost a layout query). */
export function sectionAtLazy(count: number, topOf: (index: number) => number, line: number): number {
  let lo = 0;
  let hi = count - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (topOf(mid) <= line) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/**
 * Words in the chapters after the one being read, on a page that shows one chapter: the work's
 * average words per posted chapter times the chapters still to come. null when the work's length
 * or chapter count is unknown.
 */
export function estimateWordsAfter(input: {
  workWords: number | null;
  postedChapters: number | null;
  chapterNumber: number | null;
}): number | null {
  const { workWords, postedChapters, chapterNumber } = input;
  if (workWords === null || !(workWords >= 0) || !postedChapters || postedChapters < 1) return null;
  if (chapterNumber === null || chapterNumber < 1) return null;
  const remaining = Math.max(0, postedChapters - chapterNumber);
  return Math.round((workWords / postedChapters) * remaining);
}

export interface TimeLeft {
  /** Whole minutes left in the chapter being read (0 only when it is finished). */
  chapter: number;
  /** Whole minutes left in the work, or null when unknown. */
  work: number | null;
}

/**
 * Minutes left, rounded up (a few words left is "1 min", not "0 min").
 * `chapterFraction` is how much of the current chapter has been read (0..1).
 */
export function timeLeft(input: {
  chapterWords: number;
  chapterFraction: number;
  wordsAfterChapter: number | null;
  wordsPerMinute: number;
}): TimeLeft {
  const wpm = input.wordsPerMinute > 0 ? input.wordsPerMinute : 250;
  const chapterLeft = Math.max(0, input.chapterWords) * (1 - clamp01(input.chapterFraction));
  const minutes = (words: number) => Math.ceil(Math.round(words) / wpm);
  return {
    chapter: minutes(chapterLeft),
    work: input.wordsAfterChapter === null ? null : minutes(chapterLeft + Math.max(0, input.wordsAfterChapter)),
  };
}

/** "0 min", "12 min", "1 h", "3 h 5 min" (partial minutes round up). */
export function formatMinutes(minutes: number): string {
  if (!(minutes > 0)) return tn('readerMinutes', 0);
  const whole = Math.ceil(minutes);
  if (whole < 60) return tn('readerMinutes', whole);
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  return rest === 0 ? tn('readerHours', hours) : t('readerHoursMinutes', hours, rest);
}

/** The line under the story: "Chapter 2 of 14 · 9 min left in chapter · 4 h 40 min left in work". */
export function whereYouAre(input: {
  chapterNumber: number | null;
  /** Chapters posted so far. */
  chapterCount: number | null;
  /** The final number of chapters, when the creator has said it. */
  chapterTotal: number | null;
  time: TimeLeft | null;
  oneChapter: boolean;
}): string {
  const parts: string[] = [];
  if (!input.oneChapter && input.chapterNumber !== null) {
    parts.push(chapterOf(input.chapterNumber, input.chapterCount, input.chapterTotal));
  }
  if (input.time) {
    if (input.oneChapter) {
      parts.push(t('readerTimeLeft', formatMinutes(input.time.chapter)));
    } else {
      parts.push(t('readerTimeLeftInChapter', formatMinutes(input.time.chapter)));
      if (input.time.work !== null) parts.push(t('readerTimeLeftInWork', formatMinutes(input.time.work)));
    }
  }
  return parts.join(' · ');
}
