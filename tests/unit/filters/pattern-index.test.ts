import { describe, expect, it, vi } from 'vitest';
import { compilePattern } from '../../../lib/filters/pattern';
import { PatternIndex } from '../../../lib/filters/pattern-index';
import { KeyTrie } from '../../../lib/filters/trie';

/** An index of these patterns, rule i being patterns[i], built. */
function indexOf(...patterns: string[]): PatternIndex {
  const index = new PatternIndex();
  patterns.forEach((p, rule) => index.add(compilePattern(p), rule));
  index.build();
  return index;
}

describe('PatternIndex: what it holds', () => {
  it('ignores a pattern that can never match, and counts the others', () => {
    const index = new PatternIndex();
    expect(() => index.add({ kind: 'none' }, 0)).not.toThrow();
    expect(index.size).toBe(0);
    index.add(compilePattern('abc'), 1);
    index.add(compilePattern('ab*'), 2);
    index.add(compilePattern('*bc'), 3);
    index.add(compilePattern('*b*'), 4);
    expect(index.size).toBe(4);
    index.build();
    expect(index.match('abc')).toEqual([1, 2, 3, 4]);
  });

  it('build builds its prefix, suffix and contains tries', () => {
    const build = vi.spyOn(KeyTrie.prototype, 'build');
    const index = new PatternIndex();
    index.add(compilePattern('ab*'), 0);
    index.build();
    expect(build).toHaveBeenCalledTimes(3);
  });
});

describe('PatternIndex: prefix and suffix patterns', () => {
  it.each<[string, string, boolean]>([
    // `abc*`: every value starting with abc
    ['abc*', 'abc', true],
    ['abc*', 'abcdef', true],
    ['abc*', 'xabc', false],
    // a prefix with more after it is checked whole
    ['abc*xyz', 'abc def', false],
    ['abc*xyz', 'abc xyz', true],
    // a prefix and a middle literal ending in a star: both needed
    ['a*b*', 'ac', false],
    ['a*b*', 'acbd', true],
    // `*def`: every value ending with def
    ['*def', 'abcdef', true],
    ['*def', 'def', true],
    ['*def', 'defx', false],
    // a suffix with a literal before it is checked whole
    ['*a*bc', 'xbc', false],
    ['*a*bc', 'xabc', true],
  ])('%j against %j → %s', (pattern, value, expected) => {
    expect(indexOf(pattern).match(value)).toEqual(expected ? [0] : []);
  });
});

describe('PatternIndex: contains patterns', () => {
  it('lists a rule once even when its key occurs twice in the value', () => {
    const index = indexOf('*ab*');
    expect(index.match('ab ab')).toEqual([0]);
    expect(index.match('ab ab ab')).toEqual([0]);
  });

  it('a middle literal is checked in order', () => {
    const index = indexOf('*hurt*comfort*');
    expect(index.match('hurt/comfort')).toEqual([0]);
    expect(index.match('comfort/hurt')).toEqual([]);
  });
});

describe('PatternIndex: exact patterns with others', () => {
  it('answers the same on every call (an exact list is never added to)', () => {
    const index = indexOf('abc', 'ab*');
    expect(index.match('abc')).toEqual([0, 1]);
    expect(index.match('abc')).toEqual([0, 1]);
    expect(index.match('abd')).toEqual([1]);
    expect(index.match('abc')).toEqual([0, 1]);
  });

  it('only exact patterns: the very same answer object each time (no copy is made)', () => {
    const index = indexOf('abc', 'abc');
    const first = index.match('abc');
    expect(first).toEqual([0, 1]);
    expect(index.match('abc')).toBe(first);
    expect(index.match('abd')).toEqual([]);
  });

  it('looks only in the tries that hold keys', () => {
    const find = vi.spyOn(KeyTrie.prototype, 'find');
    expect(indexOf('*def').match('abcdef')).toEqual([0]);
    expect(find).toHaveBeenCalledTimes(1);
    find.mockClear();
    expect(indexOf('abc*').match('abcdef')).toEqual([0]);
    expect(find).toHaveBeenCalledTimes(1);
    find.mockClear();
    expect(indexOf('abc').match('abc')).toEqual([0]);
    expect(find).not.toHaveBeenCalled();
  });
});
