/** A bookmarked work's page that shows more (or fewer) chapters than the bookmark knows: recorded once the bookmark is read. */
import { detectNewChapters } from '../../../lib/bookmarks/merge';
import { updateBookmark } from '../../../lib/storage';
import { warn } from './warn';
import type { WorkBookmarkState } from './work-state';

/** Records what the page says about the work's chapters in its bookmark (if any), keeping `state.current` in step. */
export async function recordChapters(state: WorkBookmarkState): Promise<void> {
  const seen = state.work.meta;
  if (!state.current || !detectNewChapters(state.current, seen)) return;
  try {
    const updated = await updateBookmark(seen.site, seen.id, (b) => detectNewChapters(b, seen));
    if (updated && !state.signal.aborted) state.current = updated;
  } catch (error) {
    warn('could not record new chapters.', error);
  }
}
