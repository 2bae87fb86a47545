/**
 * Tag rules that also cover other names (a tag's AO3 synonyms): validation, the engine and the
 * naive reference agreeing, and what an edited rule keeps.
 */
import { describe, expect, it } from 'vitest';
import { compileRules, matchWork } from '../../../lib/filters/engine';
import { naiveMatchWork } from '../../../lib/filters/naive';
import {
  keptCoveredNames,
  MAX_COVERED_NAME_LENGTH,
  MAX_COVERED_NAMES,
  MAX_COVERED_TOTAL_LENGTH,
} from '../../../lib/filters/synonyms';
import type { Rule, TextRule } from '../../../lib/filters/types';
import { validateRule } from '../../../lib/filters/validate';
import { corpus } from './corpus';
import { makeWork, seededRandom, textRule } from './factory';

const base = { id: 'r1', field: 'freeform', pattern: 'Slow Burn', action: 'hide', enabled: true };

function ruleOf(input: unknown): TextRule {
  const result = validateRule(input);
  if (!result.ok) throw new Error(result.error);
  return result.rule as TextRule;
}
function errorOf(input: unknown): string {
  const result = validateRule(input);
  if (result.ok) throw new Error('accepted');
  return result.error;
}

describe('validating the names a rule also covers', () => {
  it('keeps tidied names once each, case-insensitively, without the rule’s own name, in order', () => {
    const rule = ruleOf({ ...base, alsoCovers: ['Slow Build', '  slow   build ', 'SLOW BURN', 'Slowburn', '', 'Slow-Burn'] });
    expect(rule.alsoCovers).toEqual(['Slow Build', 'Slowburn', 'Slow-Burn']);
  });

  it('leaves the key out when nothing is left, and accepts null as nothing', () => {
    expect(ruleOf({ ...base, alsoCovers: ['slow burn', ' '] })).not.toHaveProperty('alsoCovers');
    expect(ruleOf({ ...base, alsoCovers: null })).not.toHaveProperty('alsoCovers');
    expect(ruleOf(base)).not.toHaveProperty('alsoCovers');
  });

  it.each(['tag', 'fandom', 'relationship', 'character', 'freeform'])('accepts them on %s rules', (field) => {
    expect(ruleOf({ ...base, field, alsoCovers: ['Other'] }).alsoCovers).toEqual(['Other']);
  });

  it.each(['warning', 'rating', 'category', 'author', 'title', 'summary', 'language'])('refuses them on %s rules', (field) => {
    expect(errorOf({ ...base, field, alsoCovers: ['Other'] })).toMatch(/Only rules about tags/);
  });

  it('refuses what is not a list of text, a name with *, names too long, too many', () => {
    expect(errorOf({ ...base, alsoCovers: 'Slow Build' })).toMatch(/list of tag names/);
    expect(errorOf({ ...base, alsoCovers: ['ok', 3] })).toMatch(/must be text/);
    expect(errorOf({ ...base, alsoCovers: ['Slow*Build'] })).toMatch(/contains \*/);
    expect(errorOf({ ...base, alsoCovers: ['x'.repeat(MAX_COVERED_NAME_LENGTH + 1)] })).toMatch(/longer than 150/);
    const many = Array.from({ length: MAX_COVERED_NAMES + 1 }, (_, i) => `Name ${i}`);
    expect(errorOf({ ...base, alsoCovers: many })).toMatch(/at most 50 other names \(51 given\)/);
    expect(ruleOf({ ...base, alsoCovers: many.slice(0, MAX_COVERED_NAMES) }).alsoCovers).toHaveLength(MAX_COVERED_NAMES);
    const long = Array.from({ length: 30 }, (_, i) => `${i}`.padEnd(MAX_COVERED_NAME_LENGTH, 'x'));
    expect(long.join('').length).toBeGreaterThan(MAX_COVERED_TOTAL_LENGTH);
    expect(errorOf({ ...base, alsoCovers: long })).toMatch(/3000 characters together/);
  });
});

