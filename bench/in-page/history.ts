/**
 * Bundled by the bench (esbuild, IIFE) and evaluated in one of the extension's own pages, where
 * `chrome.storage` is the real one: the reading history's listing markers and visit recording, as
 * the content script runs them (entrypoints/content/history/), on fixture markup adopted into the
 * page. Each call is one measured run; the bench times the page's main thread around it.
 */
import { visitFromWork } from '../../lib/history/record';
import { ao3 } from '../../lib/sites/ao3';
import type { Blurb } from '../../lib/sites/types';
import { recordHistoryVisit } from '../../lib/storage/history';
import { markBlurbs } from '../../entrypoints/content/history/listing';
import { historyMarkers, type HistoryMarkers } from '../../entrypoints/content/history/marker';
import { createPage, type Page } from '../../entrypoints/content/page';

let listing: { page: Page; blurbs: Blurb[]; markers: HistoryMarkers } | null = null;
let work: Page | null = null;

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

const api = {
  /** Shows the listing's blurbs in this page and reads them, as the filters do before markers (not timed). */
  loadListing(html: string, href: string): number {
    const url = new URL(href);
    document.body.replaceChildren(document.adoptNode(parse(html).querySelector('#main') as Element));
    const page: Page = createPage(ao3, url, 'listing', document);
    listing = { page, blurbs: ao3.readBlurbs(document, url), markers: historyMarkers(document) };
    return listing.blurbs.length;
  },
  /** Takes the last run's markers away, and shows the page or hides it from rendering (not timed: the bench's own reset). */
  resetListing(shown: boolean): void {
    listing?.markers.clear();
    document.body.hidden = !shown;
  },
  /** One run (after resetListing): the history of every blurb in one read, and a marker on each work read. Resolves to the markers shown. */
  async markListing(): Promise<number> {
    if (!listing) throw new Error('no listing loaded');
    const { page, blurbs, markers } = listing;
    let shown = 0;
    await markBlurbs(page, blurbs, Date.now(), (blurb, text) => {
      markers.set(blurb, text);
      shown++;
    });
    return shown;
  },
  /** A work page, read once as the page's filters read it at DOMContentLoaded (not timed); returns that read's time in ms. */
  loadWork(html: string, href: string): number {
    work = createPage(ao3, new URL(href), 'work', parse(html));
    const t0 = performance.now();
    if (!work.work()) throw new Error('the work page was not read');
    return performance.now() - t0;
  },
  /** One run: what the content script does for one look at a work page (the page's work, one read and one write of storage). */
  async recordVisit(at: number): Promise<boolean> {
    const read = work?.work();
    if (!read) throw new Error('no work loaded');
    return (await recordHistoryVisit(visitFromWork(read.meta, { chapter: read.currentChapter ?? 1, reachedEnd: false, at }))) !== null;
  },
};

(globalThis as unknown as { __lamplightHistoryBench: typeof api }).__lamplightHistoryBench = api;
