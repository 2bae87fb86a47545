/** Numbers as the labels show them, and the labels of length rules at their edges. */
import { describe, expect, it } from 'vitest';
import { formatCount, ruleLabel } from '../../../lib/filters/labels';
import { wordsRule } from './factory';

describe('formatCount', () => {
  it.each<[number, string]>([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [123456, '123,456'],
    [1234567, '1,234,567'],
    [1.5, '1.5'],
    [2500.25, '2,500.25'],
    [1234.5678, '1,234.5678'],
    [-1234, '-1,234'],
    [-123456.75, '-123,456.75'],
  ])('%d → %j', (n, text) => {
    expect(formatCount(n)).toBe(text);
  });
});

describe('length rule labels', () => {
  it.each<[string, { min?: number; max?: number }, string]>([
    ['same min and max', { min: 500, max: 500 }, 'exactly 500 words'],
    ['same min and max, one', { min: 1, max: 1 }, 'exactly 1 word'],
    ['a range', { min: 1000, max: 5000 }, '1,000 to 5,000 words'],
    ['at least', { min: 100000 }, 'at least 100,000 words'],
    ['at most', { max: 1 }, 'at most 1 word'],
    ['no bound', {}, 'words'],
  ])('%s', (_, bounds, label) => {
    expect(ruleLabel(wordsRule(bounds))).toBe(label);
  });
});
