/**
 * The content script of every site page but work pages (listings, search, series, users…): filtering,
 * bookmarks' markers, the reading history, the adult gate. Work pages (WORK_MATCHES, from the site
 * adapters) get ../work.content.ts instead, which adds the reader: each page loads exactly one script.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { SITE_MATCHES, WORK_MATCHES } from '../../lib/sites';
import { startBookmarksBesideWorks } from './bookmarks';
import { startHistoryBesideWorks } from './history';
import { runContentScript } from './run';

export default defineContentScript({
  matches: SITE_MATCHES,
  excludeMatches: WORK_MATCHES,
  runAt: 'document_start',
  main(ctx) {
    runContentScript(ctx, { features: [startBookmarksBesideWorks, startHistoryBesideWorks] });
  },
});
