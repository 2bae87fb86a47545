import { describe, expect, it } from 'vitest';
import { columnWidth, measureSample, MIN_SAMPLE } from '../../../lib/reader/measure';

describe('column width in real characters', () => {
  it('is N times the average width of a character of the sample', () => {
    // 1,000 characters measured 7,200 px wide: 7.2 px a character, so 68 characters need 490 px.
    expect(columnWidth(68, 7200, 1000)).toBe(490);
    expect(columnWidth(40, 7200, 1000)).toBe(288);
  });

  it('gives nothing to go by for a sample too short, or nothing measured', () => {
    expect(columnWidth(68, 500, MIN_SAMPLE - 1)).toBeNull();
    expect(columnWidth(68, 0, 1000)).toBeNull();
  });

  it('samples the text as a line shows it: whitespace collapsed, at most 2,000 characters', () => {
    expect(measureSample('  One\n\n  two\tthree  ')).toBe('One two three');
    expect(measureSample('word '.repeat(1000))).toHaveLength(2000);
  });
});
