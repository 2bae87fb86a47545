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
import { storage, type StorageItemKey } from 'wxt/utils/storage';
import type { Bookmark } from '../bookmarks/types';
import { BOOKMARK_PREFIX, bookmarkStorageKey, bookmarksFromSnapshot, encodeBookmark, getAllBookmarks } from './bookmarks';
import { watchKey } from './changes';
import { jsonEqual } from './check';
import { filterRulesItem, syncStateItem, syncStatusItem } from './items';
import { withKeyLock } from './lock';
import { checkRulesForSave, checkStoredRules, loadRules, rulesWrite } from './rules';
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
  sameSyncStatus,
  type MirrorPlan,
  type SyncStatus,
} from '../sync';
import { APP_SETTINGS_SCHEMA, DEFAULT_APP_SETTINGS, repairSettings } from './validate';

export type { SyncStatus };

export const SYNC_DEBOUNCE_MS = 2_000;
export const SYNC_MAX_WAIT_MS = 10_000;
export const SYNC_MIN_WRITE_GAP_MS = 6_000;
export const SYNC_RETRY_MS = 60_000;
/** Shares of the documented quotas to try, in turn, when the browser refuses a write for space. */
export const SYNC_BUDGET_FACTORS = [1, 0.75, 0.5, 0.25] as const;

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
const driverKey = (key: string): string => key.slice(key.indexOf(':') + 1);

const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err));
/**
 * Too many writes: wait, then write again. Chrome says "MAX_WRITE_OPERATIONS_PER_MINUTE quota
 * exceeded" (older) or "Resource::kMaxWriteOperationsPerMinute quota exceeded" (newer), or per hour.
 */
const isRateLimit = (message: string): boolean => /max_?write_?operations|max_?sustained/i.test(message);
/**
 * No room: "QUOTA_BYTES quota exceeded", "QUOTA_BYTES_PER_ITEM …", "MAX_ITEMS …" (Chrome, older),
 * "Resource::kQuotaBytesPerItem quota exceeded" (newer); Firefox: "QuotaExceededError: …".
 */
const isQuota = (message: string): boolean => /quota|max_?items/i.test(message);

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

const RETRY = Symbol('retry');

