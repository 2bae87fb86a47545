/**
 * The whole reading history at once, for the backup: every record and fandom name in one read,
 * and the writes that store a list of entries. A listing or a work page never uses these
 * (./history.ts reads only the works it needs).
 */
import { browser } from 'wxt/browser';
import type { StorageItemKey } from 'wxt/utils/storage';
import type { HistoryEntry } from '../history/types';
import { checkHistoryFields, decodeHistory, encodeHistory, HISTORY_PREFIX, historyStorageKey, type StoredHistory } from './history-codec';
import { fandomId, HISTORY_FANDOM_PREFIX } from './history-names';
import { getLocalInChunks, listLocalKeys } from './raw';
import { quarantineAndRepair } from './safe';
import type { StorageWrite } from './transaction';

export interface AllHistory {
  records: StoredHistory[];
  /** Fandom id → name, every one stored (used or not). */
  names: Map<string, string>;
}

/** Keys per `get`: several requests in parallel, as ./bookmarks.ts reads its records (why: there). */
const READ_CHUNK = 2_000;

/** Every history record and fandom name: their keys in parallel chunks (everything at once where keys cannot be listed). */
export async function readAllHistory(): Promise<AllHistory> {
  const ours = (k: string) => k.startsWith(HISTORY_PREFIX) || k.startsWith(HISTORY_FANDOM_PREFIX);
  const keys = await listLocalKeys();
  const stored: Record<string, unknown> = keys
    ? Object.assign({}, ...(await getLocalInChunks(keys.filter(ours), READ_CHUNK, (part) => part)))
    : await browser.storage.local.get(null);
  const records: StoredHistory[] = [];
  const names = new Map<string, string>();
  for (const [driverKey, raw] of Object.entries(stored)) {
    if (driverKey.startsWith(HISTORY_FANDOM_PREFIX)) {
      if (typeof raw === 'string' && raw !== '') names.set(driverKey.slice(HISTORY_FANDOM_PREFIX.length), raw);
      continue;
    }
    if (!driverKey.startsWith(HISTORY_PREFIX) || raw === undefined || raw === null) continue;
    const key = `local:${driverKey}` as StorageItemKey;
    const decoded = decodeHistory(key, raw);
    if (decoded.ok) records.push(decoded.entry);
    else await quarantineAndRepair({ key, found: raw, bad: [{ key, reason: decoded.error, value: raw }], repaired: null });
  }
  return { records, names };
}

/** A record with its fandoms named (ids whose name is missing are left out, as ./history.ts does). */
export function namedEntry({ fandomIds, ...rest }: StoredHistory, names: ReadonlyMap<string, string>): HistoryEntry {
  const fandoms = fandomIds.map((id) => names.get(id)).filter((name): name is string => name !== undefined);
  return { ...rest, fandoms };
}

const PROBES = 8;

/**
 * The writes that store `entries` (checked as ./history.ts checks them; throws on a bad one),
 * given the fandom names stored now: a name already stored keeps its id, a new one takes the
 * first probe of ./history-names.ts that is free. `usedIds`: the ids these entries name.
 */
export function historyWrites(
  entries: readonly HistoryEntry[],
  names: ReadonlyMap<string, string>,
): { writes: StorageWrite[]; usedIds: Set<string> } {
  const idOf = new Map<string, string>();
  for (const [id, name] of names) if (!idOf.has(name)) idOf.set(name, id);
  const taken = new Set(names.keys());
  const writes: StorageWrite[] = [];
  const assign = (name: string): string => {
    const known = idOf.get(name);
    if (known !== undefined) return known;
    for (let probe = 0; probe < PROBES; probe++) {
      const id = fandomId(name, probe);
      if (taken.has(id)) continue;
      taken.add(id);
      idOf.set(name, id);
      writes.push({ key: `local:${HISTORY_FANDOM_PREFIX}${id}`, value: name });
      return id;
    }
    throw new Error(`no free fandom id for ${JSON.stringify(name)}`);
  };
  const usedIds = new Set<string>();
  for (const { fandoms, ...rest } of entries) {
    const fandomIds = fandoms.map(assign);
    for (const id of fandomIds) usedIds.add(id);
    const record = encodeHistory({ ...rest, fandomIds });
    const check = checkHistoryFields(record.slice(1));
    if (!check.ok) throw new Error(`History of ${rest.site}:${rest.workId} not saved: ${check.error}`);
    writes.push({ key: historyStorageKey(rest.site, rest.workId), value: record });
  }
  return { writes, usedIds };
}
