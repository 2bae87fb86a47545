/** AO3 listing blurbs (works and bookmarks of works) read into WorkMeta. */

import type { Blurb, WorkMeta } from './types';
import { completeFromCount, parseChapterCount, readByline, readSeries, tagTexts } from './ao3-fields';
import {
  categoriesFromSymbolTitle,
  completeFromSymbol,
  ratingFromSymbol,
  warningsFromLinks,
  warningsFromSymbolTitle,
} from './ao3-tags';
import { workIdFromPath, workUrl } from './ao3-urls';
import { withLazyFields } from './lazy';
import { isoFromDayMonthYear, parseCount, plainText, textOf } from './text';

/**
 * Every blurb that shows one work: li.work.blurb (not an unrevealed "mystery" one) and
 * li.bookmark.blurb of a work (class work-<WID>). Among blurb class tokens only "work",
 * "work-<WID>" and "external-work-<EID>" contain "work"; series blurbs and series bookmarks
 * carry "series"/"series-<SID>", a deleted bookmark only user ids. A deleted work's item on the
 * History page (li.deleted.reading.work.blurb) shows no work and is left out. One compound
 * selector (no list), so callers can append pseudo-classes such as :not([data-judged]).
 */
export const WORK_BLURB_SELECTOR =
  'li.blurb[class*="work"]:not(.mystery):not(.short):not(.deleted):not([class*="external-work"])';

/** Containers of work or bookmark blurbs (AO3-MARKUP.md 2.3). */
export const BLURB_CONTAINERS = [
  'ol.work.index.group',
  'ul.work.index.group',
  'ol.bookmark.index.group',
  'ol.reading.index.group',
  'div.work.listbox.group > ul.index.group',
  'div.bookmark.listbox.group > ul.index.group',
].join(', ');

/** Creators' HTML: summaries, notes, series descriptions, story text. */
const USER_HTML = '.userstuff';

/**
 * A blurb is a direct item of one of the site's list containers, outside any creator's HTML and
 * any other blurb: an `li.blurb` a creator nests in a summary is text, never a work of the page.
 */
function isListItem(element: Element): boolean {
  const list = element.parentElement;
  return list !== null && list.matches(BLURB_CONTAINERS) && list.closest(`${USER_HTML}, li.blurb`) === null;
}

/** Every li that may be a blurb; readBlurbs decides which ones show a work. */
const ANY_BLURB_SELECTOR = 'li.blurb';

/** The work's title link in the blurb heading (/works/WID, or /collections/C/works/WID). */
function titleLink(blurb: Element): Element | null {
  const links = blurb.querySelectorAll(':scope > div.header h4.heading a[href]');
  return Array.from(links).find((link) => workIdFromPath(link.getAttribute('href')) !== null) ?? null;
}

/** The work id from the work-<WID> class (in bookmark blurbs the li id is the bookmark's). */
function workIdFromClass(blurb: Element): string | null {
  for (const token of Array.from(blurb.classList)) {
    const match = /^work-(\d+)$/.exec(token);
    if (match?.[1]) return match[1];
  }
  return null;
}

/** Whether the li shows a single work that can be read: not a series, external, mystery or short blurb. */
function showsWork(blurb: Element): boolean {
  const classes = blurb.classList;
  if (!classes.contains('blurb') || classes.contains('short') || classes.contains('mystery')) return false;
  if (classes.contains('series') || classes.contains('external-work')) return false;
  if (Array.from(classes).some((token) => /^(series|external-work)-\d+$/.test(token))) return false;
  return classes.contains('work') || classes.contains('bookmark');
}

/** The blurb's own tag list (never the bookmarker's ul.meta.tags). */
function tagLinks(blurb: Element, type: string): Element[] {
  return Array.from(blurb.querySelectorAll(`:scope > ul.tags:not(.meta) > li.${type} a.tag`));
}

function symbol(blurb: Element, className: string): Element | null {
  return blurb.querySelector(`:scope > div.header ul.required-tags span.${className}`);
}

