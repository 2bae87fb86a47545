/**
 * Saving the reader's place in a bookmarked work, sparingly: `idleMs` after scrolling stops, when the
 * tab is hidden or left, and at once when the chapter at the top of the view changes (Entire Work
 * view, or the reader's sections). One write from this page's copy of the bookmark, no read first.
 */
import { placePatch, type Place } from '../../../lib/bookmarks/record';
import type { Bookmark } from '../../../lib/bookmarks/types';
import type { Work } from '../../../lib/sites/types';
import { warn } from './warn';
import { onAbort } from './on-abort';
import type { WorkBookmarkState } from './work-state';

/** How often, at most, a scroll checks whether the chapter at the top changed. */
export const CHAPTER_CHECK_MS = 400;

export interface SaverDeps {
  /** Quiet time after the last scroll before progress is saved. */
  idleMs: number;
  now: () => Date;
  /** Where the reader is now; null when it cannot be told. */
  place: () => Place | null;
  /** Whether the page shows several chapters (then a new chapter at the top saves at once). */
  showsSeveralChapters: () => boolean;
  /** Stores the whole bookmark. */
  write: (bookmark: Bookmark) => Promise<unknown>;
}

export interface ProgressSaver {
  /** Save the place after the quiet time even if the reader does not scroll. */
  saveSoon(): void;
  /** Drop the save due: the scrolling so far was not the reader's (a resume placed the page). */
  forget(): void;
}

/** Whether this page is a chapter after the saved one, alone on the page: reading on, worth saving without a scroll. */
export function readsOnFrom(saved: Pick<Bookmark, 'chapter'>, work: Pick<Work, 'chapters' | 'currentChapter'>): boolean {
  return work.chapters.length === 1 && (work.currentChapter ?? 1) > saved.chapter;
}

export function startProgressSaver(state: WorkBookmarkState, deps: SaverDeps): ProgressSaver {
  const { doc, win, signal } = state;
  let dirty = false;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  let lastChapterCheck = 0;

  /**
   * Saves the place from the copy of the bookmark this page holds (kept current from other tabs'
   * changes): one write, no read first. Leaving the page needs exactly that (the write must be on
   * its way before the page goes), and it spares every save a storage read.
   */
  const save = (at: Place) => {
    if (!state.current) return;
    const patch = placePatch(state.current, at, deps.now());
    if (!patch) return;
    state.current = { ...state.current, ...patch };
    deps.write(state.current).catch((error: unknown) => warn('could not save your place.', error));
  };

  /** Saves now if a save is due (leaving: whether or not), once stopped only the last one due. */
  const flush = (leaving = false, last = false) => {
    clearTimeout(idleTimer);
    idleTimer = undefined;
    if ((!dirty && !leaving) || !state.current || state.resuming || (signal.aborted && !last)) return;
    dirty = false;
    const at = deps.place();
    if (at) save(at);
  };

  const onScroll = () => {
    if (!state.current || state.resuming || signal.aborted) return;
    dirty = true;
    clearTimeout(idleTimer);
    idleTimer = setTimeout(flush, deps.idleMs);
    const now = Date.now();
    if (now - lastChapterCheck < CHAPTER_CHECK_MS) return;
    lastChapterCheck = now;
    if (!deps.showsSeveralChapters()) return;
    const at = deps.place();
    if (at && at.chapter !== state.current.chapter) {
      dirty = false;
      clearTimeout(idleTimer);
      save(at);
    }
  };

  win.addEventListener('scroll', onScroll, { passive: true, signal });
  const onVisibility = () => {
    if (doc.visibilityState === 'hidden') flush(true);
  };
  doc.addEventListener('visibilitychange', onVisibility, { signal });
  win.addEventListener('pagehide', () => flush(true), { signal });
  // Stopping saves what is due (registered before any resume's end, which forgets it).
  onAbort(signal, () => flush(false, true));

  return {
    saveSoon() {
      dirty = true;
      clearTimeout(idleTimer);
      idleTimer = setTimeout(flush, deps.idleMs);
    },
    forget() {
      dirty = false;
    },
  };
}
