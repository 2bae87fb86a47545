/** checkNote, checkScope and checkExtras: exact refusals, and the limits at their edges. */
import { describe, expect, it } from 'vitest';
import { checkExtras, checkNote, checkScope } from '../../../lib/filters/extras';

const NOT_OBJECT = { ok: false, error: 'The scope must be an object with a mode and fandoms' };

describe('checkNote', () => {
  it('no note (undefined or null) is a valid absence', () => {
    expect(checkNote(undefined)).toEqual({ ok: true, value: undefined });
    expect(checkNote(null)).toEqual({ ok: true, value: undefined });
  });

  it.each([5, true, {}, ['note']])('a note that is not text (%j) is refused', (raw) => {
    expect(checkNote(raw)).toEqual({ ok: false, error: 'The note must be text' });
  });
});

describe('checkScope', () => {
  it('no scope (undefined or null) is a valid absence', () => {
    expect(checkScope(undefined)).toEqual({ ok: true, value: undefined });
    expect(checkScope(null)).toEqual({ ok: true, value: undefined });
  });

  it.each<unknown>(['only', 5, true, [], ['Star Wars'], [{ mode: 'only', fandoms: ['Star Wars'] }]])(
    'a scope that is not a plain object (%j) is refused as such',
    (raw) => {
      expect(checkScope(raw)).toEqual(NOT_OBJECT);
    },
  );

  const fandoms = (n: number) => Array.from({ length: n }, (_, i) => `Fandom ${i + 1}`);

  it('takes exactly 20 fandoms, refuses 21', () => {
    const twenty = checkScope({ mode: 'only', fandoms: fandoms(20) });
    expect(twenty.ok).toBe(true);
    expect(twenty.ok && twenty.value?.fandoms.length).toBe(20);
    expect(checkScope({ mode: 'only', fandoms: fandoms(21) })).toEqual({ ok: false, error: 'Name 1 to 20 fandoms for the scope' });
  });

  it('takes a fandom of exactly 500 characters, refuses 501 and quotes its first 40', () => {
    const long = 'abcdefghij'.repeat(50);
    expect(checkScope({ mode: 'except', fandoms: [long] })).toEqual({ ok: true, value: { mode: 'except', fandoms: [long] } });
    expect(checkScope({ mode: 'except', fandoms: [`${long}k`] })).toEqual({
      ok: false,
      error: '“abcdefghijabcdefghijabcdefghijabcdefghij” is not a usable fandom name (empty, only *, or too long)',
    });
  });
});

describe('checkExtras', () => {
  it('leaves out what is absent (no scope or note key at all)', () => {
    const checked = checkExtras({});
    expect(checked).toStrictEqual({ ok: true, value: {} });
    expect(checked.ok && 'scope' in checked.value).toBe(false);
  });

  it('keeps a valid scope and note', () => {
    expect(checkExtras({ scope: { mode: 'only', fandoms: ['Star Wars'] }, note: ' too  sad ' })).toStrictEqual({
      ok: true,
      value: { scope: { mode: 'only', fandoms: ['Star Wars'] }, note: 'too sad' },
    });
  });
});
