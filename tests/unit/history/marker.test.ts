import { describe, expect, it } from 'vitest';
import { historyMarker, historyStatus, newChaptersSince, visitCount } from '../../../lib/history/marker';
import { entry, T0 } from './helpers';

const ao3 = (visits: number, updateAvailable = false) => ({ lastVisit: T0, visits, updateAvailable, markedForLater: false });

describe('historyMarker', () => {
  it('no entry, no marker', () => {
    expect(historyMarker(null, 5)).toBeNull();
  });

  it('"Read <date>": finished, nothing new', () => {
    const done = entry({ seen: [1, 2, 3, 4, 5], finished: true, chapterCount: 5 });
    expect(historyMarker(done, 5)).toEqual({ kind: 'read', date: T0 });
    expect(historyMarker(done, null)).toEqual({ kind: 'read', date: T0 });
    // A chapter deleted since: still read.
    expect(historyMarker(done, 4)).toEqual({ kind: 'read', date: T0 });
  });

  it('"3 new chapters since you read"', () => {
    const done = entry({ seen: [1, 2, 3, 4, 5], finished: true, chapterCount: 5 });
    expect(historyMarker(done, 8)).toEqual({ kind: 'new-chapters', count: 3, date: T0 });
  });

  it('"Stopped at chapter 5 of 12": the furthest chapter and the count posted now', () => {
    const reading = entry({ seen: [1, 2, 5], finished: false, chapterCount: 10 });
    expect(historyMarker(reading, 12)).toEqual({ kind: 'stopped', chapter: 5, of: 12, newChapters: 2, date: T0 });
    expect(historyMarker(reading, 10)).toEqual({ kind: 'stopped', chapter: 5, of: 10, newChapters: 0, date: T0 });
    expect(historyMarker(reading, null)).toEqual({ kind: 'stopped', chapter: 5, of: 10, newChapters: 0, date: T0 });
    expect(historyMarker(entry({ seen: [3], chapterCount: null }), null)).toEqual({
      kind: 'stopped',
      chapter: 3,
      of: null,
      newChapters: 0,
      date: T0,
    });
  });

  it('known from AO3 only: visited, with its count and whether an update came', () => {
    const fromAo3 = entry({ seen: [], visits: 0, chapterCount: 4, ao3: ao3(3) });
    expect(historyMarker(fromAo3, 4)).toEqual({ kind: 'visited', visits: 3, updateAvailable: false, date: T0 });
    expect(historyMarker(fromAo3, 6)).toEqual({ kind: 'visited', visits: 3, updateAvailable: true, date: T0 });
    expect(historyMarker({ ...fromAo3, chapterCount: null, ao3: ao3(3, true) }, 6)).toMatchObject({ updateAvailable: true });
  });

  it('marked for later on AO3 but never visited: nothing to say', () => {
    expect(historyMarker(entry({ seen: [], visits: 0, ao3: { ...ao3(0), markedForLater: true } }), 3)).toBeNull();
  });
});

describe('historyStatus', () => {
  it('finished only when read to the end with nothing posted since', () => {
    const done = entry({ seen: [1, 2, 3, 4, 5], finished: true, chapterCount: 5 });
    expect(historyStatus(done, 5)).toBe('finished');
    expect(historyStatus(done, null)).toBe('finished');
    expect(historyStatus(done, 6)).toBe('started');
  });

  it('started when opened and not finished, here or on AO3', () => {
    expect(historyStatus(entry({ seen: [1], finished: false }), 5)).toBe('started');
    expect(historyStatus(entry({ seen: [], visits: 0, ao3: ao3(2) }), 5)).toBe('started');
  });

  it('none when never opened', () => {
    expect(historyStatus(null, 5)).toBeNull();
    expect(historyStatus(entry({ seen: [], visits: 0, ao3: ao3(0) }), 5)).toBeNull();
    expect(historyStatus(entry({ seen: [], visits: 0, ao3: null }), 5)).toBeNull();
  });
});

describe('counts', () => {
  it('visits: the larger of Lamplight and AO3, which overlap', () => {
    expect(visitCount(entry({ visits: 2, ao3: null }))).toBe(2);
    expect(visitCount(entry({ visits: 2, ao3: ao3(7) }))).toBe(7);
    expect(visitCount(entry({ visits: 9, ao3: ao3(7) }))).toBe(9);
  });

  it('new chapters: never negative, 0 when a count is unknown', () => {
    expect(newChaptersSince(entry({ chapterCount: 5 }), 8)).toBe(3);
    expect(newChaptersSince(entry({ chapterCount: 5 }), 3)).toBe(0);
    expect(newChaptersSince(entry({ chapterCount: null }), 8)).toBe(0);
    expect(newChaptersSince(entry({ chapterCount: 5 }), null)).toBe(0);
  });
});
