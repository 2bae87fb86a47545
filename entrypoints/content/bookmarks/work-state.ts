/**
 * What the parts of bookmarks on a work page share (./work.ts owns it and passes it to each part:
 * ./button.ts, ./progress-saver.ts, ./held-bookmark.ts, ./new-chapters.ts, ./resume.ts). Nothing
 * here is read back from the page.
 */
import type { Place } from '../../../lib/bookmarks/record';
import type { Bookmark } from '../../../lib/bookmarks/types';
import type { Work } from '../../../lib/sites/types';
import type { PageEvents } from '../events';
import { measurePlace } from './place';
import { warn } from './warn';

export interface WorkBookmarkState {
  readonly doc: Document;
  readonly win: Window;
  readonly work: Work;
  /** Aborted when the feature stops: every part ends its listeners, timers and frames with it. */
  readonly signal: AbortSignal;
  /** The page's hub: the reader opening and closing (`reader:change`). */
  readonly events: PageEvents;
  /** This page's copy of the work's bookmark (kept current from other tabs); null when not bookmarked. */
  current: Bookmark | null;
  /** Whether the stored bookmark has been read (or reading it failed). */
  known: boolean;
  /** A resume is placing the page: scrolling now is not the reader's. */
  resuming: boolean;
}

/** Where the reader is in the work now, or null (and a warning) when it cannot be told. */
export function placeNow(state: WorkBookmarkState): Place | null {
  try {
    return measurePlace(state.doc, state.work);
  } catch (error) {
    warn('could not tell where you are.', error);
    return null;
  }
}
