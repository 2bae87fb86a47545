/**
 * Bookmarks and reading progress (feature), on every page of a supported site:
 * - work page: the Bookmark button (navigation bar and the reader's toolbar), progress of a
 *   bookmarked work, resume from the `#lamplight-resume` marker, new chapters (./work.ts, only in
 *   the work pages' script: ./work-feature.ts);
 * - listing: markers on blurbs of bookmarked works, new chapters (./listing.ts);
 * - a work's 404 page: if it is bookmarked, a notice that the bookmark is kept.
 * Messages (lib/messages.ts): `bookmark:toggle`, `bookmark:status`, `bookmark:link` → `{ bookmarked }`.
 *
 * Everything that reads the page is wrapped: a page Lamplight does not understand gets no
 * bookmark UI, never an error.
 */
import { t } from '../../../lib/i18n';
import type { BookmarkReply } from '../../../lib/messages';
import { getBookmark } from '../../../lib/storage';
import type { Feature, Page } from '../page';
import { startListingBookmarks, type ListingBookmarks } from './listing';
import { goneNotice } from './ui';
import { onAbort } from './on-abort';
import { warn } from './warn';
import { DEFAULT_DEPS, type BookmarkDeps, type startWorkBookmarks, type WorkBookmarks } from './work';

/** The work-page part (./work.ts, given by ./work-feature.ts); the other pages' script leaves it out. */
type StartWork = typeof startWorkBookmarks;

export { MARKER_ATTRIBUTE, TOGGLE_ATTRIBUTE, GONE_ATTRIBUTE } from './ui';
export { storyParagraphs, measurePlace, scrollToPlace } from './place';

/** The running feature's work page, for the page status (`bookmarkedHere`). */
let active: WorkBookmarks | null = null;

/**
 * Whether the work on this page is bookmarked: true/false on a work page once known, else null.
 * For the content script's `page:status` reply (PageStatus.bookmarked).
 */
export function bookmarkedHere(): boolean | null {
  return active?.bookmarked() ?? null;
}

function workIdOf(page: Page, href: string): string | null {
  try {
    return page.adapter.workIdFromUrl(new URL(href, page.url));
  } catch {
    return null;
  }
}

/** The feature's messages from the popup and the background (context menu), answered until `signal` aborts. */
function answerMessages(page: Page, parts: { work: WorkBookmarks | null; workId: string | null; listing: ListingBookmarks | null }, signal: AbortSignal): void {
  const { work, workId, listing } = parts;
  const reply = (bookmarked: boolean): BookmarkReply => ({ bookmarked });
  page.messages.handle('bookmark:toggle', () => {
    if (!work) return undefined;
    return work.toggle().then(reply, (error: unknown) => {
      warn('could not change the bookmark.', error);
      return reply(work.bookmarked() ?? false);
    });
  }, signal);
  page.messages.handle('bookmark:status', () => (work ? Promise.resolve(reply(work.bookmarked() ?? false)) : undefined), signal);
  page.messages.handle('bookmark:link', (message) => {
    const id = workIdOf(page, message.url);
    if (!id) return undefined;
    const done = work && id === workId ? work.ensure() : listing ? listing.bookmarkWork(id) : Promise.resolve(false);
    return done.then(reply, (error: unknown) => {
      warn('could not bookmark that work.', error);
      return reply(false);
    });
  }, signal);
}

function start(page: Page, deps: BookmarkDeps, signal: AbortSignal, startWork: StartWork | null): void {
  let work: WorkBookmarks | null = null;
  let workId: string | null = null;
  let listing: ListingBookmarks | null = null;

  if (page.kind === 'work') {
    const read = startWork ? page.work() : null;
    if (read && startWork) {
      const w = startWork(page, read, deps, signal);
      work = w;
      workId = read.meta.id;
      active = w;
      onAbort(signal, () => {
        if (active === w) active = null;
      });
    }
  } else if (page.kind === 'listing') {
    listing = startListingBookmarks(page, deps, signal);
  } else if (page.kind === 'not-found') {
    const id = workIdOf(page, page.url.href);
    let remove: (() => void) | null = null;
    if (id) {
      getBookmark(page.adapter.id, id)
        .then((bookmark) => {
          if (!bookmark || signal.aborted) return;
          remove = goneNotice(page.doc, t('bookmarkPageGone', bookmark.title, page.adapter.name));
        })
        .catch((error: unknown) => warn('could not check the bookmark.', error));
    }
    onAbort(signal, () => remove?.());
  }
  answerMessages(page, { work, workId, listing }, signal);
}

/**
 * The feature with its timing injectable (tests), and its work-page part (null: a script that never
 * loads on work pages). The feature's AbortSignal stops every part of it.
 */
export function bookmarksFeature(overrides: Partial<BookmarkDeps>, startWork: StartWork | null): Feature {
  const deps: BookmarkDeps = { ...DEFAULT_DEPS, ...overrides };
  return {
    name: 'bookmarks',
    kinds: startWork ? ['work', 'listing', 'not-found'] : ['listing', 'not-found'],
    start: (page, signal) => start(page, deps, signal, startWork),
  };
}

/** Bookmarks on every page but work pages (markers, the gone notice): the other pages' script. */
export const startBookmarksBesideWorks: Feature = bookmarksFeature({}, null);
