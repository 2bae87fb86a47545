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

/** A storage key without its area: `local:history:ao3:1` → `history:ao3:1` (what the browser's API takes). */
export const driverKey = (key: string): string => key.slice(key.indexOf(':') + 1);

type ListingArea = { getKeys?: () => Promise<string[]> };

/**
 * The local area's keys without their values (`storage.local.getKeys`: Chrome 130+, Firefox 143+),
 * or null where the browser cannot list them (the caller then reads the whole area).
 */
export async function listLocalKeys(): Promise<string[] | null> {
  const area = browser.storage.local as unknown as ListingArea;
  return typeof area.getKeys === 'function' ? area.getKeys() : null;
}

/**
 * `keys` of the local area in parallel `get`s of `chunk` keys, each part handed to `each` as it
 * arrives: the browser reads the next part while the page works on the last, and small reads slip
 * in between, where one `get` of thousands of keys would hold them all back.
 */
export function getLocalInChunks<T>(keys: readonly string[], chunk: number, each: (part: Record<string, unknown>) => T): Promise<T[]> {
  const parts: Promise<T>[] = [];
  for (let i = 0; i < keys.length; i += chunk) parts.push(browser.storage.local.get(keys.slice(i, i + chunk)).then(each));
  return Promise.all(parts);
}
