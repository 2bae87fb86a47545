/**
 * Where you are: the progress line at the top of the reader and the status line under the story
 * ("Chapter 3 of 14 · 12 min left in chapter"). The words come from lib/reader/progress.ts; this
 * module only picks the inputs, and builds and fills the two elements.
 */
import { chapterCount } from '../../../lib/reader/navigation';
import { estimateWordsAfter, timeLeft, whereYouAre } from '../../../lib/reader/progress';
import { h } from './dom';
import type { OpenReader } from './open-state';

/**
 * The status line's text, or null when there is no current section. `chapterFraction` (how much of
 * the current section is read, 0–1) is called only once the words are counted.
 */
export function statusText(
  reader: Pick<OpenReader, 'work' | 'story' | 'currentSection' | 'words' | 'settings'>,
  chapterFraction: () => number,
): string | null {
  const { work, words, currentSection } = reader;
  const { sections, oneShot } = reader.story;
  const number = sections[currentSection]?.number;
  if (number === undefined) return null;
  const many = sections.length > 1;
  const current = work.currentChapter;
  let time = null;
  if (words) {
    const after =
      many || oneShot
        ? words.slice(currentSection + 1).reduce((a, b) => a + b, 0)
        : estimateWordsAfter({
            workWords: work.meta.words,
            postedChapters: work.meta.chapters?.posted ?? (work.chapterList.length || null),
            chapterNumber: current ?? number,
          });
    time = timeLeft({
      chapterWords: words[currentSection] ?? 0,
      chapterFraction: chapterFraction(),
      wordsAfterChapter: after,
      wordsPerMinute: reader.settings.wordsPerMinute,
    });
  }
  return whereYouAre({
    chapterNumber: many ? number : (current ?? null),
    chapterCount: chapterCount({
      listed: work.chapterList.length,
      posted: work.meta.chapters?.posted ?? null,
      onPage: sections.length,
    }),
    chapterTotal: work.meta.chapters?.expected ?? null,
    time,
    oneChapter: oneShot,
  });
}

export interface ReaderStatus {
  /** The progress line (decorative: the status line says it in words). */
  progress: HTMLElement;
  line: HTMLElement;
  /** How far down the reader is, 0–1. */
  showProgress(fraction: number): void;
  showText(text: string): void;
}

export function buildStatus(doc: Document): ReaderStatus {
  const fill = h(doc, 'div', { class: 'progress-fill' });
  const line = h(doc, 'p', { class: 'status' });
  return {
    progress: h(doc, 'div', { class: 'progress', 'aria-hidden': 'true' }, fill),
    line,
    showProgress(fraction) {
      fill.style.transform = `scaleX(${fraction.toFixed(4)})`;
    },
    showText(text) {
      if (line.textContent !== text) line.textContent = text;
    },
  };
}
