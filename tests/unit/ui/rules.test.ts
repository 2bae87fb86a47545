import { describe, expect, it } from 'vitest';
import type { Rule } from '../../../lib/filters/types';
import { validateRule } from '../../../lib/filters/validate';
import {
  draftOf,
  draftToInput,
  EMPTY_DRAFT,
  errorTarget,
  parseCount,
  ruleName,
  setToggle,
  toggleIsOn,
} from '../../../components/rules';

let n = 0;
const newId = () => `new-${++n}`;
const MCD: Rule = { id: 'a', field: 'warning', pattern: 'Major Character Death', action: 'collapse', enabled: true };

describe('warning and rating toggles (pure)', () => {
  it('on adds one collapse rule, and switching on twice still leaves one', () => {
    const once = setToggle([], 'warning', 'Major Character Death', true, newId);
    expect(once).toMatchObject([{ field: 'warning', pattern: 'Major Character Death', action: 'collapse', enabled: true }]);
    expect(setToggle(once, 'warning', 'Major Character Death', true, newId)).toEqual(once);
  });

  it('on re-enables a disabled rule instead of adding a copy', () => {
    expect(setToggle([{ ...MCD, enabled: false }], 'warning', 'Major Character Death', true, newId)).toEqual([MCD]);
  });

  it('off removes every collapse rule for it, whatever the spelling, and nothing else', () => {
    const hide: Rule = { ...MCD, id: 'h', action: 'hide' };
    const old: Rule = { id: 'u', field: 'warning', pattern: 'underage', action: 'collapse', enabled: true };
    expect(setToggle([MCD, hide, old], 'warning', 'Major Character Death', false, newId)).toEqual([hide, old]);
    expect(toggleIsOn([old], 'warning', 'Underage Sex')).toBe(true);
    expect(setToggle([MCD, old], 'warning', 'Underage Sex', false, newId)).toEqual([MCD]);
  });

  it('a hide or allow rule does not turn the toggle on', () => {
    expect(toggleIsOn([{ ...MCD, action: 'hide' }], 'warning', 'Major Character Death')).toBe(false);
    expect(toggleIsOn([{ ...MCD, action: 'allow' }], 'warning', 'Major Character Death')).toBe(false);
  });

  it('ratings compare case- and space-insensitively', () => {
    const rule: Rule = { id: 'r', field: 'rating', pattern: 'teen  and up audiences', action: 'collapse', enabled: true };
    expect(toggleIsOn([rule], 'rating', 'Teen And Up Audiences')).toBe(true);
    expect(toggleIsOn([rule], 'warning', 'Teen And Up Audiences')).toBe(false);
  });
});

describe('the rule form draft', () => {
  it('reads counts as people type them', () => {
    expect(parseCount('')).toBeUndefined();
    expect(parseCount('  ')).toBeUndefined();
    expect(parseCount('100,000')).toBe(100000);
    expect(parseCount('100 000')).toBe(100000);
    expect(parseCount('-5')).toBe(-5);
    expect(parseCount('lots')).toBe('lots');
  });

  it('round-trips every kind of rule through a draft', () => {
    const rules: Rule[] = [
      MCD,
      { id: 'w', field: 'words', min: 1000, action: 'hide', enabled: true },
      { id: 'w2', field: 'words', max: 500, action: 'allow', enabled: false },
      { id: 'f', field: 'fandomCount', max: 2, action: 'collapse', enabled: true },
      { id: 'c', field: 'complete', value: false, action: 'hide', enabled: true },
    ];
    for (const rule of rules) {
      const result = validateRule({ ...draftToInput(draftOf(rule)), id: rule.id, enabled: rule.enabled });
      expect(result).toEqual({ ok: true, rule });
    }
  });

  it('puts each validation message at the input it is about', () => {
    const at = (patch: Partial<typeof EMPTY_DRAFT>) => {
      const draft = { ...EMPTY_DRAFT, ...patch };
      const result = validateRule(draftToInput(draft));
      if (result.ok) throw new Error('expected a problem');
      return errorTarget(draft.field, result.error);
    };
    expect(at({ pattern: '' })).toBe('pattern');
    expect(at({ pattern: '***' })).toBe('pattern');
    expect(at({ field: 'words' })).toBe('min');
    expect(at({ field: 'words', max: 'x' })).toBe('max');
    expect(at({ field: 'words', min: '9', max: '3' })).toBe('min');
    expect(at({ field: 'fandomCount', max: '' })).toBe('max');
  });

  it('names a one-work rule by its work', () => {
    expect(ruleName({ id: 'x', field: 'work', pattern: 'ao3:123', action: 'hide', enabled: true })).toBe('Work 123 on AO3');
    // "Hide this work" keeps the work's title and creator: the rule is named by them.
    const hidden = { id: 'y', field: 'work', pattern: 'ao3:75417176', action: 'hide', enabled: true } as const;
    expect(ruleName({ ...hidden, workTitle: 'The Long Way Round', workCreator: 'anafabula' })).toBe('“The Long Way Round” by anafabula');
    expect(ruleName({ ...hidden, workTitle: 'The Long Way Round' })).toBe('“The Long Way Round”');
    expect(ruleName(MCD)).toBe('Warning is Major Character Death');
  });
});
