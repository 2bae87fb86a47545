import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

beforeEach(() => {
  fakeBrowser.reset();
  vi.resetModules();
});

/** Every storage read (get) of every area from now on. */
function countReads(): () => number {
  const spies = [fakeBrowser.storage.local, fakeBrowser.storage.sync, fakeBrowser.storage.session].map((area) => vi.spyOn(area, 'get'));
  return () => spies.reduce((n, spy) => n + spy.mock.calls.length, 0);
}

describe('storage items defined on first use', () => {
  it('loading the storage modules reads nothing; an item reads only when used', async () => {
    const reads = countReads();
    const items = await import('../../../lib/storage/items');
    await import('../../../lib/storage');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(reads()).toBe(0);
    expect(items.appSettingsItem.key).toBe('sync:appSettings');
    expect(reads()).toBe(0);
    expect(await items.appSettingsItem.getValue()).toMatchObject({ filteringPaused: false });
    expect(reads()).toBeGreaterThan(0);
  });

  it('a versioned item still migrates an old value on first use', async () => {
    await fakeBrowser.storage.local.set({ filterRules: [], filterRules$: { v: 1 } });
    const { loadRules } = await import('../../../lib/storage');
    expect(await loadRules()).toEqual([]);
    const { MIGRATIONS } = await import('../../../lib/storage/migrations');
    expect((await fakeBrowser.storage.local.get('filterRules$')).filterRules$).toEqual({ v: MIGRATIONS.filterRules.version });
  });
});
