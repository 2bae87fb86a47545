import { describe, expect, it, vi } from 'vitest';

/**
 * The order of work ids and of bookmarks in files and lists, at its edges: leading zeros, ids that
 * are digits only at one end, ids that sort below the digits. The module loads inside each test, so
 * mutation testing judges its module-level functions by these tests too.
 */
async function load(): Promise<typeof import('../../../lib/bookmarks/merge')> {
  vi.resetModules();
  return import('../../../lib/bookmarks/merge');
}

/** compareWorkIds(a, b) as -1, 0 or 1. */
async function orderOf(pairs: [string, string][]): Promise<number[]> {
  const { compareWorkIds } = await load();
  return pairs.map(([a, b]) => Math.sign(compareWorkIds(a, b)));
}

describe('compareWorkIds: numeric ids', () => {
  it('orders numeric ids of the same length by value, both ways', async () => {
    expect(await orderOf([['12', '13'], ['13', '12'], ['7', '7']])).toEqual([-1, 1, 0]);
  });

  it('ignores every leading zero when comparing values', async () => {
    // 0013 is 13, after 12, although "0013" sorts before "12" as text.
    expect(await orderOf([['0013', '12'], ['12', '0013']])).toEqual([1, -1]);
    // 007 is 7, before 8 (not "07", two digits long, after it).
    expect(await orderOf([['007', '8'], ['8', '007']])).toEqual([-1, 1]);
  });

  it('strips zeros only at the start: 101 stays a three-digit id, after 99', async () => {
    expect(await orderOf([['101', '99'], ['99', '101']])).toEqual([1, -1]);
  });

  it('puts the shorter spelling of one value first: 9 before 09 before 009', async () => {
    expect(await orderOf([['9', '09'], ['09', '9'], ['009', '09']])).toEqual([1, -1, -1]);
  });
});

describe('compareWorkIds: numeric ids before the others', () => {
  it('puts a numeric id before one that merely starts or ends with digits', async () => {
    // "-1" ends with a digit, "1-" starts with one: neither is numeric.
    expect(await orderOf([['-1', '50'], ['50', '-1'], ['1-', '50'], ['50', '1-']])).toEqual([1, -1, 1, -1]);
  });

  it('puts a numeric id first even when the other sorts below the digits as text', async () => {
    expect(await orderOf([['5', '-x'], ['-x', '5']])).toEqual([-1, 1]);
  });

  it('puts a long numeric id before a short other id', async () => {
    expect(await orderOf([['55', 'a'], ['a', '55']])).toEqual([-1, 1]);
  });

  it('orders other ids by code point, not by length', async () => {
    expect(await orderOf([['abc', 'abd'], ['abd', 'abc'], ['abc', 'abc'], ['b', 'aa']])).toEqual([-1, 1, 0, 1]);
  });

  it('sorts a mixed list', async () => {
    const { compareWorkIds } = await load();
    expect(['b', '101', '-1', '0013', 'aa', '12', '99', '009'].sort(compareWorkIds)).toEqual([
      '009',
      '12',
      '0013',
      '99',
      '101',
      '-1',
      'aa',
      'b',
    ]);
  });
});
