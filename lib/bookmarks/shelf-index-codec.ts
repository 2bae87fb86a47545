/**
 * The shelf index's stored form (lib/storage/shelf-index.ts keeps it). Pure.
 *
 * The popup reads all of it each time it opens, so it is made to be taken in without building
 * anything per bookmark: three long strings with one row per bookmark, most recently read first
 * (the popup's first order):
 *  - `titles`;
 *  - `tags`: the creators and fandoms, as positions in `shared`;
 *  - `rows`: every other field, the read time first, then the site and work id.
 * Separators and escaping: ./shelf-index-text.ts. Strings many bookmarks share (creators, fandoms,
 * site, status, the start of a URL) are written once in `shared`; a date is its ms in base 36
 * when that gives back the same text. Checking an index is one regular expression per row of
 * each string, which builds nothing; a row's bookmark is built when it is asked for.
 */
import { timeOf } from './shelf';
import type { Bookmark } from './types';
import { BOOKMARK_FIELDS } from './validate';
import { sortByReadAt } from './merge';
import { BOOKMARK_VERSION } from './stored';
import {
  below,
  escapeText,
  GS,
  NUMBER,
  RS,
  TEXT,
  unescapeText,
  US,
} from './shelf-index-text';

/** How a field of `rows` is written. */
type Kind = 'text' | 'shared' | 'url' | 'optionalUrl' | 'number' | 'nullableNumber' | 'date' | 'boolean';

const ROW_FIELDS = [
  ['readAt', 'date'],
  ['site', 'shared'],
  ['workId', 'text'],
  ['url', 'url'],
  ['chapter', 'number'],
  ['chapterCount', 'number'],
  ['chapterTotal', 'nullableNumber'],
  ['progress', 'number'],
  ['addedAt', 'date'],
  ['note', 'text'],
  ['paragraph', 'nullableNumber'],
  ['paragraphOffset', 'number'],
  ['newChapters', 'number'],
  ['status', 'shared'],
  ['readerMode', 'boolean'],
  ['chapterUrl', 'optionalUrl'],
] as const satisfies readonly (readonly [keyof Bookmark, Kind])[];

/** Every field (title, tags, rows): stored with the index, so a change of layout makes older ones unreadable. */
export const SHELF_INDEX_FIELDS: readonly (keyof Bookmark)[] = ['title', 'authors', 'fandoms', ...ROW_FIELDS.map(([field]) => field)];
const FORMAT = `shelf-index/3/bookmark-v${BOOKMARK_VERSION}`;
/** Dates whose ms take more base-36 digits than this are written as text (none before the year 100,000). */
const DATE_DIGITS = 10;

export interface ShelfIndexFile {
  format: string;
  fields: string[];
  count: number;
  /** Strings the tags and rows refer to by position. */
  shared: string[];
  titles: string;
  tags: string;
  rows: string;
}

/** The index; rows most recently read first. */
export function encodeShelfIndex(bookmarks: Iterable<Bookmark>): ShelfIndexFile {
  const shared: string[] = [];
  const position = new Map<string, number>();
  const ref = (s: string): string => {
    let at = position.get(s);
    if (at === undefined) {
      at = shared.push(s) - 1;
      position.set(s, at);
    }
    return String(at);
  };
  // "https://site/works/" + id + "/chapters/9": the start is shared by most of a site's bookmarks.
  const url = (value: string, workId: string): string => {
    const at = value.indexOf(`/${workId}`) + 1;
    if (at === 0) return `=${escapeText(value)}`;
    const rest = value.slice(at + workId.length);
    return ref(value.slice(0, at)) + (rest === '' ? '' : GS + escapeText(rest));
  };
  const date = (iso: string): string => {
    const ms = Date.parse(iso);
    const digits = Number.isNaN(ms) ? '' : ms.toString(36);
    return digits !== '' && digits.replace('-', '').length <= DATE_DIGITS && new Date(ms).toISOString() === iso
      ? digits
      : `=${escapeText(iso)}`;
  };
  const encode = (kind: Kind, value: unknown, b: Bookmark): string => {
    switch (kind) {
      case 'text':
        return escapeText(value as string);
      case 'shared':
        return ref(value as string);
      case 'url':
        return url(value as string, b.workId);
      case 'optionalUrl':
        return value === undefined ? '' : url(value as string, b.workId);
      case 'nullableNumber':
        return value === null ? '' : String(value);
      case 'number':
        return String(value);
      case 'date':
        return date(value as string);
      case 'boolean':
        return value ? '1' : '0';
    }
  };
  const titles: string[] = [];
  const tags: string[] = [];
  const rows: string[] = [];
  const sorted = sortByReadAt([...bookmarks]);
  for (const b of sorted) {
    titles.push(escapeText(b.title));
    tags.push(b.authors.map(ref).join(GS) + US + b.fandoms.map(ref).join(GS));
    rows.push(ROW_FIELDS.map(([field, kind]) => encode(kind, b[field], b)).join(US));
  }
  return {
    format: FORMAT,
    fields: [...SHELF_INDEX_FIELDS],
    count: sorted.length,
    shared,
    titles: titles.join(RS),
    tags: tags.join(RS),
    rows: rows.join(RS),
  };
}

