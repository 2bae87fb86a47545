/**
 * validate.ts at its edges: every action, field and property it accepts, every count message,
 * the exact rule keys, and the boundaries of its limits.
 *
 * The lists and message tables of validate.ts are built once, when the module loads. Tests about
 * them load the module afresh (`vi.resetModules()` + `import()`), so that what they check is the
 * module as it is now, not a copy another test file loaded earlier in the same worker.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Rule } from '../../../lib/filters/types';
import { newRuleId, ruleKey, validateRule } from '../../../lib/filters/validate';

type Validate = typeof validateRule;

/** validate.ts evaluated again, module-level lists included. */
async function freshValidate(): Promise<Validate> {
  vi.resetModules();
  return (await import('../../../lib/filters/validate')).validateRule;
}

function ruleFrom(validate: Validate, input: unknown): Rule {
  const result = validate(input);
  if (!result.ok) throw new Error(`expected a rule, got "${result.error}"`);
  return result.rule;
}

function errorFrom(validate: Validate, input: unknown): string {
  const result = validate(input);
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.rule)}`);
  return result.error;
}

const ruleOf = (input: unknown): Rule => ruleFrom(validateRule, input);
const errorOf = (input: unknown): string => errorFrom(validateRule, input);

const base = { id: 'r1', action: 'hide', enabled: true };

describe('validateRule (module loaded afresh): the actions and fields it knows', () => {
  it.each(['hide', 'collapse', 'dim', 'allow'])('accepts the action %s', async (action) => {
    const validate = await freshValidate();
    expect(ruleFrom(validate, { id: 'a', field: 'tag', pattern: 'Angst', action })).toStrictEqual({
      id: 'a',
      field: 'tag',
      pattern: 'Angst',
      action,
      enabled: true,
    });
  });

  it('still refuses an action it does not know', async () => {
    const validate = await freshValidate();
    expect(errorFrom(validate, { id: 'a', field: 'tag', pattern: 'Angst', action: 'remove' })).toBe(
      'Unknown action "remove" (use hide, collapse, dim or allow)',
    );
  });

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
    'series',
  ])('accepts a %s rule', async (field) => {
    const validate = await freshValidate();
    expect(ruleFrom(validate, { id: 'f', field, pattern: 'Quiet', action: 'dim' })).toStrictEqual({
      id: 'f',
      field,
      pattern: 'Quiet',
      action: 'dim',
      enabled: true,
    });
  });

  it('refuses a field it does not know', async () => {
    const validate = await freshValidate();
    expect(errorFrom(validate, { ...base, field: 'mood', pattern: 'x' })).toBe('Unknown field "mood"');
  });
});

describe('validateRule (module loaded afresh): the properties each kind of rule may carry', () => {
  const scope = { mode: 'only', fandoms: ['Good Omens'] };

  it('a text rule with every common property: id, field, action, enabled, scope and note', async () => {
    const validate = await freshValidate();
    const input = { id: 't1', field: 'tag', action: 'collapse', enabled: false, scope, note: 'too sad', pattern: 'Angst' };
    expect(ruleFrom(validate, input)).toStrictEqual({
      id: 't1',
      field: 'tag',
      pattern: 'Angst',
      action: 'collapse',
      enabled: false,
      scope: { mode: 'only', fandoms: ['Good Omens'] },
      note: 'too sad',
    });
  });

  it('a one-work rule with its title and creator', async () => {
    const validate = await freshValidate();
    const input = { ...base, field: 'work', pattern: 'ao3:1', workTitle: 'The Title', workCreator: 'someone' };
    expect(ruleFrom(validate, input)).toStrictEqual({
      ...base,
      field: 'work',
      pattern: 'ao3:1',
      workTitle: 'The Title',
      workCreator: 'someone',
    });
  });

  it('a series rule with its title', async () => {
    const validate = await freshValidate();
    const input = { ...base, field: 'series', pattern: 'ao3:9', seriesTitle: 'Saga' };
    expect(ruleFrom(validate, input)).toStrictEqual({ ...base, field: 'series', pattern: 'ao3:9', seriesTitle: 'Saga' });
  });

  it('a tag rule with other names it covers', async () => {
    const validate = await freshValidate();
    const input = { ...base, field: 'tag', pattern: 'Slow Burn', alsoCovers: ['Slow Build'] };
    expect(ruleFrom(validate, input)).toStrictEqual({ ...base, field: 'tag', pattern: 'Slow Burn', alsoCovers: ['Slow Build'] });
  });

  it('a words rule with both bounds and every common property', async () => {
    const validate = await freshValidate();
    const input = { id: 'w1', field: 'words', action: 'hide', enabled: true, scope, note: 'short', min: 10, max: 20 };
    expect(ruleFrom(validate, input)).toStrictEqual({
      id: 'w1',
      field: 'words',
      action: 'hide',
      enabled: true,
      min: 10,
      max: 20,
      scope: { mode: 'only', fandoms: ['Good Omens'] },
      note: 'short',
    });
  });

  it('a fandomCount rule with its maximum', async () => {
    const validate = await freshValidate();
    expect(ruleFrom(validate, { ...base, field: 'fandomCount', max: 2 })).toStrictEqual({ ...base, field: 'fandomCount', max: 2 });
  });

  it('a complete rule with its value', async () => {
    const validate = await freshValidate();
    expect(ruleFrom(validate, { ...base, field: 'complete', value: true })).toStrictEqual({
      ...base,
      field: 'complete',
      value: true,
    });
  });

  it('a history rule with its status', async () => {
    const validate = await freshValidate();
    expect(ruleFrom(validate, { ...base, field: 'history', status: 'started' })).toStrictEqual({
      ...base,
      field: 'history',
      status: 'started',
    });
  });

  it('still refuses a property of another kind of rule', async () => {
    const validate = await freshValidate();
    expect(errorFrom(validate, { ...base, field: 'complete', value: true, status: 'finished' })).toBe(
      'Unknown property "status" in a complete rule',
    );
    expect(errorFrom(validate, { ...base, field: 'history', status: 'finished', max: 1 })).toBe(
      'Unknown property "max" in a history rule',
    );
  });
});

describe('validateRule (module loaded afresh): every count message', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['minimum words as text', { field: 'words', min: '5' }, 'Minimum words must be a number'],
    ['minimum words NaN', { field: 'words', min: Number.NaN }, 'Minimum words must be a finite number'],
    ['minimum words negative', { field: 'words', min: -3 }, "Minimum words (-3) can't be negative"],
    ['minimum words fractional', { field: 'words', min: 1.5 }, 'Minimum words (1.5) must be a whole number'],
    ['maximum words as text', { field: 'words', max: '5' }, 'Maximum words must be a number'],
    ['maximum words infinite', { field: 'words', max: Infinity }, 'Maximum words must be a finite number'],
    ['maximum words negative', { field: 'words', max: -4 }, "Maximum words (-4) can't be negative"],
    ['maximum words fractional', { field: 'words', max: 7.25 }, 'Maximum words (7.25) must be a whole number'],
    ['maximum fandoms as text', { field: 'fandomCount', max: '2' }, 'Maximum fandoms must be a number'],
    ['maximum fandoms infinite', { field: 'fandomCount', max: Infinity }, 'Maximum fandoms must be a finite number'],
    ['maximum fandoms negative', { field: 'fandomCount', max: -2 }, "Maximum fandoms (-2) can't be negative"],
    ['maximum fandoms fractional', { field: 'fandomCount', max: 0.5 }, 'Maximum fandoms (0.5) must be a whole number'],
  ])('%s', async (_what, input, message) => {
    const validate = await freshValidate();
    expect(validate({ ...base, ...input })).toStrictEqual({ ok: false, error: message });
  });

  it('a refusal is an object with ok false and the message', async () => {
    const validate = await freshValidate();
    expect(validate('hide Angst')).toStrictEqual({ ok: false, error: 'A rule must be an object' });
    expect(validate({ ...base, field: 'tag', pattern: 'x', note: 5 })).toStrictEqual({ ok: false, error: 'The note must be text' });
  });
});

describe('ruleKey: the exact key of each kind of rule', () => {
  it('words: bounds (empty when not set) and action, separated by U+0000', () => {
    expect(ruleKey(ruleOf({ ...base, field: 'words', min: 10, max: 20 }))).toBe('words\u000010\u000020\u0000hide');
    expect(ruleKey(ruleOf({ ...base, field: 'words', max: 20 }))).toBe('words\u0000\u000020\u0000hide');
    expect(ruleKey(ruleOf({ ...base, field: 'words', min: 10, action: 'dim' }))).toBe('words\u000010\u0000\u0000dim');
  });

  it('words: a minimum of 0 is part of the key', () => {
    expect(ruleKey(ruleOf({ ...base, field: 'words', min: 0, max: 20 }))).toBe('words\u00000\u000020\u0000hide');
  });

  it('words: rules that differ only in the minimum have different keys', () => {
    const a = ruleKey(ruleOf({ ...base, field: 'words', min: 10, max: 20 }));
    const b = ruleKey(ruleOf({ ...base, field: 'words', min: 5, max: 20 }));
    expect(a).not.toBe(b);
  });

  it('fandomCount, complete and history', () => {
    expect(ruleKey(ruleOf({ ...base, field: 'fandomCount', max: 3 }))).toBe('fandomCount\u00003\u0000hide');
    expect(ruleKey(ruleOf({ ...base, field: 'complete', value: false, action: 'allow' }))).toBe('complete\u0000false\u0000allow');
    expect(ruleKey(ruleOf({ ...base, field: 'history', status: 'finished', action: 'dim' }))).toBe(
      'history\u0000finished\u0000dim',
    );
  });

  it('text rules: field, normalized pattern and action', () => {
    expect(ruleKey(ruleOf({ ...base, field: 'tag', pattern: 'Angst**', action: 'collapse' }))).toBe('tag\u0000angst*\u0000collapse');
    expect(ruleKey(ruleOf({ ...base, field: 'author', pattern: 'Someone' }))).toBe('author\u0000someone\u0000hide');
  });
});

describe('validateRule: boundaries and tidying', () => {
  it('a 40-character unknown value is shown whole; 41 characters are cut to 40 and …', () => {
    const forty = 'abcdefghij'.repeat(4);
    expect(errorOf({ ...base, field: forty, pattern: 'x' })).toBe('Unknown field "abcdefghijabcdefghijabcdefghijabcdefghij"');
    expect(errorOf({ ...base, field: `${forty}k`, pattern: 'x' })).toBe(
      'Unknown field "abcdefghijabcdefghijabcdefghijabcdefghij…"',
    );
  });

  it('a work title of exactly 500 characters is kept; 501 are refused with a message naming the property', () => {
    const work = { ...base, field: 'work', pattern: 'ao3:5' };
    expect(ruleOf({ ...work, workTitle: 't'.repeat(500) })).toStrictEqual({ ...work, workTitle: 't'.repeat(500) });
    expect(errorOf({ ...work, workTitle: 't'.repeat(501) })).toBe(
      'workTitle must be text (at most 500 characters), and only on a rule about one work.',
    );
    expect(errorOf({ ...work, workCreator: 7 })).toBe(
      'workCreator must be text (at most 500 characters), and only on a rule about one work.',
    );
    expect(errorOf({ ...base, field: 'work', pattern: 'ao3:5', seriesTitle: 'S' })).toBe(
      'seriesTitle must be text (at most 500 characters), and only on a rule about one work.',
    );
  });

  it('a blank work title or creator is dropped, not kept as empty text', () => {
    const work = { ...base, field: 'work', pattern: 'ao3:5' };
    const rule = ruleOf({ ...work, workTitle: '   ', workCreator: ' \t ' });
    expect(rule).toStrictEqual({ ...work });
    expect(Object.keys(rule)).not.toContain('workTitle');
    expect(Object.keys(rule)).not.toContain('workCreator');
    expect(ruleOf({ ...base, field: 'series', pattern: 'ao3:6', seriesTitle: '  ' })).toStrictEqual({
      ...base,
      field: 'series',
      pattern: 'ao3:6',
    });
  });

  it('a words rule keeps only the bounds it was given', () => {
    const onlyMax = ruleOf({ ...base, field: 'words', max: 100 });
    expect(onlyMax).toStrictEqual({ ...base, field: 'words', max: 100 });
    expect(Object.keys(onlyMax)).not.toContain('min');
    const onlyMin = ruleOf({ ...base, field: 'words', min: 100, max: null });
    expect(onlyMin).toStrictEqual({ ...base, field: 'words', min: 100 });
    expect(Object.keys(onlyMin)).not.toContain('max');
  });

  it('a fandomCount rule with a null maximum is missing its maximum', () => {
    expect(errorOf({ ...base, field: 'fandomCount', max: null })).toBe('Maximum fandoms is missing');
  });
});

describe('newRuleId without crypto', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('falls back to its own id when there is no crypto object at all', () => {
    vi.stubGlobal('crypto', undefined);
    expect(newRuleId()).toMatch(/^r-[0-9a-z]+-[0-9a-z]+$/);
  });
});
