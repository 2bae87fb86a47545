import { describe, expect, it } from 'vitest';
import { addChapter, decodeChapters, encodeChapters, furthestChapter } from '../../../lib/history/chapters';

describe('chapter sets', () => {
  it('adds a chapter in order, once', () => {
    expect(addChapter([], 3)).toEqual([3]);
    expect(addChapter([1, 2, 5], 4)).toEqual([1, 2, 4, 5]);
    expect(addChapter([1, 2, 5], 9)).toEqual([1, 2, 5, 9]);
    expect(addChapter([2, 5], 1)).toEqual([1, 2, 5]);
    expect(addChapter([1, 2, 5], 2)).toEqual([1, 2, 5]);
  });

  it('does not change the set it was given', () => {
    const seen = [1, 3];
    addChapter(seen, 2);
    expect(seen).toEqual([1, 3]);
  });

  it('the furthest chapter is the highest seen, 0 for none', () => {
    expect(furthestChapter([])).toBe(0);
    expect(furthestChapter([1, 4, 7])).toBe(7);
  });

  it('encodes 1..N as the number N, anything else as ranges', () => {
    expect(encodeChapters([])).toBe(0);
    expect(encodeChapters([1])).toBe(1);
    expect(encodeChapters([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])).toBe(12);
    expect(encodeChapters([2])).toBe('2');
    expect(encodeChapters([1, 2, 3, 5])).toBe('1-3,5');
    expect(encodeChapters([1, 3, 4, 5, 9, 10])).toBe('1,3-5,9-10');
    expect(encodeChapters([5, 6, 7])).toBe('5-7');
  });

  it('decodes what it encodes', () => {
    for (const seen of [[], [1], [2], [1, 2, 3, 5], [1, 3, 4, 5, 9, 10], [7, 8, 40], [1, 2, 3, 4]]) {
      expect(decodeChapters(encodeChapters(seen))).toEqual(seen);
    }
    expect(decodeChapters(3)).toEqual([1, 2, 3]);
    expect(decodeChapters('3-5,7')).toEqual([3, 4, 5, 7]);
  });

  it('refuses what is not a chapter set', () => {
    for (const bad of [-1, 1.5, Number.NaN, 100_000, '', '0', '01', '3-1', '2,1', '1-3,3', '1-3,2-5', '1,,2', '1-', 'a', '1 ,2', null, [1], {}]) {
      expect(decodeChapters(bad), JSON.stringify(bad)).toBeNull();
    }
  });
});
