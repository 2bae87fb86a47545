import { describe, expect, it } from 'vitest';
import { columnWidth, measureSample, MIN_SAMPLE } from '../../../lib/reader/measure';

describe('column width in real characters', () => {
  it('is N average characters of the sample, plus the half word a line break leaves empty', () => {
    // 1,000 characters in 160 words (6.25 a word with its space) measured 7,200 px: 7.2 px a character;
    // 68 characters and half a word (3.125) need 512 px.
    expect(columnWidth(68, { width: 7200, length: 1000, words: 160 })).toBe(512);
    expect(columnWidth(40, { width: 7200, length: 1000, words: 160 })).toBe(311); // 43.125 × 7.2 = 310.5
  });

  it('gives nothing to go by for a sample too short, or nothing measured', () => {
    expect(columnWidth(68, { width: 500, length: MIN_SAMPLE - 1, words: 30 })).toBeNull();
    expect(columnWidth(68, { width: 0, length: 1000, words: 160 })).toBeNull();
  });

  it('samples the text as a line shows it: whitespace collapsed, at most 2,000 characters', () => {
    expect(measureSample('  One\n\n  two\tthree  ')).toBe('One two three');
    expect(measureSample('word '.repeat(1000))).toHaveLength(2000);
  });
});
