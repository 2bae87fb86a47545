/**
 * Every bookmark as shelf entries, kept current: loaded once, then patched from storage changes
 * (another tab saving progress, the content script's Bookmark button). An entry's search text is
 * made once per bookmark version, so typing in the search never rebuilds 10,000 of them.
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { shelfEntry, type ShelfEntry } from '../../lib/bookmarks/shelf';
import { bookmarkKey } from '../../lib/bookmarks/types';
import { getAllBookmarks, watchBookmarks } from '../../lib/storage';
import { readShelfIndex } from '../../lib/storage/shelf-index';
import { t } from '../../lib/i18n';
import { errorText } from '../hooks';

export interface ShelfData {
  /** null until loaded. */
  entries: ShelfEntry[] | null;
  error: string | null;
}

/** Every bookmark record as an entry (its search text is made when first needed). */
const fromRecords = async (): Promise<ShelfEntry[]> => (await getAllBookmarks()).map((b) => shelfEntry(b));

/**
 * `fromIndex` (the popup): start from the background's shelf index (lib/storage/shelf-index.ts),
 * one small read, instead of reading every bookmark record; records are read only when there is
 * no usable index. The options page reads the records.
 */
export function useBookmarkEntries({ fromIndex = false } = {}): ShelfData {
  const map = useRef(new Map<string, ShelfEntry>());
  const [version, setVersion] = useState(-1);
  const [error, setError] = useState<string | null>(null);

  // A layout effect: the read starts as the first render is committed, not a frame later.
  useLayoutEffect(() => {
    let live = true;
    let loaded = false;
    /** Changes seen before the first load finished, applied on top of it. */
    const early: Parameters<Parameters<typeof watchBookmarks>[0]>[0] = [];
    const apply = (changes: typeof early) => {
      for (const c of changes) {
        const key = bookmarkKey(c.site, c.workId);
        if (c.bookmark) map.current.set(key, shelfEntry(c.bookmark));
        else map.current.delete(key);
      }
    };
    let generation = 0;
    const load = (source: () => Promise<readonly ShelfEntry[]> = fromRecords) => {
      const mine = ++generation;
      loaded = false;
      source().then(
        (all) => {
          if (!live || mine !== generation) return;
          const next = new Map<string, ShelfEntry>();
          for (const entry of all) next.set(entry.key, entry);
          map.current = next;
          apply(early.splice(0));
          loaded = true;
          setVersion((v) => v + 1);
        },
        (err: unknown) => {
          if (live) setError(t('shelfCouldNotRead', errorText(err)));
        },
      );
    };
    // Watch first, so a change made while loading is not missed.
    const stop = watchBookmarks((changes) => {
      if (!live) return;
      if (!loaded) {
        early.push(...changes);
        return;
      }
      apply(changes);
      setVersion((v) => v + 1);
    }, () => load());
    load(fromIndex ? async () => (await readShelfIndex()) ?? fromRecords() : fromRecords);
    return () => {
      live = false;
      stop();
    };
  }, [fromIndex]);

  const entries = useMemo(() => (version < 0 ? null : [...map.current.values()]), [version]);
  return { entries, error };
}
