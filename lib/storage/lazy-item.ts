/**
 * A WXT storage item defined on first use. `storage.defineItem` reads storage the moment it runs
 * (a versioned item checks its version, and every item reads its value once to initialise it):
 * defined at module load, each item cost every page, popup and options load those reads whether or
 * not the item is ever used there. The key is known without defining the item.
 */
import type { StorageItemKey, WxtStorageItem } from 'wxt/utils/storage';

export function lazyItem<K extends StorageItemKey, I extends WxtStorageItem<any, any>>(key: K, define: (key: K) => I): I {
  let item: I | null = null;
  const real = (): I => (item ??= define(key));
  return new Proxy({} as I, {
    get(_, prop) {
      if (prop === 'key') return key;
      const value: unknown = Reflect.get(real(), prop);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(real()) : value;
    },
    has: (_, prop) => Reflect.has(real(), prop),
  });
}
