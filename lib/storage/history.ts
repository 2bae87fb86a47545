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
import { assignFandomIds, fandomNames, firstProbeKeys, HISTORY_FANDOM_PREFIX, type NamesRead } from './history-names';
import { HISTORY_SETTINGS_KEYS, historySettingsFrom, loadHistorySettings } from './history-settings';
import { watchKey } from './changes';
import { withKeyLock } from './lock';
import { driverKey, listLocalKeys } from './raw';
import { quarantineAndRepair } from './safe';

export { historyStorageKey };

export interface WorkRef {
  site: SiteId;
  workId: string;
}

/** These works' records from `stored` (a `get` result); damaged ones go to quarantine. Keyed by `historyKey`. */
async function decodeRecords(keys: readonly StorageItemKey[], stored: Record<string, unknown>): Promise<Map<string, StoredHistory>> {
  const out = new Map<string, StoredHistory>();
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

const recordKeys = (works: readonly WorkRef[]) => [...new Set(works.map((w) => historyStorageKey(w.site, w.workId)))];

/** One `get` of these works' records (and of `extraKeys` along with them). */
async function readRecords(works: readonly WorkRef[], extraKeys: readonly string[] = []): Promise<{ records: Map<string, StoredHistory>; stored: Record<string, unknown> }> {
  const keys = recordKeys(works);
  if (keys.length === 0) return { records: new Map(), stored: {} };
  const stored = await browser.storage.local.get([...keys.map(driverKey), ...extraKeys]);
  return { records: await decodeRecords(keys, stored), stored };
}

/**
 * What listing markers and rule conditions need of these works (no names): one `get`.
 * Works not in the history are absent from the map (keys: `historyKey(site, workId)`).
 */
export async function getHistoryProgress(works: readonly WorkRef[]): Promise<Map<string, HistoryProgress>> {
  const { records } = await readRecords(works);
  return new Map([...records].map(([key, { seen, chapterCount, finished, lastVisit, visits, ao3 }]) => [
    key,
    { seen, chapterCount, finished, lastVisit, visits, ao3 },
  ]));
}

/**
 * Full entries (with fandom names): the records, with the first-probe keys of `names` (fandoms about
 * to be stored) in the same `get`; a second `get` only for a record's fandom not among them.
 */
async function readEntries(works: readonly WorkRef[], names: readonly string[] = [], extraKeys: readonly string[] = []): Promise<{ entries: Map<string, HistoryEntry>; known: Map<string, string>; read: NamesRead }> {
  const nameKeys = firstProbeKeys(names);
  const { records, stored } = await readRecords(works, [...nameKeys, ...extraKeys]);
  const read: NamesRead = { asked: new Set(nameKeys), stored };
  const ids = await fandomNames([...records.values()].flatMap((r) => r.fandomIds), read);
  const entries = new Map<string, HistoryEntry>();
  for (const [key, { fandomIds, ...rest }] of records) {
    const fandoms = fandomIds.map((id) => ids.get(id)).filter((name): name is string => name !== undefined);
    entries.set(key, { ...rest, fandoms });
  }
  return { entries, known: new Map([...ids].map(([id, name]) => [name, id])), read };
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

/** Whether recording is paused, from the settings read along with the records (else read on their own). */
async function pausedIn(stored: Record<string, unknown>): Promise<boolean> {
  return (historySettingsFrom(stored) ?? (await loadHistorySettings())).paused;
}

/**
 * Unless recording is paused: read the entries of `works`, let `change` make new ones, check and
 * store them. Usually one `get` (the settings, the records and the fandom names `names` will need)
 * and one `set`. Returns the entries stored; null when paused.
 */
function updateEntries(
  works: readonly WorkRef[],
  names: readonly string[],
  change: (entries: Map<string, HistoryEntry>) => HistoryEntry[],
): Promise<HistoryEntry[] | null> {
  const keys = works.map((w) => historyStorageKey(w.site, w.workId));
  return withKeyLocks(keys, async () => {
    const { entries, known, read } = await readEntries(works, names, HISTORY_SETTINGS_KEYS);
    if (await pausedIn(read.stored)) return null;
    const updated = change(entries);
    const { ids, writes } = await assignFandomIds(updated.flatMap((e) => e.fandoms), known, read);
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
  const stored = await updateEntries([visit], visit.fandoms, (entries) => [
    recordVisit(entries.get(historyKey(visit.site, visit.workId)) ?? null, visit),
  ]);
  return stored?.[0] ?? null;
}

/**
 * Merge the items of an AO3 History page (lib/history/merge-ao3.ts), in one read and one write.
 * Returns the entries stored; none when recording is paused.
 */
export async function mergeAo3History(items: readonly SiteHistoryItem[]): Promise<HistoryEntry[]> {
  if (items.length === 0) return [];
  const stored = await updateEntries(items, items.flatMap((item) => item.fandoms), (entries) => {
    for (const item of items) {
      const key = historyKey(item.site, item.workId);
      entries.set(key, mergeAo3Item(entries.get(key) ?? null, item));
    }
    return [...new Set(items.map((item) => historyKey(item.site, item.workId)))].map((key) => entries.get(key) as HistoryEntry);
  });
  return stored ?? [];
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
