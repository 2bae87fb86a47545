/**
 * FanFiction.net fixtures for the adapter tests, all in tests/fixtures/ffn (see tests/fixtures/MANIFEST.md):
 * the real saved story pages, and the hand-written pages (each says so in an HTML comment at its top).
 */

import { fixtureText } from '../../support/fixtures';

/** Real pages saved from fanfiction.net (2022 captures), with the URL each was saved from. */
export const REAL_PAGES = {
  'ambtus-counting-ch1.html': 'https://www.fanfiction.net/s/5853866/1/Counting',
  'ambtus-counting-ch2.html': 'https://www.fanfiction.net/s/5853866/2/Counting',
  'stuck-sga-ch1-old-layout.html': 'https://www.fanfiction.net/s/2652996/1/Stuck',
} as const;

/** Hand-written pages, with the URL each stands for. */
export const HANDWRITTEN_PAGES = {
  'listing-handwritten.html': 'https://www.fanfiction.net/community/Lamplight-Test-Shelf/123456/',
  'story-not-found-handwritten.html': 'https://www.fanfiction.net/s/1/1/',
} as const;

export type RealPage = keyof typeof REAL_PAGES;
export type HandwrittenPage = keyof typeof HANDWRITTEN_PAGES;
export type FfnPage = RealPage | HandwrittenPage;

export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

export function pageUrl(name: FfnPage): URL {
  return new URL(name in REAL_PAGES ? REAL_PAGES[name as RealPage] : HANDWRITTEN_PAGES[name as HandwrittenPage]);
}

/** The raw HTML of a fixture. */
export function fixtureHtml(name: FfnPage): string {
  return fixtureText(`ffn/${name}`);
}

/** A freshly parsed fixture: safe to change in a test. */
export function loadFixture(name: FfnPage): Document {
  return parseHtml(fixtureHtml(name));
}

const parsed = new Map<FfnPage, Document>();

/** A parsed fixture shared between tests: never change it. */
export function sharedFixture(name: FfnPage): Document {
  let doc = parsed.get(name);
  if (!doc) {
    doc = loadFixture(name);
    parsed.set(name, doc);
  }
  return doc;
}

export const FFN = 'https://www.fanfiction.net';

export function ffnUrl(pathAndQuery: string): URL {
  return new URL(pathAndQuery, FFN);
}
