/**
 * The shelf index's text (see ./shelf-index.ts). Pure.
 *
 * Every byte of it is read each time the popup opens, so it is compact: one array per bookmark
 * (no field names), and the strings bookmarks share (creators, fandoms, site, status, the start
 * of each URL) written once in a table and referred to by number. 10,000 bookmarks take about
 * half the room of their JSON records.
 */
import { fold, lazyShelfEntry, timeOf, type ShelfEntry } from '../bookmarks/shelf';
import type { Bookmark } from '../bookmarks/types';
import { BOOKMARK_FIELDS } from '../bookmarks/validate';
import { BOOKMARK_VERSION, sortByReadAt } from './bookmarks';

/**
 * How a field is written: as it is; through the shared-string table; a URL as [shared start,
 * rest] (just [shared start] when the rest is the work id). (Dates stay text: turning 20,000
 * numbers back into date text costs the popup more than reading the longer text.)
 */
type Kind = 'plain' | 'shared' | 'sharedList' | 'url';

const KINDS: Record<keyof Bookmark, Kind> = {
  site: 'shared',
  workId: 'plain',
  url: 'url',
  title: 'plain',
  authors: 'sharedList',
  fandoms: 'sharedList',
  chapter: 'plain',
  chapterCount: 'plain',
  chapterTotal: 'plain',
  progress: 'plain',
  addedAt: 'plain',
  readAt: 'plain',
  note: 'plain',
  paragraph: 'plain',
  paragraphOffset: 'plain',
  newChapters: 'plain',
  status: 'shared',
  readerMode: 'plain',
  chapterUrl: 'url',
};

/** The layout's name: a change to it (or to the record version) makes older indexes unreadable. */
const FORMAT = `shelf-index/2/bookmark-v${BOOKMARK_VERSION}`;
const FIELDS = BOOKMARK_FIELDS;
/** Each field's position in a row. */
const AT = Object.fromEntries(FIELDS.map((field, i) => [field, i])) as Record<keyof Bookmark, number>;

interface IndexFile {
  format: string;
  fields: string[];
  /** The shared strings; rows refer to them by position. */
  strings: string[];
  /** One array per bookmark, values in `fields` order. */
  rows: unknown[][];
}

/** The index text; rows most recently read first, the popup's first order (sorting them again is then cheap). */
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
  const encode = (kind: Kind, value: unknown, b: Bookmark): unknown => {
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
        const rest = url.slice(cut);
        return rest === b.workId ? [shared(url.slice(0, cut))] : [shared(url.slice(0, cut)), rest];
      }
      default:
        return value;
    }
  };
  const rows: unknown[][] = [];
  for (const b of sortByReadAt([...bookmarks])) {
    const record = b as unknown as Record<string, unknown>;
    rows.push(FIELDS.map((field) => encode(KINDS[field], record[field], b)));
  }
  const file: IndexFile = { format: FORMAT, fields: [...FIELDS], strings, rows };
  return JSON.stringify(file);
}

const isShared = (v: unknown, count: number): boolean =>
  typeof v === 'number' && v >= 0 && v < count && Number.isInteger(v);

function isSharedList(v: unknown, count: number): boolean {
  if (!Array.isArray(v)) return false;
  for (const x of v) if (!isShared(x, count)) return false;
  return true;
}

const isUrl = (v: unknown, count: number): boolean =>
  Array.isArray(v) && isShared(v[0], count) && (v.length === 1 || (v.length === 2 && typeof v[1] === 'string'));

/**
 * A row's values are of the right kinds, checked without building anything, in plain
 * expressions: this runs 10,000 times, once, in a popup that has just started (unoptimised code).
 */
function rowIsWhole(r: unknown, count: number): r is unknown[] {
  if (!Array.isArray(r) || r.length !== FIELDS.length) return false;
  const chapterTotal = r[AT.chapterTotal];
  const paragraph = r[AT.paragraph];
  return (
    isShared(r[AT.site], count) &&
    typeof r[AT.workId] === 'string' &&
    isUrl(r[AT.url], count) &&
    typeof r[AT.title] === 'string' &&
    isSharedList(r[AT.authors], count) &&
    isSharedList(r[AT.fandoms], count) &&
    typeof r[AT.chapter] === 'number' &&
    typeof r[AT.chapterCount] === 'number' &&
    (chapterTotal === null || typeof chapterTotal === 'number') &&
    typeof r[AT.progress] === 'number' &&
    typeof r[AT.addedAt] === 'string' &&
    typeof r[AT.readAt] === 'string' &&
    typeof r[AT.note] === 'string' &&
    (paragraph === null || typeof paragraph === 'number') &&
    typeof r[AT.paragraphOffset] === 'number' &&
    typeof r[AT.newChapters] === 'number' &&
    isShared(r[AT.status], count) &&
    typeof r[AT.readerMode] === 'boolean' &&
    (r[AT.chapterUrl] === null || isUrl(r[AT.chapterUrl], count))
  );
}

/** The bookmark of a whole row. */
function bookmarkOf(r: unknown[], strings: readonly string[]): Bookmark {
  const workId = r[AT.workId] as string;
  const url = (v: unknown) => {
    const [start, rest] = v as [number, string?];
    return strings[start] + (rest ?? workId);
  };
  const bookmark: Bookmark = {
    site: strings[r[AT.site] as number] as Bookmark['site'],
    workId,
    url: url(r[AT.url]),
    title: r[AT.title] as string,
    authors: (r[AT.authors] as number[]).map((i) => strings[i]!),
    fandoms: (r[AT.fandoms] as number[]).map((i) => strings[i]!),
    chapter: r[AT.chapter] as number,
    chapterCount: r[AT.chapterCount] as number,
    chapterTotal: r[AT.chapterTotal] as number | null,
    progress: r[AT.progress] as number,
    addedAt: r[AT.addedAt] as string,
    readAt: r[AT.readAt] as string,
    note: r[AT.note] as string,
    paragraph: r[AT.paragraph] as number | null,
    paragraphOffset: r[AT.paragraphOffset] as number,
    newChapters: r[AT.newChapters] as number,
    status: strings[r[AT.status] as number] as Bookmark['status'],
    readerMode: r[AT.readerMode] as boolean,
  };
  if (r[AT.chapterUrl] !== null) bookmark.chapterUrl = url(r[AT.chapterUrl]);
  return bookmark;
}

/**
 * The shelf entries of an index text, or null when it is not a whole, current index (one value of
 * the wrong kind makes the whole index untrusted). Each entry's search text and read time are
 * worked out now (each shared string folded once); its bookmark is built when first asked for,
 * which for most of 10,000 entries is never while the popup is open.
 */
export function decodeShelfIndex(text: unknown): ShelfEntry[] | null {
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
  const out: ShelfEntry[] = [];
  for (const r of rows) {
    if (!rowIsWhole(r, strings.length)) return null;
    const titleKey = fold(r[AT.title] as string);
    let haystack = titleKey;
    for (const at of r[AT.authors] as number[]) haystack += `\n${(folded[at] ??= fold(strings[at]!))}`;
    for (const at of r[AT.fandoms] as number[]) haystack += `\n${(folded[at] ??= fold(strings[at]!))}`;
    const site = strings[r[AT.site] as number] as Bookmark['site'];
    const facts = { site, workId: r[AT.workId] as string, readAt: timeOf(r[AT.readAt] as string), haystack, titleKey };
    out.push(lazyShelfEntry(facts, () => bookmarkOf(r, strings)));
  }
  return out;
}
