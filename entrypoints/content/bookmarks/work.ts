/**
 * Bookmarks on a work page: the Bookmark button (navigation bar and reader toolbar), progress that
 * follows the reader of a bookmarked work, resume from the URL marker, and new chapters learned
 * from the page.
 *
 * Progress is saved sparingly: ~1.5 s after scrolling stops, when the tab is hidden or left, and
 * when the chapter at the top of the view changes (Entire Work view, or the reader's sections).
 */
import { detectNewChapters } from '../../../lib/bookmarks/merge';
import { newBookmark, placePatch, type Place } from '../../../lib/bookmarks/record';
import type { Bookmark } from '../../../lib/bookmarks/types';
import { hasReaderMarker, hasResumeMarker, withoutResumeMarker, withResumeMarker } from '../../../lib/reader/navigation';
import type { Work } from '../../../lib/sites/types';
import { getBookmark, putBookmark, removeBookmark, updateBookmark, watchBookmarks } from '../../../lib/storage';
import type { Page } from '../page';
import { onReaderChange, openReaderView, registerReaderSlot } from '../state/reader';
import { chapterViews, measurePlace, pageUrl, scrollToPlace } from './place';
import { addPressedStyle, bookmarkButton, placeButton, showPressed } from './ui';

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

/** How long after a resume a reader opening by itself (or late fonts, images) is corrected for. */
const RESUME_WINDOW_MS = 8000;
/** How often, at most, a scroll checks whether the chapter at the top changed. */
const CHAPTER_CHECK_MS = 400;

const warn = (message: string, error?: unknown) => console.warn(`Lamplight bookmarks: ${message}`, error ?? '');

export interface WorkBookmarks {
  /** Whether this work is bookmarked; null until known. */
  bookmarked(): boolean | null;
  /** Bookmark the work (where the reader is now), or remove the bookmark. Resolves to the new state. */
  toggle(): Promise<boolean>;
  /** Bookmark the work if it is not yet. */
  ensure(): Promise<boolean>;
  stop(): void;
}

