/**
 * What one sync writes: this device's merged rules and bookmarks (compare-and-set: nothing when
 * storage changed since it was read), then the mirror's changed chunks within the largest share of
 * the quotas the browser accepts.
 */
import { storage, type StorageItemKey } from 'wxt/utils/storage';
import type { Rule } from '../filters/types';
import type { MirrorPlan, SyncMerge } from '../sync';
import { diffMirror } from '../sync';
import { bookmarkStorageKey, encodeBookmark } from './bookmarks';
import { jsonEqual } from '../check';
import { filterRulesItem } from './items';
import { withKeyLock } from './lock';
import { driverKey } from './raw';
import { checkRulesForSave, rulesWrite } from './rules';
import type { EchoLog } from './sync-echoes';

/** Shares of the documented quotas to try, in turn, when the browser refuses a write for space. */
export const SYNC_BUDGET_FACTORS = [1, 0.75, 0.5, 0.25] as const;

export const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err));

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

/** The merged rules, if the stored rules are still `rulesRaw`. */
export async function writeMergedRules(rules: readonly Rule[], rulesRaw: unknown, echoes: EchoLog): Promise<boolean> {
  return withKeyLock(filterRulesItem.key, async () => {
    const stored: unknown = await storage.getItem(filterRulesItem.key);
    if (!jsonEqual(stored ?? null, rulesRaw ?? null)) return false;
    const check = checkRulesForSave(rules);
    if (!check.ok) throw new Error(`merged rules are invalid: ${check.error}`);
    const writes = rulesWrite(check.rules);
    for (const w of writes) echoes.expect('local', driverKey(w.key), w.value);
    await storage.setItems(writes);
    return true;
  });
}

/** The merge's bookmark puts and removals, if none of those keys changed since `local` was read. */
export async function writeMergedBookmarks(merge: SyncMerge, local: Record<string, unknown>, echoes: EchoLog): Promise<boolean> {
  const puts = merge.bookmarkPuts.map((b) => ({ key: bookmarkStorageKey(b.site, b.workId), value: encodeBookmark(b) }));
  const removals = merge.bookmarkRemovals.map((b) => bookmarkStorageKey(b.site, b.workId));
  const keys: StorageItemKey[] = [...puts.map((p) => p.key), ...removals];
  const stored = await storage.getItems(keys);
  const untouched = keys.every((key, i) => jsonEqual(stored[i]?.value ?? null, local[driverKey(key)] ?? null));
  if (!untouched) return false;
  for (const p of puts) echoes.expect('local', driverKey(p.key), p.value);
  for (const key of removals) echoes.expect('local', driverKey(key), null);
  if (puts.length > 0) await storage.setItems(puts);
  if (removals.length > 0) await storage.removeItems(removals);
  return true;
}

export interface MirrorWrite {
  /** The plan the mirror now holds (the last one tried when nothing worked). */
  plan: MirrorPlan;
  /** The share of the quotas that worked, as an index into SYNC_BUDGET_FACTORS. */
  factorIndex: number;
  synced: boolean;
  wrote: boolean;
  rateLimited: boolean;
  lastError: string | null;
}

/** The mirror's changed chunks, trying smaller shares of the quotas from `factorIndex` on when the browser refuses for space. */
export async function writeMirror(
  sync: Record<string, unknown>,
  planFor: (factorIndex: number) => MirrorPlan,
  factorIndex: number,
  firstPlan: MirrorPlan,
  echoes: EchoLog,
): Promise<MirrorWrite> {
  const result: MirrorWrite = { plan: firstPlan, factorIndex, synced: false, wrote: false, rateLimited: false, lastError: null };
  const stored = { ...sync };
  for (let index = factorIndex; index < SYNC_BUDGET_FACTORS.length; index++) {
    if (index !== factorIndex || result.wrote) result.plan = planFor(index);
    const diff = diffMirror(stored, result.plan);
    try {
      if (diff.remove.length > 0) {
        for (const key of diff.remove) echoes.expect('sync', key, null);
        await storage.removeItems(diff.remove.map((key) => `sync:${key}` as StorageItemKey));
        for (const key of diff.remove) delete stored[key];
        result.wrote = true;
      }
      const entries = Object.entries(diff.set);
      if (entries.length > 0) {
        for (const [key, value] of entries) echoes.expect('sync', key, value);
        await storage.setItems(entries.map(([key, value]) => ({ key: `sync:${key}` as StorageItemKey, value })));
        Object.assign(stored, diff.set);
        result.wrote = true;
      }
      result.factorIndex = index;
      result.synced = true;
      result.lastError = null;
      return result;
    } catch (err) {
      result.lastError = errorText(err);
      if (isRateLimit(result.lastError)) {
        result.rateLimited = true;
        return result;
      }
      if (!isQuota(result.lastError)) return result;
    }
  }
  return result;
}
