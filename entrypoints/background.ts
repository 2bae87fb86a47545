import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { t, type MessageKey } from '../lib/i18n';
import { activeTabId, parseToBackground, sendToTab } from '../lib/messages';
import { ADAPTERS, adapterFor } from '../lib/sites';
import { createNewChapterTally } from '../lib/bookmarks/shelf';
import { addRule, getAllBookmarks, watchBookmarks } from '../lib/storage';
import { maintainShelfIndex } from '../lib/storage/shelf-index';
import { startSync } from '../lib/storage/sync';

/** The toolbar action: `action` in Manifest V3, `browser_action` in Firefox's Manifest V2 build. */
const action = browser.action ?? browser.browserAction;

/** Context menu items on tag and creator links, keyed by the rule field they add: their titles' messages. */
const LINK_MENUS = { tag: 'menuHideTag', author: 'menuHideCreator', series: 'seriesMenuHide' } as const satisfies Record<string, MessageKey>;
const BOOKMARK_LINK = 'bookmark-work';

function createMenus(): void {
  void browser.contextMenus.removeAll().then(() => {
    for (const [field, title] of Object.entries(LINK_MENUS) as [keyof typeof LINK_MENUS, MessageKey][]) {
      const targetUrlPatterns = ADAPTERS.flatMap((adapter) => adapter.filterableLinks[field]);
      browser.contextMenus.create({ id: field, title: t(title), contexts: ['link'], targetUrlPatterns });
    }
    browser.contextMenus.create({
      id: BOOKMARK_LINK,
      title: t('menuBookmarkWork'),
      contexts: ['link'],
      targetUrlPatterns: ADAPTERS.flatMap((adapter) => adapter.workLinks),
    });
  });
}

/**
 * `linkText` (Firefox only) names a series rule for lists and placeholders; it is the page's text, kept
 * as text, and validation caps it. Chrome gives none: the rule is named by its number.
 */
async function hideFromLink(menuItemId: string | number, linkUrl: string | undefined, linkText?: string): Promise<void> {
  if (!linkUrl) return;
  const url = new URL(linkUrl);
  const rule = adapterFor(url)?.ruleForLink(url);
  if (rule?.field !== menuItemId) return;
  const title = rule.field === 'series' ? linkText?.trim().slice(0, 200) : undefined;
  await addRule({ field: rule.field, pattern: rule.pattern, action: 'collapse', enabled: true, ...(title ? { seriesTitle: title } : {}) });
}

/** The toolbar count of bookmarked works with new chapters (tabs with filtered works show theirs). */
function showNewChapterCount(): void {
  const tally = createNewChapterTally();
  const show = (count: number) => void action.setBadgeText({ text: count > 0 ? String(count) : '' });
  watchBookmarks((changes) => show(tally.apply(changes)));
  getAllBookmarks().then(
    (all) => show(tally.reset(all)),
    (error) => console.warn('Lamplight could not count new chapters.', error),
  );
}

export default defineBackground(() => {
  showNewChapterCount();
  const shelfIndex = maintainShelfIndex();
  const rebuildShelfIndex = () =>
    shelfIndex.rebuild().catch((error) => console.warn('Lamplight could not index the shelf.', error));
  browser.runtime.onStartup.addListener(rebuildShelfIndex);
  browser.runtime.onInstalled.addListener(rebuildShelfIndex);
  startSync();
  browser.runtime.onInstalled.addListener(createMenus);
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === BOOKMARK_LINK) {
      // The page's content script reads the work from the link's blurb or the work page itself.
      if (tab?.id !== undefined && info.linkUrl) void sendToTab(tab.id, { type: 'bookmark:link', url: info.linkUrl });
      return;
    }
    const linkText = (info as { linkText?: unknown }).linkText;
    hideFromLink(info.menuItemId, info.linkUrl, typeof linkText === 'string' ? linkText : undefined).catch((error) =>
      console.warn('Lamplight could not add that filter.', error),
    );
  });

  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'toggle-reader') return;
    const tabId = await activeTabId();
    if (tabId !== null) await sendToTab(tabId, { type: 'reader:toggle' });
  });

  browser.runtime.onMessage.addListener((message, sender) => {
    const parsed = parseToBackground(message);
    const tabId = sender.tab?.id;
    if (!parsed || tabId === undefined || sender.id !== browser.runtime.id) return undefined;
    // null, not '', clears the tab's own text so the global new-chapters count shows again;
    // both browsers accept null here, though the type declarations lag behind.
    const text = parsed.count > 0 ? String(parsed.count) : (null as unknown as string);
    void action.setBadgeText({ tabId, text });
    void action.setBadgeBackgroundColor({ tabId, color: '#5b4a8a' });
    return undefined;
  });
});
