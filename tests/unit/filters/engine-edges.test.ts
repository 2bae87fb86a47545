import { describe, expect, it, vi } from 'vitest';
import { compileRules, matchWork } from '../../../lib/filters/engine';
import { HitSet } from '../../../lib/filters/hits';
import { PatternIndex } from '../../../lib/filters/pattern-index';
import { SummaryIndex } from '../../../lib/filters/summary-index';
import type { CompleteRule, Rule } from '../../../lib/filters/types';
import { completeRule, fandomCountRule, makeWork, textRule, wordsRule } from './factory';

/** A complete rule whose value is neither true nor false (only a corrupt store could hold one). */
const brokenComplete = (value: unknown): CompleteRule => ({ ...completeRule(true), value: value as boolean });

describe('compileRules: which rules count (size)', () => {
  it.each<[string, Rule[], number]>([
    ['words with no bound', [wordsRule({})], 0],
    ['words with NaN bounds', [wordsRule({ min: Number.NaN, max: Number.NaN })], 0],
    ['words with a minimum', [wordsRule({ min: 10 })], 1],
    ['words with a maximum', [wordsRule({ max: 10 })], 1],
    ['fandomCount with NaN', [fandomCountRule(Number.NaN)], 0],
    ['fandomCount with a maximum', [fandomCountRule(2)], 1],
    ['complete: true', [completeRule(true)], 1],
    ['complete: false', [completeRule(false)], 1],
    ['complete: undefined', [brokenComplete(undefined)], 0],
    ['complete: null', [brokenComplete(null)], 0],
    ['complete: "yes"', [brokenComplete('yes')], 0],
    ['a star-only pattern', [textRule('freeform', '*')], 0],
    ['an empty pattern', [textRule('tag', '')], 0],
    ['a pattern', [textRule('freeform', 'Angst')], 1],
    ['a disabled rule', [textRule('freeform', 'Angst', 'hide', { enabled: false })], 0],
    ['unusable rules among usable ones', [wordsRule({}), textRule('freeform', '**'), completeRule(true)], 1],
  ])('%s → %i', (_, rules, size) => {
    expect(compileRules(rules).size).toBe(size);
  });

  it('a complete rule with no true/false value never matches, in progress or not', () => {
    const rules = [brokenComplete(undefined), brokenComplete(null)];
    expect(matchWork(makeWork({ complete: false }), compileRules(rules)).action).toBe('show');
    expect(matchWork(makeWork({ complete: true }), compileRules(rules)).action).toBe('show');
  });

  it('an unusable rule does not shift the reasons of the rules after it', () => {
    const angst = textRule('freeform', 'Angst', 'collapse');
    const j = matchWork(makeWork({ freeforms: ['Angst'] }), compileRules([wordsRule({}), angst]));
    expect(j).toEqual({
      action: 'collapse',
      reasons: [{ ruleId: angst.id, field: 'freeform', label: 'additional tag: Angst' }],
    });
  });
});

describe('matchWork: summaries', () => {
  it('any non-empty summary is read, whatever its text', () => {
    const compiled = compileRules([textRule('summary', 'sherlock')]);
    expect(matchWork(makeWork({ summary: 'Sherlock was here!' }), compiled).action).toBe('hide');
    expect(matchWork(makeWork({ summary: 'Nobody was here!' }), compiled).action).toBe('show');
  });

  it('an empty summary is not searched at all', () => {
    const match = vi.spyOn(SummaryIndex.prototype, 'match');
    const compiled = compileRules([textRule('summary', 'here')]);
    expect(matchWork(makeWork({ summary: '' }), compiled).action).toBe('show');
    expect(match).not.toHaveBeenCalled();
    expect(matchWork(makeWork({ summary: 'here' }), compiled).action).toBe('hide');
    expect(match).toHaveBeenCalledTimes(1);
  });
});

describe('matchWork: an empty rule set', () => {
  it('shows every work at once, without touching its per-work state', () => {
    const reset = vi.spyOn(HitSet.prototype, 'reset');
    const compiled = compileRules([wordsRule({}), textRule('freeform', '*')]);
    expect(matchWork(makeWork(), compiled)).toEqual({ action: 'show', reasons: [] });
    expect(reset).not.toHaveBeenCalled();
    expect(matchWork(makeWork(), compileRules([textRule('freeform', 'Angst')]))).toEqual({
      action: 'show',
      reasons: [],
    });
    expect(reset).toHaveBeenCalledTimes(1);
  });
});

