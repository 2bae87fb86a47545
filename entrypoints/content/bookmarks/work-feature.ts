/** Bookmarks with their work-page part: the feature as the work pages' script starts it. */
import type { Feature } from '../page';
import { bookmarksFeature } from './index';
import { startWorkBookmarks, type BookmarkDeps } from './work';

/** The feature with its timing injectable (tests). */
export const createBookmarksFeature = (overrides: Partial<BookmarkDeps> = {}): Feature => bookmarksFeature(overrides, startWorkBookmarks);

export const startBookmarks: Feature = createBookmarksFeature();
