/**
 * Sync across devices through the browser's own sync (`storage.sync`; no server of ours): the
 * engine. The background script starts it (`startSync()`). The design, the mirror's format and the
 * merge rules are in lib/sync (format.ts, merge.ts); the packing into the sync quotas in lib/sync/pack.ts.
 *
 * One sync ("reconcile"): read both areas; merge this device's rules (always) and bookmarks (when
 * appSettings.syncBookmarks is on) with the mirror; write what changed locally (only if nothing
 * changed meanwhile: compare-and-set); write the changed mirror chunks in ONE `storage.sync.set`
 * (plus one `remove` when the mirror shrinks); record `local:syncState` and `local:syncStatus`.
 * A sync that finds nothing to do writes nothing.
 *
 * When: on start, and after changes to the rules or bookmarks here (local area) or to the mirror
 * or appSettings from another device (sync area). Changes are debounced (2 s of quiet, at most
 * 10 s after the first), and sync writes are at least 6 s apart: Chrome allows 120 writes a
 * minute and 1,800 an hour. Our own writes, echoed back by storage.onChanged, are ignored.
 *
 * Over quota: the mirror is packed within the documented quotas, leaving room for the settings.
 * If the browser still refuses a write for space, the same data is packed into 3/4, 1/2, 1/4 of
 * the space and written again (and later syncs start from what worked). Local data is never
 * touched by any of this. A "too many writes" refusal is retried a minute later.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { Bookmark } from '../bookmarks/types';
import {
  deletedSectionSize,
  diffMirror,
  isMirrorKey,
  mergeSync,
  packMirror,
  parseSyncState,
  parseSyncStatus,
  readMirror,
  reservedOutsideMirror,
  type MirrorPlan,
  type SyncMerge,
  type SyncStatus,
} from '../sync';
import { BOOKMARK_PREFIX, bookmarksFromSnapshot, getAllBookmarks } from './bookmarks';
import { watchKey, watchStorage, type StorageChanges } from './changes';
import { jsonEqual } from '../check';
import { listLocalKeys } from './raw';
import { syncStatusItem } from './items';
import { checkStoredRules, loadRules } from './rules';
import { createEchoLog, type EchoLog } from './sync-echoes';
import { recordFailure, recordOutcome } from './sync-outcome';
import { createSyncScheduler } from './sync-scheduler';
import { SYNC_BUDGET_FACTORS, errorText, writeMergedBookmarks, writeMergedRules, writeMirror } from './sync-writes';
import { APP_SETTINGS_SCHEMA, DEFAULT_APP_SETTINGS, repairSettings } from './validate';

export type { SyncStatus };
export { SYNC_BUDGET_FACTORS };

export const SYNC_DEBOUNCE_MS = 2_000;
export const SYNC_MAX_WAIT_MS = 10_000;
export const SYNC_MIN_WRITE_GAP_MS = 6_000;
export const SYNC_RETRY_MS = 60_000;

export const NEWER_FORMAT_ERROR =
  'another device has a newer version of Lamplight; update Lamplight on this device to keep syncing';

export interface SyncOptions {
  debounceMs?: number;
  maxWaitMs?: number;
  minWriteGapMs?: number;
  retryMs?: number;
  /** The clock (ms since 1970). */
  now?: () => number;
}

export interface SyncEngine {
  /** Listen for changes and sync after each, and once now (after the debounce). Returns `stop`. */
  start(): () => void;
  /** Sync at once (after a sync under way, if any). Resolves with the status; null if it had to give up for now. */
  syncNow(): Promise<SyncStatus | null>;
  stop(): void;
}

const RULES_DRIVER_KEY = 'filterRules';
const STATE_DRIVER_KEY = 'syncState';
const STATUS_DRIVER_KEY = 'syncStatus';

/** The parts of the local area a sync reads. */
function relevantLocal(items: Record<string, unknown>, bookmarks: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {
    [RULES_DRIVER_KEY]: items[RULES_DRIVER_KEY],
    [STATE_DRIVER_KEY]: items[STATE_DRIVER_KEY],
  };
  if (bookmarks) {
    for (const [key, value] of Object.entries(items)) if (key.startsWith(BOOKMARK_PREFIX)) out[key] = value;
  }
  return out;
}

/** The parts of the sync area a sync reads. */
function relevantSync(items: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { appSettings: items.appSettings };
  for (const [key, value] of Object.entries(items)) if (isMirrorKey(key)) out[key] = value;
  return out;
}

/**
 * The local area as a sync reads it: the rules, its own state and status, and the bookmarks. Not
 * the reading history (50,000 records may be 5 MB) nor anything else, where the browser can list
 * the keys; the whole area where it cannot.
 */
