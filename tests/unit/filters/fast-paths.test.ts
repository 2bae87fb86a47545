/**
 * Shortcuts that give the same answers as the long way round, seen through call counts: the
 * engine asks `decide` only about a work some rule matched, and the pattern index runs a full glob
 * check only when finding the key literal does not already say everything.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeWork, textRule } from './factory';

type Engine = typeof import('../../../lib/filters/engine');
let compileRules: Engine['compileRules'];
let matchWork: Engine['matchWork'];
let compilePattern: typeof import('../../../lib/filters/pattern').compilePattern;
let PatternIndex: typeof import('../../../lib/filters/pattern-index').PatternIndex;

const calls = vi.hoisted(() => ({ decide: [] as unknown[], globMatch: [] as string[] }));

vi.mock('../../../lib/filters/decide', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../lib/filters/decide')>();
  return {
    ...actual,
    decide: (matches: Parameters<typeof actual.decide>[0]) => {
      calls.decide.push(matches);
      return actual.decide(matches);
    },
  };
});

vi.mock('../../../lib/filters/pattern', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../lib/filters/pattern')>();
  return {
    ...actual,
    globMatch: (segments: readonly string[], value: string) => {
      calls.globMatch.push(`${segments.join('*')} ? ${value}`);
      return actual.globMatch(segments, value);
    },
  };
});

afterAll(() => {
  vi.doUnmock('../../../lib/filters/decide');
  vi.doUnmock('../../../lib/filters/pattern');
  vi.resetModules();
});

// Loaded afresh: a worker shared with other test files (the mutation run) may hold the real modules.
beforeAll(async () => {
  vi.resetModules();
  ({ compileRules, matchWork } = await import('../../../lib/filters/engine'));
  ({ compilePattern } = await import('../../../lib/filters/pattern'));
  ({ PatternIndex } = await import('../../../lib/filters/pattern-index'));
});

beforeEach(() => {
  calls.decide.length = 0;
  calls.globMatch.length = 0;
});

describe('engine: decide only when some rule matched', () => {
  it('a work no rule matches is shown without asking decide', () => {
    const compiled = compileRules([textRule('freeform', 'Angst')]);
    expect(matchWork(makeWork({ freeforms: ['Fluff'] }), compiled)).toEqual({ action: 'show', reasons: [] });
    expect(calls.decide).toHaveLength(0);
  });

  it('a matched work goes to decide once, with its matches', () => {
    const rule = textRule('freeform', 'Angst');
    const compiled = compileRules([rule]);
    expect(matchWork(makeWork({ freeforms: ['Angst'] }), compiled).action).toBe('hide');
    expect(calls.decide).toEqual([
      [{ action: 'hide', reason: { ruleId: rule.id, field: 'freeform', label: 'additional tag: Angst' } }],
    ]);
  });
});

function matchOne(pattern: string, value: string): readonly number[] {
  const index = new PatternIndex();
  index.add(compilePattern(pattern), 0);
  index.build();
  return index.match(value);
}

describe('pattern index: a full glob check only when the key does not say everything', () => {
  it.each([
    ['abc*', 'abcdef'],
    ['*def', 'abcdef'],
    ['*bcd*', 'abcdef'],
  ])('%j against %j: found by its key alone', (pattern, value) => {
    expect(matchOne(pattern, value)).toEqual([0]);
    expect(calls.globMatch).toEqual([]);
  });

  it.each([
    ['abc*xyz', 'abc def', 'abc*xyz ? abc def'],
    ['a*b*', 'ac', 'a*b* ? ac'],
    ['*a*bc', 'xbc', '*a*bc ? xbc'],
    ['*b*d*', 'abcdef', '*b*d* ? abcdef'],
  ])('%j against %j: the key is a candidate, checked whole', (pattern, value, check) => {
    matchOne(pattern, value);
    expect(calls.globMatch).toEqual([check]);
  });
});
