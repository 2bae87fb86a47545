import { describe, expect, it } from 'vitest';
import {
  compilePattern,
  escapeRegExp,
  globMatch,
  hasLiteral,
  matchCompiled,
  normalize,
  normalizePattern,
  summaryRegExp,
  wordGlobFind,
} from '../../../lib/filters/pattern';
import { KeyTrie } from '../../../lib/filters/trie';
import { seededRandom } from './factory';

describe('normalize', () => {
  it.each([
    ['Angst', 'angst'],
    ['  Slow   Burn  ', 'slow burn'],
    ['Slow\tBurn\n\nEnding', 'slow burn ending'],
    ['Slow\u00a0Burn', 'slow burn'],
    ['Ｆｉｘ－Ｉｔ', 'fix-it'],
    ['ﬁx', 'fix'],
    ['Zoe\u0308', 'zoë'],
    ['ÀÉÎ', 'àéî'],
    ['KELVIN \u212a', 'kelvin k'],
    ['', ''],
    ['   ', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });

  it('is locale-free: a capital I becomes i, never a dotless ı', () => {
    expect(normalize('IRIS')).toBe('iris');
    expect(normalize('İstanbul')).toBe('i̇stanbul');
  });

  it('normalizePattern also folds runs of stars', () => {
    expect(normalizePattern(' **Angst***  *')).toBe('*angst* *');
  });
});

describe('compilePattern', () => {
  it('exact, glob and none', () => {
    expect(compilePattern(' Angst ')).toEqual({ kind: 'exact', text: 'angst' });
    expect(compilePattern('*Angst*')).toEqual({ kind: 'glob', segments: ['', 'angst', ''] });
    expect(compilePattern('a**b*c')).toEqual({ kind: 'glob', segments: ['a', 'b', 'c'] });
    expect(compilePattern('***')).toEqual({ kind: 'none' });
    expect(compilePattern('  ')).toEqual({ kind: 'none' });
  });

  it('a none pattern matches nothing', () => {
    expect(matchCompiled(compilePattern('*'), 'anything')).toBe(false);
    expect(matchCompiled(compilePattern('*'), '')).toBe(false);
  });

  it('hasLiteral', () => {
    expect(hasLiteral('*a*')).toBe(true);
    expect(hasLiteral(' * * ')).toBe(false);
    expect(hasLiteral('')).toBe(false);
  });
});

/** Reference: the pattern as an anchored RegExp. */
const viaRegExp = (pattern: string, value: string): boolean =>
  new RegExp(`^${normalizePattern(pattern).split('*').map(escapeRegExp).join('.*')}$`, 'su').test(value);

function randomText(random: () => number, alphabet: string, max: number): string {
  const n = Math.floor(random() * (max + 1));
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(random() * alphabet.length)];
  return s;
}

describe('globMatch', () => {
  it('agrees with an anchored RegExp on many random patterns and values', () => {
    const random = seededRandom(7);
    let positives = 0;
    for (let i = 0; i < 20_000; i++) {
      const pattern = randomText(random, 'ab*', 6);
      const value = randomText(random, 'ab', 7);
      const compiled = compilePattern(pattern);
      if (compiled.kind !== 'glob') continue;
      const expected = viaRegExp(pattern, value);
      expect(globMatch(compiled.segments, value), `${pattern} ~ ${value}`).toBe(expected);
      if (expected) positives++;
    }
    expect(positives).toBeGreaterThan(1000);
  });

  it('escapeRegExp makes every metacharacter literal', () => {
    const nasty = '.+?()[]{}|^$\\/';
    expect(new RegExp(`^${escapeRegExp(nasty)}$`, 'u').test(nasty)).toBe(true);
    expect(new RegExp(`^${escapeRegExp('a.c')}$`).test('abc')).toBe(false);
  });
});

