/**
 * Resume (`#lamplight-resume`, or `#lamplight-reader+resume` for the reader): scroll the saved
 * paragraph back to the top of the view and hold it there while layout settles (fonts, images, the
 * reader opening by itself), until the reader scrolls or types or RESUME_WINDOW_MS pass; then drop
 * the marker from the URL. A saved chapter that this page does not show is opened first, still marked.
 */
import type { Bookmark } from '../../../lib/bookmarks/types';
import { hasReaderMarker, withoutResumeMarker, withResumeMarker } from '../../../lib/reader/navigation';
import type { ChapterLink } from '../../../lib/sites/types';
import { chapterViews, pageUrl, scrollToPlace } from './place';
import type { ProgressSaver } from './progress-saver';
import { warn } from './warn';
import { onAbort } from './on-abort';
import type { WorkBookmarkState } from './work-state';

/** How long after a resume a reader opening by itself (or late fonts, images) is corrected for. */
export const RESUME_WINDOW_MS = 8000;

export interface ResumeDeps {
  /** Go to another page in place of this one (resume on the right chapter). */
  replace: (url: string, win: Window) => void;
  saver: Pick<ProgressSaver, 'forget'>;
}

export type ResumeStart =
  /** Nothing saved: only tidy the URL. */
  | { kind: 'tidy' }
  /** The saved chapter is on another page the work lists: go there, still marked. */
  | { kind: 'go'; url: string; saved: Bookmark }
  /** Place the saved paragraph on this page. */
  | { kind: 'place'; saved: Bookmark };

/**
 * What a resume does first. `shown`: the chapter numbers this page shows, null when they could not
 * be read (then it places what it can here).
 */
export function resumeStart(
  saved: Bookmark | null,
  shown: readonly number[] | null,
  chapterList: readonly ChapterLink[],
  href: string,
): ResumeStart {
  if (!saved) return { kind: 'tidy' };
  if (shown && !shown.includes(saved.chapter)) {
    // A bookmark without its chapter's URL opened the work (chapter 1): go to the saved chapter.
    const target = chapterList.find((c) => c.number === saved.chapter)?.url;
    if (target && pageUrl(target) !== pageUrl(href)) return { kind: 'go', url: withResumeMarker(target, hasReaderMarker(href)), saved };
  }
  return { kind: 'place', saved };
}

export function resume(state: WorkBookmarkState, deps: ResumeDeps): void {
  const { doc, win, work } = state;
  let shown: number[] | null = null;
  try {
    shown = chapterViews(doc, work).views.map((v) => v.number);
  } catch (error) {
    warn('could not find the saved chapter.', error);
  }
  const start = resumeStart(state.current, shown, work.chapterList, win.location.href);
  if (start.kind === 'tidy') {
    stripMarker(win);
    return;
  }
  if (start.kind === 'go') {
    try {
      deps.replace(start.url, win);
      return;
    } catch (error) {
      warn('could not find the saved chapter.', error);
    }
  }
  state.resuming = true;
  holdPlace(state, start.saved, () => {
    // Whatever scrolling the resume did is the saved place, not news.
    deps.saver.forget();
    state.resuming = false;
  });
  stripMarkerOnceShown(state);
}

/** Drops the resume marker from the address, leaving the reader's marker. */
function stripMarker(win: Window): void {
  try {
    const href = win.location.href;
    const clean = withoutResumeMarker(href);
    if (clean !== href) win.history.replaceState(win.history.state, '', clean);
  } catch (error) {
    warn('could not tidy the URL.', error);
  }
}

/**
 * Places `saved` now and again after layout settles, and again when the reader opens or closes,
 * until the reader's own input, the window's end or the feature's stop; then `onEnd`.
 */
function holdPlace(state: WorkBookmarkState, saved: Bookmark, onEnd: () => void): void {
  const { doc, win, work, signal, events } = state;
  const inputs = new AbortController();
  const timers: ReturnType<typeof setTimeout>[] = [];
  const frames: number[] = [];
  let finished = false;
  const apply = (): boolean => {
    if (finished || signal.aborted) return false;
    try {
      return scrollToPlace(doc, work, saved) !== null;
    } catch (error) {
      warn('could not scroll back to your place.', error);
      return false;
    }
  };
  const afterTwoFrames = (run: () => void) => {
    frames.push(win.requestAnimationFrame(() => frames.push(win.requestAnimationFrame(run))));
  };
  /** Apply now, then correct after layout settles (fonts, the reader's own first scroll). */
  const applySettled = () => {
    apply();
    afterTwoFrames(() => apply());
    timers.push(setTimeout(apply, 250));
  };
  const finish = () => {
    if (finished) return;
    finished = true;
    inputs.abort();
    for (const t of timers) clearTimeout(t);
    for (const f of frames) win.cancelAnimationFrame(f);
    onEnd();
  };
  for (const type of ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const) {
    win.addEventListener(type, finish, { capture: true, passive: true, signal: inputs.signal });
  }
  // The reader opening (or closing) changes what is shown: find the place again there.
  events.on('reader:change', () => afterTwoFrames(applySettled), inputs.signal);
  win.addEventListener('load', () => apply(), { signal: inputs.signal });
  onAbort(signal, finish);

  // Waiting for the reader (the marker says it was on): its opening triggers the watch above.
  // Meanwhile the site's page is placed too, so nothing jumps if the reader never opens (a shield).
  applySettled();
  timers.push(setTimeout(finish, RESUME_WINDOW_MS));
}

/** The marker goes once the reader (if the marker asks for it) has taken over the URL, or after the window. */
function stripMarkerOnceShown(state: WorkBookmarkState): void {
  const { doc, win, work, signal, events } = state;
  if (!hasReaderMarker(win.location.href) || chapterViews(doc, work).reader) {
    stripMarker(win);
    return;
  }
  const unwatchOpen = events.on('reader:change', (view) => {
    if (!view) return;
    done();
    stripMarker(win);
  }, signal);
  const waitTimer = setTimeout(() => {
    done();
    stripMarker(win);
  }, RESUME_WINDOW_MS);
  const done = () => {
    unwatchOpen();
    clearTimeout(waitTimer);
  };
  onAbort(signal, () => clearTimeout(waitTimer));
}
