/**
 * Rules on the reading history ("Works you have read", "Works you started"). The status of a work
 * is lib/history/marker.ts's `historyStatus` (one definition, shared with the listing markers);
 * the caller reads it and passes it in, so matching stays pure. A work whose status is not known
 * (a work page: history rules apply on listings only) matches no history rule.
 */
import type { HistoryStatus } from '../history/types';
import type { HitSet } from './hits';
import type { HistoryRule } from './types';

export const HISTORY_STATUSES: readonly HistoryStatus[] = ['finished', 'started'];

export const isHistoryStatus = (value: unknown): value is HistoryStatus =>
  (HISTORY_STATUSES as readonly unknown[]).includes(value);

/** The compiled history rules: their indexes, by the status they ask for. */
export interface HistoryIndex {
  finished: number[];
  started: number[];
}

/** Adds a rule under its index; false when the rule can never match (a status validation refuses). */
export function addHistoryRule(index: HistoryIndex, rule: HistoryRule, at: number): boolean {
  if (!isHistoryStatus(rule.status)) return false;
  index[rule.status].push(at);
  return true;
}

/** Adds the rules a work with this status matches (`undefined`/null: unknown or never opened: none). */
export function addHistoryHits(index: HistoryIndex | null, status: HistoryStatus | null | undefined, hits: HitSet): void {
  if (!index || !status) return;
  const rules = index[status];
  for (let i = 0; i < rules.length; i++) hits.add(rules[i]!);
}

/** One rule against one status: the naive matcher's way. */
export const historyRuleMatches = (rule: HistoryRule, status: HistoryStatus | null | undefined): boolean =>
  isHistoryStatus(rule.status) && status === rule.status;
