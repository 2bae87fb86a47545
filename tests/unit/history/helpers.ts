import type { HistoryEntry, HistoryVisit } from '../../../lib/history/types';
import type { SiteHistoryItem } from '../../../lib/sites/types';

/** 2026-12-04T10:00:00.000Z */
export const T0 = Date.UTC(2026, 11, 4, 10, 0);
export const MIN = 60_000;
export const DAY = 86_400_000;

export function visit(overrides: Partial<HistoryVisit> = {}): HistoryVisit {
  return {
    site: 'ao3',
    workId: '123',
    title: 'A Work',
    creators: ['someone'],
    fandoms: ['Some Fandom'],
    chapter: 1,
    reachedEnd: false,
    chapterCount: 5,
    at: T0,
    ...overrides,
  };
}

export function entry(overrides: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    site: 'ao3',
    workId: '123',
    title: 'A Work',
    creators: ['someone'],
    fandoms: ['Some Fandom'],
    seen: [1, 2],
    chapterCount: 5,
    finished: false,
    firstVisit: T0 - 10 * DAY,
    lastVisit: T0,
    visits: 2,
    ao3: null,
    ...overrides,
  };
}

export function ao3Item(overrides: Partial<SiteHistoryItem> = {}): SiteHistoryItem {
  return {
    site: 'ao3',
    workId: '123',
    title: 'A Work',
    authors: [{ pseud: 'someone', login: 'someone', url: 'https://archiveofourown.org/users/someone/pseuds/someone' }],
    fandoms: ['Some Fandom'],
    postedChapters: 5,
    lastVisited: Date.UTC(2026, 11, 6),
    visits: 3,
    updateAvailable: false,
    markedForLater: false,
    ...overrides,
  };
}
