/** The values each source gives: an empty title or summary gives none; series give their id and non-empty name. */
import { describe, expect, it } from 'vitest';
import { sourceValues } from '../../../lib/filters/fields';
import { makeWork } from './factory';

describe('sourceValues', () => {
  it('an empty title or summary gives no value at all (not an empty string)', () => {
    const work = makeWork({ title: '', summary: '' });
    expect(sourceValues(work, 'title')).toEqual([]);
    expect(sourceValues(work, 'summary')).toEqual([]);
  });

  it('a title or summary is given as written', () => {
    const work = makeWork({ title: 'The Blind Banker', summary: 'The Blind Banker' });
    expect(sourceValues(work, 'title')).toEqual(['The Blind Banker']);
    expect(sourceValues(work, 'summary')).toEqual(['The Blind Banker']);
  });

  it('series give "site:id" and their name, a nameless series its id only', () => {
    const work = makeWork({
      series: [
        { id: '55', title: 'Fade to Black', part: 1, url: 'https://archiveofourown.org/series/55' },
        { id: '66', title: '', part: 2, url: 'https://archiveofourown.org/series/66' },
      ],
    });
    expect(sourceValues(work, 'series')).toEqual(['ao3:55', 'Fade to Black', 'ao3:66']);
  });

  it('absent values share one empty list: no allocation per work', () => {
    const none = sourceValues(makeWork({ series: [] }), 'series');
    expect(none).toEqual([]);
    expect(sourceValues(makeWork({ title: '' }), 'title')).toBe(none);
    expect(sourceValues(makeWork({ summary: '' }), 'summary')).toBe(none);
    expect(sourceValues(makeWork({ series: [] }), 'series')).toBe(none);
  });
});
