/**
 * Reader mode's own content script, injected only on work pages (WORK_MATCHES, from the site
 * adapters) so listings never load it. It runs at document_end, once the story's markup is parsed,
 * and shares the filters' verdicts, the open reader view and the Bookmark slot with the main script
 * (entrypoints/content/index.ts) through the content scripts' hub (entrypoints/content/state/hub.ts).
 * A matched page that is not a work (AO3's /works/search) is classified here and left alone.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { adapterFor, WORK_MATCHES } from '../lib/sites';
import { classifyPage } from './content/page';
import { startReader } from './content/reader';

export default defineContentScript({
  matches: WORK_MATCHES,
  runAt: 'document_end',
  main(ctx) {
    const url = new URL(location.href);
    const adapter = adapterFor(url);
    if (!adapter) return;
    const start = () => {
      const kind = classifyPage(adapter, document, url);
      if (kind === 'work') void startReader(ctx, { adapter, url, kind, doc: document });
    };
    if (document.readyState === 'loading') ctx.addEventListener(document, 'DOMContentLoaded', start);
    else start();
  },
});
