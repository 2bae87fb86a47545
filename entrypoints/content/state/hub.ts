/**
 * State shared by Lamplight's content scripts in one frame: the main script (filtering, bookmarks,
 * at document_start on every page) and the reader's (work pages only). Chrome and Firefox run all
 * content scripts of one extension in a frame in the same isolated world (sandbox), whose global is
 * not the page's: a property on it is invisible to page scripts and the same object for both scripts.
 * Whichever script runs first creates the hub; it is never read back from the page's DOM.
 */
const KEY = Symbol.for('lamplight.hub');

type Slots = Map<string, unknown>;

/** Gets (creating on first use) the shared value `name` of this frame's hub. */
export function shared<T>(name: string, create: () => T): T {
  const host = globalThis as unknown as Record<symbol, Slots | undefined>;
  let hub = host[KEY];
  if (!hub) {
    hub = new Map();
    Object.defineProperty(globalThis, KEY, { value: hub, enumerable: false, configurable: false, writable: false });
  }
  if (!hub.has(name)) hub.set(name, create());
  return hub.get(name) as T;
}
