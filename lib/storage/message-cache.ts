/**
 * The extension's messages in the browser's language, kept by the background for the content scripts:
 * a page's first `browser.i18n.getMessage` waits while the browser hands that page the whole message
 * bundle (about 12 ms of every listing's main thread in `npm run bench`'s profile), and a read of this
 * item does not block the page. The messages are templates (lib/i18n.ts `messageTemplates`).
 */
import { storage } from 'wxt/utils/storage';

export interface MessageCache {
  /** The extension version and browser language the templates were made for. */
  version: string;
  language: string;
  templates: Record<string, string>;
}

const KEY = 'local:messageCache';

/** The kept messages, or null when there are none or they are not what this module writes. */
export async function loadMessageCache(): Promise<MessageCache | null> {
  const raw: unknown = await storage.getItem(KEY);
  return isMessageCache(raw) ? raw : null;
}

export function saveMessageCache(cache: MessageCache): Promise<void> {
  return storage.setItem(KEY, cache);
}

/** Calls `onGone` whenever the kept messages are removed (the local area cleared, for one). */
export function watchMessageCacheRemoved(onGone: () => void): () => void {
  return storage.watch<unknown>(KEY, (value) => {
    if (value === null || value === undefined) onGone();
  });
}

function isMessageCache(value: unknown): value is MessageCache {
  if (typeof value !== 'object' || value === null) return false;
  const { version, language, templates } = value as Partial<MessageCache>;
  return (
    typeof version === 'string' &&
    typeof language === 'string' &&
    typeof templates === 'object' &&
    templates !== null &&
    !Array.isArray(templates) &&
    Object.values(templates).every((template) => typeof template === 'string')
  );
}
