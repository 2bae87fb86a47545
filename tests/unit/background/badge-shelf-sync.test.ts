/**
 * The background's other jobs (entrypoints/background.ts): the toolbar badge (a tab's filtered
 * count, else bookmarks with new chapters), the shelf index, starting sync, the reader shortcut.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Bookmark } from '../../../lib/bookmarks/types';
import { putBookmark, removeBookmark, updateBookmark } from '../../../lib/storage/bookmarks';
import { addRule, saveRules } from '../../../lib/storage/rules';
import { readShelfIndex } from '../../../lib/storage/shelf-index';
import { encodeShelfIndex } from '../../../lib/bookmarks/shelf-index-codec';
import { readMirror } from '../../../lib/sync';
import { makeBookmark } from '../storage/helpers';
import { fakeTimers, settle, startBackground } from './harness';

beforeEach(() => {
  fakeBrowser.reset();
  fakeTimers();
});
afterEach(() => vi.useRealTimers());

const work = (id: number, overrides: Partial<Bookmark> = {}) =>
  makeBookmark({ workId: String(id), url: `https://archiveofourown.org/works/${id}`, ...overrides });

/** A message from Lamplight's own content script in tab `tabId`. */
const fromTab = (message: unknown, tabId?: number, id = fakeBrowser.runtime.id) =>
  fakeBrowser.runtime.onMessage.trigger(message, { id, ...(tabId === undefined ? {} : { tab: { id: tabId } }) } as never);

/** The badge texts the background set for one tab, in order. */
const tabTexts = (setBadgeText: { mock: { calls: unknown[][] } }, tabId: number) =>
  setBadgeText.mock.calls.map(([details]) => details as { tabId?: number; text: string | null }).filter((d) => d.tabId === tabId).map((d) => d.text);

describe('background: the badge of a tab with filtered works', () => {
  it('shows the count from badge:filtered on that tab only, in Lamplight\'s colour; 0 gives the tab\'s text back (null)', async () => {
    await startBackground();
    const setBadgeText = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    const setColour = vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor');

    await fromTab({ type: 'badge:filtered', count: 3 }, 5);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe('3');
    expect(await fakeBrowser.action.getBadgeText({ tabId: 6 })).toBe('');
    expect(setColour).toHaveBeenLastCalledWith({ tabId: 5, color: '#5b4a8a' });

    await fromTab({ type: 'badge:filtered', count: 1 }, 6);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 6 })).toBe('1');

    await fromTab({ type: 'badge:filtered', count: 0 }, 5);
    expect(tabTexts(setBadgeText, 5)).toEqual(['3', null]);
    expect(tabTexts(setBadgeText, 6)).toEqual(['1']);
  });

  it('ignores malformed messages, messages from no tab and messages from another extension', async () => {
    await startBackground();
    const setBadgeText = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    const malformed: unknown[] = [
      { type: 'badge:filtered', count: -1 },
      { type: 'badge:filtered', count: 2.5 },
      { type: 'badge:filtered', count: '3' },
      { type: 'badge:filtered' },
      { type: 'badge:other', count: 3 },
      null,
      'badge:filtered',
    ];
    for (const message of malformed) await fromTab(message, 5);
    await fromTab({ type: 'badge:filtered', count: 3 });
    await fromTab({ type: 'badge:filtered', count: 3 }, 5, 'some-other-extension');
    // Only the new-chapter count (no tabId) may have been set meanwhile.
    expect(setBadgeText.mock.calls.filter(([details]) => 'tabId' in details)).toEqual([]);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe('');
  });

  it('uses browserAction where there is no action (Firefox\'s Manifest V2 build)', async () => {
    const action = fakeBrowser.action;
    const setBadgeText = vi.fn(() => Promise.resolve());
    const browserAction = { setBadgeText, setBadgeBackgroundColor: vi.fn(() => Promise.resolve()) };
    const fake = fakeBrowser as unknown as Record<string, unknown>;
    const original = fake.browserAction;
    fake.action = undefined;
    fake.browserAction = browserAction;
    try {
      await startBackground();
      await fromTab({ type: 'badge:filtered', count: 4 }, 8);
    } finally {
      fake.action = action;
      fake.browserAction = original;
    }
    expect(setBadgeText).toHaveBeenCalledWith({ tabId: 8, text: '4' });
    expect(browserAction.setBadgeBackgroundColor).toHaveBeenCalledWith({ tabId: 8, color: '#5b4a8a' });
  });
});

