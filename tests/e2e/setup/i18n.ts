/**
 * E2E tests call some lib code in Node (parseBackup, rule names) to compute what the page should
 * say: give that code a `chrome.i18n` with the English messages, before anything imports wxt/browser.
 */
import { getMessage } from '../../support/english-messages';

(globalThis as { chrome?: unknown }).chrome ??= { i18n: { getMessage, getUILanguage: () => 'en' } };
