/** The reading history's part of an import (./apply.ts): what changes, and the writes. */
import { mergeHistoryEntries } from '../history/merge';
import { historyKey, type HistoryEntry } from '../history/types';
import { jsonEqual } from '../check';
import { historyWrites, namedEntry, type AllHistory } from '../storage/history-all';
import { historyStorageKey } from '../storage/history-codec';
import { HISTORY_FANDOM_PREFIX } from '../storage/history-names';
import type { StorageWrite } from '../storage/transaction';

type StorageItemKey = StorageWrite['key'];
import type { ImportMode } from './apply';

export interface HistoryPlan {
  write: HistoryEntry[];
  remove: HistoryEntry[];
  added: number;
  updated: number;
  unchanged: number;
}

/**
 * Pure: the history entries to write and remove. `incoming` null (a version-1 file): nothing
 * changes. Merge: per work, lib/history/merge.ts. Replace: exactly the file's works.
 */
export function planHistory(
  existing: readonly HistoryEntry[],
  incoming: readonly HistoryEntry[] | null,
  mode: ImportMode,
): HistoryPlan {
  const plan: HistoryPlan = { write: [], remove: [], added: 0, updated: 0, unchanged: 0 };
  if (incoming === null) return plan;
  const before = new Map(existing.map((e) => [historyKey(e.site, e.workId), e]));
  for (const entry of incoming) {
    const old = before.get(historyKey(entry.site, entry.workId));
    const next = old && mode === 'merge' ? mergeHistoryEntries(old, entry) : entry;
    if (!old) plan.added++;
    else if (jsonEqual(old, next)) {
      plan.unchanged++;
      continue;
    } else plan.updated++;
    plan.write.push(next);
  }
  if (mode === 'replace') {
    const keep = new Set(incoming.map((e) => historyKey(e.site, e.workId)));
    plan.remove = existing.filter((e) => !keep.has(historyKey(e.site, e.workId)));
  }
  return plan;
}

/**
 * The planned history as storage writes and removals: records in the stored form, new fandom names
 * beside them; Replace also removes the fandom names no work names any more. `knownEmpty`: keys
 * that hold nothing now (read already, so the rollback need not read them again).
 */
export function historyStorage(
  now: AllHistory,
  incoming: readonly HistoryEntry[] | null,
  mode: ImportMode,
): { plan: HistoryPlan; writes: StorageWrite[]; removals: StorageItemKey[]; knownEmpty: (key: StorageItemKey) => boolean } {
  const existing = now.records.map((r) => namedEntry(r, now.names));
  const plan = planHistory(existing, incoming, mode);
  const { writes, usedIds } = historyWrites(plan.write, now.names);
  const removals: StorageItemKey[] = plan.remove.map((e) => historyStorageKey(e.site, e.workId));
  if (mode === 'replace' && incoming !== null) {
    // Works kept unchanged (not rewritten) still name their fandoms' ids.
    const kept = new Set(incoming.map((e) => historyKey(e.site, e.workId)));
    for (const e of plan.write) kept.delete(historyKey(e.site, e.workId));
    for (const r of now.records) if (kept.has(historyKey(r.site, r.workId))) for (const id of r.fandomIds) usedIds.add(id);
    for (const id of now.names.keys()) if (!usedIds.has(id)) removals.push(`local:${HISTORY_FANDOM_PREFIX}${id}`);
  }
  const stored = new Set<string>([
    ...now.records.map((r) => historyStorageKey(r.site, r.workId)),
    ...[...now.names.keys()].map((id) => `local:${HISTORY_FANDOM_PREFIX}${id}`),
  ]);
  const ours = (key: string) => key.startsWith('local:history:') || key.startsWith(`local:${HISTORY_FANDOM_PREFIX}`);
  return { plan, writes, removals, knownEmpty: (key) => ours(key) && !stored.has(key) };
}
