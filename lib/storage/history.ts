/**
 * The reading history in storage.local: one compact record per work under its own key
 * (`local:history:<site>:<workId>`, format in ./history-codec.ts), fandom names stored once
 * (./history-names.ts). A listing reads its 20 works with one `get` of 20 keys whatever the
 * history's size. Never synced, and not in the sync mirror. Damaged records are quarantined and
 * removed; a record of an older version migrates when read and is stored anew at its next write.
 */
import { browser } from 'wxt/browser';
import type { StorageItemKey } from 'wxt/utils/storage';
import { mergeAo3Item } from '../history/merge-ao3';
import { recordVisit } from '../history/record';
import { historyKey, type HistoryEntry, type HistoryProgress, type HistoryVisit } from '../history/types';
import type { SiteHistoryItem, SiteId } from '../sites/types';
import {
  checkHistoryFields,
  decodeHistory,
  encodeHistory,
  HISTORY_PREFIX,
  historyStorageKey,
  workOfHistoryKey,
  type StoredHistory,
} from './history-codec';
import { assignFandomIds, fandomNames, HISTORY_FANDOM_PREFIX } from './history-names';
import { loadHistorySettings } from './history-settings';
import { watchKey } from './changes';
import { withKeyLock } from './lock';
import { listLocalKeys } from './raw';
import { quarantineAndRepair } from './safe';

export { historyStorageKey };

export interface WorkRef {
  site: SiteId;
  workId: string;
}

const driverKey = (key: StorageItemKey): string => key.slice('local:'.length);

/** One `get` of these works' records; damaged ones go to quarantine. Keyed by `historyKey`. */
async function readRecords(works: readonly WorkRef[]): Promise<Map<string, StoredHistory>> {
  const keys = [...new Set(works.map((w) => historyStorageKey(w.site, w.workId)))];
  const out = new Map<string, StoredHistory>();
  if (keys.length === 0) return out;
  const stored = await browser.storage.local.get(keys.map(driverKey));
  for (const key of keys) {
    const raw: unknown = stored[driverKey(key)];
    if (raw === undefined || raw === null) continue;
    const decoded = decodeHistory(key, raw);
    if (decoded.ok) {
      out.set(historyKey(decoded.entry.site, decoded.entry.workId), decoded.entry);
    } else {
      await quarantineAndRepair({ key, found: raw, bad: [{ key, reason: decoded.error, value: raw }], repaired: null });
    }
  }
  return out;
}

/**
 * What listing markers and rule conditions need of these works (no names): one `get`.
 * Works not in the history are absent from the map (keys: `historyKey(site, workId)`).
 */
export async function getHistoryProgress(works: readonly WorkRef[]): Promise<Map<string, HistoryProgress>> {
  const records = await readRecords(works);
  return new Map([...records].map(([key, { seen, chapterCount, finished, lastVisit, visits, ao3 }]) => [
    key,
    { seen, chapterCount, finished, lastVisit, visits, ao3 },
  ]));
}

/** Full entries (with fandom names): the records, then their fandoms' names. */
async function readEntries(works: readonly WorkRef[]): Promise<{ entries: Map<string, HistoryEntry>; known: Map<string, string> }> {
  const records = await readRecords(works);
  const names = await fandomNames([...records.values()].flatMap((r) => r.fandomIds));
  const entries = new Map<string, HistoryEntry>();
  for (const [key, { fandomIds, ...rest }] of records) {
    const fandoms = fandomIds.map((id) => names.get(id)).filter((name): name is string => name !== undefined);
    entries.set(key, { ...rest, fandoms });
  }
  return { entries, known: new Map([...names].map(([id, name]) => [name, id])) };
}

/** Every entry of these works that is in the history (keys: `historyKey(site, workId)`). */
export async function getHistory(works: readonly WorkRef[]): Promise<Map<string, HistoryEntry>> {
  return (await readEntries(works)).entries;
}

/** `task` holding the lock of every key, taken in one order so two callers never wait on each other. */
function withKeyLocks<T>(keys: readonly string[], task: () => Promise<T>): Promise<T> {
  return [...new Set(keys)]
    .sort()
    .reduceRight<() => Promise<T>>((inner, key) => () => withKeyLock(key, inner), task)();
}

