import { describe, expect, it } from 'vitest';
import { recordVisit, toMinute, visitFromWork, VISIT_GAP } from '../../../lib/history/record';
import { makeWork } from '../filters/factory';
import { DAY, entry, MIN, T0, visit } from './helpers';

describe('recordVisit', () => {
  it('a first visit makes an entry', () => {
    expect(recordVisit(null, visit({ chapter: 2, at: T0 + 30_000 }))).toEqual({
      site: 'ao3',
      workId: '123',
      title: 'A Work',
      creators: ['someone'],
      fandoms: ['Some Fandom'],
      seen: [2],
      chapterCount: 5,
      finished: false,
      firstVisit: T0,
      lastVisit: T0,
      visits: 1,
      ao3: null,
    });
  });

  it('keeps whole minutes', () => {
    expect(toMinute(T0 + 59_999)).toBe(T0);
    expect(recordVisit(null, visit({ at: T0 + 61_000 })).lastVisit).toBe(T0 + MIN);
  });

  it('looks within the visit gap are one visit; later ones count', () => {
    const first = recordVisit(null, visit({ chapter: 1 }));
    const same = recordVisit(first, visit({ chapter: 2, at: T0 + VISIT_GAP }));
    expect(same.visits).toBe(1);
    expect(same.seen).toEqual([1, 2]);
    expect(same.lastVisit).toBe(T0 + VISIT_GAP);
    const next = recordVisit(same, visit({ chapter: 3, at: T0 + 2 * VISIT_GAP + MIN }));
    expect(next.visits).toBe(2);
    expect(next.firstVisit).toBe(T0);
    expect(next.lastVisit).toBe(T0 + 2 * VISIT_GAP + MIN);
  });

  it('a look at an earlier time (another clock) keeps the last visit and widens the first', () => {
    const later = recordVisit(entry({ firstVisit: T0, lastVisit: T0 }), visit({ at: T0 - DAY }));
    expect(later.lastVisit).toBe(T0);
    expect(later.firstVisit).toBe(T0 - DAY);
    expect(later.visits).toBe(2);
  });

  it('is finished when the end of the last posted chapter is reached, not of another', () => {
    expect(recordVisit(null, visit({ chapter: 5, reachedEnd: false })).finished).toBe(false);
    expect(recordVisit(null, visit({ chapter: 4, reachedEnd: true })).finished).toBe(false);
    expect(recordVisit(null, visit({ chapter: 5, reachedEnd: true })).finished).toBe(true);
    expect(recordVisit(null, visit({ chapter: 1, chapterCount: 1, reachedEnd: true })).finished).toBe(true);
  });

  it('without any chapter count, reaching an end says nothing', () => {
    expect(recordVisit(null, visit({ chapter: 1, chapterCount: null, reachedEnd: true }))).toMatchObject({
      finished: false,
      chapterCount: null,
    });
  });

  it('a page that shows no count keeps the known one', () => {
    const e = recordVisit(entry({ chapterCount: 3 }), visit({ chapter: 3, chapterCount: null, reachedEnd: true }));
    expect(e).toMatchObject({ chapterCount: 3, finished: true });
  });

  it('stays finished when rereading, until a visit finds more chapters posted', () => {
    const done = entry({ seen: [1, 2, 3, 4, 5], finished: true, chapterCount: 5 });
    expect(recordVisit(done, visit({ chapter: 2, chapterCount: 5 })).finished).toBe(true);
    expect(recordVisit(done, visit({ chapter: 2, chapterCount: null })).finished).toBe(true);
    const more = recordVisit(done, visit({ chapter: 1, chapterCount: 7, at: T0 + DAY }));
    expect(more).toMatchObject({ finished: false, chapterCount: 7, seen: [1, 2, 3, 4, 5] });
    expect(recordVisit(more, visit({ chapter: 7, chapterCount: 7, reachedEnd: true })).finished).toBe(true);
  });

  it('a chapter removed since keeps it finished', () => {
    const done = entry({ seen: [1, 2, 3, 4, 5], finished: true, chapterCount: 5 });
    expect(recordVisit(done, visit({ chapter: 1, chapterCount: 4 }))).toMatchObject({ finished: true, chapterCount: 4 });
  });

  it('takes the page title, creators and fandoms, unless the page shows none', () => {
    const e = entry({ title: 'Old', creators: ['a'], fandoms: ['F'] });
    expect(recordVisit(e, visit({ title: 'New', creators: ['b', 'c'], fandoms: ['G'] }))).toMatchObject({
      title: 'New',
      creators: ['b', 'c'],
      fandoms: ['G'],
    });
    expect(recordVisit(e, visit({ title: '', creators: [], fandoms: [] }))).toMatchObject({
      title: 'Old',
      creators: ['a'],
      fandoms: ['F'],
    });
  });

  it('keeps what AO3 said and does not share arrays with its input', () => {
    const ao3 = { lastVisit: T0 - DAY, visits: 4, updateAvailable: true, markedForLater: true };
    const e = entry({ ao3 });
    const next = recordVisit(e, visit({ chapter: 3 }));
    expect(next.ao3).toEqual(ao3);
    expect(next.ao3).not.toBe(ao3);
    expect(e.seen).toEqual([1, 2]);
    const v = visit();
    const made = recordVisit(null, v);
    made.creators.push('x');
    expect(v.creators).toEqual(['someone']);
  });

  it('an entry seen only on AO3 counts the first own look as a visit', () => {
    const fromAo3 = entry({ seen: [], visits: 0, lastVisit: T0, firstVisit: T0 });
    expect(recordVisit(fromAo3, visit({ at: T0 + MIN })).visits).toBe(1);
  });

  it('refuses a visit of another work, and impossible numbers', () => {
    expect(() => recordVisit(entry(), visit({ workId: '124' }))).toThrow('a visit of ao3:124 recorded into ao3:123');
    expect(() => recordVisit(entry(), visit({ site: 'ffn' }))).toThrow();
    for (const chapter of [0, -1, 1.5, Number.NaN, 100_000]) expect(() => recordVisit(null, visit({ chapter }))).toThrow(RangeError);
    for (const chapterCount of [0, 2.5]) expect(() => recordVisit(null, visit({ chapterCount }))).toThrow(RangeError);
    expect(() => recordVisit(null, visit({ at: Number.NaN }))).toThrow(RangeError);
  });
});

describe('visitFromWork', () => {
  it('names creators as bookmarks do and takes the posted count', () => {
    const meta = makeWork({
      id: '77',
      title: 'T',
      authors: [
        { pseud: 'Alias', login: 'anafabula', url: 'https://archiveofourown.org/users/anafabula/pseuds/Alias' },
        { pseud: 'same', login: 'same', url: 'https://archiveofourown.org/users/same/pseuds/same' },
      ],
      fandoms: ['F1', 'F2'],
      chapters: { posted: 14, expected: null },
    });
    expect(visitFromWork(meta, { chapter: 3, reachedEnd: true, at: T0 })).toEqual({
      site: 'ao3',
      workId: '77',
      title: 'T',
      creators: ['Alias (anafabula)', 'same'],
      fandoms: ['F1', 'F2'],
      chapter: 3,
      reachedEnd: true,
      chapterCount: 14,
      at: T0,
    });
    expect(visitFromWork({ ...meta, chapters: null, authors: [] }, { chapter: 1, reachedEnd: false, at: T0 })).toMatchObject({
      creators: [],
      chapterCount: null,
    });
  });
});
