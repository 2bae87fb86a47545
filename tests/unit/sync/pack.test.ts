import { describe, expect, it } from 'vitest';
import {
  SYNC_QUOTA_BYTES,
  SYNC_QUOTA_BYTES_PER_ITEM,
  byteLength,
  itemBytes,
  packRecords,
  syncPlan,
  unpackRecords,
} from '../../../lib/sync/pack';
import { makeBookmark } from '../storage/helpers';

const rule = (i: number) => ({ id: `rule-${i}`, field: 'freeform', pattern: `Some Tag Number ${i}`, action: 'hide', enabled: true });

function checkQuotas(items: Record<string, unknown>, reservedBytes = 0) {
  let total = reservedBytes;
  for (const [key, value] of Object.entries(items)) {
    const size = itemBytes(key, value);
    expect(size, key).toBeLessThanOrEqual(SYNC_QUOTA_BYTES_PER_ITEM);
    total += size;
  }
  expect(total).toBeLessThanOrEqual(SYNC_QUOTA_BYTES);
  return total;
}

describe('packRecords', () => {
  it('packs a small list into one chunk plus meta, and reads it back', () => {
    const records = [rule(1), rule(2), rule(3)];
    const pack = packRecords(records, { prefix: 'r.' });
    expect(Object.keys(pack.items)).toEqual(['r.0', 'r.meta']);
    expect(pack.items['r.meta']).toEqual({ chunks: 1, records: 3 });
    expect(pack.leftOut).toEqual([]);
    expect(unpackRecords(pack.items, 'r.')).toEqual({ ok: true, records });
  });

  it('2,000 rules (~200 KB): every chunk under 8 KB, the whole under 100 KB, the rest reported, nothing cut', () => {
    const records = Array.from({ length: 2000 }, (_, i) => rule(i));
    const pack = packRecords(records, { prefix: 'r.' });
    const total = checkQuotas(pack.items);
    expect(total).toBe(pack.bytes);
    expect(pack.leftOut.length).toBeGreaterThan(0);
    expect(pack.leftOut.every((l) => l.reason === 'no-room')).toBe(true);
    // Every record is either packed whole or reported; none twice.
    const all = [...pack.packed, ...pack.leftOut.map((l) => l.index)].sort((a, b) => a - b);
    expect(all).toEqual(records.map((_, i) => i));
    const back = unpackRecords(pack.items, 'r.');
    expect(back.ok && back.records).toEqual(pack.packed.map((i) => records[i]));
    // The first records (the most important) are the ones kept.
    expect(pack.packed.slice(0, 100)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    // And the quota is actually used, not wasted.
    expect(total).toBeGreaterThan(SYNC_QUOTA_BYTES * 0.95);
  });

  it('a record bigger than one item is reported too-big; smaller ones after it still go in', () => {
    const huge = makeBookmark({ note: 'x'.repeat(9000) });
    const pack = packRecords([rule(1), huge, rule(2)], { prefix: 'b.' });
    expect(pack.leftOut).toEqual([{ index: 1, bytes: byteLength(JSON.stringify(huge)), reason: 'too-big' }]);
    expect(pack.packed).toEqual([0, 2]);
  });

  it('counts bytes in UTF-8 (a note in Japanese takes three bytes a character)', () => {
    const note = 'あ'.repeat(2800); // 2,800 characters, 8,400 bytes
    const pack = packRecords([{ note }], { prefix: 'b.' });
    expect(pack.leftOut.map((l) => l.reason)).toEqual(['too-big']);
  });

  it('respects bytes and items other things already use', () => {
    const records = Array.from({ length: 300 }, (_, i) => rule(i));
    const pack = packRecords(records, { prefix: 'r.', reservedBytes: 95_000 });
    checkQuotas(pack.items, 95_000);
    expect(pack.packed.length).toBeLessThan(100);
    const few = packRecords(records, { prefix: 'r.', perItem: 200, reservedItems: 509 });
    expect(Object.keys(few.items)).toHaveLength(3); // 509 + 2 chunks + meta = 512
  });

  it('syncPlan removes stale chunks of a longer earlier pack', () => {
    const pack = packRecords([rule(1)], { prefix: 'r.' });
    expect(syncPlan(['r.0', 'r.1', 'r.2', 'r.meta', 'readerSettings', 'rx.1'], pack, 'r.')).toEqual({
      set: pack.items,
      remove: ['r.1', 'r.2'],
    });
  });

  it('unpack refuses a damaged or partial set rather than returning part of it', () => {
    const pack = packRecords(Array.from({ length: 200 }, (_, i) => rule(i)), { prefix: 'r.' });
    expect(unpackRecords({}, 'r.')).toEqual({ ok: true, records: [] });
    const { ['r.1']: _gone, ...missing } = pack.items;
    expect(unpackRecords(missing, 'r.')).toEqual({ ok: false, error: 'r.1 is missing or damaged' });
    expect(unpackRecords({ ...pack.items, 'r.meta': 'x' }, 'r.')).toEqual({ ok: false, error: 'r.meta is damaged' });
  });
});

describe('jsonBytes: the size as Chrome counts it (measured in Chromium), never less', () => {
  it('counts what Chrome escapes or writes longer', async () => {
    const { jsonBytes } = await import('../../../lib/sync/pack');
    // [value, bytes Chrome counted for its JSON]
    const measured: [unknown, number][] = [
      [123456789012, 14], // 123456789012.0
      [1772359200123, 18], // 1.772359200123e+12
      [1772359200000, 13], // 1.7723592e+12
      [2147483647, 10],
      [2147483648, 12],
      [-2147483649, 13],
      [1e15, 5],
      [1234567890123456, 21],
      [0.1, 3],
      [12.5, 4],
      [100, 3],
      ['<', 8],
      ['>', 3],
      ['\u2028', 8],
      ['é', 4],
      ['😀', 6],
      ['\u001f', 8],
    ];
    for (const [value, chrome] of measured) expect(jsonBytes(value), JSON.stringify(value)).toBeGreaterThanOrEqual(chrome);
    // and not wastefully more where Chrome writes what JSON.stringify writes
    expect(jsonBytes([100, 0.4, 'plain text', true, null])).toBe(JSON.stringify([100, 0.4, 'plain text', true, null]).length);
    expect(jsonBytes('a <3 b')).toBe(8 + 5);
  });
});