// ---- Reading ------------------------------------------------------------------------------------

/** A checked index: its strings, and where each row ends in them (at an RS or the string's end). */
export interface CheckedShelfIndex {
  count: number;
  shared: readonly string[];
  titles: string;
  tags: string;
  rows: string;
  titleEnds: Int32Array;
  tagEnds: Int32Array;
  rowEnds: Int32Array;
}

function pattern(kind: Kind, shared: number): string {
  const url = `(?:${below(shared)}(?:\\u001d${TEXT})?|=${TEXT})`;
  switch (kind) {
    case 'text':
      return TEXT;
    case 'shared':
      return below(shared);
    case 'url':
      return url;
    case 'optionalUrl':
      return `(?:${url})?`;
    case 'number':
      return NUMBER;
    case 'nullableNumber':
      return `(?:${NUMBER})?`;
    case 'date':
      return `(?:-?[0-9a-z]{1,${DATE_DIGITS}}|=${TEXT})`;
    case 'boolean':
      return '[01]';
  }
}

/**
 * Where each of `count` rows ends, checking each against `row` (a pattern for one row), or null
 * when the text is not exactly `count` such rows.
 */
function rowEnds(text: string, row: string, count: number): Int32Array | null {
  if (count === 0) return text === '' ? new Int32Array(0) : null;
  const middle = new RegExp(`(?:${row})\\u001e`, 'y');
  const last = new RegExp(`(?:${row})$`, 'y');
  const ends = new Int32Array(count);
  let at = 0;
  for (let i = 0; i < count; i++) {
    const re = i < count - 1 ? middle : last;
    re.lastIndex = at;
    if (!re.test(text)) return null;
    at = re.lastIndex;
    ends[i] = i < count - 1 ? at - 1 : at;
  }
  return ends;
}

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** The index, checked whole, or null when it is not a whole, current one. */
export function checkShelfIndex(value: unknown): CheckedShelfIndex | null {
  if (typeof value !== 'object' || value === null) return null;
  const file = value as Partial<ShelfIndexFile>;
  const { count, shared, titles, tags, rows } = file;
  if (file.format !== FORMAT || !isStringList(file.fields) || file.fields.join() !== SHELF_INDEX_FIELDS.join()) return null;
  if (!Number.isSafeInteger(count) || count! < 0 || !isStringList(shared)) return null;
  if (typeof titles !== 'string' || typeof tags !== 'string' || typeof rows !== 'string') return null;
  const refs = `(?:${below(shared.length)}(?:\\u001d${below(shared.length)})*)?`;
  const titleEnds = rowEnds(titles, TEXT, count!);
  const tagEnds = titleEnds && rowEnds(tags, `${refs}\\u001f${refs}`, count!);
  const ends = tagEnds && rowEnds(rows, ROW_FIELDS.map(([, kind]) => pattern(kind, shared.length)).join('\\u001f'), count!);
  return ends ? { count: count!, shared, titles, tags, rows, titleEnds: titleEnds!, tagEnds: tagEnds!, rowEnds: ends } : null;
}

const startOf = (ends: Int32Array, row: number): number => (row === 0 ? 0 : ends[row - 1]! + 1);
const fieldsOf = (text: string, ends: Int32Array, row: number): string[] => text.slice(startOf(ends, row), ends[row]).split(US);

