/**
 * The `reader:toggle` message (lib/messages.ts), sent by the keyboard command and the popup: toggles
 * the reader and answers `{ readerOn }`. Anything else is left to other listeners.
 */
import { browser } from 'wxt/browser';
import { parseToContent } from '../../../lib/messages';

/** Listens until `signal` aborts; `toggle` returns whether the reader is on afterwards. */
export function listenForToggleMessage(
  toggle: () => boolean,
  signal: AbortSignal,
  warn: (message: string, error?: unknown) => void,
): void {
  const onMessage = (message: unknown) => {
    if (parseToContent(message)?.type !== 'reader:toggle') return undefined;
    let readerOn = false;
    try {
      readerOn = toggle();
    } catch (error) {
      warn('toggle failed.', error);
    }
    return Promise.resolve({ readerOn });
  };
  try {
    browser.runtime.onMessage.addListener(onMessage);
  } catch (error) {
    warn('cannot listen for the reader command.', error);
    return;
  }
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage), { once: true });
}
