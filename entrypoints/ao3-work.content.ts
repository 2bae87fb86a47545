/** The content script of AO3 work pages: filtering and the reader (content/work-script.ts). */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { ao3 } from '../lib/sites/ao3';
import { AO3_WORK_MATCHES } from '../lib/sites/ao3-urls';
import { runContentScript } from './content/run';
import { WORK_SCRIPT } from './content/work-script';

export default defineContentScript({
  matches: [...AO3_WORK_MATCHES],
  runAt: 'document_start',
  main(ctx) {
    runContentScript(ctx, ao3, WORK_SCRIPT);
  },
});
