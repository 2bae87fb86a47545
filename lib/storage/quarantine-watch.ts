/**
 * Watch the quarantine (./quarantine.ts) for the options page's "Problems found in storage":
 * a copy set aside while the page is open (say, by the page's own loaders) shows up at once.
 */
import { watchStorage } from './changes';
import { QUARANTINE_PREFIX, getQuarantine, type QuarantineEntry } from './quarantine';

/** Calls back with every quarantine entry whenever one is added or removed. */
export function watchQuarantine(cb: (entries: QuarantineEntry[]) => void): () => void {
  const read = () =>
    getQuarantine().then(cb, (err: unknown) => console.error('[lamplight] could not read the quarantine', err));
  return watchStorage({
    onChange(changes, area) {
      if (area === 'local' && Object.keys(changes).some((key) => key.startsWith(QUARANTINE_PREFIX))) read();
    },
    onResync: read,
  });
}