const dateOf = (field: string): string => (field.startsWith('=') ? unescapeText(field.slice(1)) : new Date(parseInt(field, 36)).toISOString());

/** Each field's position in a row. */
const AT = Object.fromEntries(ROW_FIELDS.map(([field], i) => [field, i])) as Record<(typeof ROW_FIELDS)[number][0], number>;

/** One field of a row, without splitting the rest (the read time and id come first: a step or two). */
function rowField(index: CheckedShelfIndex, row: number, at: number): string {
  const { rows, rowEnds } = index;
  let start = startOf(rowEnds, row);
  for (let i = 0; i < at; i++) start = rows.indexOf(US, start) + 1;
  const end = rows.indexOf(US, start);
  return rows.slice(start, end < 0 || end > rowEnds[row]! ? rowEnds[row] : end);
}

/** A row's read or added time in ms, without building the rest. */
export function timeAt(index: CheckedShelfIndex, row: number, field: 'readAt' | 'addedAt'): number {
  const text = rowField(index, row, AT[field]);
  return text.startsWith('=') ? timeOf(unescapeText(text.slice(1))) : parseInt(text, 36);
}

/** A row's site and work id, without building the rest. */
export function idAt(index: CheckedShelfIndex, row: number): Pick<Bookmark, 'site' | 'workId'> {
  return {
    site: index.shared[Number(rowField(index, row, AT.site))] as Bookmark['site'],
    workId: unescapeText(rowField(index, row, AT.workId)),
  };
}

/** A row's new chapters and status (its neighbour in ROW_FIELDS), without building the rest (status filter). */
export function statusAt(index: CheckedShelfIndex, row: number): Pick<Bookmark, 'status' | 'newChapters'> {
  const { rows, rowEnds } = index;
  let start = startOf(rowEnds, row);
  for (let i = 0; i < AT.newChapters; i++) start = rows.indexOf(US, start) + 1;
  const middle = rows.indexOf(US, start);
  const end = Math.min(rows.indexOf(US, middle + 1) >>> 0, rowEnds[row]!);
  return { newChapters: Number(rows.slice(start, middle)), status: index.shared[Number(rows.slice(middle + 1, end))] as Bookmark['status'] };
}

export const titleAt = (index: CheckedShelfIndex, row: number): string =>
  unescapeText(index.titles.slice(startOf(index.titleEnds, row), index.titleEnds[row]));

/** A row's bookmark. */
export function bookmarkAt(index: CheckedShelfIndex, row: number): Bookmark {
  const [authors, fandoms] = fieldsOf(index.tags, index.tagEnds, row) as [string, string];
  const shared = (refs: string) => (refs === '' ? [] : refs.split(GS).map((at) => index.shared[Number(at)]!));
  const fields = fieldsOf(index.rows, index.rowEnds, row);
  const out: Record<string, unknown> = { title: titleAt(index, row), authors: shared(authors), fandoms: shared(fandoms) };
  const workId = unescapeText(fields[AT.workId]!);
  const url = (field: string): string => {
    if (field.startsWith('=')) return unescapeText(field.slice(1));
    const [start, rest] = field.split(GS) as [string, string?];
    return index.shared[Number(start)]! + workId + (rest === undefined ? '' : unescapeText(rest));
  };
  ROW_FIELDS.forEach(([field, kind], i) => {
    const text = fields[i]!;
    switch (kind) {
      case 'text':
        out[field] = unescapeText(text);
        break;
      case 'shared':
        out[field] = index.shared[Number(text)];
        break;
      case 'url':
        out[field] = url(text);
        break;
      case 'optionalUrl':
        if (text !== '') out[field] = url(text);
        break;
      case 'number':
        out[field] = Number(text);
        break;
      case 'nullableNumber':
        out[field] = text === '' ? null : Number(text);
        break;
      case 'date':
        out[field] = dateOf(text);
        break;
      case 'boolean':
        out[field] = text === '1';
        break;
    }
  });
  // In the order a bookmark is written everywhere else.
  const bookmark: Record<string, unknown> = {};
  for (const field of BOOKMARK_FIELDS) if (field in out) bookmark[field] = out[field];
  return bookmark as unknown as Bookmark;
}
