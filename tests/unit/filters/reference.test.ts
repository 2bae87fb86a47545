/**
 * The engine against the independent reference matcher (./reference-matcher.ts) on the seeded
 * corpus, and on hand-written cases where the two halves of the meaning meet.
 */
import { describe, expect, it } from 'vitest';
import { compileRules, matchWork } from '../../../lib/filters/engine';
import type { Judgement, Rule } from '../../../lib/filters/types';
import { corpus } from './corpus';
import { makeWork } from './factory';
import { referenceMatchWork } from './reference-matcher';

const engine = (work: Parameters<typeof matchWork>[0], rules: readonly Rule[]) => {
  const judgement: Judgement = matchWork(work, compileRules(rules));
  return { action: judgement.action, ruleIds: judgement.reasons.map((reason) => reason.ruleId) };
};

describe('engine and the independent reference agree', () => {
  it.each([
    [11, 150, 200],
    [12, 150, 200],
  ])('seed %i: %i works × %i rules', (seed, workCount, ruleCount) => {
    const { works, rules } = corpus(seed, workCount, ruleCount);
    const compiled = compileRules(rules);
    let hidden = 0;
    for (const work of works) {
      const judgement = matchWork(work, compiled);
      const got = { action: judgement.action, ruleIds: judgement.reasons.map((reason) => reason.ruleId) };
      expect(got, `work ${JSON.stringify(work)}`).toEqual(referenceMatchWork(work, rules));
      if (got.action === 'hide') hidden++;
    }
    expect(hidden).toBeGreaterThan(20);
  }, 120_000);

  const rule = (id: string, extra: Partial<Rule>): Rule => ({ id, field: 'freeform', pattern: 'x', action: 'collapse', enabled: true, ...extra }) as Rule;
  it.each([
    ['an old warning name against the new one', makeWork({ warnings: ['Underage Sex'] }), [rule('a', { field: 'warning', pattern: 'Underage' })], 'collapse'],
    ['the new name against an old page', makeWork({ warnings: ['Underage'] }), [rule('a', { field: 'warning', pattern: 'underage sex' })], 'collapse'],
    ['the label against the tag name', makeWork({ warnings: ['Choose Not To Use Archive Warnings'] }), [rule('a', { field: 'tag', pattern: 'Creator Chose Not To Use Archive Warnings', action: 'hide' })], 'hide'],
    ['allow over hide', makeWork({ freeforms: ['Angst'] }), [rule('a', { pattern: 'angst', action: 'hide' }), rule('b', { pattern: '*ngs*', action: 'allow' })], 'show'],
    ['hide over collapse, both reasons', makeWork({ freeforms: ['Angst', 'Fluff'] }), [rule('a', { pattern: 'fluff' }), rule('b', { pattern: 'angst', action: 'hide' })], 'hide'],
    ['a rating is not a tag', makeWork({ rating: 'Mature' }), [rule('a', { field: 'tag', pattern: '*M*' })], 'show'],
    ['summary words, not inside a word', makeWork({ summary: 'The endless night.' }), [rule('a', { field: 'summary', pattern: 'the end' })], 'show'],
    ['summary words at an edge', makeWork({ summary: 'And that was the end.' }), [rule('a', { field: 'summary', pattern: 'the end' })], 'collapse'],
    ['a disabled rule does nothing', makeWork({ freeforms: ['Angst'] }), [rule('a', { pattern: 'angst', enabled: false })], 'show'],
    ['only stars never match', makeWork({ freeforms: ['Angst'] }), [rule('a', { pattern: '**' })], 'show'],
  ] as const)('%s', (_name, work, rules, action) => {
    expect(referenceMatchWork(work, rules).action).toBe(action);
    expect(engine(work, rules)).toEqual(referenceMatchWork(work, rules));
  });
});
