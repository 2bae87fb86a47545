/**
 * The shelf index: every bookmark in a few long strings in `storage.session` (layout:
 * ./shelf-index-codec.ts), so the popup shows 10,000 bookmarks after one read of ~0.95 MB, checked
 * in a few ms, instead of 10,000 record reads (~500 ms).
 *
 * The per-bookmark records in storage.local stay the only truth. The index is a cache with one
 * writer, the background, which keeps it from `watchBookmarks` and rebuilds it from the records
 * when the browser starts or the extension is installed or updated. storage.session lives as
 * long as the browser session and is not shown to content scripts (they never pay for its change
 * events). A reader that finds no index, or one it cannot trust, reads the records instead.
 */
import { storage } from 'wxt/utils/storage';
import { lazyItem } from './lazy-item';
import type { ShelfEntry } from '../bookmarks/shelf';
import { bookmarkKey, type Bookmark } from '../bookmarks/types';
import { getAllBookmarks, watchBookmarks, type BookmarkChange } from './bookmarks';
import { encodeShelfIndex, type ShelfIndexFile } from '../bookmarks/shelf-index-codec';
import { decodeShelfIndex } from '../bookmarks/shelf-index-entries';
import { readRawShelfIndex, SHELF_INDEX_KEY } from './shelf-index-read';

const shelfIndexItem = lazyItem(`session:${SHELF_INDEX_KEY}`, (key) => storage.defineItem<ShelfIndexFile | null>(key, { fallback: null }));

/**
 * The shelf entries of the index, most recently read first, or null when there is no usable index.
 * Uses the read the popup started early (./shelf-index-read.ts) if there is one.
 */
export async function readShelfIndex(): Promise<ShelfEntry[] | null> {
  try {
    return decodeShelfIndex(await readRawShelfIndex());
  } catch {
    return null;
  }
}

/**
 * Background only: keep the index. `rebuild` reads every record and rewrites the index (at
 * startup and install); between rebuilds, each change to a record patches it.
 */
export function maintainShelfIndex(): { rebuild(): Promise<void>; stop(): void } {
  let byKey: Map<string, Bookmark> | null = null;
  /** Changes seen before the first load finished. */
  const early: BookmarkChange[] = [];
  /** Per running rebuild, the changes seen while it reads the records (the read may or may not include them). */
  const rebuilds = new Set<BookmarkChange[]>();
  let writes = Promise.resolve();
  let queued = false;

  const write = () => {
    if (queued) return;
    queued = true;
    writes = writes
      .then(() => {
        queued = false;
        return byKey ? shelfIndexItem.setValue(encodeShelfIndex(byKey.values())) : undefined;
      })
      .catch((error: unknown) => {
        // Too big for storage.session, say: readers fall back to the records.
        console.warn('[lamplight] could not write the shelf index', error);
        return shelfIndexItem.removeValue().catch(() => {});
      });
  };
  const apply = (changes: readonly BookmarkChange[]) => {
    for (const c of changes) {
      const key = bookmarkKey(c.site, c.workId);
      if (c.bookmark) byKey!.set(key, c.bookmark);
      else byKey!.delete(key);
    }
  };
  const use = (bookmarks: readonly Bookmark[]) => {
    byKey = new Map(bookmarks.map((b) => [bookmarkKey(b.site, b.workId), b]));
    apply(early.splice(0));
  };

  const stop = watchBookmarks((changes) => {
    for (const seen of rebuilds) seen.push(...changes);
    if (!byKey) {
      early.push(...changes);
      return;
    }
    apply(changes);
    write();
  }, undefined, true);

  /** The rebuild under way: a second request (install and a missing index, together) joins it. */
  let rebuilding: Promise<void> | null = null;
  const runRebuild = async () => {
    const seen: BookmarkChange[] = [];
    rebuilds.add(seen);
    try {
      use(await getAllBookmarks());
      apply(seen);
    } finally {
      rebuilds.delete(seen);
    }
    write();
    await writes;
  };
  const rebuild = () => {
    rebuilding ??= runRebuild().finally(() => (rebuilding = null));
    return rebuilding;
  };
  // A service worker that wakes mid-session starts from the index it left.
  void readShelfIndex().then((indexed) => {
    if (byKey) return;
    if (!indexed) return void rebuild().catch((error: unknown) => console.warn('[lamplight] could not index the shelf', error));
    const patched = early.length > 0;
    use(indexed.map((entry) => entry.bookmark));
    if (patched) write();
  });
  return { rebuild, stop };
}

