/** The content script of FanFiction.net pages but work pages: filtering, bookmarks' markers, the reading history (content/listing-script.ts). */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { ffnListing } from '../lib/sites/ffn';
import { FFN_WORK_MATCHES } from '../lib/sites/ffn-urls';
import { LISTING_SCRIPT } from './content/listing-script';
import { runContentScript } from './content/run';

export default defineContentScript({
  matches: [...ffnListing.matches],
  excludeMatches: [...FFN_WORK_MATCHES],
  runAt: 'document_start',
  main(ctx) {
    runContentScript(ctx, ffnListing, LISTING_SCRIPT);
  },
});
