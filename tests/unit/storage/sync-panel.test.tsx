/**
 * The options page's Sync panel: the status in plain words, and the "Also sync bookmarks" switch.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { describeSyncStatus, SyncPanel } from '../../../components/SyncPanel';
import { loadAppSettings } from '../../../lib/storage/settings';
import type { SyncStatus } from '../../../lib/storage/sync';
import { byRole, click, mount, settle, unmountAll } from '../ui/dom';

beforeEach(() => fakeBrowser.reset());
afterEach(() => unmountAll());

const status = (over: Partial<SyncStatus> = {}): SyncStatus => ({
  syncedRules: 12,
  syncedBookmarks: 0,
  bookmarks: false,
  leftOut: { rules: 0, bookmarks: 0, tooBig: 0 },
  lastError: null,
  at: 'not a date',
  ...over,
});

describe('describeSyncStatus', () => {
  it('says what is synced and what stays on this device', () => {
    expect(describeSyncStatus(null)).toEqual(['Not synced yet.']);
    expect(describeSyncStatus(status())).toEqual(['12 filter rules are synced.', 'Bookmarks stay on this device.']);
    expect(describeSyncStatus(status({ syncedRules: 1, bookmarks: true, syncedBookmarks: 35 }))).toEqual([
      '1 filter rule is synced.',
      '35 bookmarks are synced.',
    ]);
  });

  it('too many bookmarks: how many, and that the most recently read are the ones synced', () => {
    const lines = describeSyncStatus(
      status({ bookmarks: true, syncedBookmarks: 420, leftOut: { rules: 0, bookmarks: 2992, tooBig: 0 } }),
    );
    expect(lines[1]).toBe(
      "3,412 bookmarks are too many for your browser's sync space; the 420 most recently read are synced, the rest stay on this device.",
    );
  });

  it('too many rules, a bookmark too large, a failed sync', () => {
    expect(describeSyncStatus(status({ syncedRules: 900, leftOut: { rules: 300, bookmarks: 0, tooBig: 0 } }))[0]).toBe(
      "1,200 filter rules are too many for your browser's sync space; the first 900 are synced, the rest stay on this device.",
    );
    expect(
      describeSyncStatus(status({ bookmarks: true, syncedBookmarks: 34, leftOut: { rules: 0, bookmarks: 1, tooBig: 1 } }))[1],
    ).toBe("34 of 35 bookmarks are synced; one is too large for your browser's sync space (a very long note?) and stays on this device.");
    expect(describeSyncStatus(status({ lastError: 'QUOTA_BYTES quota exceeded' }))).toEqual([
      'The last sync did not finish: QUOTA_BYTES quota exceeded. Everything is still saved on this device.',
    ]);
    expect(describeSyncStatus(status({ at: '2026-03-01T10:00:00.000Z' })).at(-1)).toMatch(/^Last synced .+\.$/);
  });
});

describe('SyncPanel', () => {
  it('shows the stored status and follows it as syncs record new ones', async () => {
    await fakeBrowser.storage.local.set({ syncStatus: status() });
    const root = await mount(<SyncPanel />);
    const panel = byRole(root, 'region', 'Sync');
    expect(byRole(panel, 'status').textContent).toBe('12 filter rules are synced.Bookmarks stay on this device.');
    await fakeBrowser.storage.local.set({ syncStatus: status({ syncedRules: 13 }) });
    await settle();
    expect(byRole(panel, 'status').textContent).toContain('13 filter rules are synced.');
  });

  it('"Also sync bookmarks" switches appSettings.syncBookmarks', async () => {
    const root = await mount(<SyncPanel />);
    const toggle = byRole(root, 'switch', 'Also sync bookmarks');
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    await click(toggle);
    expect((await loadAppSettings()).syncBookmarks).toBe(true);
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    await click(toggle);
    expect((await loadAppSettings()).syncBookmarks).toBe(false);
  });
});
