/** Field readers shared by the AO3 work page and AO3 blurbs. */

import type { Author, ChapterCount, SeriesRef } from './types';
import { absoluteUrl, pseudFromHref, seriesIdFromPath } from './ao3-urls';
import { collapseWhitespace, textOf, wholeNumber } from './text';

/** "Alias (anafabula)" → { pseud: "Alias", login: "anafabula" }. */
function pseudFromText(text: string): { login: string; pseud: string } {
  const match = /^(.+) \(([^()]+)\)$/.exec(text);
  if (match?.[1] && match[2]) return { pseud: match[1], login: match[2] };
  return { pseud: text, login: text };
}

/** One creator link (a[rel=author]) as an Author; null when it names nobody. */
function authorFromLink(link: Element): Author | null {
  const href = link.getAttribute('href');
  const url = absoluteUrl(href);
  const names = pseudFromHref(href) ?? pseudFromText(textOf(link));
  if (!url || !names.pseud) return null;
  return { pseud: names.pseud, login: names.login, url };
}

/**
 * The linked creators in a byline. An anonymous work has no a[rel=author]: its byline is the
 * plain text "Anonymous" (a real user called Anonymous is a link, so never test the text).
 */
export function readByline(byline: Element | null): { authors: Author[]; anonymous: boolean } {
  if (!byline) return { authors: [], anonymous: false };
  const authors = Array.from(byline.querySelectorAll('a[rel~="author"]'))
    .map(authorFromLink)
    .filter((author): author is Author => author !== null);
  return { authors, anonymous: authors.length === 0 };
}

/** "14/?" → { posted: 14, expected: null }; "3/3" → { posted: 3, expected: 3 }; else null. */
export function parseChapterCount(text: string): ChapterCount | null {
  const match = /^([\d,]+)\s*\/\s*([\d,]+|\?)$/.exec(collapseWhitespace(text));
  if (!match?.[1] || !match[2]) return null;
  const posted = wholeNumber(match[1].replace(/,/g, ''));
  const expected = match[2] === '?' ? null : wholeNumber(match[2].replace(/,/g, ''));
  if (posted === null || (expected === null && match[2] !== '?')) return null;
  return { posted, expected };
}

/** A work is complete when every expected chapter is posted; null when the count is unknown. */
export function completeFromCount(chapters: ChapterCount | null): boolean | null {
  if (!chapters) return null;
  return chapters.expected !== null && chapters.posted === chapters.expected;
}

/** One series entry: an element holding "Part N of " + a[href=/series/SID]. */
function seriesFromEntry(entry: Element): SeriesRef | null {
  const link = entry.querySelector('a[href*="/series/"]');
  const id = seriesIdFromPath(link?.getAttribute('href'));
  const url = absoluteUrl(link?.getAttribute('href'));
  if (!link || !id || !url) return null;
  const part = /Part\s+([\d,]+)\s+of/i.exec(textOf(entry))?.[1];
  return { id, title: textOf(link), part: wholeNumber(part?.replace(/,/g, '')), url };
}

/** Series entries (dd.series > span.series on a work, ul.series > li in a blurb). */
export function readSeries(entries: Iterable<Element>): SeriesRef[] {
  const series: SeriesRef[] = [];
  for (const entry of entries) {
    const ref = seriesFromEntry(entry);
    if (ref && !series.some((known) => known.id === ref.id)) series.push(ref);
  }
  return series;
}

/** The texts of tag links, whitespace collapsed, empties dropped. */
export function tagTexts(links: Iterable<Element>): string[] {
  return Array.from(links)
    .map((link) => textOf(link))
    .filter((text) => text !== '');
}
