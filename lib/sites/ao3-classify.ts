/** What kind of AO3 page a document is, from #main's classes and content (never <title>). */

import type { PageKind } from './types';
import { workIdFromPath } from './ao3-urls';
import { BLURB_CONTAINERS, WORK_BLURB_SELECTOR } from './ao3-blurbs';

/** #main classes (controller-action) of pages that list works. */
const LISTING_MAIN_CLASSES = [
  'works-index',
  'works-search',
  'works-collected',
  'bookmarks-index',
  'bookmarks-search',
  'series-show',
  'readings-index',
];

function hasClass(main: Element, classes: string[]): boolean {
  return classes.some((name) => main.classList.contains(name));
}

/**
 * The adult-content interstitial, by its own markup only (AO3-MARKUP.md section 7): the caution
 * paragraph and the actions list as direct children of #main, its "Proceed" / "Yes, Continue"
 * link a "view_adult=true" link to a work, on a page without the story (#workskin). Links anywhere
 * else (a series description, a blurb's summary, notes) are creators' text and never count.
 */
function isAdultGate(doc: Document, main: Element): boolean {
  return adultGateContinueLink(doc, main) !== null;
}

function adultGateContinueLink(doc: Document, main: Element): Element | null {
  if (doc.querySelector('#workskin') || !main.querySelector(':scope > p.caution')) return null;
  return (
    Array.from(main.querySelectorAll(':scope > ul.actions > li > a[href*="view_adult=true"]')).find(
      (link) => workIdFromPath(link.getAttribute('href')) !== null,
    ) ?? null
  );
}

/** The gate's own "Yes, Continue" (2022: "Proceed") link, or null when the page is no gate. */
export function adultGateContinueHref(doc: Document): string | null {
  const main = doc.querySelector('#main');
  return main ? (adultGateContinueLink(doc, main)?.getAttribute('href') ?? null) : null;
}

/**
 * Where the gate continues to: the same work the gate stands before, on the same origin, with
 * view_adult=true; null for anything else.
 */
export function adultGateContinueTarget(href: string | null, page: URL): string | null {
  if (!href) return null;
  let target: URL;
  try {
    target = new URL(href, page);
  } catch {
    return null;
  }
  if (target.origin !== page.origin || target.searchParams.get('view_adult') !== 'true') return null;
  const work = workIdFromPath(page.pathname);
  return work !== null && workIdFromPath(target.pathname) === work ? target.href : null;
}

function isChapterIndex(main: Element): boolean {
  return main.classList.contains('works-navigate') || main.querySelector('ol.chapter.index') !== null;
}

function isListing(main: Element): boolean {
  return (
    hasClass(main, LISTING_MAIN_CLASSES) ||
    main.querySelector(BLURB_CONTAINERS) !== null ||
    main.querySelector(WORK_BLURB_SELECTOR) !== null
  );
}

export function classifyPage(doc: Document): PageKind {
  const main = doc.querySelector('#main');
  if (!main) return 'other';
  if (main.classList.contains('error-404')) return 'not-found';
  if (main.classList.contains('sessions-new')) return 'restricted';
  if (main.querySelector('#workskin')) return 'work';
  if (isAdultGate(doc, main)) return 'adult-gate';
  if (isChapterIndex(main)) return 'chapter-index';
  if (isListing(main)) return 'listing';
  return 'other';
}
