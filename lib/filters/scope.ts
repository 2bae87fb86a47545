/**
 * Rule scopes: a rule that applies `only` within some fandoms, or everywhere `except` them. A work
 * is within the scope when any of its fandoms matches one of the scope's patterns (so a crossover
 * of Star Wars and Marvel is "in Star Wars"). Checked only for rules that already matched a work,
 * so the engine's cost per work does not grow with scoped rules that do not match.
 */
import { compilePattern, matchCompiled, normalize, normalizePattern, type CompiledPattern } from './pattern';
import type { RuleScope } from './types';

/** Fandom values remembered per scope before its memo starts over. */
const MEMO_LIMIT = 2_000;

export interface CompiledScope {
  only: boolean;
  patterns: readonly CompiledPattern[];
  /** raw fandom → whether it is inside the scope */
  memo: Map<string, boolean>;
}

export function compileScope(scope: RuleScope | undefined): CompiledScope | null {
  if (!scope) return null;
  const patterns = scope.fandoms.map(compilePattern).filter((p) => p.kind !== 'none');
  return { only: scope.mode === 'only', patterns, memo: new Map() };
}

function fandomInside(scope: CompiledScope, raw: string): boolean {
  let inside = scope.memo.get(raw);
  if (inside === undefined) {
    const value = normalize(raw);
    inside = scope.patterns.some((p) => matchCompiled(p, value));
    if (scope.memo.size >= MEMO_LIMIT) scope.memo.clear();
    scope.memo.set(raw, inside);
  }
  return inside;
}

/** Whether a rule with this scope applies to a work of these fandoms. */
export function scopeApplies(scope: CompiledScope, fandoms: readonly string[]): boolean {
  let inside = false;
  for (let i = 0; i < fandoms.length && !inside; i++) inside = fandomInside(scope, fandoms[i]!);
  return scope.only ? inside : !inside;
}

/** The part of a rule's key its scope adds ("" without one): same fandoms in any order are one scope. */
export function scopeKey(scope: RuleScope | undefined): string {
  if (!scope) return '';
  const fandoms = [...new Set(scope.fandoms.map(normalizePattern))].sort();
  return `${scope.mode}\u0001${fandoms.join('\u0001')}`;
}
