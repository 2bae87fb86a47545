import { defineContentScript } from 'wxt/utils/define-content-script';

export default defineContentScript({
  matches: ['https://archiveofourown.org/*', 'https://www.archiveofourown.org/*'],
  runAt: 'document_start',
  main() {
    document.documentElement.dataset.lamplight = 'ready';
  },
});
