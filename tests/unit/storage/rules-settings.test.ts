import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_READER_SETTINGS } from '../../../lib/reader/settings';
import { clearQuarantine, getQuarantine, removeQuarantine } from '../../../lib/storage/quarantine';
import { addRule, loadRules, saveRules, updateRules, watchRules } from '../../../lib/storage/rules';
import {
  loadAppSettings,
  loadReaderSettings,
  saveAppSettings,
  saveReaderSettings,
  writeReaderSettings,
} from '../../../lib/storage/settings';
import { DEFAULT_APP_SETTINGS } from '../../../lib/storage/validate';
import type { Rule } from '../../../lib/filters/types';

beforeEach(() => fakeBrowser.reset());

const sync = async (key: string) => (await fakeBrowser.storage.sync.get(key))[key];
const local = async (key: string) => (await fakeBrowser.storage.local.get(key))[key];

const MCD: Rule = { id: 'a', field: 'warning', pattern: 'Major Character Death', action: 'collapse', enabled: true };
const SHORT: Rule = { id: 'b', field: 'words', max: 1000, action: 'hide', enabled: true };

describe('loadRules: valid rules kept, invalid ones quarantined', () => {
  it('returns [] when nothing is stored, and writes nothing', async () => {
    expect(await loadRules()).toEqual([]);
    expect(await fakeBrowser.storage.sync.get()).toEqual({});
    expect(await fakeBrowser.storage.local.get()).toEqual({});
  });

  it('keeps the valid rules, quarantines the invalid ones with where and why', async () => {
    const bad1 = { id: 'x', field: 'warning', pattern: 'X', action: 'collapse', enabled: true, colour: 'red' };
    const bad2 = { id: 'y', field: 'words', action: 'hide', enabled: true };
    await fakeBrowser.storage.local.set({ filterRules: [MCD, bad1, SHORT, bad2] });
    expect(await loadRules()).toEqual([MCD, SHORT]);
    expect(await local('filterRules')).toEqual([MCD, SHORT]);
    expect(await local('filterRules$')).toEqual({ v: 1 });
    const [entry, ...more] = await getQuarantine();
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      key: 'local:filterRules',
      reason: 'filterRules[1]: Unknown property "colour" in a warning rule; filterRules[3]: Words rule needs a minimum or a maximum',
      value: [bad1, bad2],
    });
    expect(entry?.id).toMatch(/^local:quarantine:local:filterRules:\d+$/);
    expect(Date.parse(entry!.quarantinedAt)).not.toBeNaN();
  });

  it('quarantines a value that is not a list at all and falls back to no rules', async () => {
    await fakeBrowser.storage.local.set({ filterRules: { oops: true } });
    expect(await loadRules()).toEqual([]);
    expect(await local('filterRules')).toEqual([]);
    expect((await getQuarantine()).map((e) => [e.reason, e.value])).toEqual([
      ['filterRules must be a list, not {"oops":true}', { oops: true }],
    ]);
  });

  it('repairs without quarantine when nothing is lost (missing or duplicate ids)', async () => {
    const { id: _id, ...noId } = SHORT;
    await fakeBrowser.storage.local.set({ filterRules: [MCD, { ...MCD, pattern: 'Rape/Non-Con', id: 'a' }, noId] });
    const rules = await loadRules();
    expect(rules).toHaveLength(3);
    expect(new Set(rules.map((r) => r.id)).size).toBe(3);
    expect(await local('filterRules')).toEqual(rules);
    expect(await getQuarantine()).toEqual([]);
    expect(await loadRules()).toEqual(rules); // stable from now on
  });
});

describe('writing rules', () => {
  it('saveRules stores valid rules with the version; refuses invalid ones, writing nothing', async () => {
    await saveRules([MCD]);
    expect(await local('filterRules')).toEqual([MCD]);
    expect(await local('filterRules$')).toEqual({ v: 1 });
    await expect(saveRules([MCD, { ...SHORT, max: -1 }])).rejects.toThrow("Rule 2: Maximum words (-1) can't be negative");
    await expect(saveRules([MCD, { ...SHORT, id: 'a' }])).rejects.toThrow('Rule 2: the id is used twice');
    expect(await local('filterRules')).toEqual([MCD]);
  });

  it('addRule appends with a new id and does not duplicate a rule already there', async () => {
    const added = await addRule({ field: 'work', pattern: 'ao3:1', action: 'allow', enabled: true });
    expect(added.id).toBeTruthy();
    const again = await addRule({ field: 'work', pattern: 'AO3:1', action: 'allow', enabled: false });
    expect(again).toEqual(added);
    expect(await loadRules()).toEqual([added]);
    await expect(addRule({ field: 'title', pattern: '  ', action: 'hide', enabled: true })).rejects.toThrow('Pattern is empty');
  });

  it('concurrent addRule / updateRules calls in one context all land', async () => {
    await Promise.all([
      addRule({ field: 'author', pattern: 'a', action: 'hide', enabled: true }),
      addRule({ field: 'author', pattern: 'b', action: 'hide', enabled: true }),
      updateRules((rules) => [...rules, SHORT]),
      addRule({ field: 'author', pattern: 'c', action: 'hide', enabled: true }),
    ]);
    expect((await loadRules()).map((r) => (r.field === 'author' ? r.pattern : r.field))).toEqual(['a', 'b', 'words', 'c']);
  });

  it('watchRules reports valid rules on every change', async () => {
    const seen: Rule[][] = [];
    const stop = watchRules((rules) => seen.push(rules));
    await saveRules([MCD]);
    await saveRules([MCD, SHORT]);
    stop();
    expect(seen).toEqual([[MCD], [MCD, SHORT]]);
  });
});

