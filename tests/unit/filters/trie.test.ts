import { describe, expect, it, vi } from 'vitest';
import { KeyTrie, type TrieMode } from '../../../lib/filters/trie';

/** A trie of these keys (each key is its own item), and what `find` emits for a value. */
function trie(mode: TrieMode, keys: string[]): KeyTrie<string> {
  const t = new KeyTrie<string>(mode);
  for (const key of keys) t.add(key, key);
  return t;
}

function found(t: KeyTrie<string>, value: string): string[] {
  const out: string[] = [];
  t.find(value, (item) => out.push(item));
  return out;
}

function foundRaw(t: KeyTrie<string>, raw: string): { complete: boolean; items: string[] } {
  const items: string[] = [];
  const complete = t.findRaw(raw, (item) => items.push(item));
  return { complete, items };
}

describe('KeyTrie: the three modes', () => {
  it('prefix finds the keys that start the value', () => {
    const t = trie('prefix', ['ab', 'abc', 'b']);
    expect(found(t, 'abcd')).toEqual(['ab', 'abc']);
    expect(found(t, 'xab')).toEqual([]);
  });

  it('suffix finds the keys that end the value', () => {
    const t = trie('suffix', ['cd', 'bcd', 'c']);
    expect(found(t, 'abcd')).toEqual(['cd', 'bcd']);
    expect(found(t, 'cdx')).toEqual([]);
  });

  it('contains finds every occurrence of every key', () => {
    const t = trie('contains', ['ab', 'b']);
    expect(found(t, 'xab ab')).toEqual(['ab', 'b', 'ab', 'b']);
  });

  it('counts the keys added', () => {
    const t = trie('prefix', ['a', 'b', 'a']);
    expect(t.size).toBe(3);
    expect(new KeyTrie<string>('contains').size).toBe(0);
  });
});

describe('KeyTrie: building', () => {
  it('refuses a key added after build', () => {
    const t = trie('prefix', ['a']);
    t.build();
    expect(() => t.add('b', 'b')).toThrow('KeyTrie: add after build');
  });

  it('a second build changes nothing', () => {
    const t = trie('prefix', ['ab']);
    t.build();
    t.build();
    expect(found(t, 'abc')).toEqual(['ab']);
    const c = trie('contains', ['b']);
    c.build();
    c.build();
    expect(found(c, 'abab')).toEqual(['b', 'b']);
  });

  it('find and findRaw build the trie themselves when build was not called', () => {
    expect(found(trie('prefix', ['ab']), 'abc')).toEqual(['ab']);
    expect(found(trie('suffix', ['bc']), 'abc')).toEqual(['bc']);
    expect(foundRaw(trie('contains', ['bc']), 'ABC')).toEqual({ complete: true, items: ['bc'] });
  });

  it('find and findRaw do not build again a trie already built', () => {
    const build = vi.spyOn(KeyTrie.prototype, 'build');
    const t = trie('contains', ['b']);
    t.build();
    expect(build).toHaveBeenCalledTimes(1);
    expect(found(t, 'abc')).toEqual(['b']);
    expect(foundRaw(t, 'ABC').items).toEqual(['b']);
    expect(build).toHaveBeenCalledTimes(1);
  });
});

describe('KeyTrie: characters beyond ASCII', () => {
  it('a key may start with U+0080, the first code past ASCII', () => {
    const t = trie('prefix', ['\u0080x']);
    expect(found(t, '\u0080xyz')).toEqual(['\u0080x']);
    expect(found(t, 'x')).toEqual([]);
  });

  it('U+0080 in a key is a letter of its own, not "a character no key uses"', () => {
    const t = trie('prefix', ['x\u0080']);
    expect(found(t, 'x\u0080')).toEqual(['x\u0080']);
    expect(found(t, 'xé')).toEqual([]);
    expect(found(t, 'x\u0081')).toEqual([]);
  });

  it('a value holding U+0080 is read like any other character', () => {
    const t = trie('prefix', ['a']);
    expect(found(t, 'a\u0080')).toEqual(['a']);
    const c = trie('contains', ['b']);
    expect(found(c, '\u0080b\u0080b')).toEqual(['b', 'b']);
  });
});

describe('KeyTrie: whitespace', () => {
  it('prefix and suffix keys need the exact spacing (only contains collapses runs)', () => {
    expect(found(trie('prefix', ['a b']), 'a  b')).toEqual([]);
    expect(found(trie('prefix', ['a b']), 'a bc')).toEqual(['a b']);
    expect(found(trie('suffix', ['a b']), 'xa  b')).toEqual([]);
  });

  it('contains reads a run of spaces as one space', () => {
    expect(found(trie('contains', ['a b']), 'xa   by')).toEqual(['a b']);
  });
});

describe('KeyTrie.findRaw', () => {
  it('folds A-Z to a-z, Z included', () => {
    const t = trie('contains', ['zed', 'abc']);
    expect(foundRaw(t, 'Zed')).toEqual({ complete: true, items: ['zed'] });
    expect(foundRaw(t, 'ZED and ABC')).toEqual({ complete: true, items: ['zed', 'abc'] });
    expect(foundRaw(t, 'AbC')).toEqual({ complete: true, items: ['abc'] });
  });

  it('reads tabs and line breaks as spaces, and runs of them as one', () => {
    const t = trie('contains', ['a b']);
    expect(foundRaw(t, 'a\t\n b')).toEqual({ complete: true, items: ['a b'] });
  });

  it('stops with false at the first character past ASCII, U+0080 included', () => {
    const t = trie('contains', ['a']);
    expect(foundRaw(t, 'b\u0080a')).toEqual({ complete: false, items: [] });
    expect(foundRaw(t, 'a\u0080a')).toEqual({ complete: false, items: ['a'] });
    expect(foundRaw(t, 'bé')).toEqual({ complete: false, items: [] });
    expect(foundRaw(t, 'b\u007fa')).toEqual({ complete: true, items: ['a'] });
  });

  it('needs a contains trie', () => {
    expect(() => trie('prefix', ['a']).findRaw('a', () => {})).toThrow('KeyTrie: findRaw needs contains mode');
    expect(() => trie('suffix', ['a']).findRaw('a', () => {})).toThrow('KeyTrie: findRaw needs contains mode');
  });
});
