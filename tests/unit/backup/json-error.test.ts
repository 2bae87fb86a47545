import { describe, expect, it } from 'vitest';
import { locateJsonError } from '../../../lib/backup/json-error';
import { FORMAT_EXAMPLE } from './helpers';

const parses = (s: string): boolean => {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
};

describe('locateJsonError', () => {
  it.each([
    ['{}', null],
    ['[1, -2.5e+3, true, false, null, "a\\u00e9\\n"]', null],
    ['  {"a": {"b": [[], {}]}}  ', null],
    ['{"a" 1}', 'Unexpected token "1" at position 5 (line 1, column 6)'],
    ['[1,]', 'Unexpected token "]" at position 3 (line 1, column 4)'],
    ['[01]', 'Unexpected token "1" at position 2 (line 1, column 3)'],
    ['[1.]', 'Unexpected token "." at position 2 (line 1, column 3)'],
    ['[-]', 'Bad number at position 1 (line 1, column 2)'],
    ['"\\x"', 'Bad escape "\\\\x" in text at position 1 (line 1, column 2)'],
    ['"\\u12"', 'Bad \\u escape in text at position 1 (line 1, column 2)'],
    ['"abc', 'Unterminated text starting at position 0 (line 1, column 1)'],
    ['{"a":1}\n{"b":2}', 'Unexpected token "{" at position 8 (line 2, column 1)'],
    ['[NaN]', 'Unexpected token "NaN" at position 1 (line 1, column 2)'],
    ['{"a":1 // comment\n}', 'Unexpected token "/" at position 7 (line 1, column 8)'],
    ['[\n\n  tru]', 'Unexpected token "tru" at position 5 (line 3, column 3)'],
    ['{"a": 1, }', 'Unexpected token "}" at position 9 (line 1, column 10)'],
  ])('%j → %s', (input, message) => {
    expect(locateJsonError(input)?.message ?? null).toBe(message);
  });

  it('agrees with JSON.parse on thousands of mutated documents', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const alphabet = '{}[]",:0123456789.-+eE \n\\atrufnl/u';
    for (let round = 0; round < 3000; round++) {
      let s = FORMAT_EXAMPLE;
      const edits = 1 + Math.floor(random() * 3);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(random() * s.length);
        const ch = alphabet[Math.floor(random() * alphabet.length)]!;
        const kind = random();
        s = kind < 0.33 ? s.slice(0, at) + s.slice(at + 1) : kind < 0.66 ? s.slice(0, at) + ch + s.slice(at) : s.slice(0, at) + ch + s.slice(at + 1);
      }
      expect(locateJsonError(s) === null, s).toBe(parses(s));
    }
  });

  it('survives very deep nesting', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(99_999);
    expect(locateJsonError(deep)?.message).toBe('Unexpected end of file at position 199999 (line 1, column 200000)');
  });
});
