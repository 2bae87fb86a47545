/**
 * Packing a list of records into `storage.sync`, whose quotas are small: 8,192 bytes per item
 * (key + JSON of the value, as the browser writes it: see `jsonBytes`), 102,400 bytes and 512
 * items in all. Pure: the caller writes
 * `plan.set` and removes `plan.remove` in its own storage calls.
 *
 * Records are never cut: each is wholly in one chunk or listed in `leftOut` with why. Records
 * are packed in the order given (put the ones that matter most first), compact JSON, as many
 * per chunk as fit. Chunks are `<prefix>0`, `<prefix>1`, …; `<prefix>meta` says how many, so a
 * reader never mistakes a stale chunk for data.
 */

export const SYNC_QUOTA_BYTES_PER_ITEM = 8192;
export const SYNC_QUOTA_BYTES = 102_400;
export const SYNC_MAX_ITEMS = 512;

export interface PackOptions {
  /** Key prefix without the area, e.g. `bm.` → `bm.0`, `bm.1`, `bm.meta`. */
  prefix: string;
  perItem?: number;
  total?: number;
  maxItems?: number;
  /** Bytes and items the area already uses for other things (settings, rules…). */
  reservedBytes?: number;
  reservedItems?: number;
  /**
   * Stop at the first record that finds no room: every later record is left out too, so what is
   * packed is always the first N records ("the 420 most recently read"), never a later, smaller
   * record slipped into a gap. Records left out as `too-big` do not stop the packing.
   */
  prefixOnly?: boolean;
}

export interface LeftOut {
  /** Index in the input list. */
  index: number;
  bytes: number;
  /** `too-big`: larger than one item may be; `no-room`: the area's total quota is used up. */
  reason: 'too-big' | 'no-room';
}

export interface PackMeta {
  chunks: number;
  records: number;
}

export interface Pack {
  /** Chunk and meta keys → values to store. */
  items: Record<string, unknown>;
  /** Indexes of the records that were packed, in order. */
  packed: number[];
  leftOut: LeftOut[];
  /** Bytes the items use, as the quota counts them (key + JSON value, UTF-8). */
  bytes: number;
}

const encoder = new TextEncoder();
/** UTF-8 bytes: never less than what the browser counts. */
export const byteLength = (s: string): number => encoder.encode(s).length;

const INT32_MAX = 2 ** 31 - 1;

/**
 * How long Chrome writes a number, never less. Chrome counts quotas on its own JSON writer's
 * output (measured in Chromium 14x): whole numbers in 32-bit range and small fractions as
 * `JSON.stringify` does; other numbers as doubles: `2147483648.0`, `1.772359200123e+12`.
 */
function numberLength(v: number): number {
  const js = (JSON.stringify(v) ?? 'null').length;
  if (!Number.isFinite(v)) return js;
  if (Number.isInteger(v) ? v >= -INT32_MAX - 1 && v <= INT32_MAX : Math.abs(v) < 1e12) return js;
  return Math.max(js + 2, v.toExponential().length);
}

/**
 * A value's JSON size as the browser counts it against the quota, never less: UTF-8 bytes of its
 * JSON, plus what Chrome's JSON writer adds: `<` written as `\u003C` (+5), U+2028 and U+2029
 * escaped (+3), and numbers written as doubles (see `numberLength`). Keys of items are counted
 * as they are (`itemBytes`).
 */
export function jsonBytes(value: unknown): number {
  let extra = 0;
  const json =
    JSON.stringify(value, (_key, v: unknown) => {
      if (typeof v === 'number') extra += numberLength(v) - (JSON.stringify(v) ?? 'null').length;
      return v;
    }) ?? 'null';
  for (let i = json.indexOf('<'); i !== -1; i = json.indexOf('<', i + 1)) extra += 5;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c === 0x2028 || c === 0x2029) extra += 3;
  }
  return byteLength(json) + extra;
}

/** What one item costs against the quota. */
export const itemBytes = (key: string, value: unknown): number => byteLength(key) + jsonBytes(value);

export const metaKeyOf = (prefix: string): string => `${prefix}meta`;
export const chunkKeyOf = (prefix: string, n: number): string => `${prefix}${n}`;

