/**
 * The shelf index: every bookmark in one compact string in `storage.session`, so the popup shows
 * 10,000 bookmarks after one small read instead of 10,000 record reads (~50 ms against ~400 ms).
 *
 * The per-bookmark records in storage.local stay the only truth. The index is a cache with one
 * writer, the background, which keeps it from `watchBookmarks` and rebuilds it from the records
 * when the browser starts or the extension is installed or updated. storage.session lives as
 * long as the browser session and is not shown to content scripts (they never pay for its change
 * events). A reader that finds no index, or one it cannot trust, reads the records instead.
 */
import { storage } from 'wxt/utils/storage';
import { bookmarkKey, type Bookmark } from '../bookmarks/types';
import { BOOKMARK_ABSENT_OK, BOOKMARK_FIELDS } from '../bookmarks/validate';
import {
  BOOKMARK_VERSION,
  getAllBookmarks,
  sortByReadAt,
  watchBookmarks,
  type BookmarkChange,
} from './bookmarks';

const shelfIndexItem = storage.defineItem<string | null>('session:shelfIndex', { fallback: null });

/** The index's own layout: a change to it (or to the record version) makes old indexes unreadable. */
const FORMAT = `shelf-index/1/bookmark-v${BOOKMARK_VERSION}`;
const FIELDS: readonly string[] = BOOKMARK_FIELDS;
/** Optional fields: stored as null when absent. */
const ABSENT_OK = new Set<string>(BOOKMARK_ABSENT_OK);

interface IndexFile {
  format: string;
  fields: string[];
  /** One array per bookmark, values in `fields` order (absent optional fields as null). */
  rows: unknown[][];
}

/** Pure: the index text for these bookmarks. */
export function encodeShelfIndex(bookmarks: Iterable<Bookmark>): string {
  const rows: unknown[][] = [];
  for (const b of bookmarks) {
    const record = b as unknown as Record<string, unknown>;
    rows.push(FIELDS.map((f) => record[f] ?? null));
  }
  const file: IndexFile = { format: FORMAT, fields: [...FIELDS], rows };
  return JSON.stringify(file);
}

type Kind = 'string' | 'number' | 'boolean' | 'strings' | 'number|null';

/**
 * What each field holds. The index is a cache only the background writes, from valid bookmarks:
 * reading it checks types (enough for the shelf to render), not every rule of the record schema
 * (that would cost the popup 100 ms for 10,000 bookmarks).
 */
const KINDS: Record<keyof Bookmark, Kind> = {
  site: 'string',
  workId: 'string',
  url: 'string',
  title: 'string',
  authors: 'strings',
  fandoms: 'strings',
  chapter: 'number',
  chapterCount: 'number',
  chapterTotal: 'number|null',
  progress: 'number',
  addedAt: 'string',
  readAt: 'string',
  note: 'string',
  paragraph: 'number|null',
  paragraphOffset: 'number',
  newChapters: 'number',
  status: 'string',
  readerMode: 'boolean',
  chapterUrl: 'string',
};

function hasKind(value: unknown, kind: Kind): boolean {
  switch (kind) {
    case 'strings':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'number|null':
      return value === null || typeof value === 'number';
    default:
      return typeof value === kind;
  }
}

/**
 * Pure: the bookmarks in an index text, or null when it is not a complete, current index (one
 * row of the wrong shape makes the whole index untrusted).
 */
export function decodeShelfIndex(text: unknown): Bookmark[] | null {
  if (typeof text !== 'string') return null;
  let file: IndexFile;
  try {
    file = JSON.parse(text) as IndexFile;
  } catch {
    return null;
  }
  if (file?.format !== FORMAT || !Array.isArray(file.rows) || file.fields?.join() !== FIELDS.join()) return null;
  const out: Bookmark[] = [];
  for (const row of file.rows) {
    if (!Array.isArray(row) || row.length !== FIELDS.length) return null;
    const record: Record<string, unknown> = {};
    for (let i = 0; i < FIELDS.length; i++) {
      const field = FIELDS[i] as keyof Bookmark;
      const value = row[i];
      if (value === null && ABSENT_OK.has(field)) continue;
      if (!hasKind(value, KINDS[field])) return null;
      record[field] = value;
    }
    out.push(record as unknown as Bookmark);
  }
  return out;
}

/** Every bookmark from the index, most recently read first, or null when there is no usable index. */
export async function readShelfIndex(): Promise<Bookmark[] | null> {
  try {
    const bookmarks = decodeShelfIndex(await shelfIndexItem.getValue());
    return bookmarks && sortByReadAt(bookmarks);
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
  });

  const rebuild = async () => {
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
  // A service worker that wakes mid-session starts from the index it left.
  readShelfIndex().then(
    (indexed) => {
      if (byKey) return;
      if (indexed) {
        const patched = early.length > 0;
        use(indexed);
        if (patched) write();
      } else {
        void rebuild();
      }
    },
    () => void rebuild(),
  );
  return { rebuild, stop };
}

