/**
 * The content script of work pages (WORK_MATCHES, from the site adapters): everything the other
 * pages' script does (./content/run.ts), plus reader mode and the work-page parts of bookmarks and
 * the reading history. The other script excludes these pages, so
 * each page loads one script and listings never load the reader. A matched page that is not a work
 * (AO3's /works/search) is classified as what it is and gets no reader.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { WORK_MATCHES } from '../lib/sites';
import { startBookmarks } from './content/bookmarks/work-feature';
import { startHistory } from './content/history/work-feature';
import { WORK_HISTORY_ANSWERS } from './content/history/this-work';
import { startReader } from './content/reader';
import { runContentScript } from './content/run';

export default defineContentScript({
  matches: WORK_MATCHES,
  runAt: 'document_start',
  main(ctx) {
    runContentScript(ctx, { features: [startReader, startBookmarks, startHistory], workHistory: WORK_HISTORY_ANSWERS });
  },
});
