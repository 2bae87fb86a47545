/** The AO3 (archiveofourown.org) site adapter: the only code that knows AO3's markup. */

import type { SiteAdapter } from './types';
import { readBlurb, readBlurbList, WORK_BLURB_SELECTOR } from './ao3-blurbs';
import { adultGateContinueHref, adultGateContinueTarget, classifyPage } from './ao3-classify';
import { ao3FilterUrl } from './ao3-filter-url';
import { readHistoryItems } from './ao3-readings';
import { readSeriesPage } from './ao3-series';
import { ruleForLink, workIdFromUrl } from './ao3-urls';
import { readWorkPage } from './ao3-work';

/** What every AO3 page's script reads, whatever the page. */
const ao3Pages = {
  id: 'ao3',
  name: 'Archive of Our Own',
  matches: ['https://archiveofourown.org/*', 'https://www.archiveofourown.org/*'],
  blurbSelector: WORK_BLURB_SELECTOR,
  workContentSelector: '#workskin',
  classify(doc) {
    try {
      return classifyPage(doc);
    } catch {
      return 'other';
    }
  },
  readBlurbs(root) {
    return readBlurbList(root);
  },
  readBlurb(element) {
    return readBlurb(element);
  },
  filterableLinks: {
    tag: ['https://archiveofourown.org/tags/*', 'https://www.archiveofourown.org/tags/*'],
    author: ['https://archiveofourown.org/users/*', 'https://www.archiveofourown.org/users/*'],
    series: ['https://archiveofourown.org/series/*', 'https://www.archiveofourown.org/series/*'],
  },
  workLinks: ['https://archiveofourown.org/works/*', 'https://www.archiveofourown.org/works/*'],
  ruleForLink(url) {
    try {
      return ruleForLink(url);
    } catch {
      return null;
    }
  },
  adultGateContinueUrl(doc, url) {
    try {
      return adultGateContinueTarget(adultGateContinueHref(doc), url);
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
  readHistoryItems(doc, url, now) {
    try {
      return readHistoryItems(doc, url, now);
    } catch {
      return [];
    }
  },
  readSeriesPage(doc, url) {
    try {
      return readSeriesPage(doc, url);
    } catch {
      return null;
    }
  },
  siteFilterUrl: ao3FilterUrl,
} satisfies Omit<SiteAdapter, 'readWork'>;

const readWork: SiteAdapter['readWork'] = (doc, url) => {
  try {
    return readWorkPage(doc, url);
  } catch {
    return null;
  }
};

/** The whole adapter: the background, the popup, the options page and the work pages' script. */
export const ao3: SiteAdapter = { ...ao3Pages, readWork };

/**
 * For the script of AO3's pages but works, which its matches leave out: it never reads a work page,
 * so that page's parser stays out of every listing.
 */
export const ao3Listing: SiteAdapter = { ...ao3Pages, readWork: () => null };
