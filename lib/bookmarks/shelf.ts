/**
 * The shelf (popup and options): search, filter and sort bookmarks. Pure.
 *
 * Built for 10,000 bookmarks: an entry makes what it needs on first use (a record's entry,
 * `shelfEntry`, folds its texts once; the popup's entries come from the shelf index,
 * lib/bookmarks/shelf-index-entries.ts), and the UI renders only a window of the result.
 */
import { t, type MessageKey } from '../i18n';
import { withResumeMarker } from '../reader/navigation';
import { compareBookmarksById } from './merge';
import { bookmarkKey, type Bookmark, type BookmarkStatus } from './types';

export interface ShelfEntry {
  readonly key: string;
  readonly site: Bookmark['site'];
  readonly workId: string;
  readonly bookmark: Bookmark;
  /** The title folded, for sorting by title. */
  readonly titleKey: string;
  readonly readAt: number;
  readonly addedAt: number;
  /** The bookmark's status and new chapters, read without building it (index entries). */
  readonly status: BookmarkStatus;
  readonly newChapters: number;
  /** Whether every search term (`searchTerms`) is in the title, a creator or a fandom. */
  matches(terms: readonly string[]): boolean;
  /** Does ahead of time what the first search would (in idle time). */
  prepareSearch(): void;
}

export type ShelfSort = 'readAt' | 'addedAt' | 'title' | 'new';
/** Every bookmark, those of one status, or those whose work has chapters the reader has not seen. */
export type ShelfStatusFilter = 'all' | 'new' | BookmarkStatus;

/** The sort orders, in the order the shelf offers them, with their names' messages. */
export const SHELF_SORTS: Record<ShelfSort, MessageKey> = {
  readAt: 'shelfSortReadAt',
  addedAt: 'shelfSortAddedAt',
  title: 'shelfSortTitle',
  new: 'shelfSortNew',
};

// ---- Words on the shelf (in the reader's language) ------------------------------------------------

/** "Last read", "Date added"… */
export const shelfSortLabel = (sort: ShelfSort): string => t(SHELF_SORTS[sort]);

const NON_ASCII = /[^\x00-\x7f]/;
/** Whitespace that folding changes: a run, any but a plain space, or at either end. */
const MESSY_SPACE = /\s\s|[^\S ]|^\s|\s$/;

/** Lowercase, accents gone, runs of space one space: "Café  Noir" → "cafe noir". */
export function fold(text: string): string {
  // ASCII text is its own NFKD form and has no combining accents: skip both (most titles).
  const plain = NON_ASCII.test(text) ? text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : text;
  const lower = plain.toLowerCase();
  // Most texts have single plain spaces only: skip the rewrite (10,000 titles at popup open).
  return MESSY_SPACE.test(lower) ? lower.replace(/\s+/g, ' ').trim() : lower;
}

/** ms of an ISO date; an unreadable one sorts as the oldest. */
export const timeOf = (iso: string): number => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
};

/** A bookmark's folded texts, as the search and the title sort use them. */
export interface SearchText {
  /** Title, creators and fandoms, folded (lowercase, no accents), one per line. */
  readonly haystack: string;
  readonly titleKey: string;
}

export function searchText(b: Pick<Bookmark, 'title' | 'authors' | 'fandoms'>): SearchText {
  return { haystack: [b.title, ...b.authors, ...b.fandoms].map(fold).join('\n'), titleKey: fold(b.title) };
}

/**
 * A shelf entry of a bookmark record. The folded texts and `addedAt` are made on first use and
 * kept: the shelf shows its first rows without folding 10,000 bookmarks' texts, which the first
 * search (or `prepareSearch` in idle time) then does once.
 */
class RecordEntry implements ShelfEntry {
  #addedAt: number | undefined;
  #haystack: string | undefined;
  #titleKey: string | undefined;

  readonly key: string;
  readonly site: Bookmark['site'];
  readonly workId: string;
  readonly readAt: number;

  constructor(readonly bookmark: Bookmark) {
    this.site = bookmark.site;
    this.workId = bookmark.workId;
    this.key = bookmarkKey(bookmark.site, bookmark.workId);
    this.readAt = timeOf(bookmark.readAt);
  }

  get status(): BookmarkStatus {
    return this.bookmark.status;
  }

  get newChapters(): number {
    return this.bookmark.newChapters;
  }

  get addedAt(): number {
    this.#addedAt ??= timeOf(this.bookmark.addedAt);
    return this.#addedAt;
  }

  get haystack(): string {
    this.#haystack ??= searchText(this.bookmark).haystack;
    return this.#haystack;
  }

  get titleKey(): string {
    this.#titleKey ??= fold(this.bookmark.title);
    return this.#titleKey;
  }

  matches(terms: readonly string[]): boolean {
    for (const term of terms) if (!this.haystack.includes(term)) return false;
    return true;
  }

  prepareSearch(): void {
    void this.haystack;
  }
}

export function shelfEntry(bookmark: Bookmark): ShelfEntry & SearchText {
  return new RecordEntry(bookmark);
}

