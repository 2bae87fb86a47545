/** writeAllOrNothing: one set per area, then one remove; a failure puts back what earlier steps changed. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { writeAllOrNothing } from '../../../lib/storage/transaction';

const everything = async () => ({
  local: await fakeBrowser.storage.local.get(null),
  sync: await fakeBrowser.storage.sync.get(null),
});

beforeEach(async () => {
  fakeBrowser.reset();
  await fakeBrowser.storage.sync.set({ rules: ['old rule'] });
  await fakeBrowser.storage.local.set({ kept: 1, gone: 2 });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('writeAllOrNothing', () => {
  it('writes every key, then removes', async () => {
    const result = await writeAllOrNothing({
      writes: [
        { key: 'sync:rules', value: ['new rule'] },
        { key: 'local:kept', value: 10 },
        { key: 'local:added', value: 3 },
      ],
      removals: ['local:gone'],
    });
    expect(result).toEqual({ ok: true });
    expect(await everything()).toEqual({ local: { kept: 10, added: 3 }, sync: { rules: ['new rule'] } });
  });

  it('a failing local write puts the sync write back, and writes nothing else', async () => {
    const before = await everything();
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    const result = await writeAllOrNothing({
      writes: [
        { key: 'sync:rules', value: ['new rule'] },
        { key: 'sync:fresh', value: true },
        { key: 'local:kept', value: 10 },
      ],
      removals: ['local:gone'],
    });
    expect(result).toEqual({ ok: false, error: 'QUOTA_BYTES quota exceeded' });
    expect(await everything()).toEqual(before);
  });

  it('a failing removal puts back both writes, removing keys that held nothing', async () => {
    const before = await everything();
    vi.spyOn(fakeBrowser.storage.local, 'remove').mockRejectedValueOnce(new Error('disk full'));
    const result = await writeAllOrNothing({
      writes: [
        { key: 'sync:rules', value: ['new rule'] },
        { key: 'local:added', value: 3 },
      ],
      removals: ['local:gone'],
    });
    expect(result).toEqual({ ok: false, error: 'disk full' });
    expect(await everything()).toEqual(before);
  });

  it('says when the rollback failed too', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    vi.spyOn(fakeBrowser.storage.sync, 'set')
      .mockImplementationOnce(() => Promise.resolve())
      .mockRejectedValueOnce(new Error('MAX_WRITE_OPERATIONS_PER_MINUTE'));
    const result = await writeAllOrNothing({
      writes: [
        { key: 'sync:rules', value: ['new rule'] },
        { key: 'local:kept', value: 10 },
      ],
      removals: [],
    });
    expect(result).toEqual({ ok: false, error: 'QUOTA_BYTES quota exceeded', undoError: 'MAX_WRITE_OPERATIONS_PER_MINUTE' });
  });

  it('does not read keys the caller knows are empty, and treats them as empty on rollback', async () => {
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'));
    await writeAllOrNothing({
      writes: [
        { key: 'sync:rules', value: ['new rule'] },
        { key: 'local:bookmark:1', value: 1 },
        { key: 'local:bookmark:2', value: 2 },
      ],
      removals: [],
      knownEmpty: (key) => key.startsWith('local:bookmark:'),
    });
    expect(get.mock.calls.flatMap(([keys]) => (Array.isArray(keys) ? keys : [keys]))).not.toContain('bookmark:1');
  });
});