export function packRecords(records: readonly unknown[], options: PackOptions): Pack {
  const perItem = options.perItem ?? SYNC_QUOTA_BYTES_PER_ITEM;
  const total = options.total ?? SYNC_QUOTA_BYTES;
  const maxItems = options.maxItems ?? SYNC_MAX_ITEMS;
  const { prefix } = options;

  // The meta item is always written; budget for its largest plausible size up front.
  const metaBudget = itemBytes(metaKeyOf(prefix), { chunks: maxItems, records: records.length });
  let used = (options.reservedBytes ?? 0) + metaBudget;
  let items = (options.reservedItems ?? 0) + 1;

  const chunks: { parts: string[]; bytes: number; indexes: number[] }[] = [];
  const leftOut: LeftOut[] = [];
  let full = false;

  records.forEach((record, index) => {
    const json = JSON.stringify(record) ?? 'null';
    const size = jsonBytes(record);
    if (full) {
      leftOut.push({ index, bytes: size, reason: 'no-room' });
      return;
    }
    // A fresh chunk holding only this record: key + "[" + json + "]".
    const alone = byteLength(chunkKeyOf(prefix, chunks.length)) + 2 + size;
    const widest = byteLength(chunkKeyOf(prefix, Math.max(chunks.length, maxItems))) + 2 + size;
    if (Math.min(alone, widest) > perItem) {
      leftOut.push({ index, bytes: size, reason: 'too-big' });
      return;
    }
    // First chunk with room (keeps chunks full; order within a chunk is input order).
    for (const chunk of chunks) {
      const grow = size + 1; // the comma
      if (chunk.bytes + grow <= perItem && used + grow <= total) {
        chunk.parts.push(json);
        chunk.indexes.push(index);
        chunk.bytes += grow;
        used += grow;
        return;
      }
    }
    if (alone <= perItem && used + alone <= total && items + 1 <= maxItems) {
      chunks.push({ parts: [json], bytes: alone, indexes: [index] });
      used += alone;
      items += 1;
      return;
    }
    leftOut.push({ index, bytes: size, reason: 'no-room' });
    if (options.prefixOnly) full = true;
  });

  const out: Record<string, unknown> = {};
  const packed: number[] = [];
  let bytes = 0;
  chunks.forEach((chunk, n) => {
    const key = chunkKeyOf(prefix, n);
    const value = JSON.parse(`[${chunk.parts.join(',')}]`) as unknown[];
    out[key] = value;
    bytes += itemBytes(key, value);
    packed.push(...chunk.indexes);
  });
  const meta: PackMeta = { chunks: chunks.length, records: packed.length };
  out[metaKeyOf(prefix)] = meta;
  bytes += itemBytes(metaKeyOf(prefix), meta);
  return { items: out, packed: packed.sort((a, b) => a - b), leftOut, bytes };
}

export type Unpacked<T> = { ok: true; records: T[] } | { ok: false; error: string };

/** Read packed records back from the items of the area (e.g. a `sync` snapshot). */
export function unpackRecords<T = unknown>(items: Record<string, unknown>, prefix: string): Unpacked<T> {
  const meta = items[metaKeyOf(prefix)];
  if (meta === undefined) return { ok: true, records: [] };
  const m = meta as Partial<PackMeta> | null;
  if (!m || typeof m.chunks !== 'number' || typeof m.records !== 'number' || !Number.isInteger(m.chunks)) {
    return { ok: false, error: `${metaKeyOf(prefix)} is damaged` };
  }
  const records: T[] = [];
  for (let n = 0; n < m.chunks; n++) {
    const chunk = items[chunkKeyOf(prefix, n)];
    if (!Array.isArray(chunk)) return { ok: false, error: `${chunkKeyOf(prefix, n)} is missing or damaged` };
    records.push(...(chunk as T[]));
  }
  if (records.length !== m.records) {
    return { ok: false, error: `expected ${m.records} records, found ${records.length}` };
  }
  return { ok: true, records };
}

/**
 * What to write and remove to go from the chunks now stored (`existingKeys`: every key in the
 * area) to `pack`: stale chunks of a longer earlier pack are removed.
 */
export function syncPlan(
  existingKeys: readonly string[],
  pack: Pack,
  prefix: string,
): { set: Record<string, unknown>; remove: string[] } {
  const chunk = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\d+$`);
  const remove = existingKeys.filter((k) => chunk.test(k) && !(k in pack.items));
  return { set: pack.items, remove };
}