/**
 * Makes the entries' search text ahead of the first search, a slice at a time while `more()` says
 * there is time (e.g. an idle callback's `timeRemaining() > 1`). Returns the index to resume from
 * (`entries.length` when done).
 */
export function prepareSearch(entries: readonly ShelfEntry[], from: number, more: () => boolean): number {
  let i = from;
  while (i < entries.length) {
    const end = Math.min(entries.length, i + 200);
    for (; i < end; i++) entries[i]!.prepareSearch();
    if (!more()) break;
  }
  return i;
}

/** The search's terms: folded words; every one must appear (in title, a creator or a fandom). */
export function searchTerms(query: string): string[] {
  // Control characters are never part of a term (the shelf index separates its texts with them).
  const folded = fold(query.replace(/[\u0000-\u001f]/g, ' '));
  return folded === '' ? [] : folded.split(' ');
}

const byTitle = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function byNewest(a: number, b: number): number {
  if (a === b) return 0;
  return b > a ? 1 : -1;
}

export function compareEntries(sort: ShelfSort): (a: ShelfEntry, b: ShelfEntry) => number {
  // Ids only: an index entry's bookmark is not built for sorting.
  const tie = (a: ShelfEntry, b: ShelfEntry) => compareBookmarksById(a, b);
  switch (sort) {
    case 'addedAt':
      return (a, b) => byNewest(a.addedAt, b.addedAt) || tie(a, b);
    case 'title':
      return (a, b) => byTitle.compare(a.titleKey, b.titleKey) || tie(a, b);
    case 'new':
      return (a, b) =>
        Number(b.newChapters > 0) - Number(a.newChapters > 0) || byNewest(a.readAt, b.readAt) || tie(a, b);
    case 'readAt':
    default:
      return (a, b) => byNewest(a.readAt, b.readAt) || tie(a, b);
  }
}

export interface ShelfQuery {
  search: string;
  status: ShelfStatusFilter;
  sort: ShelfSort;
}

/** The entries in `sort` order (a new array). Sort once, then filter as the search changes. */
export function sortEntries(entries: Iterable<ShelfEntry>, sort: ShelfSort): ShelfEntry[] {
  return [...entries].sort(compareEntries(sort));
}

/** Reads only the entry's status and new chapters: an index entry builds no bookmark for it. */
function passesStatus(entry: ShelfEntry, status: ShelfStatusFilter): boolean {
  if (status === 'all') return true;
  return status === 'new' ? entry.newChapters > 0 : entry.status === status;
}

/** The entries that pass the status filter and the search, in the order given. */
export function filterEntries(
  entries: readonly ShelfEntry[],
  query: Pick<ShelfQuery, 'search' | 'status'>,
): ShelfEntry[] {
  const terms = searchTerms(query.search);
  if (query.status === 'all' && terms.length === 0) return [...entries];
  const out: ShelfEntry[] = [];
  for (const entry of entries) {
    if (!passesStatus(entry, query.status)) continue;
    if (terms.length > 0 && !entry.matches(terms)) continue;
    out.push(entry);
  }
  return out;
}

/** The entries to show, in order. */
export function shelfView(entries: readonly ShelfEntry[], query: ShelfQuery): ShelfEntry[] {
  return filterEntries(sortEntries(entries, query.sort), query);
}

/** Works with chapters the reader has not seen: the number on the toolbar badge. */
export function countWithNewChapters(bookmarks: Iterable<Pick<Bookmark, 'newChapters'>>): number {
  let n = 0;
  for (const b of bookmarks) if (b.newChapters > 0) n += 1;
  return n;
}

/**
 * Where Resume goes: the chapter page (when it is on the work's own site), else the work, marked
 * to scroll back to the saved place (in the reader when it was on).
 */
export function resumeUrl(bookmark: Pick<Bookmark, 'url' | 'chapterUrl' | 'readerMode'>): string {
  let target = bookmark.url;
  if (bookmark.chapterUrl) {
    try {
      const chapter = new URL(bookmark.chapterUrl);
      const work = new URL(bookmark.url);
      const sameSite = chapter.origin === work.origin && (chapter.protocol === 'https:' || chapter.protocol === 'http:');
      if (sameSite) target = chapter.href;
    } catch {
      // keep the work URL
    }
  }
  return withResumeMarker(target, bookmark.readerMode);
}

/**
 * The toolbar badge's count, kept current from storage changes without re-reading every bookmark
 * (background: `reset(await getAllBookmarks())` once, then `apply(changes)` from `watchBookmarks`).
 */
export function createNewChapterTally() {
  const withNews = new Set<string>();
  return {
    reset(bookmarks: Iterable<Bookmark>): number {
      withNews.clear();
      for (const b of bookmarks) if (b.newChapters > 0) withNews.add(bookmarkKey(b.site, b.workId));
      return withNews.size;
    },
    apply(changes: Iterable<{ site: Bookmark['site']; workId: string; bookmark: Bookmark | null }>): number {
      for (const c of changes) {
        const key = bookmarkKey(c.site, c.workId);
        if (c.bookmark && c.bookmark.newChapters > 0) withNews.add(key);
        else withNews.delete(key);
      }
      return withNews.size;
    },
    get count(): number {
      return withNews.size;
    },
  };
}
