/**
 * The `#lamplight-reader` marker in the URL while the reader is open (see lib/reader/navigation.ts
 * for why a URL marker): set with history.replaceState (no navigation, no history entry), and on
 * close the fragment the page had before put back.
 */
import { hasReaderMarker, withoutReaderMarker, withReaderMarker } from '../../../lib/reader/navigation';

export interface UrlMarker {
  mark(): void;
  unmark(): void;
}

export function urlMarker(win: Window, warn: (message: string, error?: unknown) => void): UrlMarker {
  /** The URL fragment the page had before the reader marked it. */
  let hashBefore: string | null = null;
  return {
    mark() {
      try {
        const href = win.location.href;
        if (hasReaderMarker(href)) {
          hashBefore ??= '';
          return;
        }
        hashBefore = win.location.hash;
        win.history.replaceState(win.history.state, '', withReaderMarker(href));
      } catch (error) {
        warn('could not mark the URL.', error);
      }
    },
    unmark() {
      try {
        const href = win.location.href;
        if (hasReaderMarker(href)) win.history.replaceState(win.history.state, '', withoutReaderMarker(href, hashBefore ?? ''));
      } catch (error) {
        warn('could not restore the URL.', error);
      }
      hashBefore = null;
    },
  };
}
