/**
 * Sync across devices in Chromium (lib/storage/sync.ts, running in the built extension's background):
 * Chromium's own storage.sync, with its real quotas, accepts the packed mirror; a reader with more
 * bookmarks than fit keeps every one locally and is told, in plain words, which are synced; and data
 * arriving from "another device" (written straight into storage.sync, as the browser's sync would)
 * is merged per item, deletions included.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Bookmark } from '../../lib/bookmarks/types';
import type { Rule } from '../../lib/filters/types';
import { readMirror } from '../../lib/sync';
import { chromiumAudit, launchChromium, type ChromiumSession } from './chromium';

const POLL = { timeout: 30_000, interval: 250 };
const COUNT = 3412;
const T0 = Date.parse('2026-02-01T10:00:00.000Z');

const RULES: Rule[] = [
  { id: 'sync-1', field: 'warning', pattern: 'Major Character Death', action: 'collapse', enabled: true },
  { id: 'sync-2', field: 'freeform', pattern: '*Angst*', action: 'hide', enabled: true },
];

const bookmark = (i: number): Bookmark => ({
  site: 'ao3',
  workId: String(500_000 + i),
  url: `https://archiveofourown.org/works/${500_000 + i}`,
  title: `Work number ${i}`,
  authors: ['someone'],
  fandoms: ['A Fandom'],
  chapter: 1,
  chapterCount: 3,
  chapterTotal: 3,
  progress: 0.5,
  paragraph: 4,
  paragraphOffset: 0,
  newChapters: 0,
  status: 'reading',
  readerMode: false,
  addedAt: '2026-01-01T10:00:00.000Z',
  // Bookmark i was read i minutes before T0.
  readAt: new Date(T0 - i * 60_000).toISOString(),
  note: '',
});
const BOOKMARKS = Array.from({ length: COUNT }, (_, i) => bookmark(i));

let session: ChromiumSession;
let storagePage: Page;

type Areas = { local: Record<string, any>; sync: Record<string, any>; syncBytes: number };
const read = (): Promise<Areas> =>
  storagePage.evaluate(async () => {
    const chrome = (globalThis as any).chrome;
    const [local, sync, syncBytes] = await Promise.all([
      chrome.storage.local.get(null),
      chrome.storage.sync.get(null),
      chrome.storage.sync.getBytesInUse(null),
    ]);
    return { local, sync, syncBytes };
  });
const set = (area: 'local' | 'sync', items: Record<string, unknown>) =>
  storagePage.evaluate(([a, i]) => (globalThis as any).chrome.storage[a!].set(i), [area, items] as const);

beforeAll(async () => {
  session = await launchChromium();
  storagePage = await session.context.newPage();
  await storagePage.goto(`chrome-extension://${session.extensionId}/popup.html`);
  await storagePage.evaluate(async () => {
    const chrome = (globalThis as any).chrome;
    await Promise.all([chrome.storage.local.clear(), chrome.storage.sync.clear()]);
  });
  await set('sync', { appSettings: { filteringPaused: false, syncBookmarks: true }, 'appSettings$': { v: 1 } });
  await set('local', {
    filterRules: RULES,
    'filterRules$': { v: 1 },
    ...Object.fromEntries(BOOKMARKS.map((b) => [`bookmark:ao3:${b.workId}`, { v: 1, ...b }])),
  });
});

afterAll(async () => {
  await session?.close();
});

describe('Chromium: sync through storage.sync', () => {
  test(`${COUNT.toLocaleString('en-US')} bookmarks: Chromium accepts what fits, every bookmark stays local, the options page says so`, async () => {
    await expect.poll(async () => (await read()).local.syncStatus?.syncedBookmarks ?? 0, POLL).toBeGreaterThan(0);
    const { local, sync, syncBytes } = await read();
    const status = local.syncStatus;
    expect(status).toMatchObject({ syncedRules: 2, bookmarks: true, lastError: null });
    expect(status.leftOut).toEqual({ rules: 0, bookmarks: COUNT - status.syncedBookmarks, tooBig: 0 });
    // Within Chromium's own count of the quota, with room left for the settings.
    expect(syncBytes).toBeLessThanOrEqual(102_400 - 2048);
    expect(syncBytes).toBeGreaterThan(90_000);
    // Whole records: the N most recently read, each exactly as stored locally.
    const mirror = readMirror(sync);
    expect(mirror.damaged).toBe(false);
    expect(mirror.rules.map((r) => r.value)).toEqual(RULES);
    const synced = mirror.bookmarks.map((r) => r.value!);
    expect(synced).toHaveLength(status.syncedBookmarks);
    expect(synced.map((b) => Number(b.workId) - 500_000).sort((x, y) => x - y)).toEqual(
      Array.from({ length: synced.length }, (_, i) => i),
    );
    for (const b of synced) expect(b).toEqual(BOOKMARKS[Number(b.workId) - 500_000]);
    // Nothing local was touched.
    for (const b of BOOKMARKS) expect(local[`bookmark:ao3:${b.workId}`]).toEqual({ v: 1, ...b });
    expect(local.filterRules).toEqual(RULES);

    const options = await session.context.newPage();
    try {
      await options.goto(`chrome-extension://${session.extensionId}/options.html`);
      const panel = options.getByRole('region', { name: 'Sync', exact: true });
      await expect
        .poll(() => panel.getByRole('status').textContent(), POLL)
        .toContain(
          `3,412 bookmarks are too many for your browser's sync space; the ${status.syncedBookmarks} most recently read are synced, the rest stay on this device.`,
        );
      // Switching bookmark sync off takes them out of storage.sync; they stay on this device.
      const toggle = panel.getByRole('switch', { name: 'Also sync bookmarks', exact: true });
      expect(await toggle.getAttribute('aria-checked')).toBe('true');
      await toggle.click();
      await expect.poll(async () => Object.keys((await read()).sync).some((k) => k.startsWith('bookmarks.')), POLL).toBe(false);
      await expect.poll(() => panel.getByRole('status').textContent(), POLL).toContain('Bookmarks stay on this device.');
      expect(Object.keys((await read()).local).filter((k) => k.startsWith('bookmark:'))).toHaveLength(COUNT);
    } finally {
      await options.close();
    }
  }, 90_000);

  test('another device adds one rule and deletes another: both arrive here', async () => {
    const { sync } = await read();
    const rules = readMirror(sync).rules;
    expect(rules.map((r) => r.key)).toEqual(['sync-1', 'sync-2']);
    const later = Math.floor(Date.now() / 1000) + 1; // sync times are seconds
    const added: Rule = { id: 'from-elsewhere', field: 'author', pattern: 'elsewhere', action: 'hide', enabled: true };
    // What the browser's sync would deliver from the other device: its whole rules section and a tombstone.
    await set('sync', {
      'rules.0': [...(sync['rules.0'] as unknown[]), [later, added]],
      'rules.meta': { chunks: 1, records: 3 },
      'deleted.0': [['r:sync-2', later]],
      'deleted.meta': { chunks: 1, records: 1 },
    });
    await expect
      .poll(async () => ((await read()).local.filterRules as Rule[]).map((r) => r.id), POLL)
      .toEqual(['sync-1', 'from-elsewhere']);
    // And this device's next mirror agrees.
    await expect
      .poll(async () => readMirror((await read()).sync).rules.map((r) => r.key), POLL)
      .toEqual(['sync-1', 'from-elsewhere']);
  }, 60_000);
});

describe('Chromium: requests', () => {
  test('nothing was requested but the fixture pages the tests opened (and their own assets, refused)', () => {
    expect(chromiumAudit()).toEqual([]);
  });
});
