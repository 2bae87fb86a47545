/**
 * Bookmarks on a listing (tag works, search, series, bookmarks pages): blurbs of bookmarked works
 * get a small marker ("Bookmarked · chapter 3 of 10", "Bookmarked · 2 new chapters"), and a
 * bookmarked work that shows more posted chapters than recorded learns it has new chapters.
 * Only what this page already shows is used: nothing is fetched.
 */
import { detectNewChapters } from '../../../lib/bookmarks/merge';
import { markerText, newBookmark } from '../../../lib/bookmarks/record';
import type { Bookmark } from '../../../lib/bookmarks/types';
import type { Blurb } from '../../../lib/sites/types';
import { getBookmark, putBookmark, updateBookmark, watchFewBookmarks } from '../../../lib/storage';
import type { Page } from '../page';
import type { BookmarkDeps } from './work';
import { removeMarkers, setMarker } from './ui';
import { onAbort } from './on-abort';
import { warn } from './warn';

export interface ListingBookmarks {
  /** Resolves when every blurb's bookmark has been looked up (and new chapters recorded). */
  ready: Promise<void>;
  /** Bookmark the work of a blurb on this page (context menu on its link); false when not here. */
  bookmarkWork(workId: string): Promise<boolean>;
}

export function readBlurbs(page: Page): Blurb[] {
  try {
    return page.adapter.readBlurbs(page.doc, page.url);
  } catch (error) {
    warn('could not read the works on this page.', error);
    return [];
  }
}

/** Marks the page's blurbs of bookmarked works until `signal` aborts, which takes the markers away. */
export function startListingBookmarks(page: Page, deps: BookmarkDeps, signal: AbortSignal): ListingBookmarks {
  const doc = page.doc;
  const site = page.adapter.id;
  const blurbs = readBlurbs(page);
  const byId = new Map<string, Blurb[]>();
  for (const blurb of blurbs) {
    if (blurb.meta.site !== site) continue;
    const list = byId.get(blurb.meta.id);
    if (list) list.push(blurb);
    else byId.set(blurb.meta.id, [blurb]);
  }

  const show = (workId: string, bookmark: Bookmark | null) => {
    if (signal.aborted) return;
    for (const blurb of byId.get(workId) ?? []) {
      try {
        setMarker(doc, blurb.element, bookmark ? markerText(bookmark) : null);
      } catch (error) {
        warn('could not mark a work.', error);
      }
    }
  };

  const learn = async (workId: string, blurb: Blurb): Promise<void> => {
    let bookmark = await getBookmark(site, workId);
    if (!bookmark) return;
    if (detectNewChapters(bookmark, blurb.meta)) {
      bookmark = (await updateBookmark(site, workId, (b) => detectNewChapters(b, blurb.meta))) ?? bookmark;
    }
    show(workId, bookmark);
  };

  const unwatch = watchFewBookmarks((changes) => {
    for (const c of changes) if (c.site === site && byId.has(c.workId)) show(c.workId, c.bookmark);
  });
  onAbort(signal, () => {
    unwatch();
    try {
      removeMarkers();
    } catch (error) {
      warn('could not remove the markers.', error);
    }
  });

  const ready = Promise.all(
    [...byId].map(([workId, list]) =>
      learn(workId, list[0]!).catch((error: unknown) => warn(`could not check the bookmark of work ${workId}.`, error)),
    ),
  ).then(() => undefined);

  return {
    ready,
    async bookmarkWork(workId) {
      const blurb = byId.get(workId)?.[0];
      if (!blurb) return false;
      const existing = await getBookmark(site, workId);
      if (existing) return true;
      await putBookmark(newBookmark(blurb.meta, { chapter: 1 }, deps.now()));
      return true;
    },
  };
}
