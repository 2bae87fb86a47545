/**
 * Every bookmark as shelf entries, kept current: loaded once, then patched from storage changes
 * (another tab saving progress, the content script's Bookmark button). Entries of unchanged
 * bookmarks are kept, so what they worked out (search text, read time) is not made again.
 */
import { useLayoutEffect, useState } from 'preact/hooks';
import { shelfEntry, type ShelfEntry, type ShelfSort } from '../../lib/bookmarks/shelf';
import { bookmarkKey } from '../../lib/bookmarks/types';
import { t } from '../../lib/i18n';
import { getAllBookmarks, watchBookmarks, type BookmarkChange } from '../../lib/storage';
import { readShelfIndex } from '../../lib/storage/shelf-index';
import { errorText } from '../hooks';

export interface ShelfData {
  /** null until loaded. */
  entries: ShelfEntry[] | null;
  /** The order `entries` are in already, if any: both sources give them most recently read first. */
  sortedBy: ShelfSort | null;
  error: string | null;
}

/** Every bookmark record as an entry (its search text is made when first needed). */
const fromRecords = async (): Promise<ShelfEntry[]> => (await getAllBookmarks()).map((b) => shelfEntry(b));

/**
 * `fromIndex` (the popup): start from the background's shelf index (lib/storage/shelf-index.ts),
 * one small read, instead of reading every bookmark record; records are read only when there is
 * no usable index. `indexed`: that index's entries, read already (null: there was none). The
 * options page reads the records.
 */
export function useBookmarkEntries({
  fromIndex = false,
  indexed,
}: { fromIndex?: boolean; indexed?: ShelfEntry[] | null } = {}): ShelfData {
  const [loaded, setLoaded] = useState<Pick<ShelfData, 'entries' | 'sortedBy'>>(() =>
    indexed ? { entries: indexed, sortedBy: 'readAt' } : { entries: null, sortedBy: null },
  );
  const [error, setError] = useState<string | null>(null);

  // A layout effect: the read starts as the first render is committed, not a frame later.
  useLayoutEffect(() => {
    let live = true;
    /** The entries, null while loading. */
    let current: ShelfEntry[] | null = null;
    /** The entries by bookmark key, made at the first change (most popups see none). */
    let byKey: Map<string, ShelfEntry> | null = null;
    /** Changes seen while loading, applied on top of the load. */
    const early: BookmarkChange[] = [];
    const apply = (changes: readonly BookmarkChange[]) => {
      byKey ??= new Map(current!.map((entry) => [entry.key, entry]));
      for (const c of changes) {
        const key = bookmarkKey(c.site, c.workId);
        if (c.bookmark) byKey.set(key, shelfEntry(c.bookmark));
        else byKey.delete(key);
      }
      current = [...byKey.values()];
    };
    let generation = 0;
    const load = (source: () => Promise<readonly ShelfEntry[]> = fromRecords) => {
      const mine = ++generation;
      current = null;
      byKey = null;
      source().then(
        (all) => {
          if (!live || mine !== generation) return;
          current = [...all];
          if (early.length > 0) apply(early.splice(0));
          setLoaded({ entries: current, sortedBy: byKey ? null : 'readAt' });
        },
        (err: unknown) => {
          if (live) setError(t('shelfCouldNotRead', errorText(err)));
        },
      );
    };
    // Watch first, so a change made while loading is not missed.
    const stop = watchBookmarks((changes) => {
      if (!live) return;
      if (current === null) {
        early.push(...changes);
        return;
      }
      apply(changes);
      setLoaded({ entries: current, sortedBy: null });
    }, () => load());
    if (indexed) current = indexed;
    else if (fromIndex && indexed === undefined) load(async () => (await readShelfIndex()) ?? fromRecords());
    else load();
    return () => {
      live = false;
      stop();
    };
  }, [fromIndex, indexed]);

  return { ...loaded, error };
}
