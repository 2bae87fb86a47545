/**
 * What a bookmark must look like, in storage and in a backup file. Pure.
 *
 * Messages are for people and name the field: `missing workId`, `unknown field "colour"`,
 * `chapter must be a whole number of at least 1, not 0`. Callers add where (`bookmarks[3]: `).
 */
import {
  boolean,
  checkRecord,
  httpUrl,
  integer,
  isoDate,
  nullable,
  number,
  oneOf,
  text,
  textList,
  mustBe,
  type Check,
} from '../check';
import { t } from '../i18n';
import { isSiteAddress, SITE_HOSTS, SITE_IDS } from '../sites/hosts';
import type { Bookmark, BookmarkStatus } from './types';

const STATUSES: Record<BookmarkStatus, true> = { reading: true, finished: true, later: true };
export const BOOKMARK_STATUSES = Object.keys(STATUSES) as BookmarkStatus[];

export const MAX_WORK_ID_LENGTH = 100;

/**
 * Every field, in the order a bookmark is written (storage and backup file): the fields of the documented
 * backup example first, then the reading-position and state fields, then `chapterUrl` (optional).
 */
export const BOOKMARK_SCHEMA: Record<keyof Bookmark, Check> = {
  site: oneOf(SITE_IDS),
  workId: text({ nonEmpty: true, noSpaces: true, maxLength: MAX_WORK_ID_LENGTH }),
  url: httpUrl,
  title: text(),
  authors: textList,
  fandoms: textList,
  chapter: integer(1),
  chapterCount: integer(1),
  chapterTotal: nullable(integer(1), 'checkNullUnknown'),
  progress: number(0, 1),
  addedAt: isoDate,
  readAt: isoDate,
  note: text(),
  paragraph: nullable(integer(0), 'checkNullNoParagraph'),
  paragraphOffset: number(0, 1),
  newChapters: integer(0),
  status: oneOf(BOOKMARK_STATUSES),
  readerMode: boolean,
  chapterUrl: httpUrl,
};

export const BOOKMARK_FIELDS = Object.keys(BOOKMARK_SCHEMA) as (keyof Bookmark)[];

/**
 * Fields a backup entry may leave out, and what they become. Everything else is required.
 * (`note` is in the format's example but is optional: an empty note is no note.)
 */
export const BOOKMARK_OPTIONAL_DEFAULTS: Pick<
  Bookmark,
  'note' | 'paragraph' | 'paragraphOffset' | 'newChapters' | 'status' | 'readerMode'
> = {
  note: '',
  paragraph: null,
  paragraphOffset: 0,
  newChapters: 0,
  status: 'reading',
  readerMode: false,
};

/**
 * Fields that may be absent everywhere (storage and file) and then stay absent: added after
 * version 1 of the record and of the file, so records and files without them stay valid.
 */
export const BOOKMARK_ABSENT_OK: readonly (keyof Bookmark)[] = ['chapterUrl'];

const REQUIRED_IN_STORAGE = BOOKMARK_FIELDS.filter((f) => !BOOKMARK_ABSENT_OK.includes(f));
const REQUIRED_IN_A_FILE = REQUIRED_IN_STORAGE.filter((f) => !Object.hasOwn(BOOKMARK_OPTIONAL_DEFAULTS, f));

export type BookmarkValidation = { ok: true; bookmark: Bookmark } | { ok: false; error: string };

/**
 * What no field check can see alone: the addresses must be https pages of the bookmark's own site
 * (Resume and the title link open them), and the chapter cannot be past the chapters posted.
 * Run on fields that already passed BOOKMARK_SCHEMA.
 */
export function bookmarkConsistencyError(b: Pick<Bookmark, 'site' | 'url' | 'chapter' | 'chapterCount' | 'chapterUrl'>): string | null {
  const onSite = () => t('checkSiteUrl', SITE_HOSTS[b.site].join(', '));
  if (!isSiteAddress(b.site, b.url)) return mustBe('url', onSite(), b.url);
  if (b.chapterUrl !== undefined && !isSiteAddress(b.site, b.chapterUrl)) return mustBe('chapterUrl', onSite(), b.chapterUrl);
  if (b.chapter > b.chapterCount) return mustBe('chapter', t('checkAtMostChapterCount', b.chapterCount), b.chapter);
  return null;
}

function validated(input: unknown, required: readonly (keyof Bookmark)[]): BookmarkValidation {
  const error = checkRecord(input, BOOKMARK_SCHEMA, required) ?? bookmarkConsistencyError(input as Bookmark);
  if (error !== null) return { ok: false, error };
  return { ok: true, bookmark: canonical(input as Record<string, unknown>) };
}

/**
 * A fresh copy with the keys in `BOOKMARK_FIELDS` order (stable output), absent optional fields
 * filled; fields in BOOKMARK_ABSENT_OK stay absent when absent.
 */
function canonical(input: Record<string, unknown>): Bookmark {
  const out: Record<string, unknown> = {};
  const defaults = BOOKMARK_OPTIONAL_DEFAULTS as Record<string, unknown>;
  for (const field of BOOKMARK_FIELDS) {
    const value = input[field] === undefined ? defaults[field] : input[field];
    if (value === undefined) continue;
    out[field] = Array.isArray(value) ? [...(value as unknown[])] : value;
  }
  return out as unknown as Bookmark;
}

/** A complete bookmark: every field present (but those in BOOKMARK_ABSENT_OK) and valid, no other field. */
export function validateBookmark(input: unknown): BookmarkValidation {
  return validated(input, REQUIRED_IN_STORAGE);
}

/**
 * A bookmark entry from a backup file: the optional fields may be absent and get their
 * defaults; anything present must be valid; unknown fields are refused.
 */
export function validateBookmarkEntry(input: unknown): BookmarkValidation {
  return validated(input, REQUIRED_IN_A_FILE);
}
