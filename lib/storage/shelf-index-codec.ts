/**
 * The shelf index's text (see ./shelf-index.ts). Pure.
 *
 * Every byte of it is read each time the popup opens, so it is compact: one array per bookmark
 * (no field names), and the strings bookmarks share (creators, fandoms, site, status, the start
 * of each URL) written once in a table and referred to by number. 10,000 bookmarks take about
 * half the room of their JSON records.
 */
import { fold, type SearchText } from '../bookmarks/shelf';
import type { Bookmark } from '../bookmarks/types';
import { BOOKMARK_ABSENT_OK, BOOKMARK_FIELDS } from '../bookmarks/validate';
import { BOOKMARK_VERSION } from './bookmarks';

/** How a field is written: as it is, or through the shared-string table. */
type Kind = 'string' | 'number' | 'boolean' | 'number|null' | 'shared' | 'sharedList' | 'url';

/**
 * Every field's kind. The index is a cache only the background writes, from valid bookmarks:
 * reading it checks kinds (enough for the shelf to render), not every rule of the record schema.
 */
const KINDS: Record<keyof Bookmark, Kind> = {
  site: 'shared',
  workId: 'string',
  url: 'url',
  title: 'string',
  authors: 'sharedList',
  fandoms: 'sharedList',
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
  status: 'shared',
  readerMode: 'boolean',
  chapterUrl: 'url',
};

/** The layout's name: a change to it (or to the record version) makes older indexes unreadable. */
const FORMAT = `shelf-index/2/bookmark-v${BOOKMARK_VERSION}`;
const FIELDS = BOOKMARK_FIELDS;
const AUTHORS_AT = FIELDS.indexOf('authors');
const FANDOMS_AT = FIELDS.indexOf('fandoms');
/** Optional fields: written as null when absent. */
const ABSENT_OK = new Set<string>(BOOKMARK_ABSENT_OK);

interface IndexFile {
  format: string;
  fields: string[];
  /** The shared strings; rows refer to them by position. */
  strings: string[];
  /** One array per bookmark, values in `fields` order. */
  rows: unknown[][];
}

export interface IndexedBookmark {
  bookmark: Bookmark;
  /** Made while decoding, from the shared strings folded once each: the first search folds nothing. */
  search: SearchText;
}

export function encodeShelfIndex(bookmarks: Iterable<Bookmark>): string {
  const strings: string[] = [];
  const position = new Map<string, number>();
  const shared = (s: string): number => {
    let at = position.get(s);
    if (at === undefined) {
      at = strings.push(s) - 1;
      position.set(s, at);
    }
    return at;
  };
  const encode = (kind: Kind, value: unknown): unknown => {
    if (value === undefined || value === null) return null;
    switch (kind) {
      case 'shared':
        return shared(value as string);
      case 'sharedList':
        return (value as string[]).map(shared);
      case 'url': {
        // "https://site/works/" + "123": the start is shared by most of a site's bookmarks.
        const url = value as string;
        const cut = url.lastIndexOf('/') + 1;
        return [shared(url.slice(0, cut)), url.slice(cut)];
      }
      default:
        return value;
    }
  };
  const rows: unknown[][] = [];
  for (const b of bookmarks) {
    const record = b as unknown as Record<string, unknown>;
    rows.push(FIELDS.map((field) => encode(KINDS[field], record[field])));
  }
  const file: IndexFile = { format: FORMAT, fields: [...FIELDS], strings, rows };
  return JSON.stringify(file);
}

const isIndex = (strings: readonly string[], value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < strings.length;

/** A field's value from its written form, or `undefined` when it has the wrong shape. */
function decodeValue(kind: Kind, value: unknown, strings: readonly string[]): unknown {
  switch (kind) {
    case 'shared':
      return isIndex(strings, value) ? strings[value] : undefined;
    case 'sharedList':
      if (!Array.isArray(value) || !value.every((v) => isIndex(strings, v))) return undefined;
      return value.map((v: number) => strings[v]);
    case 'url':
      if (!Array.isArray(value) || value.length !== 2 || !isIndex(strings, value[0]) || typeof value[1] !== 'string') {
        return undefined;
      }
      return strings[value[0]] + value[1];
    case 'number|null':
      return value === null || typeof value === 'number' ? value : undefined;
    default:
      return typeof value === kind ? value : undefined;
  }
}

/**
 * The bookmarks in an index text, with their search text, or null when it is not a whole,
 * current index (one row of the wrong shape makes the whole index untrusted).
 */
export function decodeShelfIndex(text: unknown): IndexedBookmark[] | null {
  if (typeof text !== 'string') return null;
  let file: IndexFile;
  try {
    file = JSON.parse(text) as IndexFile;
  } catch {
    return null;
  }
  if (file?.format !== FORMAT || file.fields?.join() !== FIELDS.join()) return null;
  const { strings, rows } = file;
  if (!Array.isArray(rows) || !Array.isArray(strings) || !strings.every((s) => typeof s === 'string')) return null;
  const folded: (string | undefined)[] = [];
  const foldShared = (s: string, at: number) => (folded[at] ??= fold(s));
  const out: IndexedBookmark[] = [];
  for (const row of rows) {
    if (!Array.isArray(row) || row.length !== FIELDS.length) return null;
    const record: Record<string, unknown> = {};
    for (let i = 0; i < FIELDS.length; i++) {
      const field = FIELDS[i]!;
      if (row[i] === null && ABSENT_OK.has(field)) continue;
      const value = decodeValue(KINDS[field], row[i], strings);
      if (value === undefined) return null;
      record[field] = value;
    }
    const bookmark = record as unknown as Bookmark;
    const authors = row[AUTHORS_AT] as number[];
    const fandoms = row[FANDOMS_AT] as number[];
    const titleKey = fold(bookmark.title);
    const parts = [titleKey];
    for (const at of authors) parts.push(foldShared(strings[at]!, at));
    for (const at of fandoms) parts.push(foldShared(strings[at]!, at));
    out.push({ bookmark, search: { haystack: parts.join('\n'), titleKey } });
  }
  return out;
}
