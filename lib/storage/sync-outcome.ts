/** What a sync leaves behind: `local:syncState` when it changed, and `local:syncStatus` for the options page. */
import { storage, type StorageItemKey } from 'wxt/utils/storage';
import { parseSyncStatus, sameSyncStatus, type SyncStatus } from '../sync';
import { syncStateItem, syncStatusItem } from './items';
import type { EchoLog } from './sync-echoes';
import { driverKey } from './raw';

const NOTHING_LEFT_OUT = { rules: 0, bookmarks: 0, tooBig: 0 };

/** Store the state (when it changed) and the status (when it changed), in one write. */
export async function recordOutcome(input: {
  previous: SyncStatus | null;
  state: unknown;
  /** The sync's status, or the error that stopped it (then the previous counts stand). */
  outcome: Omit<SyncStatus, 'at'> | string;
  bookmarksOn: boolean;
  now: number;
  echoes: EchoLog;
}): Promise<SyncStatus> {
  const { previous, state, outcome } = input;
  const base: Omit<SyncStatus, 'at'> =
    typeof outcome === 'string'
      ? {
          syncedRules: previous?.syncedRules ?? 0,
          syncedBookmarks: previous?.syncedBookmarks ?? 0,
          bookmarks: previous?.bookmarks ?? input.bookmarksOn,
          leftOut: previous?.leftOut ?? NOTHING_LEFT_OUT,
          lastError: outcome,
        }
      : outcome;
  const status: SyncStatus = { ...base, at: new Date(input.now).toISOString() };
  const writes: { key: StorageItemKey; value: unknown }[] = [];
  if (state !== null) writes.push({ key: syncStateItem.key, value: state });
  const same = previous !== null && sameSyncStatus(status, previous);
  if (!same) writes.push({ key: syncStatusItem.key, value: status });
  if (writes.length > 0) {
    for (const w of writes) input.echoes.expect('local', driverKey(w.key), w.value);
    await storage.setItems(writes);
  }
  return same ? previous : status;
}

/** A sync that threw: the previous status with this error. null when even that cannot be stored. */
export async function recordFailure(lastError: string, now: number): Promise<SyncStatus | null> {
  try {
    const previous = parseSyncStatus(await syncStatusItem.getValue());
    const status: SyncStatus = {
      ...(previous ?? { syncedRules: 0, syncedBookmarks: 0, bookmarks: false, leftOut: NOTHING_LEFT_OUT }),
      lastError,
      at: new Date(now).toISOString(),
    };
    if (!sameSyncStatus(status, previous)) await storage.setItem(syncStatusItem.key, status);
    return status;
  } catch (err) {
    console.error('[lamplight] could not record the sync status', err);
    return null;
  }
}
