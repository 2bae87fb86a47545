/** jsonEqual (lib/check.ts): structural equality of JSON values, keys with undefined ignored. */
import { describe, expect, it } from 'vitest';
import { jsonEqual } from '../../../lib/check';

/** The reference: equal JSON once keys are sorted (JSON.stringify drops undefined-valued keys). */
const canonical = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(canonical)
    : v && typeof v === 'object'
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]))
      : v;
const reference = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

describe('jsonEqual', () => {
  it('agrees with comparing canonical JSON on 5,000 random pairs', () => {
    let seed = 3;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const leaves = [0, 1, -0.5, '', 'a', 'b', true, false, null, undefined];
    const value = (depth: number): unknown => {
      const r = rand();
      if (depth > 2 || r < 0.5) return leaves[Math.floor(rand() * leaves.length)];
      // (undefined in an array is not JSON: JSON.stringify writes null.)
      if (r < 0.75) return Array.from({ length: Math.floor(rand() * 3) }, () => value(depth + 1) ?? null);
      return Object.fromEntries(Array.from({ length: Math.floor(rand() * 3) }, () => [['x', 'y', 'z'][Math.floor(rand() * 3)]!, value(depth + 1)]));
    };
    let equal = 0;
    for (let i = 0; i < 5000; i++) {
      const a = value(0);
      const b = rand() < 0.3 ? structuredClone(a) : value(0);
      expect(jsonEqual(a, b), JSON.stringify([a, b])).toBe(reference(a, b));
      if (reference(a, b)) equal++;
    }
    expect(equal).toBeGreaterThan(1000);
  });

  it('ignores keys whose value is undefined, and tells arrays from objects', () => {
    expect(jsonEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(jsonEqual([], {})).toBe(false);
    expect(jsonEqual({ 0: 'x' }, ['x'])).toBe(false);
    expect(jsonEqual([1, [2, { c: 3 }]], [1, [2, { c: 3 }]])).toBe(true);
  });
});
