import { describe, expect, it } from 'vitest';
import { chapterOf } from '../../lib/chapter-label';

describe('chapterOf: one rule for where a reader is among the chapters', () => {
  it('a finished or planned count is the total', () => {
    expect(chapterOf(1, 13, 13)).toBe('Chapter 1 of 13');
    expect(chapterOf(2, 14, 20)).toBe('Chapter 2 of 20');
  });

  it('a work in progress without a planned count says how many are out so far (AO3 14/?, an unfinished FFN story)', () => {
    expect(chapterOf(2, 14, null)).toBe('Chapter 2 of 14 so far');
    expect(chapterOf(1, 13, null)).toBe('Chapter 1 of 13 so far');
  });

  it('never claims fewer chapters than the one being read, nor a total below what is posted', () => {
    expect(chapterOf(5, 3, null)).toBe('Chapter 5 of 5 so far');
    expect(chapterOf(5, 12, 10)).toBe('Chapter 5 of 12 so far');
  });

  it('says only the chapter when nothing is known', () => {
    expect(chapterOf(4, null, null)).toBe('Chapter 4');
  });
});
