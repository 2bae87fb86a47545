import { describe, expect, it, vi } from 'vitest';

/**
 * lib/filters/pattern.ts at its edges: which text takes normalize's ASCII fast path, what counts as a
 * word character on either side of the ASCII/Unicode line and across surrogate pairs, and the glob
 * matchers on degenerate segment lists. The module loads inside each test, so mutation testing judges
 * its module-level constants (the whitespace and word-character RegExps) by these tests too.
 */
async function load(): Promise<typeof import('../../../lib/filters/pattern')> {
  vi.resetModules();
  return import('../../../lib/filters/pattern');
}

/** A segment no text here contains. */
const ABSENT = 'quill';

/** ['a', <hole>, 'c']: a segment list with its middle entry missing (a string[] to TypeScript). */
function aHoleThenC(): string[] {
  const holey = new Array<string>(3);
  holey[0] = 'a';
  holey[2] = 'c';
  return holey;
}

describe('normalize: results at the edges of the fast path', () => {
  it.each([
    [' Angst', 'angst'],
    ['Angst ', 'angst'],
    [' Angst ', 'angst'],
    ['A  B', 'a b'],
    ['Slow \t Burn', 'slow burn'],
    ['\t', ''],
    ['\n\n', ''],
    ['ﬁ', 'fi'],
    ['Ｆ', 'f'],
    ['~', '~'],
    ['!', '!'],
    ['a\u007fb', 'a\u007fb'],
  ])('%j → %j', async (input, expected) => {
    const { normalize } = await load();
    expect(normalize(input)).toBe(expected);
  });

  it('tidyPattern collapses inner whitespace and trims, keeping case', async () => {
    const { tidyPattern } = await load();
    expect(tidyPattern('  Slow \t\n Burn  ')).toBe('Slow Burn');
    expect(tidyPattern('Fix-It')).toBe('Fix-It');
  });
});

describe('normalize: which text skips Unicode normalization', () => {
  /** normalize(text), and whether it called String.prototype.normalize (the slow path). */
  async function run(text: string): Promise<{ out: string; slow: boolean }> {
    const { normalize } = await load();
    const spy = vi.spyOn(String.prototype, 'normalize');
    try {
      const out = normalize(text);
      return { out, slow: spy.mock.calls.length > 0 };
    } finally {
      spy.mockRestore();
    }
  }

  it.each([
    // Tidy printable ASCII: lower-cased, nothing else.
    ['Angst', 'angst', false],
    ['X', 'x', false],
    ['Slow Burn', 'slow burn', false],
    ['a b c', 'a b c', false],
    ['Wow!', 'wow!', false],
    ['!', '!', false],
    ['a~b', 'a~b', false],
    ['~', '~', false],
    ['Fix-It (AU) [x] {y}', 'fix-it (au) [x] {y}', false],
    ['', '', false],
    // Anything else (a space at an end or doubled, other whitespace, DEL, non-ASCII): NFKC and tidied.
    [' a', 'a', true],
    ['a ', 'a', true],
    [' ', '', true],
    ['a  b', 'a b', true],
    ['a\tb', 'a b', true],
    ['a\u007fb', 'a\u007fb', true],
    ['é', 'é', true],
    ['ﬁ', 'fi', true],
    ['\t', '', true],
  ] as const)('%j → %j, normalized in full: %s', async (input, out, slow) => {
    expect(await run(input)).toEqual({ out, slow });
  });
});

describe('isWordEdge: what counts as a word character', () => {
  it.each([
    // Inside a word: ASCII letters, digits and _; Unicode letters, digits (٣) and marks (U+0301).
    ['az', 1, false],
    ['zz', 1, false],
    ['a0', 1, false],
    ['a9', 1, false],
    ['AB', 1, false],
    ['AA', 1, false],
    ['ZZ', 1, false],
    ['a_b', 1, false],
    ['a_b', 2, false],
    ['aéb', 1, false],
    ['aéb', 2, false],
    ['a٣', 1, false],
    ['٣a', 1, false],
    ['e\u0301x', 2, false],
    // Edges: ASCII punctuation (either side of each block of letters and digits) and other punctuation.
    ['a/b', 1, true],
    ['a:b', 1, true],
    ['a@b', 1, true],
    ['a[b', 1, true],
    ['a`b', 1, true],
    ['a{b', 1, true],
    ['a~b', 1, true],
    ['a b', 1, true],
    ['a~b', 2, true],
    ['a:b', 2, true],
    ['a[b', 2, true],
    ['a«b', 1, true],
    ['a«b', 2, true],
    ['a！b', 2, true],
    ['a！b', 1, true],
  ] as const)('%j at %d is an edge: %s', async (text, i, edge) => {
    const { isWordEdge } = await load();
    expect(isWordEdge(text, i)).toBe(edge);
  });

  it('decides ASCII characters without the Unicode RegExp, and non-ASCII ones (from U+0080) with it', async () => {
    const { isWordEdge } = await load();
    /** isWordEdge(text, i), and how many times a Unicode word-character RegExp was run meanwhile. */
    const watch = (text: string, i: number): [boolean, number] => {
      const spy = vi.spyOn(RegExp.prototype, 'test');
      let result: boolean;
      let contexts: unknown[];
      try {
        result = isWordEdge(text, i);
        contexts = [...spy.mock.contexts];
      } finally {
        spy.mockRestore();
      }
      const runs = contexts.filter((r) => r instanceof RegExp && r.flags.includes('u') && r.source.includes('{M}')).length;
      return [result, runs];
    };
    expect(watch('ab', 1)).toEqual([false, 0]);
    expect(watch('a~', 1)).toEqual([true, 0]);
    expect(watch('a\u007f', 1)).toEqual([true, 0]);
    expect(watch('a\u0080', 1)).toEqual([true, 1]);
    expect(watch('aé', 1)).toEqual([false, 1]);
  });

  it('reads a character outside the BMP before the position as one code point', async () => {
    const { isWordEdge } = await load();
    // Low surrogates U+DC28, U+DC00 (the lowest) and U+DFFF (the highest), all of letters.
    expect(isWordEdge('\u{10428}a', 2)).toBe(false);
    expect(isWordEdge('\u{20000}a', 2)).toBe(false);
    expect(isWordEdge('\u{203FF}a', 2)).toBe(false);
    expect(isWordEdge('x\u{20000}a', 3)).toBe(false);
    // A lone low surrogate is no word character.
    expect(isWordEdge('\udc00a', 1)).toBe(true);
  });

  it('the ends of the text, and positions past them, are edges', async () => {
    const { isWordEdge } = await load();
    expect(isWordEdge('ab', 0)).toBe(true);
    expect(isWordEdge('ab', -1)).toBe(true);
    expect(isWordEdge('ab', 2)).toBe(true);
    expect(isWordEdge('ab', 3)).toBe(true);
    expect(isWordEdge('ab', 10)).toBe(true);
  });
});

