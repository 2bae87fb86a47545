/**
 * One `storage.onChanged` listener per context, shared by every watcher in lib/storage, so a
 * context can stop listening for a while.
 *
 * Why: the browser hands every context that listens the whole change, old and new values. A
 * backup import writes 10,000 bookmarks at once (about 9 MB of change); the options page that
 * runs the import would spend most of a second decoding an event it does not need. So the import
 * pauses this context's listener and, once done, asks every watcher to read its data afresh.
 */
import { browser } from 'wxt/browser';
import type { StorageItemKey } from 'wxt/utils/storage';
import { jsonEqual } from '../check';

export type StorageChanges = Record<string, { oldValue?: unknown; newValue?: unknown }>;

export interface ChangeWatcher {
  onChange(changes: StorageChanges, area: string): void;
  /** After a pause: changes may have been missed, so read the current data again. */
  onResync(): void;
}

const watchers = new Set<ChangeWatcher>();
let paused = 0;

function dispatch(changes: StorageChanges, area: string): void {
  for (const w of watchers) {
    try {
      w.onChange(changes, area);
    } catch (err) {
      console.error('[lamplight] a storage watcher failed', err);
    }
  }
}

/** Listen exactly while someone watches and nothing pauses. */
function update(): void {
  const want = watchers.size > 0 && paused === 0;
  const listening = browser.storage.onChanged.hasListener(dispatch);
  if (want && !listening) browser.storage.onChanged.addListener(dispatch);
  else if (!want && listening) browser.storage.onChanged.removeListener(dispatch);
}

/** Returns the unsubscribe. */
export function watchStorage(watcher: ChangeWatcher): () => void {
  const own = { ...watcher };
  watchers.add(own);
  update();
  return () => {
    watchers.delete(own);
    update();
  };
}

/**
 * Runs `work` with this context deaf to storage changes, then has every watcher resync.
 * Other contexts keep listening as usual.
 */
export async function withChangesPaused<T>(work: () => Promise<T>): Promise<T> {
  paused++;
  update();
  try {
    return await work();
  } finally {
    paused--;
    update();
    if (paused === 0) for (const w of watchers) w.onResync();
  }
}

/** Watch one key: `cb` gets its new value (null when removed) when it really changed. */
export function watchKey(key: StorageItemKey, cb: (value: unknown) => void, read: () => Promise<unknown>): () => void {
  const colon = key.indexOf(':');
  const area = key.slice(0, colon);
  const driverKey = key.slice(colon + 1);
  return watchStorage({
    onChange(changes, changedArea) {
      const change = changedArea === area ? changes[driverKey] : undefined;
      if (!change || jsonEqual(change.newValue ?? null, change.oldValue ?? null)) return;
      cb(change.newValue ?? null);
    },
    onResync() {
      read().then(cb, (err: unknown) => console.error(`[lamplight] could not read ${driverKey}`, err));
    },
  });
}