export function createSyncEngine(options: SyncOptions = {}): SyncEngine {
  const debounceMs = options.debounceMs ?? SYNC_DEBOUNCE_MS;
  const maxWaitMs = options.maxWaitMs ?? SYNC_MAX_WAIT_MS;
  const minWriteGapMs = options.minWriteGapMs ?? SYNC_MIN_WRITE_GAP_MS;
  const retryMs = options.retryMs ?? SYNC_RETRY_MS;
  const now = options.now ?? (() => Date.now());

  let stopped = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstAsked: number | undefined;
  let running: Promise<SyncStatus | null> | null = null;
  let again = false;
  let lastWriteAt = Number.NEGATIVE_INFINITY;
  let blockedUntil = Number.NEGATIVE_INFINITY;
  /** Index into SYNC_BUDGET_FACTORS of the last budget the browser accepted. */
  let factorIndex = 0;
  /** Bookmark sync was on at the last sync (undefined: not known yet). */
  let bookmarksOn: boolean | undefined;
  /** Our own writes, to recognise their storage.onChanged echoes: `area:key` → JSON. */
  const echoes = new Map<string, { json: string; at: number }>();


  function schedule(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    const t = now();
    firstAsked ??= t;
    const due = Math.max(
      Math.min(t + debounceMs, firstAsked + maxWaitMs),
      lastWriteAt + minWriteGapMs,
      blockedUntil,
    );
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      run().catch((err: unknown) => console.error('[lamplight] sync failed', err));
    }, Math.max(0, due - t));
  }

  async function run(): Promise<SyncStatus | null> {
    while (running) await running.catch(() => null);
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    firstAsked = undefined;
    const current = reconcile();
    running = current;
    try {
      return await current;
    } finally {
      running = null;
      if (again) {
        again = false;
        schedule();
      }
    }
  }

  const relevant = (area: string, key: string): boolean =>
    area === 'local'
      ? key === RULES_DRIVER_KEY || (key.startsWith(BOOKMARK_PREFIX) && bookmarksOn !== false)
      : area === 'sync' && (key === 'appSettings' || isMirrorKey(key));

  const expectEcho = (area: 'local' | 'sync', key: string, value: unknown) => {
    if (relevant(area, key)) echoes.set(`${area}:${key}`, { json: JSON.stringify(value ?? null), at: now() });
  };

  const onChanged = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => {
    const t = now();
    for (const [id, echo] of echoes) if (t - echo.at > 60_000) echoes.delete(id);
    let changed = false;
    for (const [key, change] of Object.entries(changes)) {
      if (!relevant(area, key)) continue;
      const id = `${area}:${key}`;
      const echo = echoes.get(id);
      if (echo && echo.json === JSON.stringify(change.newValue ?? null)) {
        echoes.delete(id);
        continue;
      }
      changed = true;
    }
    if (changed) schedule();
  };

  async function reconcile(): Promise<SyncStatus | null> {
    try {
      const repaired = { rules: false, bookmarks: false };
      for (let attempt = 0; attempt < 3; attempt++) {
        const result = await reconcileOnce(repaired);
        if (result !== RETRY) return result;
      }
      again = true; // the data kept changing under us: later
      return null;
    } catch (err) {
      console.error('[lamplight] sync failed', err);
      return recordFailure(errorText(err));
    }
  }

  async function recordFailure(lastError: string): Promise<SyncStatus | null> {
    try {
      const previous = parseSyncStatus(await syncStatusItem.getValue());
      const status: SyncStatus = {
        ...(previous ?? { syncedRules: 0, syncedBookmarks: 0, bookmarks: false, leftOut: { rules: 0, bookmarks: 0, tooBig: 0 } }),
        lastError,
        at: new Date(now()).toISOString(),
      };
      if (!sameSyncStatus(status, previous)) await storage.setItem(syncStatusItem.key, status);
      return status;
    } catch (err) {
      console.error('[lamplight] could not record the sync status', err);
      return null;
    }
  }

  async function reconcileOnce(repaired: { rules: boolean; bookmarks: boolean }): Promise<SyncStatus | null | typeof RETRY> {
    const [local, sync] = await Promise.all([storage.snapshot('local'), storage.snapshot('sync')]);
    const previous = parseSyncStatus(local[STATUS_DRIVER_KEY]);
    const on = repairSettings(sync.appSettings, APP_SETTINGS_SCHEMA, DEFAULT_APP_SETTINGS).value.syncBookmarks;
    bookmarksOn = on;

    // Damaged or untidy local data goes through the safe loaders first (quarantine, repair).
    const rulesRaw: unknown = local[RULES_DRIVER_KEY];
    const rulesCheck = checkStoredRules(rulesRaw ?? []);
    if (rulesCheck.changed) {
      if (repaired.rules) return finish(previous, null, 'the stored filter rules could not be repaired');
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
    if (remote.newerFormat !== null) return finish(previous, null, NEWER_FORMAT_ERROR, on);

    const state = parseSyncState(local[STATE_DRIVER_KEY]);
    const merge = mergeSync({ now: Math.floor(now() / 1000), rules: rulesCheck.rules, bookmarks, state, remote });

    const reserve = reservedOutsideMirror(sync);
    const keptDeleted = deletedSectionSize(sync);
    const planFor = (index: number): MirrorPlan =>
      packMirror(merge.mirror, {
        reservedBytes: reserve.bytes,
        reservedItems: reserve.items,
        factor: SYNC_BUDGET_FACTORS[index] ?? 0,
        keptDeleted,
      });

    const rulesChange = !jsonEqual(merge.rules, rulesCheck.rules);
    const bookmarkChange = merge.bookmarkPuts.length + merge.bookmarkRemovals.length > 0;
    let plan = planFor(factorIndex);
    let diff = diffMirror(sync, plan);
    const syncChange = Object.keys(diff.set).length > 0 || diff.remove.length > 0;

    if (rulesChange || bookmarkChange || syncChange) {
      // Write nothing computed from snapshots that are no longer true.
      const [local2, sync2] = await Promise.all([storage.snapshot('local'), storage.snapshot('sync')]);
      if (!jsonEqual(relevantLocal(local, on), relevantLocal(local2, on)) || !jsonEqual(relevantSync(sync), relevantSync(sync2))) {
        return RETRY;
      }
    }

    // 1. Local data (authoritative): compare-and-set.
    if (rulesChange) {
      const written = await withKeyLock(filterRulesItem.key, async () => {
        const stored: unknown = await storage.getItem(filterRulesItem.key);
        if (!jsonEqual(stored ?? null, rulesRaw ?? null)) return false;
        const check = checkRulesForSave(merge.rules);
        if (!check.ok) throw new Error(`merged rules are invalid: ${check.error}`);
        const writes = rulesWrite(check.rules);
        for (const w of writes) expectEcho('local', driverKey(w.key), w.value);
        await storage.setItems(writes);
        return true;
      });
      if (!written) return RETRY;
    }
    if (bookmarkChange) {
      const puts = merge.bookmarkPuts.map((b) => ({ key: bookmarkStorageKey(b.site, b.workId), value: encodeBookmark(b) }));
      const removals = merge.bookmarkRemovals.map((b) => bookmarkStorageKey(b.site, b.workId));
      const keys: StorageItemKey[] = [...puts.map((p) => p.key), ...removals];
      const stored = await storage.getItems(keys);
      const untouched = keys.every((key, i) => jsonEqual(stored[i]?.value ?? null, local[driverKey(key)] ?? null));
      if (!untouched) return RETRY;
      for (const p of puts) expectEcho('local', driverKey(p.key), p.value);
      for (const key of removals) expectEcho('local', driverKey(key), null);
      if (puts.length > 0) await storage.setItems(puts);
      if (removals.length > 0) await storage.removeItems(removals);
    }

    // 2. The mirror: changed chunks only, within the budget the browser accepts.
    let lastError: string | null = null;
    let synced = false;
    let wrote = false;
    const stored = { ...sync };
    for (let index = factorIndex; index < SYNC_BUDGET_FACTORS.length; index++) {
      if (index !== factorIndex || wrote) plan = planFor(index);
      diff = diffMirror(stored, plan);
      try {
        if (diff.remove.length > 0) {
          for (const key of diff.remove) expectEcho('sync', key, null);
          await storage.removeItems(diff.remove.map((key) => `sync:${key}` as StorageItemKey));
          for (const key of diff.remove) delete stored[key];
          wrote = true;
        }
        const entries = Object.entries(diff.set);
        if (entries.length > 0) {
          for (const [key, value] of entries) expectEcho('sync', key, value);
          await storage.setItems(entries.map(([key, value]) => ({ key: `sync:${key}` as StorageItemKey, value })));
          Object.assign(stored, diff.set);
          wrote = true;
        }
        factorIndex = index;
        synced = true;
        lastError = null;
        break;
      } catch (err) {
        lastError = errorText(err);
        if (isRateLimit(lastError)) {
          blockedUntil = now() + retryMs;
          again = true;
          break;
        }
        if (!isQuota(lastError)) break;
      }
    }
    if (wrote) lastWriteAt = now();

    const ownRules = merge.mirror.rules.filter((e) => e.own).length;
    const ownBookmarks = merge.mirror.bookmarks?.filter((e) => e.own).length ?? 0;
    const status: Omit<SyncStatus, 'at'> = synced
      ? {
          syncedRules: plan.syncedRules,
          syncedBookmarks: plan.syncedBookmarks,
          bookmarks: on,
          leftOut: plan.leftOut,
          lastError: null,
        }
      : {
          syncedRules: 0,
          syncedBookmarks: 0,
          bookmarks: on,
          leftOut: { rules: ownRules, bookmarks: ownBookmarks, tooBig: 0 },
          lastError,
        };
    return finish(previous, jsonEqual(merge.state, state) ? null : merge.state, status);
  }

  /** Store the state (when it changed) and the status (when it changed), in one write. */
  async function finish(
    previous: SyncStatus | null,
    state: unknown,
    outcome: Omit<SyncStatus, 'at'> | string,
    on = false,
  ): Promise<SyncStatus> {
    const base: Omit<SyncStatus, 'at'> =
      typeof outcome === 'string'
        ? {
            syncedRules: previous?.syncedRules ?? 0,
            syncedBookmarks: previous?.syncedBookmarks ?? 0,
            bookmarks: previous?.bookmarks ?? on,
            leftOut: previous?.leftOut ?? { rules: 0, bookmarks: 0, tooBig: 0 },
            lastError: outcome,
          }
        : outcome;
    const status: SyncStatus = { ...base, at: new Date(now()).toISOString() };
    const writes: { key: StorageItemKey; value: unknown }[] = [];
    if (state !== null) writes.push({ key: syncStateItem.key, value: state });
    const same = previous !== null && sameSyncStatus(status, previous);
    if (!same) writes.push({ key: syncStatusItem.key, value: status });
    if (writes.length > 0) {
      for (const w of writes) expectEcho('local', driverKey(w.key), w.value);
      await storage.setItems(writes);
    }
    return same ? previous : status;
  }

  function stop(): void {
    stopped = true;
    browser.storage.onChanged.removeListener(onChanged);
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    firstAsked = undefined;
  }

  function start(): () => void {
    if (stopped) {
      stopped = false;
      browser.storage.onChanged.addListener(onChanged);
      schedule();
    }
    return stop;
  }

  return { start, stop, syncNow: () => run() };
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
