/**
 * This page's copy of its work's bookmark (`state.current`): read once, kept current from changes
 * made elsewhere (popup, other tabs), and changed by the Bookmark button and the popup's messages.
 * Changes run one after another, each after the bookmark is known.
 */
import { newBookmark } from '../../../lib/bookmarks/record';
import type { Bookmark } from '../../../lib/bookmarks/types';
import { getBookmark, putBookmark, removeBookmark, watchFewBookmarks } from '../../../lib/storage';
import { chapterViews } from './place';
import { warn } from './warn';
import { onAbort } from './on-abort';
import { placeNow, type WorkBookmarkState } from './work-state';

export interface HeldBookmark {
  /** Resolves once the stored bookmark has been read (or reading it failed). */
  loaded: Promise<void>;
  /** `toggle`: bookmark the work where the reader is now, or remove it; `on`: bookmark it if not yet. Resolves to whether it is bookmarked. */
  change(want: 'toggle' | 'on'): Promise<boolean>;
}

export function holdBookmark(state: WorkBookmarkState, deps: { now: () => Date; render: () => void }): HeldBookmark {
  const { doc, work, signal } = state;
  const { site, id } = work.meta;

  const loaded = getBookmark(site, id).then(
    (bookmark) => {
      if (signal.aborted) return;
      state.current = bookmark;
      state.known = true;
      deps.render();
    },
    (error: unknown) => {
      state.known = true;
      warn('could not read the bookmark.', error);
    },
  );

  const create = async (): Promise<Bookmark> => {
    const at = placeNow(state);
    const start = at ?? { chapter: work.currentChapter ?? 1, readerMode: chapterViews(doc, work).reader };
    return putBookmark(newBookmark(work.meta, start, deps.now()));
  };

  let pending: Promise<boolean> | null = null;
  const change = (want: 'toggle' | 'on'): Promise<boolean> => {
    const run = async (): Promise<boolean> => {
      await loaded;
      if (signal.aborted) return state.current !== null;
      if (state.current && want === 'toggle') {
        await removeBookmark(site, id);
        state.current = null;
      } else if (!state.current) {
        state.current = await create();
      }
      deps.render();
      return state.current !== null;
    };
    const next = (pending ?? Promise.resolve(false)).catch(() => false).then(run);
    pending = next;
    return next;
  };

  onAbort(
    signal,
    watchFewBookmarks((changes) => {
      for (const c of changes) {
        if (c.site !== site || c.workId !== id || signal.aborted) continue;
        state.current = c.bookmark;
        state.known = true;
        deps.render();
      }
    }),
  );

  return { loaded, change };
}
