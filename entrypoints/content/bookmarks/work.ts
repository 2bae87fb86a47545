/**
 * Bookmarks on a work page: the parts, each in its own file, sharing one state object
 * (./work-state.ts) and the feature's AbortSignal, which ends them all:
 * - ./button.ts: the Bookmark button (navigation bar and the reader's toolbar);
 * - ./held-bookmark.ts: this page's copy of the bookmark, loaded, watched and toggled;
 * - ./progress-saver.ts: the reader's place, saved sparingly;
 * - ./new-chapters.ts: chapters the page shows that the bookmark has not seen;
 * - ./resume.ts: back to the saved place from the URL marker.
 */
import { hasResumeMarker } from '../../../lib/reader/navigation';
import type { Work } from '../../../lib/sites/types';
import { putBookmark } from '../../../lib/storage';
import type { Page } from '../page';
import { startBookmarkButtons } from './button';
import { holdBookmark } from './held-bookmark';
import { recordChapters } from './new-chapters';
import { chapterViews } from './place';
import { readsOnFrom, startProgressSaver } from './progress-saver';
import { resume } from './resume';
import { warn } from './warn';
import { placeNow, type WorkBookmarkState } from './work-state';

export interface BookmarkDeps {
  /** Quiet time after the last scroll before progress is saved. */
  idleMs: number;
  now: () => Date;
  /** Go to another page in place of this one (resume on the right chapter). */
  replace: (url: string, win: Window) => void;
}

export const DEFAULT_DEPS: BookmarkDeps = {
  idleMs: 1500,
  now: () => new Date(),
  replace: (url, win) => win.location.replace(url),
};

export interface WorkBookmarks {
  /** Whether this work is bookmarked; null until known. */
  bookmarked(): boolean | null;
  /** Bookmark the work (where the reader is now), or remove the bookmark. Resolves to the new state. */
  toggle(): Promise<boolean>;
  /** Bookmark the work if it is not yet. */
  ensure(): Promise<boolean>;
}

/** Starts every part on the work page; `signal` stops them all (saving the place first, if a save is due). */
export function startWorkBookmarks(page: Page, work: Work, deps: BookmarkDeps, signal: AbortSignal): WorkBookmarks {
  const doc = page.doc;
  const state: WorkBookmarkState = {
    doc,
    win: doc.defaultView ?? window,
    work,
    signal,
    events: page.events,
    current: null,
    known: false,
    resuming: false,
  };

  const onClick = () => {
    held.change('toggle').catch((error: unknown) => warn('could not change the bookmark.', error));
  };
  const buttons = startBookmarkButtons(state, onClick);
  const saver = startProgressSaver(state, {
    idleMs: deps.idleMs,
    now: deps.now,
    place: () => placeNow(state),
    showsSeveralChapters: () => {
      try {
        return chapterViews(doc, work).views.length >= 2;
      } catch {
        return false;
      }
    },
    write: putBookmark,
  });
  const held = holdBookmark(state, { now: deps.now, render: buttons.render });

  // Once the bookmark is known: what the page says about chapters, then resume or reading on.
  void held.loaded.then(async () => {
    if (signal.aborted) return;
    await recordChapters(state);
    if (signal.aborted) return;
    if (hasResumeMarker(state.win.location.href)) {
      resume(state, { replace: deps.replace, saver });
    } else if (state.current && readsOnFrom(state.current, work)) {
      // Reading on into the next chapter: remember it even if the reader leaves without scrolling.
      saver.saveSoon();
    }
  });

  return {
    bookmarked: () => (state.known ? state.current !== null : null),
    toggle: () => held.change('toggle'),
    ensure: () => held.change('on'),
  };
}
