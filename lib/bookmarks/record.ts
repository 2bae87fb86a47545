/**
 * Making and moving bookmarks. Pure: the caller passes the time and what the page said.
 */
import { t, tn } from '../i18n';
import { chapterOf } from '../chapter-label';
import type { Author, WorkMeta } from '../sites/types';
import { samePlace } from './progress';
import type { Bookmark, BookmarkStatus } from './types';

/** How a creator is shown: the pseud, with the account when they differ ("Alias (anafabula)"). */
export function authorName(author: Author): string {
  const pseud = author.pseud.trim();
  const login = author.login.trim();
  if (!pseud) return login;
  return login && login !== pseud ? `${pseud} (${login})` : pseud;
}

const wholeAtLeast1 = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 1;

export interface Place {
  /** 1-based chapter. */
  chapter: number;
  progress: number;
  paragraph: number | null;
  paragraphOffset: number;
  /** The page the chapter was read on (no fragment). */
  chapterUrl?: string;
  readerMode: boolean;
}

/** A new bookmark of a work, at `place` (or the start of chapter `place.chapter`). */
export function newBookmark(meta: WorkMeta, place: Partial<Place> & { chapter?: number | null }, now: Date): Bookmark {
  const chapter = wholeAtLeast1(place.chapter) ? place.chapter : 1;
  const posted = meta.chapters && wholeAtLeast1(meta.chapters.posted) ? meta.chapters.posted : 1;
  const expected = meta.chapters?.expected;
  const at = now.toISOString();
  const bookmark: Bookmark = {
    site: meta.site,
    workId: meta.id,
    url: meta.url,
    title: meta.title.trim() || t('workUntitled'),
    authors: meta.authors.map(authorName).filter((name) => name !== ''),
    fandoms: [...meta.fandoms],
    chapter,
    chapterCount: Math.max(posted, chapter),
    chapterTotal: wholeAtLeast1(expected) ? Math.max(expected, chapter) : null,
    progress: clamp01(place.progress ?? 0),
    addedAt: at,
    readAt: at,
    note: '',
    paragraph: place.paragraph ?? null,
    paragraphOffset: clamp01(place.paragraphOffset ?? 0),
    newChapters: 0,
    status: 'reading',
    readerMode: place.readerMode ?? false,
  };
  if (place.chapterUrl && isHttpUrl(place.chapterUrl)) bookmark.chapterUrl = place.chapterUrl;
  return bookmark;
}

function clamp01(n: number): number {
  return Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * What to write when the reader is at `place` (for `updateBookmark`), or null when it is the same
 * place as saved (no write, `readAt` unchanged). Reading a chapter counts its new chapters as seen.
 */
export function placePatch(current: Bookmark, place: Place, now: Date): Partial<Bookmark> | null {
  const same =
    samePlace(
      { chapter: current.chapter, paragraph: current.paragraph, offset: current.paragraphOffset },
      { chapter: place.chapter, paragraph: place.paragraph, offset: place.paragraphOffset },
    ) &&
    current.readerMode === place.readerMode &&
    (place.chapterUrl === undefined || current.chapterUrl === place.chapterUrl);
  if (same || !wholeAtLeast1(place.chapter)) return null;
  const chapterCount = Math.max(current.chapterCount, place.chapter);
  const patch: Partial<Bookmark> = {
    chapter: place.chapter,
    progress: clamp01(place.progress),
    paragraph: place.paragraph !== null && Number.isInteger(place.paragraph) && place.paragraph >= 0 ? place.paragraph : null,
    paragraphOffset: clamp01(place.paragraphOffset),
    readerMode: place.readerMode,
    readAt: now.toISOString(),
    newChapters: Math.min(current.newChapters, Math.max(0, chapterCount - place.chapter)),
  };
  if (chapterCount !== current.chapterCount) patch.chapterCount = chapterCount;
  if (current.chapterTotal !== null && place.chapter > current.chapterTotal) patch.chapterTotal = place.chapter;
  if (place.chapterUrl && isHttpUrl(place.chapterUrl)) patch.chapterUrl = place.chapterUrl;
  return patch;
}

// ---- Words people read -------------------------------------------------------------------------

/** "Reading", "Finished", "Read later", in the reader's language (read when shown). */
export const STATUS_LABELS: Readonly<Record<BookmarkStatus, string>> = {
  get reading() {
    return t('bookmarkStatusReading');
  },
  get finished() {
    return t('bookmarkStatusFinished');
  },
  get later() {
    return t('bookmarkStatusLater');
  },
};

/** "Chapter 3 of 10", "Chapter 3 of 5 so far" (lib/chapter-label.ts). */
export function chapterLabel(b: Pick<Bookmark, 'chapter' | 'chapterCount' | 'chapterTotal'>): string {
  return chapterOf(b.chapter, b.chapterCount, b.chapterTotal);
}

/**
 * How far through the work the reader is, 0..100: chapters before this one plus the part of it read,
 * over the final chapter count when known, else the chapters posted. null when neither is known.
 */
export function workPercent(b: Pick<Bookmark, 'chapter' | 'chapterCount' | 'chapterTotal' | 'progress'>): number | null {
  const total = b.chapterTotal !== null && b.chapterTotal >= b.chapterCount ? b.chapterTotal : Math.max(b.chapterCount, b.chapter);
  if (!(total >= 1)) return null;
  const read = Math.min(total, b.chapter - 1 + Math.min(1, Math.max(0, b.progress || 0)));
  return Math.max(0, Math.min(100, Math.round((read / total) * 100)));
}

/** "1 new chapter", "2 new chapters"; '' when none. */
export function newChaptersLabel(n: number): string {
  if (!(n > 0)) return '';
  return tn('bookmarkNewChapters', n);
}

/** The marker on a listing's blurb: "Bookmarked · Chapter 3 of 10" or "Bookmarked · 2 new chapters". */
export function markerText(b: Pick<Bookmark, 'chapter' | 'chapterCount' | 'chapterTotal' | 'newChapters'>): string {
  if (b.newChapters > 0) return tn('bookmarkPageMarkerNew', b.newChapters);
  return t('bookmarkPageMarkerWhere', chapterLabel(b));
}
