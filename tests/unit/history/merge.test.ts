import { describe, expect, it } from 'vitest';
import { mergeHistoryEntries } from '../../../lib/history/merge';
import { DAY, entry, T0 } from './helpers';

const A = entry({ seen: [1, 2], chapterCount: 5, firstVisit: T0 - 10 * DAY, lastVisit: T0, visits: 4 });
const B = entry({
  title: 'Renamed',
  fandoms: [],
  seen: [4],
  chapterCount: 6,
  firstVisit: T0 - 3 * DAY,
  lastVisit: T0 + DAY,
  visits: 2,
  ao3: { lastVisit: T0 - DAY, visits: 7, updateAvailable: false, markedForLater: true },
});

describe('mergeHistoryEntries', () => {
  it('unites chapters, spans both visits, keeps the higher count and the later page facts', () => {
    expect(mergeHistoryEntries(A, B)).toEqual({
      ...A,
      title: 'Renamed',
      fandoms: ['Some Fandom'], // the later has none: kept from the other
      seen: [1, 2, 4],
      chapterCount: 6,
      firstVisit: T0 - 10 * DAY,
      lastVisit: T0 + DAY,
      visits: 4,
      ao3: B.ao3,
    });
  });

  it('is symmetric and idempotent', () => {
    expect(mergeHistoryEntries(B, A)).toEqual(mergeHistoryEntries(A, B));
    expect(mergeHistoryEntries(A, A)).toEqual(A);
    const same = { ...B, lastVisit: A.lastVisit };
    expect(mergeHistoryEntries(same, A)).toEqual(mergeHistoryEntries(A, same));
    const ab = mergeHistoryEntries(A, B);
    expect(mergeHistoryEntries(ab, B)).toEqual(ab);
  });

  it('finished: as a later visit decides it', () => {
    const done = entry({ finished: true, seen: [1, 2, 3, 4, 5], chapterCount: 5, lastVisit: T0 });
    const laterSame = entry({ seen: [1], chapterCount: 5, lastVisit: T0 + DAY });
    const laterMore = entry({ seen: [1], chapterCount: 7, lastVisit: T0 + DAY });
    expect(mergeHistoryEntries(done, laterSame).finished).toBe(true);
    expect(mergeHistoryEntries(laterMore, done).finished).toBe(false);
    expect(mergeHistoryEntries(entry({ finished: true, chapterCount: 7, lastVisit: T0 + 2 * DAY }), laterMore).finished).toBe(true);
  });

  it("AO3's History: the later day's report; on one day the higher count and either flag", () => {
    const day = { lastVisit: T0, visits: 3, updateAvailable: true, markedForLater: false };
    const other = { lastVisit: T0, visits: 5, updateAvailable: false, markedForLater: true };
    expect(mergeHistoryEntries(entry({ ao3: day }), entry({ ao3: other })).ao3).toEqual({ lastVisit: T0, visits: 5, updateAvailable: true, markedForLater: true });
    expect(mergeHistoryEntries(entry({ ao3: null }), entry({ ao3: day })).ao3).toEqual(day);
  });

  it('refuses two different works', () => {
    expect(() => mergeHistoryEntries(A, entry({ workId: '9' }))).toThrow('merged with ao3:9');
  });
});