describe('matchWork: the memo of tag values', () => {
  /** How many times the pattern index was asked about this normalized value. */
  const asked = (spy: { mock: { calls: unknown[][] } }, value: string): number =>
    spy.mock.calls.filter(([v]) => v === value).length;

  it('a tag seen before is not matched again', () => {
    const match = vi.spyOn(PatternIndex.prototype, 'match');
    const compiled = compileRules([textRule('freeform', '*Angst*')]);
    expect(matchWork(makeWork({ freeforms: ['Angst'] }), compiled).action).toBe('hide');
    expect(matchWork(makeWork({ freeforms: ['Angst'] }), compiled).action).toBe('hide');
    expect(asked(match, 'angst')).toBe(1);
  });

  it('remembers more than the last value', () => {
    const match = vi.spyOn(PatternIndex.prototype, 'match');
    const compiled = compileRules([textRule('freeform', '*Angst*')]);
    for (const tags of [['Angst'], ['Fluff'], ['Angst'], ['Fluff', 'Angst']]) matchWork(makeWork({ freeforms: tags }), compiled);
    expect(asked(match, 'angst')).toBe(1);
    expect(asked(match, 'fluff')).toBe(1);
  });

  it('keeps 10,000 values, and starts over at the next new one', () => {
    const compiled = compileRules([textRule('freeform', '*tag 1*')]);
    for (let i = 0; i < 10_000; i++) matchWork(makeWork({ freeforms: [`tag ${i}`] }), compiled);
    const match = vi.spyOn(PatternIndex.prototype, 'match');
    // 10,000 values remembered: the first is still there
    expect(matchWork(makeWork({ freeforms: ['tag 0'] }), compiled).action).toBe('show');
    expect(asked(match, 'tag 0')).toBe(0);
    // a new value: the memo starts over, so the first is matched again
    expect(matchWork(makeWork({ freeforms: ['tag 10000'] }), compiled).action).toBe('hide');
    expect(matchWork(makeWork({ freeforms: ['tag 0'] }), compiled).action).toBe('show');
    expect(asked(match, 'tag 0')).toBe(1);
    expect(matchWork(makeWork({ freeforms: ['tag 10000'] }), compiled).action).toBe('hide');
    expect(asked(match, 'tag 10000')).toBe(1);
  });

  it('remembers a warning that has one spelling as the index answered it', () => {
    const match = vi.spyOn(PatternIndex.prototype, 'match');
    const compiled = compileRules([textRule('warning', '*Violence*')]);
    expect(matchWork(makeWork({ warnings: ['Some Other Warning'] }), compiled).action).toBe('show');
    expect(match).toHaveBeenCalledTimes(1);
    const answer = match.mock.results[0]!.value as readonly number[];
    expect(answer).toEqual([]);
    expect(compiled.text.get('warnings')!.memo!.get('Some Other Warning')).toBe(answer);
  });
});

/* White-box: the compiled form's @internal fields, where nothing else can tell two forms apart. */
describe('compileRules: internal shape', () => {
  it('no words rule leaves no word ranges', () => {
    expect(compileRules([textRule('freeform', 'Angst')]).words).toEqual([]);
    expect(compileRules([wordsRule({ min: 5 })]).words).toEqual([{ rule: 0, min: 5, max: Infinity }]);
  });

  it('scopes are null unless some rule has a scope', () => {
    expect(compileRules([textRule('freeform', 'Angst'), completeRule(true)]).scopes).toBeNull();
    expect(compileRules([]).scopes).toBeNull();
    const scoped = compileRules([
      textRule('freeform', 'Angst'),
      { ...textRule('freeform', 'Fluff'), scope: { mode: 'only', fandoms: ['Star Wars'] } },
    ]).scopes;
    expect(scoped).toHaveLength(2);
    expect(scoped![0]).toBeNull();
    expect(scoped![1]).toMatchObject({ only: true });
  });

  it('matchWork leaves exactly the matched rules, sorted, in its hit list', () => {
    const compiled = compileRules([wordsRule({ min: 1 }), textRule('freeform', 'Angst')]);
    expect(matchWork(makeWork({ freeforms: ['Angst'], words: 10 }), compiled).reasons).toHaveLength(2);
    // the tag (rule 1) is found before the word count (rule 0), then sorted in place
    expect(compiled.hits.list).toEqual([0, 1]);
  });
});
