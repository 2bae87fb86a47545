/** Compiled scopes: patterns that can never match are dropped, the fandom memo is bounded, scope keys are exact. */
import { describe, expect, it } from 'vitest';
import { compileScope, scopeApplies, scopeKey } from '../../../lib/filters/scope';

describe('compileScope', () => {
  it('is null without a scope', () => {
    expect(compileScope(undefined)).toBeNull();
  });

  it('drops fandom patterns that are only stars (they never match)', () => {
    const scope = compileScope({ mode: 'only', fandoms: ['*', 'Star Wars', '***'] });
    expect(scope?.only).toBe(true);
    expect(scope?.patterns).toEqual([{ kind: 'exact', text: 'star wars' }]);
  });
});

describe('the fandom memo of a scope', () => {
  it('remembers each fandom once, and starts over once it holds 2,000', () => {
    const scope = compileScope({ mode: 'except', fandoms: ['Star Wars'] })!;
    expect(scopeApplies(scope, ['Star Wars'])).toBe(false);
    expect(scopeApplies(scope, ['Marvel'])).toBe(true);
    expect(scope.memo.size).toBe(2);
    for (let i = 3; i <= 2000; i++) scopeApplies(scope, [`Fandom ${i}`]);
    expect(scope.memo.size).toBe(2000);
    // A fandom already remembered is read from the memo: nothing is added, nothing cleared.
    expect(scopeApplies(scope, ['Star Wars'])).toBe(false);
    expect(scope.memo.size).toBe(2000);
    // One more new fandom: the memo starts over with it alone.
    expect(scopeApplies(scope, ['Fandom 2001'])).toBe(true);
    expect(scope.memo.size).toBe(1);
    expect([...scope.memo]).toEqual([['Fandom 2001', false]]);
    expect(scopeApplies(scope, ['Star Wars'])).toBe(false);
    expect(scope.memo.size).toBe(2);
  });

  it('answers from the memo once a fandom is remembered', () => {
    const scope = compileScope({ mode: 'only', fandoms: ['Star Wars'] })!;
    scope.memo.set('Marvel', true);
    expect(scopeApplies(scope, ['Marvel'])).toBe(true);
    expect(scope.memo.size).toBe(1);
  });
});

describe('scopeKey', () => {
  it.each<[Parameters<typeof scopeKey>[0], string]>([
    [undefined, ''],
    [{ mode: 'only', fandoms: ['Star Wars'] }, 'only\u0001star wars'],
    [{ mode: 'except', fandoms: ['Star Wars', 'marvel', 'star  wars'] }, 'except\u0001marvel\u0001star wars'],
  ])('%o → %j', (scope, key) => {
    expect(scopeKey(scope)).toBe(key);
  });
});
