import { describe, expect, it } from 'vitest';
import { mergeAo3Item, toDay } from '../../../lib/history/merge-ao3';
import { ao3Item, DAY, entry, T0 } from './helpers';

const DEC6 = Date.UTC(2026, 11, 6);

describe('mergeAo3Item', () => {
  it('a work Lamplight never saw becomes an entry of AO3 facts only', () => {
    expect(mergeAo3Item(null, ao3Item({ lastVisited: DEC6 + 5 * 3_600_000 }))).toEqual({
      site: 'ao3',
      workId: '123',
      title: 'A Work',
      creators: ['someone'],
      fandoms: ['Some Fandom'],
      seen: [],
      chapterCount: 5,
      finished: false,
      firstVisit: DEC6,
      lastVisit: DEC6,
      visits: 0,
      ao3: { lastVisit: DEC6, visits: 3, updateAvailable: false, markedForLater: false },
    });
  });

  it('a never-seen work with an update available has no known chapter count', () => {
    expect(mergeAo3Item(null, ao3Item({ updateAvailable: true })).chapterCount).toBeNull();
    expect(mergeAo3Item(null, ao3Item({ postedChapters: null })).chapterCount).toBeNull();
  });

  it("never changes what Lamplight saw itself: chapters, finished, its count, its visits", () => {
    const own = entry({ seen: [1, 2, 3], chapterCount: 3, finished: true, visits: 2 });
    const merged = mergeAo3Item(own, ao3Item({ postedChapters: 9, updateAvailable: false, visits: 7, lastVisited: T0 + DAY }));
    expect(merged).toMatchObject({ seen: [1, 2, 3], chapterCount: 3, finished: true, visits: 2 });
    expect(merged.ao3).toEqual({ lastVisit: toDay(T0 + DAY), visits: 7, updateAvailable: false, markedForLater: false });
  });

  it('the later visit wins the last visit; an earlier one widens the first', () => {
    const own = entry({ firstVisit: T0 - DAY, lastVisit: T0 });
    expect(mergeAo3Item(own, ao3Item({ lastVisited: T0 + 2 * DAY }))).toMatchObject({
      firstVisit: T0 - DAY,
      lastVisit: toDay(T0 + 2 * DAY),
    });
    // Same day as Lamplight's own visit: AO3's date is that day's start, so Lamplight's time stays.
    expect(mergeAo3Item(own, ao3Item({ lastVisited: T0 }))).toMatchObject({ firstVisit: T0 - DAY, lastVisit: T0 });
    expect(mergeAo3Item(own, ao3Item({ lastVisited: T0 - 30 * DAY }))).toMatchObject({
      firstVisit: toDay(T0 - 30 * DAY),
      lastVisit: T0,
    });
  });

  it("AO3's report of a later visit replaces the kept one; an older report changes nothing of it", () => {
    const kept = { lastVisit: DEC6, visits: 5, updateAvailable: true, markedForLater: true };
    const e = entry({ ao3: kept });
    expect(mergeAo3Item(e, ao3Item({ lastVisited: DEC6 + DAY, visits: 6, updateAvailable: false, markedForLater: false })).ao3).toEqual({
      lastVisit: DEC6 + DAY,
      visits: 6,
      updateAvailable: false,
      markedForLater: false,
    });
    expect(mergeAo3Item(e, ao3Item({ lastVisited: DEC6 - DAY, visits: 9, updateAvailable: false })).ao3).toEqual(kept);
  });

  it("on the same day the page seen now wins the flags and the count never drops", () => {
    const e = entry({ ao3: { lastVisit: DEC6, visits: 5, updateAvailable: true, markedForLater: false } });
    expect(mergeAo3Item(e, ao3Item({ lastVisited: DEC6 + 3_600_000, visits: 4, updateAvailable: false, markedForLater: true })).ao3).toEqual({
      lastVisit: DEC6,
      visits: 5,
      updateAvailable: false,
      markedForLater: true,
    });
    expect(mergeAo3Item(e, ao3Item({ lastVisited: DEC6, visits: 8 })).ao3?.visits).toBe(8);
  });

  it("a later visit's lower count (History cleared since) is AO3's count now", () => {
    const e = entry({ ao3: { lastVisit: DEC6, visits: 5, updateAvailable: false, markedForLater: false } });
    expect(mergeAo3Item(e, ao3Item({ lastVisited: DEC6 + DAY, visits: 1 })).ao3?.visits).toBe(1);
  });

  it("takes the page's title, creators and fandoms unless it shows none", () => {
    const e = entry({ title: 'Old', creators: ['a'], fandoms: ['F'] });
    const b = { pseud: 'Bee', login: 'b', url: 'https://archiveofourown.org/users/b/pseuds/Bee' };
    expect(mergeAo3Item(e, ao3Item({ title: 'New', authors: [b], fandoms: ['G', 'H'] }))).toMatchObject({
      title: 'New',
      creators: ['Bee (b)'],
      fandoms: ['G', 'H'],
    });
    expect(mergeAo3Item(e, ao3Item({ title: '', authors: [], fandoms: [] }))).toMatchObject({
      title: 'Old',
      creators: ['a'],
      fandoms: ['F'],
    });
  });

  it('merging the same item twice changes nothing more', () => {
    const once = mergeAo3Item(entry(), ao3Item());
    expect(mergeAo3Item(once, ao3Item())).toEqual(once);
  });

  it('refuses an item of another work', () => {
    expect(() => mergeAo3Item(entry(), ao3Item({ workId: '999' }))).toThrow('AO3 History item 999 merged into ao3:123');
  });
});
