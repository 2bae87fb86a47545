/**
 * The engine and the naive baseline (what the benchmark compares) must reach the same judgement,
 * reasons included, on a generated corpus. A seeded PRNG keeps the corpus the same on every run.
 */
import { describe, expect, it } from 'vitest';
import { compileRules, matchWork } from '../../../lib/filters/engine';
import { naiveMatchWork } from '../../../lib/filters/naive';
import type { RuleField } from '../../../lib/filters/types';
import { corpus } from './corpus';

describe('engine and naive baseline agree', () => {
  it.each([
    [1, 200, 300],
    [2, 200, 300],
    [3, 100, 30],
  ])('seed %i: %i works × %i rules', (seed, workCount, ruleCount) => {
    const { works, rules } = corpus(seed, workCount, ruleCount);
    const compiled = compileRules(rules);
    const actions = { show: 0, allowed: 0, hide: 0, collapse: 0, dim: 0 };
    const fieldsSeen = new Set<RuleField>();
    const rulesSeen = new Set<string>();
    for (const work of works) {
      const judgement = matchWork(work, compiled);
      expect(naiveMatchWork(work, rules), `work ${JSON.stringify(work)}`).toEqual(judgement);
      if (judgement.action === 'show') actions[judgement.reasons.length ? 'allowed' : 'show']++;
      else actions[judgement.action]++;
      for (const reason of judgement.reasons) {
        fieldsSeen.add(reason.field);
        rulesSeen.add(reason.ruleId);
      }
    }
    // Not agreement on "nothing matched": every outcome happens, and a hidden work lists every
    // hide and collapse rule it matched, so whole reason lists are compared.
    expect(actions.hide).toBeGreaterThan(seed === 3 ? 5 : 50);
    expect(actions.collapse).toBeGreaterThan(seed === 3 ? 5 : 0);
    expect(actions.allowed).toBeGreaterThan(0);
    if (seed === 3) expect(actions.show).toBeGreaterThan(5);
    else {
      expect(rulesSeen.size).toBeGreaterThan(100);
      expect(fieldsSeen.size).toBeGreaterThanOrEqual(15);
    }
  }, 60_000); // the naive side is slow on purpose
});