/** Warnings from the tag links; the warning symbol's title when the viewer hides warning tags. */
function blurbWarnings(blurb: Element): string[] {
  const fromTags = warningsFromLinks(tagLinks(blurb, 'warnings'));
  if (fromTags.length > 0) return fromTags;
  return warningsFromSymbolTitle(symbol(blurb, 'warnings')?.getAttribute('title') ?? null);
}

function statsValue(blurb: Element, name: string): Element | null {
  return blurb.querySelector(`:scope > dl.stats dd.${name}`);
}

/**
 * A blurb's WorkMeta, read from the item module only; null when it cannot be read. Only the work's
 * id and title are read at once; every other field when first used (./lazy.ts), so a listing
 * with no rules, or rules on a few fields, reads little of each blurb.
 */
export function readBlurbMeta(blurb: Element): WorkMeta | null {
  const link = titleLink(blurb);
  const id = workIdFromClass(blurb) ?? workIdFromPath(link?.getAttribute('href'));
  if (!link || !id) return null;
  let byline: ReturnType<typeof readByline> | null = null;
  const bylineOf = () => (byline ??= readByline(blurb.querySelector(':scope > div.header h4.heading')));
  const tags = (type: string) => ({ read: () => tagTexts(tagLinks(blurb, type)), fallback: [] });
  const meta: WorkMeta = withLazyFields<WorkMeta>(
    { site: 'ao3', id, url: workUrl(id), title: textOf(link) },
    {
      authors: { read: () => bylineOf().authors, fallback: [] },
      anonymous: { read: () => bylineOf().anonymous, fallback: false },
      fandoms: { read: () => tagTexts(blurb.querySelectorAll(':scope > div.header h5.fandoms a.tag')), fallback: [] },
      rating: { read: () => ratingFromSymbol(symbol(blurb, 'rating')), fallback: null },
      warnings: { read: () => blurbWarnings(blurb), fallback: [] },
      categories: { read: () => categoriesFromSymbolTitle(symbol(blurb, 'category')?.getAttribute('title') ?? null), fallback: [] },
      relationships: tags('relationships'),
      characters: tags('characters'),
      freeforms: tags('freeforms'),
      language: { read: () => textOf(statsValue(blurb, 'language')) || null, fallback: null },
      words: { read: () => parseCount(textOf(statsValue(blurb, 'words'))), fallback: null },
      chapters: { read: () => parseChapterCount(textOf(statsValue(blurb, 'chapters'))), fallback: null },
      complete: { read: () => completeFromSymbol(symbol(blurb, 'iswip')) ?? completeFromCount(meta.chapters), fallback: null },
      updated: { read: () => isoFromDayMonthYear(textOf(blurb.querySelector(':scope > div.header p.datetime'))), fallback: null },
      summary: { read: () => plainText(blurb.querySelector(':scope > blockquote.userstuff.summary')), fallback: '' },
      series: { read: () => readSeries(blurb.querySelectorAll(':scope > ul.series > li')), fallback: [] },
    },
  );
  return meta;
}

/** One blurb li, or null when it shows no readable work (a bad blurb never costs the others). */
export function readBlurb(element: Element): Blurb | null {
  try {
    if (!showsWork(element) || !isListItem(element)) return null;
    const meta = readBlurbMeta(element);
    return meta ? { element: element as HTMLElement, meta, own: element.classList.contains('own') } : null;
  } catch {
    return null;
  }
}

/** The blurb li elements under root, root included when it is one. */
function candidateBlurbs(root: ParentNode): HTMLElement[] {
  const found = Array.from(root.querySelectorAll<HTMLElement>(ANY_BLURB_SELECTOR));
  const rootElement = root as Partial<HTMLElement>;
  if (typeof rootElement.matches === 'function' && rootElement.matches(ANY_BLURB_SELECTOR)) {
    found.unshift(root as HTMLElement);
  }
  return found;
}

/** Every readable work blurb under root, in page order. */
export function readBlurbList(root: ParentNode): Blurb[] {
  try {
    return candidateBlurbs(root)
      .map(readBlurb)
      .filter((blurb): blurb is Blurb => blurb !== null);
  } catch {
    return [];
  }
}