describe('background: the badge of bookmarks with new chapters', () => {
  it('counts bookmarks with new chapters at start and follows changes; none shows no text', async () => {
    await putBookmark(work(1, { newChapters: 2 }));
    await putBookmark(work(2, { newChapters: 1 }));
    await putBookmark(work(3, { newChapters: 0 }));
    await fakeBrowser.action.setBadgeText({ text: 'stale' });
    await startBackground();
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('2'));

    await updateBookmark('ao3', '1', { newChapters: 0 });
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('1'));
    await putBookmark(work(4, { newChapters: 5 }));
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('2'));
    await removeBookmark('ao3', '2');
    await removeBookmark('ao3', '4');
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe(''));
  });
});

describe('background: the shelf index', () => {
  const indexedIds = async () => (await readShelfIndex())?.map((e) => e.bookmark.workId).sort() ?? null;

  it('builds the index at start when there is none, and keeps it as bookmarks change', async () => {
    await putBookmark(work(1));
    await putBookmark(work(2));
    await startBackground();
    await vi.waitFor(async () => expect(await indexedIds()).toEqual(['1', '2']));
    await putBookmark(work(3));
    await removeBookmark('ao3', '1');
    await vi.waitFor(async () => expect(await indexedIds()).toEqual(['2', '3']));
  });

  for (const event of ['onStartup', 'onInstalled'] as const) {
    it(`rebuilds the index from the records on runtime.${event}`, async () => {
      await putBookmark(work(1));
      await putBookmark(work(2));
      // An index left by an earlier run that disagrees with the records: trusted until a rebuild.
      await fakeBrowser.storage.session.set({ shelfIndex: encodeShelfIndex([work(1), work(9)]) });
      await startBackground();
      await settle();
      expect(await indexedIds()).toEqual(['1', '9']);
      await fakeBrowser.runtime[event].trigger({ reason: 'update' } as never);
      await vi.waitFor(async () => expect(await indexedIds()).toEqual(['1', '2']));
    });
  }
});

describe('background: sync', () => {
  it('starts syncing: rules stored before reach storage.sync after the debounce, and a rule added later follows', async () => {
    await saveRules([{ id: 'r1', field: 'warning', pattern: 'Major Character Death', action: 'collapse', enabled: true }]);
    await startBackground();
    const mirroredPatterns = async () => readMirror(await fakeBrowser.storage.sync.get()).rules.map((r) => (r.value && 'pattern' in r.value ? r.value.pattern : null));

    await settle();
    expect(await mirroredPatterns()).toEqual([]);
    await vi.advanceTimersByTimeAsync(2_000);
    await vi.waitFor(async () => expect(await mirroredPatterns()).toEqual(['Major Character Death']));

    await addRule({ field: 'freeform', pattern: 'Angst', action: 'hide', enabled: true });
    await vi.advanceTimersByTimeAsync(10_000);
    await vi.waitFor(async () => expect(await mirroredPatterns()).toEqual(['Major Character Death', 'Angst']));
  });
});

describe('background: the reader shortcut', () => {
  it('toggle-reader sends reader:toggle to the active tab; other commands send nothing', async () => {
    const background = await startBackground();
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7 } as never]);
    await background.command('something-else');
    expect(background.sendToTab).not.toHaveBeenCalled();
    await background.command('toggle-reader');
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(background.sendToTab).toHaveBeenCalledTimes(1);
    expect(background.sendToTab).toHaveBeenCalledWith(7, { type: 'reader:toggle' });
  });

  it('sends nothing when there is no active tab', async () => {
    const background = await startBackground();
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([]);
    await background.command('toggle-reader');
    expect(background.sendToTab).not.toHaveBeenCalled();
  });
});