/** Read the entries of `works`, let `change` make new ones, check and store them: one `set`. */
function updateEntries(
  works: readonly WorkRef[],
  change: (entries: Map<string, HistoryEntry>) => HistoryEntry[],
): Promise<HistoryEntry[]> {
  const keys = works.map((w) => historyStorageKey(w.site, w.workId));
  return withKeyLocks(keys, async () => {
    const { entries, known } = await readEntries(works);
    const updated = change(entries);
    const { ids, writes } = await assignFandomIds(updated.flatMap((e) => e.fandoms), known);
    const records: Record<string, unknown> = {};
    for (const { fandoms, ...rest } of updated) {
      const record = encodeHistory({ ...rest, fandomIds: fandoms.map((name) => ids.get(name) as string) });
      const key = historyStorageKey(rest.site, rest.workId);
      const check = workOfHistoryKey(key) ? checkHistoryFields(record.slice(1)) : { ok: false as const, error: 'not a work id' };
      if (!check.ok) throw new Error(`History of ${rest.site}:${rest.workId} not saved: ${check.error}`);
      records[driverKey(key)] = record;
    }
    if (updated.length > 0) await browser.storage.local.set({ ...writes, ...records });
    return updated;
  });
}

/**
 * Record one look at a work page (lib/history/record.ts). Returns the entry stored, or null when
 * recording is paused. Throws, writing nothing, when the visit is impossible.
 */
export async function recordHistoryVisit(visit: HistoryVisit): Promise<HistoryEntry | null> {
  if ((await loadHistorySettings()).paused) return null;
  const [entry] = await updateEntries([visit], (entries) => [
    recordVisit(entries.get(historyKey(visit.site, visit.workId)) ?? null, visit),
  ]);
  return entry ?? null;
}

/**
 * Merge the items of an AO3 History page (lib/history/merge-ao3.ts), in one read and one write.
 * Returns the entries stored; none when recording is paused.
 */
export async function mergeAo3History(items: readonly SiteHistoryItem[]): Promise<HistoryEntry[]> {
  if (items.length === 0 || (await loadHistorySettings()).paused) return [];
  return updateEntries(items, (entries) => {
    for (const item of items) {
      const key = historyKey(item.site, item.workId);
      entries.set(key, mergeAo3Item(entries.get(key) ?? null, item));
    }
    return [...new Set(items.map((item) => historyKey(item.site, item.workId)))].map((key) => entries.get(key) as HistoryEntry);
  });
}

/** Forget one work. */
export async function forgetHistory(site: SiteId, workId: string): Promise<void> {
  const key = historyStorageKey(site, workId);
  await withKeyLock(key, () => browser.storage.local.remove(driverKey(key)));
}

/** Every key in storage.local (only the keys when the browser can list them alone). */
async function localKeys(): Promise<string[]> {
  return (await listLocalKeys()) ?? Object.keys(await browser.storage.local.get(null));
}

/** How many works the history holds. */
export async function countHistory(): Promise<number> {
  return (await localKeys()).filter((k) => k.startsWith(HISTORY_PREFIX)).length;
}

/** Forget every work and every fandom name. Returns how many works were forgotten. */
export async function forgetAllHistory(): Promise<number> {
  const all = await localKeys();
  const works = all.filter((k) => k.startsWith(HISTORY_PREFIX));
  const names = all.filter((k) => k.startsWith(HISTORY_FANDOM_PREFIX));
  if (works.length + names.length > 0) await browser.storage.local.remove([...works, ...names]);
  return works.length;
}

/**
 * Calls `onForgotten` when this work's record, once seen stored (after the caller's own first
 * write, say), is removed: forgotten here, on another page, or with everything.
 */
export function watchHistoryForgotten(site: SiteId, workId: string, onForgotten: () => void): () => void {
  const key = historyStorageKey(site, workId);
  let stored = false;
  return watchKey(key, (value) => {
    if (value !== null && value !== undefined) stored = true;
    else if (stored) onForgotten();
  }, async () => (await browser.storage.local.get(driverKey(key)))[driverKey(key)] ?? null);
}
