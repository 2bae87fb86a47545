/**
 * Watch the quarantine (./quarantine.ts) for the options page's "Problems found in storage":
 * a copy set aside while the page is open (say, by the page's own loaders) shows up at once.
 */
import { browser } from 'wxt/browser';
import { QUARANTINE_PREFIX, getQuarantine, type QuarantineEntry } from './quarantine';

/** Calls back with every quarantine entry whenever one is added or removed. */
export function watchQuarantine(cb: (entries: QuarantineEntry[]) => void): () => void {
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local') return;
    if (!Object.keys(changes).some((key) => key.startsWith(QUARANTINE_PREFIX))) return;
    getQuarantine().then(cb, (err: unknown) => console.error('[lamplight] could not read the quarantine', err));
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