async function localSnapshot(): Promise<Record<string, unknown>> {
  const keys = await listLocalKeys();
  if (!keys) return storage.snapshot('local');
  const own = new Set([RULES_DRIVER_KEY, STATE_DRIVER_KEY, STATUS_DRIVER_KEY]);
  const wanted = keys.filter((key) => own.has(key) || key.startsWith(BOOKMARK_PREFIX));
  return wanted.length > 0 ? browser.storage.local.get(wanted) : {};
}

/** Whether both areas still hold what a sync read (nothing computed from them is stale). */
async function unchangedSince(local: Record<string, unknown>, sync: Record<string, unknown>, bookmarks: boolean): Promise<boolean> {
  const [local2, sync2] = await Promise.all([localSnapshot(), storage.snapshot('sync')]);
  return jsonEqual(relevantLocal(local, bookmarks), relevantLocal(local2, bookmarks)) && jsonEqual(relevantSync(sync), relevantSync(sync2));
}

/** The status of a sync that wrote the mirror (`plan`), or of one that could not (`lastError`). */
function statusAfter(merge: SyncMerge, plan: MirrorPlan, synced: boolean, bookmarksOn: boolean, lastError: string | null): Omit<SyncStatus, 'at'> {
  if (synced) {
    return { syncedRules: plan.syncedRules, syncedBookmarks: plan.syncedBookmarks, bookmarks: bookmarksOn, leftOut: plan.leftOut, lastError: null };
  }
  const rules = merge.mirror.rules.filter((e) => e.own).length;
  const bookmarks = merge.mirror.bookmarks?.filter((e) => e.own).length ?? 0;
  return { syncedRules: 0, syncedBookmarks: 0, bookmarks: bookmarksOn, leftOut: { rules, bookmarks, tooBig: 0 }, lastError };
}

const RETRY = Symbol('retry');

/** What one sync needs from its engine, and what it tells the engine. */
interface ReconcileContext {
now: () => number;
echoes: EchoLog;
/** The share of the quotas the browser last accepted (an index into SYNC_BUDGET_FACTORS). */
factorIndex: number;
/** Bookmark sync was on at the last sync (undefined: not known yet). */
bookmarksOn: boolean | undefined;
/** The browser refused a write for too many writes. */
rateLimited(): void;
/** Something was written to storage.sync. */
wrote(): void;
}

/** One sync, from fresh snapshots of both areas; RETRY when storage changed under it. */
async function reconcileOnce(
  ctx: ReconcileContext,
  repaired: { rules: boolean; bookmarks: boolean },
): Promise<SyncStatus | null | typeof RETRY> {
  const { now, echoes } = ctx;
  const [local, sync] = await Promise.all([localSnapshot(), storage.snapshot('sync')]);
  const previous = parseSyncStatus(local[STATUS_DRIVER_KEY]);
  const on = repairSettings(sync.appSettings, APP_SETTINGS_SCHEMA, DEFAULT_APP_SETTINGS).value.syncBookmarks;
  ctx.bookmarksOn = on;
  const finish = (state: unknown, outcome: Omit<SyncStatus, 'at'> | string) =>
    recordOutcome({ previous, state, outcome, bookmarksOn: on, now: now(), echoes });

  // Damaged or untidy local data goes through the safe loaders first (quarantine, repair).
  const rulesRaw: unknown = local[RULES_DRIVER_KEY];
  const rulesCheck = checkStoredRules(rulesRaw ?? []);
  if (rulesCheck.changed) {
    if (repaired.rules) return finish(null, 'the stored filter rules could not be repaired');
    repaired.rules = true;
    await loadRules();
    return RETRY;
  }
  let bookmarks: Bookmark[] | null = null;
  if (on) {
    const found = bookmarksFromSnapshot(local);
    if ((found.damaged.length > 0 || found.migrated.length > 0) && !repaired.bookmarks) {
      repaired.bookmarks = true;
      await getAllBookmarks();
      return RETRY;
    }
    bookmarks = found.bookmarks;
  }

  const remote = readMirror(sync);
  if (remote.newerFormat !== null) return finish(null, NEWER_FORMAT_ERROR);

  const state = parseSyncState(local[STATE_DRIVER_KEY]);
  const merge = mergeSync({ now: Math.floor(now() / 1000), rules: rulesCheck.rules, bookmarks, state, remote });
  const reserve = reservedOutsideMirror(sync);
  const keptDeleted = deletedSectionSize(sync);
  const planFor = (index: number): MirrorPlan =>
    packMirror(merge.mirror, { reservedBytes: reserve.bytes, reservedItems: reserve.items, factor: SYNC_BUDGET_FACTORS[index] ?? 0, keptDeleted });

  const rulesChange = !jsonEqual(merge.rules, rulesCheck.rules);
  const bookmarkChange = merge.bookmarkPuts.length + merge.bookmarkRemovals.length > 0;
  const plan = planFor(ctx.factorIndex);
  const diff = diffMirror(sync, plan);
  const syncChange = Object.keys(diff.set).length > 0 || diff.remove.length > 0;
  // Write nothing computed from snapshots that are no longer true.
  if ((rulesChange || bookmarkChange || syncChange) && !(await unchangedSince(local, sync, on))) return RETRY;

  // 1. Local data (authoritative): compare-and-set.
  if (rulesChange && !(await writeMergedRules(merge.rules, rulesRaw, echoes))) return RETRY;
  if (bookmarkChange && !(await writeMergedBookmarks(merge, local, echoes))) return RETRY;

  // 2. The mirror: changed chunks only, within the budget the browser accepts.
  const mirror = await writeMirror(sync, planFor, ctx.factorIndex, plan, echoes);
  if (mirror.synced) ctx.factorIndex = mirror.factorIndex;
  if (mirror.rateLimited) ctx.rateLimited();
  if (mirror.wrote) ctx.wrote();
  return finish(jsonEqual(merge.state, state) ? null : merge.state, statusAfter(merge, mirror.plan, mirror.synced, on, mirror.lastError));
}

