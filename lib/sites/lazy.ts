/**
 * Fields read from the page only when first asked for. A listing's blurbs are read as the page
 * parses, but with no rules (or rules on a few fields) most of a blurb's fields are never looked
 * at: each lazy field runs its reader once, on first use, and then holds the value like a plain
 * property (assignable, enumerable, copied by spread and JSON). A reader that throws gives the
 * field's `fallback`: markup that changed costs that field, never the page.
 */
export type LazyReaders<T> = { [K in keyof T]?: { read: () => T[K]; fallback: T[K] } };

export function withLazyFields<T extends object>(eager: Partial<T>, lazy: LazyReaders<T>): T {
  const target = eager as T;
  for (const key of Object.keys(lazy) as (keyof T)[]) {
    const { read, fallback } = lazy[key]!;
    const hold = (value: T[keyof T]) => {
      Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
      return value;
    };
    Object.defineProperty(target, key, {
      enumerable: true,
      configurable: true,
      get() {
        let value = fallback;
        try {
          value = read();
        } catch {
          // the fallback
        }
        return hold(value);
      },
      set: hold,
    });
  }
  return target;
}
