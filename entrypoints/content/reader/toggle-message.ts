/**
 * The `reader:toggle` message (lib/messages.ts), sent by the keyboard command and the popup: toggles
 * the reader and answers `{ readerOn }`. Registered with the content script's dispatcher (../dispatcher.ts).
 */
import type { MessageHandlers } from '../dispatcher';

/** Answers until `signal` aborts; `toggle` returns whether the reader is on afterwards. */
export function listenForToggleMessage(
  messages: MessageHandlers,
  toggle: () => boolean,
  signal: AbortSignal,
  warn: (message: string, error?: unknown) => void,
): void {
  messages.handle('reader:toggle', () => {
    let readerOn = false;
    try {
      readerOn = toggle();
    } catch (error) {
      warn('toggle failed.', error);
    }
    return Promise.resolve({ readerOn });
  }, signal);
}