describe('wordGlobFind (summary rules)', () => {
  it('agrees with the word-edge RegExp on many random patterns and texts', () => {
    const random = seededRandom(11);
    let positives = 0;
    let negatives = 0;
    // Few patterns, many texts each: a Unicode-property RegExp is slow to compile.
    for (let i = 0; i < 400; i++) {
      const pattern = normalizePattern(randomText(random, 'ab *.é', 5));
      if (!hasLiteral(pattern)) continue;
      const regexp = summaryRegExp(pattern);
      for (let t = 0; t < 40; t++) {
        const text = normalize(randomText(random, 'ab .é', 12));
        const expected = regexp.test(text);
        expect(wordGlobFind(pattern.split('*'), text), `${pattern} in ${text}`).toBe(expected);
        if (expected) positives++;
        else negatives++;
      }
    }
    expect(positives).toBeGreaterThan(1000);
    expect(negatives).toBeGreaterThan(1000);
  }, 30_000);

  it('starts and ends only at word edges', () => {
    const find = (pattern: string, text: string) => wordGlobFind(normalizePattern(pattern).split('*'), text);
    expect(find('end', 'the end.')).toBe(true);
    expect(find('end', 'the endless night')).toBe(false);
    expect(find('end', 'weekend')).toBe(false);
    expect(find('*end', 'weekend')).toBe(true);
    expect(find('end*', 'endless')).toBe(true);
    expect(find('(spoilers)', 'no (spoilers) here')).toBe(true);
    expect(find('a b', 'ca b')).toBe(false);
    expect(find('a b', 'xa b a b')).toBe(true);
  });
});

describe('KeyTrie', () => {
  function brute(mode: 'prefix' | 'suffix' | 'contains', keys: string[], value: string): number[] {
    const out: number[] = [];
    keys.forEach((key, i) => {
      if (mode === 'prefix' && value.startsWith(key)) out.push(i);
      if (mode === 'suffix' && value.endsWith(key)) out.push(i);
      if (mode === 'contains') {
        for (let at = value.indexOf(key); at >= 0; at = value.indexOf(key, at + 1)) out.push(i);
      }
    });
    return out.sort((a, b) => a - b);
  }

  it.each(['prefix', 'suffix', 'contains'] as const)('%s finds exactly what a brute-force search finds', (mode) => {
    const random = seededRandom(mode.length);
    let found = 0;
    for (let round = 0; round < 200; round++) {
      const keys = Array.from({ length: 1 + Math.floor(random() * 12) }, () => randomText(random, 'abcé', 4) || 'a');
      const trie = new KeyTrie<number>(mode);
      keys.forEach((key, i) => trie.add(key, i));
      trie.build();
      for (let v = 0; v < 20; v++) {
        const value = randomText(random, 'abcdé', 10);
        const got: number[] = [];
        trie.find(value, (i) => got.push(i));
        const expected = brute(mode, keys, value);
        expect(got.sort((a, b) => a - b), `${mode} ${JSON.stringify(keys)} in ${value}`).toEqual(expected);
        found += expected.length;
      }
    }
    expect(found).toBeGreaterThan(500);
  });

  it('findRaw finds in raw ASCII text whatever find finds in the normalized text', () => {
    const random = seededRandom(5);
    let found = 0;
    let fellBack = 0;
    for (let round = 0; round < 300; round++) {
      const keys = Array.from({ length: 1 + Math.floor(random() * 8) }, () => normalize(randomText(random, 'ab ', 4)) || 'a');
      const trie = new KeyTrie<number>('contains');
      keys.forEach((key, i) => trie.add(key, i));
      trie.build();
      for (let v = 0; v < 20; v++) {
        const raw = randomText(random, round % 10 === 0 ? 'aAbB \n\té' : 'aAbB \n\t', 14);
        const expected = new Set<number>();
        trie.find(normalize(raw), (i) => expected.add(i));
        const got = new Set<number>();
        const complete = trie.findRaw(raw, (i) => got.add(i));
        if (!complete) {
          expect(raw).toMatch(/[^\x00-\x7f]/);
          fellBack++;
          continue;
        }
        for (const i of expected) expect(got.has(i), `${JSON.stringify(keys[i])} in ${JSON.stringify(raw)}`).toBe(true);
        found += expected.size;
      }
    }
    expect(found).toBeGreaterThan(500);
    expect(fellBack).toBeGreaterThan(10);
  });

  it('handles characters outside the Basic Multilingual Plane', () => {
    const trie = new KeyTrie<string>('contains');
    trie.add('🦊🐺', 'wolf');
    trie.build();
    const got: string[] = [];
    trie.find('a 🦊🐺 b', (x) => got.push(x));
    trie.find('a 🦊 🐺 b', (x) => got.push(x));
    expect(got).toEqual(['wolf']);
  });
});
