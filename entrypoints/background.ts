import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { activeTabId, parseToBackground, sendToTab } from '../lib/messages';

/** The toolbar action: `action` in Manifest V3, `browser_action` in Firefox's Manifest V2 build. */
const action = browser.action ?? browser.browserAction;

export default defineBackground(() => {
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'toggle-reader') return;
    const tabId = await activeTabId();
    if (tabId !== null) await sendToTab(tabId, { type: 'reader:toggle' });
  });

  browser.runtime.onMessage.addListener((message, sender) => {
    const parsed = parseToBackground(message);
    const tabId = sender.tab?.id;
    if (!parsed || tabId === undefined || sender.id !== browser.runtime.id) return undefined;
    const text = parsed.count > 0 ? String(parsed.count) : '';
    void action.setBadgeText({ tabId, text });
    void action.setBadgeBackgroundColor({ tabId, color: '#5b4a8a' });
    return undefined;
  });
});
