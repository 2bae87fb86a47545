import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Rule } from '../../../lib/filters/types';
import { MAX_PATTERN_LENGTH, newRuleId, ruleKey, validateRule } from '../../../lib/filters/validate';

const base = { id: 'r1', action: 'hide', enabled: true };

function errorOf(input: unknown): string {
  const result = validateRule(input);
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.rule)}`);
  return result.error;
}

function ruleOf(input: unknown): Rule {
  const result = validateRule(input);
  if (!result.ok) throw new Error(`expected a rule, got "${result.error}"`);
  return result.rule;
}

describe('validateRule: accepted rules', () => {
  it.each([
    'warning',
    'rating',
    'category',
    'fandom',
    'relationship',
    'character',
    'freeform',
    'tag',
    'author',
    'title',
    'summary',
    'language',
    'work',
  ])('a %s rule with a pattern', (field) => {
    expect(ruleOf({ ...base, field, pattern: 'Angst' })).toEqual({ ...base, field, pattern: 'Angst' });
  });

  it('tidies the pattern (trimmed, inner whitespace collapsed) but keeps its case', () => {
    expect(ruleOf({ ...base, field: 'tag', pattern: '  Slow \t  Burn  ' })).toMatchObject({ pattern: 'Slow Burn' });
  });

  it('numeric rules', () => {
    expect(ruleOf({ ...base, field: 'words', min: 0, max: 100 })).toEqual({ ...base, field: 'words', min: 0, max: 100 });
    expect(ruleOf({ ...base, field: 'words', max: 100 })).toEqual({ ...base, field: 'words', max: 100 });
    expect(ruleOf({ ...base, field: 'words', min: 100, max: 100 })).toMatchObject({ min: 100, max: 100 });
    expect(ruleOf({ ...base, field: 'words', min: 5, max: null })).toEqual({ ...base, field: 'words', min: 5 });
    expect(ruleOf({ ...base, field: 'fandomCount', max: 3 })).toEqual({ ...base, field: 'fandomCount', max: 3 });
    expect(ruleOf({ ...base, field: 'complete', value: false })).toEqual({ ...base, field: 'complete', value: false });
  });

  it('gives a rule without id a new one, and is enabled unless it says otherwise (backup entries)', () => {
    const rule = ruleOf({ field: 'warning', pattern: 'Major Character Death', action: 'collapse' });
    expect(rule.id).toMatch(/\S/);
    expect(rule.enabled).toBe(true);
    expect(ruleOf({ ...base, enabled: false, field: 'tag', pattern: 'x' }).enabled).toBe(false);
  });

  it(`accepts a pattern of exactly ${MAX_PATTERN_LENGTH} characters`, () => {
    expect(ruleOf({ ...base, field: 'summary', pattern: 'a'.repeat(MAX_PATTERN_LENGTH) })).toMatchObject({
      field: 'summary',
    });
  });
});

describe('validateRule: every error says what is wrong', () => {
  it.each<[string, unknown, string]>([
    ['not an object', 'hide Angst', 'A rule must be an object'],
    ['null', null, 'A rule must be an object'],
    ['an array', [], 'A rule must be an object'],
    ['no field', { ...base, pattern: 'x' }, 'Field is missing'],
    ['a field that is not text', { ...base, field: 7, pattern: 'x' }, 'Field must be text'],
    ['an unknown field', { ...base, field: 'colour', pattern: 'x' }, 'Unknown field "colour"'],
    ['an unknown property', { ...base, field: 'tag', pattern: 'x', regex: true }, 'Unknown property "regex" in a tag rule'],
    ['a words bound on a text rule', { ...base, field: 'tag', pattern: 'x', min: 3 }, 'Unknown property "min" in a tag rule'],
    ['a pattern on a words rule', { ...base, field: 'words', min: 3, pattern: 'x' }, 'Unknown property "pattern" in a words rule'],
    ['a value on a fandomCount rule', { ...base, field: 'fandomCount', max: 3, value: true }, 'Unknown property "value" in a fandomCount rule'],
    ['no action', { id: 'r', field: 'tag', pattern: 'x' }, 'Action is missing'],
    ['an unknown action', { ...base, action: 'delete', field: 'tag', pattern: 'x' }, 'Unknown action "delete" (use hide, collapse, dim or allow)'],
    ['an action that is not text', { ...base, action: 1, field: 'tag', pattern: 'x' }, 'Unknown action 1 (use hide, collapse, dim or allow)'],
    ['an empty id', { ...base, id: ' ', field: 'tag', pattern: 'x' }, 'Rule id must be non-empty text'],
    ['an id that is not text', { ...base, id: 5, field: 'tag', pattern: 'x' }, 'Rule id must be non-empty text'],
    ['enabled that is not a boolean', { ...base, enabled: 'yes', field: 'tag', pattern: 'x' }, 'Enabled must be true or false'],
    ['no pattern', { ...base, field: 'tag' }, 'Pattern is missing'],
    ['a pattern that is not text', { ...base, field: 'tag', pattern: 42 }, 'Pattern must be text'],
    ['an empty pattern', { ...base, field: 'tag', pattern: '' }, 'Pattern is empty'],
    ['a whitespace-only pattern', { ...base, field: 'tag', pattern: ' \t\n ' }, 'Pattern is empty'],
    [
      'a pattern over the limit',
      { ...base, field: 'summary', pattern: 'a'.repeat(MAX_PATTERN_LENGTH + 1) },
      'Pattern is too long (501 characters; the limit is 500)',
    ],
    ['a single star', { ...base, field: 'tag', pattern: '*' }, 'Pattern needs more than * (it would match everything)'],
    ['only stars', { ...base, field: 'author', pattern: '***' }, 'Pattern needs more than * (it would match everything)'],
    ['stars and spaces', { ...base, field: 'tag', pattern: ' * * ' }, 'Pattern needs more than * (it would match everything)'],
    ['full-width stars', { ...base, field: 'tag', pattern: '＊＊' }, 'Pattern needs more than * (it would match everything)'],
    ['a words rule with no bound', { ...base, field: 'words' }, 'Words rule needs a minimum or a maximum'],
    ['a words rule with null bounds', { ...base, field: 'words', min: null, max: null }, 'Words rule needs a minimum or a maximum'],
    ['min more than max', { ...base, field: 'words', min: 5000, max: 100 }, 'Minimum words (5000) is more than maximum (100)'],
    ['a negative minimum', { ...base, field: 'words', min: -1 }, "Minimum words (-1) can't be negative"],
    ['a negative maximum', { ...base, field: 'words', max: -10 }, "Maximum words (-10) can't be negative"],
    ['a fractional maximum', { ...base, field: 'words', max: 2.5 }, 'Maximum words (2.5) must be a whole number'],
    ['an infinite minimum', { ...base, field: 'words', min: Infinity }, 'Minimum words must be a finite number'],
    ['a NaN maximum', { ...base, field: 'words', max: Number.NaN }, 'Maximum words must be a finite number'],
    ['a minimum that is text', { ...base, field: 'words', min: '100' }, 'Minimum words must be a number'],
    ['fandomCount without max', { ...base, field: 'fandomCount' }, 'Maximum fandoms is missing'],
    ['fandomCount with a negative max', { ...base, field: 'fandomCount', max: -1 }, "Maximum fandoms (-1) can't be negative"],
    ['fandomCount with a fractional max', { ...base, field: 'fandomCount', max: 1.5 }, 'Maximum fandoms (1.5) must be a whole number'],
    ['fandomCount with an infinite max', { ...base, field: 'fandomCount', max: -Infinity }, 'Maximum fandoms must be a finite number'],
    ['complete without value', { ...base, field: 'complete' }, 'Complete rule needs value true (complete) or false (in progress)'],
    ['complete with a text value', { ...base, field: 'complete', value: 'true' }, 'Complete rule needs value true (complete) or false (in progress)'],
  ])('%s', (_what, input, message) => {
    expect(errorOf(input)).toBe(message);
  });

  it('shortens a long unknown value in the message', () => {
    const error = errorOf({ ...base, field: 'x'.repeat(100), pattern: 'p' });
    expect(error).toBe(`Unknown field "${'x'.repeat(40)}…"`);
  });
});

describe('newRuleId', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('is a UUID where crypto.randomUUID exists, and never repeats', () => {
    const ids = new Set(Array.from({ length: 200 }, newRuleId));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('still gives distinct ids without crypto.randomUUID', () => {
    vi.stubGlobal('crypto', {});
    const ids = new Set(Array.from({ length: 200 }, newRuleId));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^r-[0-9a-z]+-[0-9a-z]+$/);
  });
});

describe('validateRule: a one-work rule’s title and creator', () => {
  const work = { id: 'w', field: 'work', pattern: 'ao3:75417176', action: 'hide', enabled: true };

  it('keeps them (trimmed) on a one-work rule; they are not part of what the rule is', () => {
    const result = validateRule({ ...work, workTitle: ' The Long Way Round ', workCreator: 'anafabula' });
    expect(result).toEqual({ ok: true, rule: { ...work, workTitle: 'The Long Way Round', workCreator: 'anafabula' } });
    if (result.ok) expect(ruleKey(result.rule)).toBe(ruleKey(work as Rule));
  });

  it('refuses them anywhere else, or when they are not text', () => {
    expect(validateRule({ ...work, field: 'title', workTitle: 'X' }).ok).toBe(false);
    expect(validateRule({ ...work, workCreator: 42 }).ok).toBe(false);
    expect(validateRule({ ...work, workTitle: 'x'.repeat(501) }).ok).toBe(false);
  });
});

describe('ruleKey', () => {
  const text = (field: string, pattern: string, action = 'hide', id = 'a', enabled = true) =>
    ruleOf({ id, field, pattern, action, enabled });

  it('is the same for the same rule written differently, whatever its id or state', () => {
    expect(ruleKey(text('tag', 'Angst'))).toBe(ruleKey(text('tag', '  ANGST ', 'hide', 'b', false)));
    expect(ruleKey(text('tag', '*Angst**'))).toBe(ruleKey(text('tag', '**angst*')));
    expect(ruleKey(text('tag', 'Ａｎｇｓｔ'))).toBe(ruleKey(text('tag', 'angst')));
  });

  it('treats every spelling of a warning as one warning', () => {
    expect(ruleKey(text('warning', 'Underage'))).toBe(ruleKey(text('warning', 'Underage Sex')));
    expect(ruleKey(text('warning', 'Creator Chose Not To Use Archive Warnings'))).toBe(
      ruleKey(text('warning', 'choose not to use archive warnings')),
    );
    expect(ruleKey(text('warning', 'Underage'))).not.toBe(ruleKey(text('warning', 'Rape/Non-Con')));
    // outside the warning field the words are just words
    expect(ruleKey(text('tag', 'Underage'))).not.toBe(ruleKey(text('tag', 'Underage Sex')));
  });

  it('differs by field, pattern and action', () => {
    const keys = new Set([
      ruleKey(text('tag', 'Angst')),
      ruleKey(text('freeform', 'Angst')),
      ruleKey(text('tag', 'Angst*')),
      ruleKey(text('tag', 'Angst', 'collapse')),
      ruleKey(text('tag', 'Angst', 'allow')),
    ]);
    expect(keys.size).toBe(5);
  });

  it('numeric rules key on their bounds and action', () => {
    const words = (min?: number, max?: number, action = 'hide') =>
      ruleKey(ruleOf({ id: 'w', field: 'words', min, max, action }));
    expect(words(10, 20)).toBe(words(10, 20));
    expect(new Set([words(10, 20), words(10), words(undefined, 10), words(10, 20, 'collapse')]).size).toBe(4);
    const fc = (max: number) => ruleKey(ruleOf({ id: 'f', field: 'fandomCount', max, action: 'hide' }));
    expect(fc(2)).not.toBe(fc(3));
    const done = (value: boolean) => ruleKey(ruleOf({ id: 'c', field: 'complete', value, action: 'hide' }));
    expect(done(true)).not.toBe(done(false));
    expect(fc(2)).not.toBe(words(2));
  });
});