describe('matching a rule that covers other names', () => {
  const rule = textRule('freeform', 'Slow Burn', 'hide', { alsoCovers: ['Slow Build', 'Slowburn'] });
  const glob = textRule('tag', '*Angst*', 'collapse', { alsoCovers: ['Hurt/Comfort'] });

  it('matches any of them as the same rule, with the rule’s one reason', () => {
    const compiled = compileRules([rule, glob]);
    for (const freeforms of [['Slow Burn'], ['slow  BUILD'], ['Slowburn'], ['Slow Build', 'Slow Burn']]) {
      const work = makeWork({ freeforms });
      const judgement = matchWork(work, compiled);
      expect(judgement.action).toBe('hide');
      expect(judgement.reasons).toEqual([expect.objectContaining({ ruleId: rule.id, label: 'additional tag: Slow Burn' })]);
      expect(naiveMatchWork(work, [rule, glob])).toEqual(judgement);
    }
  });

  it('matches covered names whole, never as patterns or parts', () => {
    const compiled = compileRules([rule]);
    for (const freeforms of [['Slow Build Romance'], ['Very Slow Build'], ['Slow']]) {
      expect(matchWork(makeWork({ freeforms }), compiled).action).toBe('show');
      expect(naiveMatchWork(makeWork({ freeforms }), [rule]).action).toBe('show');
    }
  });

  it('a glob rule also covers exact names; a value matching both counts the rule once', () => {
    const work = makeWork({ freeforms: ['Hurt/Comfort', 'Angst'], relationships: ['hurt/comfort'] });
    const judgement = matchWork(work, compileRules([glob]));
    expect(judgement).toEqual({ action: 'collapse', reasons: [expect.objectContaining({ ruleId: glob.id })] });
    expect(naiveMatchWork(work, [glob])).toEqual(judgement);
  });

  it('only within the rule’s field', () => {
    const work = makeWork({ characters: ['Slow Build'] });
    expect(matchWork(work, compileRules([rule])).action).toBe('show');
    expect(naiveMatchWork(work, [rule]).action).toBe('show');
  });

  it('a disabled rule covers nothing', () => {
    const off = { ...rule, enabled: false };
    expect(matchWork(makeWork({ freeforms: ['Slowburn'] }), compileRules([off])).action).toBe('show');
  });

  it('engine and naive agree on a seeded corpus whose tag rules cover names the works carry', () => {
    const { works, rules } = corpus(7, 300, 200);
    const random = seededRandom(7);
    const tagValues = [...new Set(works.flatMap((w) => [...w.freeforms, ...w.characters, ...w.fandoms, ...w.relationships]))];
    let covering = 0;
    const withNames: Rule[] = rules.map((r) => {
      if (!('pattern' in r) || !['tag', 'fandom', 'relationship', 'character', 'freeform'].includes(r.field)) return r;
      if (random() < 0.5) return r;
      const names = Array.from({ length: 1 + Math.floor(random() * 4) }, () => tagValues[Math.floor(random() * tagValues.length)]!);
      const checked = validateRule({ ...r, alsoCovers: names.filter((n) => !n.includes('*')) });
      if (!checked.ok) return r;
      covering++;
      return checked.rule;
    });
    expect(covering).toBeGreaterThan(20);
    const compiled = compileRules(withNames);
    const plain = compileRules(rules);
    let changed = 0;
    for (const work of works) {
      const judgement = matchWork(work, compiled);
      expect(naiveMatchWork(work, withNames), JSON.stringify(work)).toEqual(judgement);
      if (JSON.stringify(judgement) !== JSON.stringify(matchWork(work, plain))) changed++;
    }
    // The covered names made a difference to some works (this is not agreement on "nothing").
    expect(changed).toBeGreaterThan(5);
  });
});

describe('editing a rule that covers other names', () => {
  const before = textRule('freeform', 'Slow Burn', 'hide', { alsoCovers: ['Slow Build'] });

  it('keeps them while it is a tag rule on the same name', () => {
    expect(keptCoveredNames(before, { field: 'freeform', pattern: 'slow  burn', action: 'collapse' })).toEqual({ alsoCovers: ['Slow Build'] });
    expect(keptCoveredNames(before, { field: 'tag', pattern: 'Slow Burn', action: 'hide' })).toEqual({ alsoCovers: ['Slow Build'] });
  });

  it('drops them when the name or the kind of field changes', () => {
    expect(keptCoveredNames(before, { field: 'freeform', pattern: 'Fluff', action: 'hide' })).toEqual({});
    expect(keptCoveredNames(before, { field: 'title', pattern: 'Slow Burn', action: 'hide' })).toEqual({});
    expect(keptCoveredNames(textRule('freeform', 'Slow Burn'), { field: 'freeform', pattern: 'Slow Burn' })).toEqual({});
  });
});
