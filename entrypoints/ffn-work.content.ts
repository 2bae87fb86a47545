/** The content script of FanFiction.net work pages: filtering and the reader (content/work-script.ts). */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { ffn } from '../lib/sites/ffn';
import { FFN_WORK_MATCHES } from '../lib/sites/ffn-urls';
import { runContentScript } from './content/run';
import { WORK_SCRIPT } from './content/work-script';

export default defineContentScript({
  matches: [...FFN_WORK_MATCHES],
  runAt: 'document_start',
  main(ctx) {
    runContentScript(ctx, ffn, WORK_SCRIPT);
  },
});