export function createSyncEngine(options: SyncOptions = {}): SyncEngine {
  const retryMs = options.retryMs ?? SYNC_RETRY_MS;
  const now = options.now ?? (() => Date.now());
  const relevant = (area: string, key: string): boolean =>
    area === 'local'
      ? key === RULES_DRIVER_KEY || (key.startsWith(BOOKMARK_PREFIX) && ctx.bookmarksOn !== false)
      : area === 'sync' && (key === 'appSettings' || isMirrorKey(key));
  const echoes = createEchoLog(now, relevant);
  const scheduler = createSyncScheduler(
    {
      debounceMs: options.debounceMs ?? SYNC_DEBOUNCE_MS,
      maxWaitMs: options.maxWaitMs ?? SYNC_MAX_WAIT_MS,
      minWriteGapMs: options.minWriteGapMs ?? SYNC_MIN_WRITE_GAP_MS,
      now,
    },
    reconcile,
  );
  const ctx: ReconcileContext = {
    now,
    echoes,
    factorIndex: 0,
    bookmarksOn: undefined,
    rateLimited() {
      scheduler.blockUntil(now() + retryMs);
      scheduler.again();
    },
    wrote: () => scheduler.wrote(),
  };

  const onChange = (changes: StorageChanges, area: string) => {
    echoes.prune();
    let changed = false;
    for (const [key, change] of Object.entries(changes)) {
      if (relevant(area, key) && !echoes.isEcho(area, key, change.newValue)) changed = true;
    }
    if (changed) scheduler.schedule();
  };

  async function reconcile(): Promise<SyncStatus | null> {
    try {
      const repaired = { rules: false, bookmarks: false };
      for (let attempt = 0; attempt < 3; attempt++) {
        const result = await reconcileOnce(ctx, repaired);
        if (result !== RETRY) return result;
      }
      scheduler.again(); // the data kept changing under us: later
      return null;
    } catch (err) {
      console.error('[lamplight] sync failed', err);
      return recordFailure(errorText(err), now());
    }
  }

  let unwatch: (() => void) | null = null;
  function stop(): void {
    unwatch?.();
    unwatch = null;
    scheduler.stop();
  }

  function start(): () => void {
    if (!unwatch) {
      // After a pause (a backup import in this context) changes may have been missed: reconcile.
      unwatch = watchStorage({ onChange, onResync: () => scheduler.schedule() });
      scheduler.start();
    }
    return stop;
  }

  return { start, stop, syncNow: () => scheduler.run() };
}

/** Start syncing (the background script calls this once). */
export function startSync(options?: SyncOptions): SyncEngine {
  const engine = createSyncEngine(options);
  engine.start();
  return engine;
}

/** The last sync's outcome, or null before the first sync. */
export async function loadSyncStatus(): Promise<SyncStatus | null> {
  return parseSyncStatus(await syncStatusItem.getValue());
}

/** Calls back with the status whenever a sync records a new one. */
export function watchSyncStatus(cb: (status: SyncStatus | null) => void): () => void {
  return watchKey(syncStatusItem.key, (value) => cb(parseSyncStatus(value)), () => syncStatusItem.getValue());
}