export function startWorkBookmarks(page: Page, work: Work, deps: BookmarkDeps): WorkBookmarks {
  const doc = page.doc;
  const win: Window = doc.defaultView ?? window;
  const { site, id } = work.meta;
  let current: Bookmark | null = null;
  let known = false;
  let stopped = false;
  const buttons = new Set<HTMLButtonElement>();
  const cleanups: (() => void)[] = [];

  const render = () => {
    for (const button of buttons) showPressed(button, current !== null);
  };

  // ---- Buttons: the navigation bar now, the reader's toolbar each time it opens.
  const onClick = () => {
    change('toggle').catch((error: unknown) => warn('could not change the bookmark.', error));
  };
  try {
    cleanups.push(addPressedStyle(doc));
    const button = bookmarkButton(doc, onClick);
    buttons.add(button);
    const remove = placeButton(doc, work.navigation, button);
    cleanups.push(() => {
      remove();
      buttons.delete(button);
    });
  } catch (error) {
    warn('could not add the Bookmark button.', error);
  }
  const renderSlot = (slot: HTMLElement) => {
    const button = bookmarkButton(slot.ownerDocument, onClick);
    showPressed(button, current !== null);
    buttons.add(button);
    slot.append(button);
    return () => {
      button.remove();
      buttons.delete(button);
    };
  };
  cleanups.push(registerReaderSlot('bookmark', renderSlot));
  // The reader may already be open (it started first and opened by itself).
  try {
    const slot = openReaderView()?.bookmarkSlot;
    if (slot && !slot.querySelector('button')) cleanups.push(renderSlot(slot));
  } catch (error) {
    warn('could not add the Bookmark button to the open reader.', error);
  }
  render();

  // ---- Saving progress.
  let dirty = false;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  let lastChapterCheck = 0;
  let resuming = false;

  const place = (): Place | null => {
    try {
      return measurePlace(doc, work);
    } catch (error) {
      warn('could not tell where you are.', error);
      return null;
    }
  };

  /**
   * Saves the place from the copy of the bookmark this page holds (kept current from other tabs'
   * changes by the watch below): one write, no read first. Leaving the page needs exactly that
   * (the write must be on its way before the page goes), and it spares every save a storage read.
   */
  const save = (at: Place) => {
    if (!current) return;
    const patch = placePatch(current, at, deps.now());
    if (!patch) return;
    current = { ...current, ...patch };
    putBookmark(current).catch((error: unknown) => warn('could not save your place.', error));
  };

  const flush = (leaving = false) => {
    clearTimeout(idleTimer);
    idleTimer = undefined;
    if ((!dirty && !leaving) || !current || resuming || stopped) return;
    dirty = false;
    const at = place();
    if (at) save(at);
  };

  const onScroll = () => {
    if (!current || resuming || stopped) return;
    dirty = true;
    clearTimeout(idleTimer);
    idleTimer = setTimeout(flush, deps.idleMs);
    // A new chapter at the top of the view (Entire Work, the reader's sections) saves at once.
    const now = Date.now();
    if (now - lastChapterCheck < CHAPTER_CHECK_MS) return;
    lastChapterCheck = now;
    try {
      if (chapterViews(doc, work).views.length < 2) return;
    } catch {
      return;
    }
    const at = place();
    if (at && at.chapter !== current.chapter) {
      dirty = false;
      clearTimeout(idleTimer);
      save(at);
    }
  };
  const onVisibility = () => {
    if (doc.visibilityState === 'hidden') flush(true);
  };
  const onPageHide = () => flush(true);
  win.addEventListener('scroll', onScroll, { passive: true });
  doc.addEventListener('visibilitychange', onVisibility);
  win.addEventListener('pagehide', onPageHide);
  cleanups.push(() => {
    win.removeEventListener('scroll', onScroll);
    doc.removeEventListener('visibilitychange', onVisibility);
    win.removeEventListener('pagehide', onPageHide);
    clearTimeout(idleTimer);
  });

  // ---- Toggle.
  let pending: Promise<boolean> | null = null;
  const loaded = getBookmark(site, id).then(
    (b) => {
      if (stopped) return;
      current = b;
      known = true;
      render();
    },
    (error: unknown) => {
      known = true;
      warn('could not read the bookmark.', error);
    },
  );

  const create = async (): Promise<Bookmark> => {
    const at = place();
    const bookmark = newBookmark(
      work.meta,
      at ?? { chapter: work.currentChapter ?? 1, readerMode: chapterViews(doc, work).reader },
      deps.now(),
    );
    return putBookmark(bookmark);
  };

  const change = (want: 'toggle' | 'on'): Promise<boolean> => {
    const run = async (): Promise<boolean> => {
      await loaded;
      if (stopped) return current !== null;
      if (current && want === 'toggle') {
        await removeBookmark(site, id);
        current = null;
      } else if (!current) {
        current = await create();
      }
      render();
      return current !== null;
    };
    const next = (pending ?? Promise.resolve(false)).catch(() => false).then(run);
    pending = next;
    return next;
  };

  // ---- The same bookmark changed elsewhere (popup, another tab).
  cleanups.push(
    watchBookmarks((changes) => {
      for (const c of changes) {
        if (c.site !== site || c.workId !== id || stopped) continue;
        current = c.bookmark;
        known = true;
        render();
      }
    }),
  );

  // ---- Once the bookmark is known: what the page says about chapters, resume, forward reading.
  void loaded.then(async () => {
    if (stopped) return;
    if (current) {
      const seen = work.meta;
      if (detectNewChapters(current, seen)) {
        try {
          const updated = await updateBookmark(site, id, (b) => detectNewChapters(b, seen));
          if (updated && !stopped) current = updated;
        } catch (error) {
          warn('could not record new chapters.', error);
        }
      }
    }
    if (stopped) return;
    if (hasResumeMarker(win.location.href)) {
      resume();
    } else if (current && work.chapters.length === 1 && (work.currentChapter ?? 1) > current.chapter) {
      // Reading on into the next chapter: remember it even if the reader leaves without scrolling.
      dirty = true;
      idleTimer = setTimeout(flush, deps.idleMs);
    }
  });

  // ---- Resume: scroll the saved paragraph back to the top of the view, then drop the marker.
  function resume(): void {
    const stripMarker = () => {
      try {
        const href = win.location.href;
        const clean = withoutResumeMarker(href);
        if (clean !== href) win.history.replaceState(win.history.state, '', clean);
      } catch (error) {
        warn('could not tidy the URL.', error);
      }
    };
    const saved = current;
    if (!saved) {
      stripMarker();
      return;
    }
    // The saved chapter is not on this page (a bookmark without its chapter's URL opened the work,
    // which is chapter 1): go to that chapter, still marked, when the page lists its URL.
    try {
      if (!chapterViews(doc, work).views.some((v) => v.number === saved.chapter)) {
        const target = work.chapterList.find((c) => c.number === saved.chapter)?.url;
        if (target && pageUrl(target) !== pageUrl(win.location.href)) {
          deps.replace(withResumeMarker(target, hasReaderMarker(win.location.href)), win);
          return;
        }
      }
    } catch (error) {
      warn('could not find the saved chapter.', error);
    }
    resuming = true;
    let interacted = false;
    let finished = false;
    const timers: ReturnType<typeof setTimeout>[] = [];
    const frames: number[] = [];
    const apply = (): boolean => {
      if (interacted || stopped) return false;
      try {
        return scrollToPlace(doc, work, saved) !== null;
      } catch (error) {
        warn('could not scroll back to your place.', error);
        return false;
      }
    };
    /** Apply now, then correct after layout settles (fonts, the reader's own first scroll). */
    const applySettled = () => {
      apply();
      frames.push(
        win.requestAnimationFrame(() => {
          frames.push(win.requestAnimationFrame(() => apply()));
        }),
      );
      timers.push(setTimeout(apply, 250));
    };
    const onInput = () => {
      interacted = true;
      finish();
    };
    const inputs = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;
    for (const type of inputs) win.addEventListener(type, onInput, { capture: true, passive: true });
    // The reader opening (or closing) changes what is shown: find the place again there.
    const unwatchReader = onReaderChange(() => {
      frames.push(
        win.requestAnimationFrame(() => {
          frames.push(win.requestAnimationFrame(() => applySettled()));
        }),
      );
    });
    const onLoad = () => apply();
    win.addEventListener('load', onLoad);

    function finish(): void {
      if (finished) return;
      finished = true;
      unwatchReader();
      for (const type of inputs) win.removeEventListener(type, onInput, { capture: true });
      win.removeEventListener('load', onLoad);
      for (const t of timers) clearTimeout(t);
      for (const f of frames) win.cancelAnimationFrame(f);
      // Whatever scrolling the resume did is the saved place, not news.
      dirty = false;
      resuming = false;
    }
    cleanups.push(finish);

    // Waiting for the reader (the marker says it was on): its opening triggers the observer above.
    // Meanwhile the site's page is placed too, so nothing jumps if the reader never opens (a shield).
    applySettled();
    timers.push(setTimeout(finish, RESUME_WINDOW_MS));
    // The marker goes once the reader (if wanted) has taken over the URL, or after the window.
    if (!hasReaderMarker(win.location.href) || chapterViews(doc, work).reader) {
      stripMarker();
      return;
    }
    const unwatchOpen = onReaderChange(() => {
      if (!openReaderView()) return;
      done();
      stripMarker();
    });
    const waitTimer = setTimeout(() => {
      done();
      stripMarker();
    }, RESUME_WINDOW_MS);
    const done = () => {
      unwatchOpen();
      clearTimeout(waitTimer);
    };
    cleanups.push(done);
  }

  const stop = () => {
    if (stopped) return;
    flush();
    stopped = true;
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        cleanup();
      } catch (error) {
        warn('stop failed.', error);
      }
    }
  };

  return {
    bookmarked: () => (known ? current !== null : null),
    toggle: () => change('toggle'),
    ensure: () => change('on'),
    stop,
  };
}
