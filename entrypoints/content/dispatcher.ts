/**
 * The content script's one `runtime.onMessage` listener (run.ts adds it): each message the popup or
 * the background sends (lib/messages.ts ToContent) goes to the one handler a feature registered for
 * its type. Anything else, or a type no running feature handles, gets no answer.
 */
import { browser } from 'wxt/browser';
import { parseToContent, type ToContent } from '../../lib/messages';

export type ContentMessageType = ToContent['type'];
export type MessageHandler<T extends ContentMessageType> = (message: Extract<ToContent, { type: T }>) => Promise<unknown> | undefined;

export interface MessageHandlers {
  /** Answers messages of `type` with `handler` until `signal` aborts. */
  handle<T extends ContentMessageType>(type: T, handler: MessageHandler<T>, signal: AbortSignal): void;
}

export interface Dispatcher extends MessageHandlers {
  /** The answer to one message as it arrived (unchecked): a promise, or undefined for no answer. */
  dispatch(message: unknown): Promise<unknown> | undefined;
}

export function createDispatcher(): Dispatcher {
  const handlers = new Map<ContentMessageType, (message: ToContent) => Promise<unknown> | undefined>();
  return {
    handle(type, handler, signal) {
      if (signal.aborted) return;
      const own = handler as (message: ToContent) => Promise<unknown> | undefined;
      handlers.set(type, own);
      signal.addEventListener('abort', () => {
        if (handlers.get(type) === own) handlers.delete(type);
      }, { once: true });
    },
    dispatch(message) {
      const parsed = parseToContent(message);
      if (!parsed) return undefined;
      try {
        return handlers.get(parsed.type)?.(parsed);
      } catch (error) {
        console.warn('Lamplight could not answer a message.', error);
        return undefined;
      }
    },
  };
}

/** Adds the dispatcher as the content script's one message listener, removed when `signal` aborts. */
export function listenForMessages(dispatcher: Dispatcher, signal: AbortSignal): void {
  const listener = (message: unknown) => dispatcher.dispatch(message);
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}