describe('summaryRegExp: the word-edge RegExp', () => {
  it('matches only between word edges, with Unicode word characters', async () => {
    const { summaryRegExp } = await load();
    expect(summaryRegExp('end').test('the end.')).toBe(true);
    expect(summaryRegExp('end').test('weekend')).toBe(false);
    expect(summaryRegExp('end').test('endless')).toBe(false);
    expect(summaryRegExp('end').test('éend')).toBe(false);
    expect(summaryRegExp('end').test('«end»')).toBe(true);
    expect(summaryRegExp('end').test('end٣')).toBe(false);
    expect(summaryRegExp('end').test('end\u0301')).toBe(false);
  });
});

describe('globMatch and wordGlobFind: degenerate segment lists', () => {
  it('globMatch with one segment (no star) is whole-value equality', async () => {
    const { globMatch } = await load();
    expect(globMatch(['abc'], 'abc')).toBe(true);
    expect(globMatch(['abc'], 'abd')).toBe(false);
    expect(globMatch(['abc'], 'abcabc')).toBe(false);
    expect(globMatch(['abc'], '')).toBe(false);
    expect(globMatch([''], '')).toBe(true);
  });

  it('no segments at all match anything, like a lone star', async () => {
    const { globMatch, wordGlobFind } = await load();
    expect(globMatch([], 'abc')).toBe(true);
    expect(globMatch([], '')).toBe(true);
    expect(wordGlobFind([], 'abc')).toBe(true);
  });

  it('a missing segment (a hole in the list) reads as an empty one', async () => {
    const { globMatch, wordGlobFind } = await load();
    const holey = aHoleThenC();
    expect(globMatch(holey, 'abc')).toBe(true);
    expect(globMatch(holey, 'ac')).toBe(true);
    expect(globMatch(holey, 'xbc')).toBe(false);
    expect(wordGlobFind(holey, 'a b c')).toBe(true);
    expect(wordGlobFind(holey, 'xa c')).toBe(false);
    expect(wordGlobFind(new Array<string>(3), 'abc')).toBe(true);
  });

  it('every segment, first, middle or last, must occur, whatever its text', async () => {
    const { globMatch, wordGlobFind } = await load();
    expect(globMatch(['', ABSENT, ''], 'abc')).toBe(false);
    expect(globMatch(['', ABSENT, ''], `x${ABSENT}y`)).toBe(true);
    expect(globMatch(['a', '', 'c'], 'ac')).toBe(true);
    expect(wordGlobFind([ABSENT, ''], 'abc')).toBe(false);
    expect(wordGlobFind(['', ABSENT, ''], 'abc')).toBe(false);
    expect(wordGlobFind(['', ABSENT], 'abc')).toBe(false);
    expect(wordGlobFind([ABSENT, ''], `${ABSENT}x`)).toBe(true);
  });

  it('wordGlobFind: the first segment starts at a word edge, the last ends at one', async () => {
    const { wordGlobFind } = await load();
    expect(wordGlobFind(['end', ''], 'weekend endless')).toBe(true);
    expect(wordGlobFind(['end', ''], 'weekend')).toBe(false);
    expect(wordGlobFind(['', 'end'], 'endless weekend')).toBe(true);
    expect(wordGlobFind(['', 'end'], 'endless')).toBe(false);
  });
});

describe('longestSegment', () => {
  it('keeps the first of equally long segments', async () => {
    const { longestSegment } = await load();
    expect(longestSegment(['ab', 'cd'])).toBe('ab');
    expect(longestSegment(['', 'ab', 'cd', ''])).toBe('ab');
    expect(longestSegment(['a', 'bc', 'de'])).toBe('bc');
    expect(longestSegment(['', ''])).toBe('');
  });
});
