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
import type { Page } from '../../entrypoints/content/page';

let listing: { page: Page; blurbs: Blurb[]; markers: HistoryMarkers } | null = null;
let work: { doc: Document; url: URL } | null = null;
/** The part of each recordVisit spent reading the work page (for the notes). */
const readWorkMs: number[] = [];

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

const api = {
  readWorkMs: () => readWorkMs,
  /** Shows the listing's blurbs in this page and reads them, as the filters do before markers (not timed). */
  loadListing(html: string, href: string): number {
    const url = new URL(href);
    document.body.replaceChildren(document.adoptNode(parse(html).querySelector('#main') as Element));
    const page: Page = { adapter: ao3, url, kind: 'listing', doc: document };
    listing = { page, blurbs: ao3.readBlurbs(document, url), markers: historyMarkers(document) };
    return listing.blurbs.length;
  },
  /**
   * One run (after resetListing): the history of every blurb in one read, and a marker on each work read. Resolves to
   * the markers shown, the time of the loop that places them (after the read's reply, JS and DOM),
   * and of the layout that follows (forced here, so it is measured apart).
   */
  /** Takes the last run's markers away and lays the page out again (not timed: the bench's own reset). */
  resetListing(): void {
    listing?.markers.clear();
    void document.body.offsetHeight;
  },
  async markListing(): Promise<{ shown: number; loop: number; layout: number }> {
    if (!listing) throw new Error('no listing loaded');
    const { page, blurbs, markers } = listing;
    let shown = 0;
    let first = 0;
    await markBlurbs(page, blurbs, Date.now(), (blurb, text) => {
      if (shown === 0) first = performance.now();
      markers.set(blurb, text);
      shown++;
    });
    const loop = performance.now() - first;
    const t = performance.now();
    void document.body.offsetHeight;
    return { shown, loop, layout: performance.now() - t };
  },
  loadWork(html: string, href: string): void {
    work = { doc: parse(html), url: new URL(href) };
  },
  /** One run: what the content script does for one look at a work page (read the work, one write). */
  async recordVisit(at: number): Promise<boolean> {
    if (!work) throw new Error('no work loaded');
    const t0 = performance.now();
    const read = ao3.readWork(work.doc, work.url);
    readWorkMs.push(performance.now() - t0);
    if (!read) throw new Error('the work page was not read');
    return (await recordHistoryVisit(visitFromWork(read.meta, { chapter: read.currentChapter ?? 1, reachedEnd: false, at }))) !== null;
  },
};

(globalThis as unknown as { __lamplightHistoryBench: typeof api }).__lamplightHistoryBench = api;
