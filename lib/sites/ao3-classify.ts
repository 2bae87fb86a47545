/** What kind of AO3 page a document is, from #main's classes and content (never <title>). */

import type { PageKind } from './types';
import { workIdFromPath } from './ao3-urls';
import { WORK_BLURB_SELECTOR } from './ao3-blurbs';

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

/** Containers of work or bookmark blurbs. */
const BLURB_CONTAINERS = [
  'ol.work.index.group',
  'ul.work.index.group',
  'ol.bookmark.index.group',
  'ol.reading.index.group',
  'div.work.listbox.group > ul.index.group',
  'div.bookmark.listbox.group > ul.index.group',
].join(', ');

function hasClass(main: Element, classes: string[]): boolean {
  return classes.some((name) => main.classList.contains(name));
}

/**
 * The adult-content interstitial: a "view_adult=true" link to the work itself ("Proceed" /
 * "Yes, Continue"), outside any blurb or pagination, on a page without the story (#workskin).
 */
function isAdultGate(doc: Document, main: Element): boolean {
  return adultGateContinueLink(doc, main) !== null;
}

function adultGateContinueLink(doc: Document, main: Element): Element | null {
  if (doc.querySelector('#workskin')) return null;
  return (
    Array.from(main.querySelectorAll('a[href*="view_adult=true"]')).find(
      (link) =>
        workIdFromPath(link.getAttribute('href')) !== null &&
        !link.closest('li.blurb, .pagination, ol.pagination, ul.pagination'),
    ) ?? null
  );
}

/** The gate's own "Yes, Continue" (2022: "Proceed") link, or null when the page is no gate. */
export function adultGateContinueHref(doc: Document): string | null {
  const main = doc.querySelector('#main');
  return main ? (adultGateContinueLink(doc, main)?.getAttribute('href') ?? null) : null;
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
