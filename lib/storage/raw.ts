import { browser } from 'wxt/browser';
import type { StorageItemKey } from 'wxt/utils/storage';

/**
 * The stored values of `keys` as they are (no fallbacks, no migrations), absent ones as null:
 * one `get` per area. (WXT's getItems builds its key lists by concatenation, which is quadratic:
 * a third of a second for the 12,000 keys of a big backup import.)
 */
export async function getRawItems(keys: readonly StorageItemKey[]): Promise<{ key: StorageItemKey; value: unknown }[]> {
  const byArea = new Map<string, string[]>();
  for (const key of keys) {
    const colon = key.indexOf(':');
    const area = key.slice(0, colon);
    let list = byArea.get(area);
    if (!list) byArea.set(area, (list = []));
    list.push(key.slice(colon + 1));
  }
  const found = new Map<string, unknown>();
  await Promise.all(
    [...byArea].map(async ([area, driverKeys]) => {
      const values = await browser.storage[area as 'local' | 'sync'].get(driverKeys);
      for (const [k, v] of Object.entries(values)) found.set(`${area}:${k}`, v);
    }),
  );
  return keys.map((key) => ({ key, value: found.get(key) ?? null }));
}
