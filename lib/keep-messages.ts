/**
 * The background's side of lib/storage/message-cache.ts: every message of the extension, as a template
 * in the browser's language, written on install, update and browser start (a new language needs one),
 * and again whenever it is removed.
 */
import { browser } from 'wxt/browser';
import { messageTemplate } from './i18n';
import { saveMessageCache, watchMessageCacheRemoved } from './storage/message-cache';

/** Plural forms a locale may use (CLDR categories): English writes `_one` and `_other` only. */
const PLURAL_FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'];

/** The keys to keep: English's, and every plural form of its plural messages (absent ones kept as ''). */
export function messageKeys(english: Record<string, unknown>): string[] {
  const keys = Object.keys(english).flatMap((key) =>
    key.endsWith('_other') ? PLURAL_FORMS.map((form) => `${key.slice(0, -'other'.length)}${form}`) : [key],
  );
  return [...new Set(keys)];
}

export async function keepMessages(): Promise<void> {
  const response = await fetch(browser.runtime.getURL('/_locales/en/messages.json'));
  const english = (await response.json()) as Record<string, unknown>;
  const templates = Object.fromEntries(messageKeys(english).map((key) => [key, messageTemplate(key)]));
  await saveMessageCache({ version: browser.runtime.getManifest().version, language: browser.i18n.getUILanguage(), templates });
}

/** Keeps the messages from now on: on install, update and browser start, and whenever they are removed. */
export function keepMessagesForPages(): void {
  const keep = () => void keepMessages().catch((error: unknown) => console.warn('Lamplight could not keep its messages for pages.', error));
  browser.runtime.onStartup.addListener(keep);
  browser.runtime.onInstalled.addListener(keep);
  watchMessageCacheRemoved(keep);
}
