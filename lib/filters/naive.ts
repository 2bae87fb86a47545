/**
 * A deliberately naive matcher, for the benchmark only: every rule against every value, each
 * pattern turned into a new RegExp at every comparison, the way popular userscripts filter.
 * Same semantics and the same Judgement as `matchWork` (the tests check they agree), so the
 * benchmark compares equal work. Never use it in the extension.
 */

import type { WorkMeta } from '../sites/types';
import { decide, type Match } from './decide';
import type { HistoryStatus } from '../history/types';
import { SOURCES_OF_FIELD, sourceValues } from './fields';
import { historyRuleMatches } from './history-condition';
import { reasonFor } from './labels';
import { normalize, normalizePattern, patternToRegExpSource, summaryRegExp } from './pattern';
import { coversName } from './synonyms';
import type { Judgement, Rule, TextRule } from './types';
import { warningSpellings } from './warnings';

const usableNumber = (n: unknown): n is number => typeof n === 'number' && !Number.isNaN(n);

function textRuleMatches(rule: TextRule, meta: WorkMeta): boolean {
  if (!/[^*]/.test(normalizePattern(rule.pattern))) return false; // only stars: never matches
  for (const source of SOURCES_OF_FIELD[rule.field]) {
    for (const raw of sourceValues(meta, source)) {
      const value = normalize(raw);
      if (source === 'summary') {
        if (summaryRegExp(rule.pattern).test(value)) return true;
        continue;
      }
      const spellings = source === 'warnings' ? warningSpellings(value) : [value];
      for (const spelling of spellings) {
        if (coversName(rule, spelling)) return true;
        const re = new RegExp(`^${patternToRegExpSource(rule.pattern)}$`, 'su');
        if (re.test(spelling)) return true;
      }
    }
  }
  return false;
}

/** The scope on its own terms: every scope pattern against every fandom, a new RegExp each time. */
function inScope(rule: Rule, meta: WorkMeta): boolean {
  if (!rule.scope) return true;
  const inside = meta.fandoms.some((fandom) =>
    rule.scope!.fandoms.some(
      (pattern) =>
        /[^*]/.test(normalizePattern(pattern)) &&
        new RegExp(`^${patternToRegExpSource(pattern)}$`, 'su').test(normalize(fandom)),
    ),
  );
  return rule.scope.mode === 'only' ? inside : !inside;
}

function ruleMatches(rule: Rule, meta: WorkMeta, history: HistoryStatus | null | undefined): boolean {
  return conditionMatches(rule, meta, history) && inScope(rule, meta);
}

function conditionMatches(rule: Rule, meta: WorkMeta, history: HistoryStatus | null | undefined): boolean {
  switch (rule.field) {
    case 'words': {
      const hasMin = usableNumber(rule.min);
      const hasMax = usableNumber(rule.max);
      if ((!hasMin && !hasMax) || meta.words === null) return false;
      return (!hasMin || meta.words >= rule.min!) && (!hasMax || meta.words <= rule.max!);
    }
    case 'fandomCount':
      return usableNumber(rule.max) && meta.fandoms.length > rule.max;
    case 'complete':
      return meta.complete !== null && meta.complete === rule.value;
    case 'history':
      return historyRuleMatches(rule, history);
    default:
      return textRuleMatches(rule, meta);
  }
}

export function naiveMatchWork(meta: WorkMeta, rules: readonly Rule[], history?: HistoryStatus | null): Judgement {
  const matches: Match[] = [];
  for (const rule of rules) {
    if (!rule.enabled || !ruleMatches(rule, meta, history)) continue;
    matches.push({
      action: rule.action,
      reason: reasonFor(rule),
    });
  }
  return decide(matches);
}
