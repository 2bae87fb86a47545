/**
 * Opening the reader where the reader was on the site's page: the chapter at 30 % of the view and
 * how far into it, read before the reader is built; then the reader scrolled to the same place.
 */
import { fractionRead, sectionAtLazy } from '../../../lib/reader/progress';
import type { Work } from '../../../lib/sites/types';
import type { StorySection } from './view';

export interface StartPlace {
  /** The section (chapter on this page) to start in. */
  index: number;
  /** 0..1: how far into it. */
  fraction: number;
}

/** Where the reader was on the site's page; null at the top of the page or above the story. */
export function startingPoint(work: Work, win: Window): StartPlace | null {
  const sources = work.chapters.map((chapter) => chapter.body);
  if (win.scrollY <= 0 || sources.length === 0) return null;
  const line = win.innerHeight * 0.3;
  const index = sectionAtLazy(sources.length, (i) => sources[i]?.getBoundingClientRect().top ?? Infinity, line);
  const rect = sources[index]?.getBoundingClientRect();
  if (!rect || (index === 0 && rect.top > line)) return null;
  return { index, fraction: fractionRead(rect.top, rect.height, win.innerHeight) };
}

/** Whether the reader starts past its beginning (then its toolbar starts tucked away). */
export const startsMidWork = (start: StartPlace | null): start is StartPlace =>
  start !== null && (start.index > 0 || start.fraction > 0);

/** Scrolls the open reader to `start`, or to its top. */
export function scrollToStart(win: Window, sections: readonly StorySection[], start: StartPlace | null, signal: AbortSignal): void {
  const resume = startsMidWork(start) ? sections[start.index] : undefined;
  if (!resume || !start) {
    win.scrollTo({ top: 0, left: 0, behavior: 'instant' });
    return;
  }
  resume.element.scrollIntoView({ block: 'start', behavior: 'auto' });
  const fraction = start.fraction;
  if (fraction <= 0) return;
  // Next frame: the section is laid out for real by then (content-visibility), so its height is true.
  win.requestAnimationFrame(() => {
    if (signal.aborted) return;
    const rect = resume.element.getBoundingClientRect();
    const travel = rect.height - win.innerHeight;
    if (travel > 0) win.scrollTo({ top: win.scrollY + rect.top + fraction * travel, behavior: 'instant' });
  });
}