describe('settings', () => {
  it('fall back to the defaults when nothing is stored', async () => {
    expect(await loadReaderSettings()).toEqual(DEFAULT_READER_SETTINGS);
    expect(await loadAppSettings()).toEqual(DEFAULT_APP_SETTINGS);
    expect(await getQuarantine()).toEqual([]);
  });

  it('a bad field takes its default, good fields stay, the stored value is quarantined', async () => {
    const stored = { ...DEFAULT_READER_SETTINGS, fontSize: 'huge', theme: 'dark', colour: 'red' };
    await fakeBrowser.storage.sync.set({ readerSettings: stored });
    expect(await loadReaderSettings()).toEqual({ ...DEFAULT_READER_SETTINGS, theme: 'dark' });
    expect(await sync('readerSettings')).toEqual({ ...DEFAULT_READER_SETTINGS, theme: 'dark' });
    expect((await getQuarantine()).map((e) => [e.key, e.reason, e.value])).toEqual([
      [
        'sync:readerSettings',
        'unknown field "colour"; fontSize must be a number from 12 to 40, not "huge"',
        stored,
      ],
    ]);
  });

  it('a missing field takes its default silently (nothing was lost)', async () => {
    const { skipAdultGate: _s, ...older } = { ...DEFAULT_READER_SETTINGS, fontSize: 22 };
    await fakeBrowser.storage.sync.set({ readerSettings: older });
    expect(await loadReaderSettings()).toEqual({ ...DEFAULT_READER_SETTINGS, fontSize: 22 });
    expect(await getQuarantine()).toEqual([]);
  });

  it('settings that are not an object are quarantined whole', async () => {
    await fakeBrowser.storage.sync.set({ appSettings: [1, 2] });
    expect(await loadAppSettings()).toEqual(DEFAULT_APP_SETTINGS);
    expect((await getQuarantine())[0]).toMatchObject({ key: 'sync:appSettings', value: [1, 2] });
  });

  it('save patches, validates, and writes the version', async () => {
    await saveReaderSettings({ theme: 'black', fontSize: 24 });
    await saveAppSettings({ filteringPaused: true });
    expect(await loadReaderSettings()).toEqual({ ...DEFAULT_READER_SETTINGS, theme: 'black', fontSize: 24 });
    expect(await sync('readerSettings$')).toEqual({ v: 1 });
    expect(await loadAppSettings()).toEqual({ ...DEFAULT_APP_SETTINGS, filteringPaused: true });
    await expect(saveReaderSettings({ theme: 'neon' as never })).rejects.toThrow(
      'theme must be one of "auto", "light", "sepia", "dark", "black", not "neon"',
    );
    await Promise.all([saveReaderSettings({ width: 80 }), saveReaderSettings({ align: 'justify' })]);
    expect(await loadReaderSettings()).toMatchObject({ width: 80, align: 'justify', theme: 'black' });
  });

  it('the reader panel writes whole settings in one call, versioned, without reading first; invalid ones write nothing', async () => {
    const get = vi.spyOn(fakeBrowser.storage.sync, 'get');
    const whole = { ...DEFAULT_READER_SETTINGS, theme: 'sepia' as const, lineHeight: 1.8 };
    await writeReaderSettings(whole);
    expect(get).not.toHaveBeenCalled();
    expect(await sync('readerSettings')).toEqual(whole);
    expect(await sync('readerSettings$')).toEqual({ v: 1 });
    await expect(writeReaderSettings({ ...whole, fontSize: -3 })).rejects.toThrow('fontSize');
    expect(await sync('readerSettings')).toEqual(whole);
  });
});

describe('the quarantine list', () => {
  it('lists oldest first; entries can be removed one by one or all at once', async () => {
    await fakeBrowser.storage.sync.set({ appSettings: 1, readerSettings: 2 });
    await loadAppSettings();
    await loadReaderSettings();
    const entries = await getQuarantine();
    expect(entries.map((e) => e.key)).toEqual(['sync:appSettings', 'sync:readerSettings']);
    await removeQuarantine(entries[0]!.id);
    expect((await getQuarantine()).map((e) => e.key)).toEqual(['sync:readerSettings']);
    await expect(removeQuarantine('local:bookmark:ao3:1')).rejects.toThrow('Not a quarantine entry');
    await clearQuarantine();
    expect(await getQuarantine()).toEqual([]);
  });

  it('never drops even a damaged quarantine entry from the list', async () => {
    await fakeBrowser.storage.local.set({ 'quarantine:sync:x:5': 'not an entry' });
    expect(await getQuarantine()).toEqual([
      { id: 'local:quarantine:sync:x:5', key: 'sync:x:5', quarantinedAt: '', reason: '', value: 'not an entry' },
    ]);
  });

  it('if the quarantine copy cannot be written, the bad value is left where it was', async () => {
    await fakeBrowser.storage.local.set({ filterRules: 'bad' });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const set = fakeBrowser.storage.local.set;
    fakeBrowser.storage.local.set = () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
    try {
      expect(await loadRules()).toEqual([]);
    } finally {
      fakeBrowser.storage.local.set = set;
    }
    expect(await local('filterRules')).toBe('bad');
    expect(logged).toHaveBeenCalled();
  });
});
