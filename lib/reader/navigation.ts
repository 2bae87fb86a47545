/**
 * Moving between chapters in the reader. Pure.
 *
 * Staying in reader mode across chapters: a chapter change is a full page load, so the choice has to
 * survive it. We mark the URL with the fragment `#lamplight-reader` (READER_MARKER):
 * - sessionStorage belongs to the site (its scripts can read or clear it, and we would be writing
 *   into someone else's storage);
 * - browser.storage.session is not readable from content scripts in Chrome without the background
 *   opening it up, is not per tab, and would need an async round trip before the reader could open,
 *   so the site's page would flash first;
 * - the fragment is per tab and per history entry (Back returns to a reader page in the reader),
 *   survives AO3's redirects, is read synchronously at start, is never sent to the server, and
 *   AO3 has no element with that id. While the reader is open the current entry carries the marker
 *   (history.replaceState, so reload keeps the reader); closing the reader restores the URL.
 */

export const READER_MARKER = 'lamplight-reader';
const MARKER_HASH = `#${READER_MARKER}`;

/**
 * Resume (the bookmarks feature): "scroll back to the saved place, then drop this marker". It
 * combines with the reader marker in one fragment, so a resumed chapter can also open in the reader:
 * - `#lamplight-resume`: resume on the site's page;
 * - `#lamplight-reader+resume`: open the reader (it counts as the reader marker) and resume there.
 * Once resumed, the bookmarks feature replaces the URL with `withoutResumeMarker(url)`, which leaves
 * `#lamplight-reader` (or no fragment) behind, exactly what the reader expects.
 */
export const RESUME_MARKER = 'lamplight-resume';
const RESUME_HASH = `#${RESUME_MARKER}`;
const READER_RESUME_HASH = `#${READER_MARKER}+resume`;

function hashOf(url: URL | string): string | null {
  try {
    return new URL(String(url)).hash;
  } catch {
    return null;
  }
}

export function hasReaderMarker(url: URL | string): boolean {
  const hash = hashOf(url);
  return hash === MARKER_HASH || hash === READER_RESUME_HASH;
}

/** Whether the URL asks to scroll back to the saved place (either resume form). */
export function hasResumeMarker(url: URL | string): boolean {
  const hash = hashOf(url);
  return hash === RESUME_HASH || hash === READER_RESUME_HASH;
}

/** The URL with its fragment replaced by the reader marker (AO3's `#workskin` on chapter links goes). */
export function withReaderMarker(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = READER_MARKER;
    return parsed.href;
  } catch {
    return url;
  }
}

/** `URL` keeps a bare '#' when the hash is set to ''; history entries read better without it. */
const withoutBareHash = (href: string): string => (href.endsWith('#') ? href.slice(0, -1) : href);

/**
 * The URL without the reader marker; `original` (the hash the page had before) is put back if given.
 * A combined `#lamplight-reader+resume` keeps its resume part (`#lamplight-resume`).
 */
export function withoutReaderMarker(url: string, originalHash = ''): string {
  try {
    const parsed = new URL(url);
    if (parsed.hash === READER_RESUME_HASH) {
      parsed.hash = RESUME_MARKER;
      return parsed.href;
    }
    if (parsed.hash !== MARKER_HASH) return url;
    parsed.hash = originalHash === MARKER_HASH || originalHash === READER_RESUME_HASH ? '' : originalHash;
    return withoutBareHash(parsed.href);
  } catch {
    return url;
  }
}

/** The URL (its fragment replaced) asking to resume there, in the reader when `readerMode`. */
export function withResumeMarker(url: string, readerMode: boolean): string {
  try {
    const parsed = new URL(url);
    parsed.hash = readerMode ? READER_RESUME_HASH.slice(1) : RESUME_MARKER;
    return parsed.href;
  } catch {
    return url;
  }
}

/** The URL once resumed: `#lamplight-reader+resume` → `#lamplight-reader`, `#lamplight-resume` → none. */
export function withoutResumeMarker(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.hash === READER_RESUME_HASH) {
      parsed.hash = READER_MARKER;
      return parsed.href;
    }
    if (parsed.hash !== RESUME_HASH) return url;
    parsed.hash = '';
    return withoutBareHash(parsed.href);
  } catch {
    return url;
  }
}

/** Where a chapter control leads: another page, or a chapter section on this page (Entire Work view). */
export type ChapterTarget = { kind: 'url'; url: string } | { kind: 'section'; index: number };

export interface ChapterTargets {
  previous: ChapterTarget | null;
  next: ChapterTarget | null;
}

/**
 * Previous and next chapter. On a page with several chapters (the Entire Work view) they are the
 * sections before and after the one being read; otherwise the site's previous/next chapter URLs,
 * marked so the reader stays open.
 */
export function chapterTargets(input: {
  sectionCount: number;
  currentSection: number;
  prevUrl: string | null;
  nextUrl: string | null;
}): ChapterTargets {
  const { sectionCount, currentSection } = input;
  if (sectionCount > 1) {
    return {
      previous: currentSection > 0 ? { kind: 'section', index: Math.min(currentSection, sectionCount) - 1 } : null,
      next: currentSection < sectionCount - 1 ? { kind: 'section', index: Math.max(currentSection, -1) + 1 } : null,
    };
  }
  return {
    previous: input.prevUrl ? { kind: 'url', url: withReaderMarker(input.prevUrl) } : null,
    next: input.nextUrl ? { kind: 'url', url: withReaderMarker(input.nextUrl) } : null,
  };
}

/**
 * Where an entry of the chapter list leads: the chapter's section when this page shows it among
 * several (Entire Work view), else its URL, marked.
 */
export function chapterListTarget(
  chapterNumber: number,
  url: string,
  sectionNumbers: readonly number[],
): ChapterTarget {
  if (sectionNumbers.length > 1) {
    const index = sectionNumbers.indexOf(chapterNumber);
    if (index >= 0) return { kind: 'section', index };
  }
  return { kind: 'url', url: withReaderMarker(url) };
}

export interface KeyLike {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  isComposing?: boolean;
}

/** ←/k: previous chapter, →/j: next chapter; anything with a modifier (or mid-IME) is not ours. */
export function chapterKey(event: KeyLike): 'previous' | 'next' | null {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.isComposing) return null;
  switch (event.key) {
    case 'ArrowLeft':
    case 'k':
      return 'previous';
    case 'ArrowRight':
    case 'j':
      return 'next';
    default:
      return null;
  }
}

/** "Chapter 2 of 14"; the total is the chapters posted so far (a work in progress may grow). */
export function chapterCount(input: { listed: number; posted: number | null; onPage: number }): number | null {
  const best = Math.max(input.listed, input.posted ?? 0, input.onPage);
  return best > 0 ? best : null;
}
