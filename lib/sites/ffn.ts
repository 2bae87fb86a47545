/**
 * The FanFiction.net site adapter: the only code that knows FFN's markup.
 *
 * FictionPress (www./m.fictionpress.com) serves the same markup but is a different archive whose
 * story ids overlap FFN's: it would need its own SiteId, so it is not matched here.
 */

import type { SiteAdapter } from './types';
import { BLURB_SELECTOR, readEntry, readEntryList } from './ffn-blurbs';
import { classifyPage } from './ffn-classify';
import { STORY_CONTENT_SELECTOR } from './ffn-page';
import { ruleForLink, workIdFromUrl } from './ffn-urls';
import { readStoryPage } from './ffn-work';

/** What every FanFiction.net page's script reads, whatever the page. */
const ffnPages = {
  id: 'ffn',
  name: 'FanFiction.net',
  matches: ['https://www.fanfiction.net/*', 'https://m.fanfiction.net/*'],
  blurbSelector: BLURB_SELECTOR,
  workContentSelector: STORY_CONTENT_SELECTOR,
  classify(doc, url) {
    try {
      return classifyPage(doc, url);
    } catch {
      return 'other';
    }
  },
  readBlurbs(root, url) {
    try {
      return readEntryList(root, url);
    } catch {
      return [];
    }
  },
  readBlurb(element, url) {
    try {
      return readEntry(element, url);
    } catch {
      return null;
    }
  },
  // FanFiction.net has no adult-content gate.
  adultGateContinueUrl: () => null,
  workLinks: ['https://www.fanfiction.net/s/*', 'https://m.fanfiction.net/s/*'],
  filterableLinks: {
    // FFN has no tag pages: genres and characters are plain text.
    tag: [],
    author: ['https://www.fanfiction.net/u/*', 'https://m.fanfiction.net/u/*'],
    series: [],
  },
  ruleForLink(url) {
    try {
      return ruleForLink(url);
    } catch {
      return null;
    }
  },
  workIdFromUrl(url) {
    try {
      return workIdFromUrl(url);
    } catch {
      return null;
    }
  },
} satisfies Omit<SiteAdapter, 'readWork'>;

const readWork: SiteAdapter['readWork'] = (doc, url) => {
  try {
    return readStoryPage(doc, url);
  } catch {
    return null;
  }
};

/** The whole adapter, and the one of the story pages' script. */
export const ffn: SiteAdapter = { ...ffnPages, readWork };

/**
 * For the script of FanFiction.net's pages but stories, which its matches leave out: it never reads
 * a story page, so that page's parser stays out of every listing.
 */
export const ffnListing: SiteAdapter = { ...ffnPages, readWork: () => null };
