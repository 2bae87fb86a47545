/** The content script of AO3 pages but work pages: filtering, bookmarks' markers, the reading history (content/listing-script.ts). */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { ao3Listing } from '../lib/sites/ao3';
import { AO3_WORK_MATCHES } from '../lib/sites/ao3-urls';
import { LISTING_SCRIPT } from './content/listing-script';
import { runContentScript } from './content/run';

export default defineContentScript({
  matches: [...ao3Listing.matches],
  excludeMatches: [...AO3_WORK_MATCHES],
  runAt: 'document_start',
  main(ctx) {
    runContentScript(ctx, ao3Listing, LISTING_SCRIPT);
  },
});
