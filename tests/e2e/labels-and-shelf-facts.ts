/**
 * What the labels-and-shelf E2E files (issue 16 friction 6 and 7, Chromium and Firefox) seed and
 * expect, and the in-page readers they share. Bookmarks are seeded straight into storage (records as
 * lib/storage writes them), with read times relative to the test's start, so "read 3 days ago" is known.
 */
import { FIXTURE_URLS } from './fixtures';

const DAY = 24 * 60 * 60 * 1000;

/** AO3's archive warnings as the popup must list them: the four real ones, then the two that are not. */
export const WARNINGS_IN_ORDER = [
  'Graphic Depictions Of Violence',
  'Major Character Death',
  'Rape/Non-Con',
  'Underage Sex',
  'No Archive Warnings Apply',
  'Creator Chose Not To Use Archive Warnings',
];

interface Seeded {
  site: 'ao3' | 'ffn';
  workId: string;
  url: string;
  title: string;
  chapter: number;
  chapterCount: number;
  chapterTotal: number | null;
  progress: number;
  newChapters: number;
  status: 'reading' | 'finished' | 'later';
  daysAgo: number;
}

const SEEDED: Seeded[] = [
  { site: 'ao3', workId: '17793689', url: FIXTURE_URLS['ao3/work-wip-14ch-chapter1-17793689.html'], title: 'A work in progress', chapter: 2, chapterCount: 14, chapterTotal: null, progress: 0.6, newChapters: 0, status: 'reading', daysAgo: 0.25 },
  { site: 'ffn', workId: '5853866', url: 'https://www.fanfiction.net/s/5853866/1/', title: 'Counting on FFN', chapter: 2, chapterCount: 4, chapterTotal: null, progress: 1, newChapters: 2, status: 'reading', daysAgo: 3 },
  { site: 'ao3', workId: '41289660', url: 'https://archiveofourown.org/works/41289660', title: 'Six chapters, done', chapter: 6, chapterCount: 6, chapterTotal: 6, progress: 1, newChapters: 0, status: 'finished', daysAgo: 10 },
  { site: 'ao3', workId: '323217', url: 'https://archiveofourown.org/works/323217', title: 'A oneshot for later', chapter: 1, chapterCount: 1, chapterTotal: 1, progress: 0, newChapters: 0, status: 'later', daysAgo: 400 },
];

/** The storage items of the seeded bookmarks, read `daysAgo` before `now`. */
export function seededBookmarks(now: number): Record<string, unknown> {
  return Object.fromEntries(
    SEEDED.map(({ daysAgo, ...b }) => [
      `bookmark:${b.site}:${b.workId}`,
      {
        v: 1,
        ...b,
        authors: ['someone'],
        fandoms: ['Some Fandom'],
        paragraph: null,
        paragraphOffset: 0,
        readerMode: false,
        addedAt: new Date(now - 500 * DAY).toISOString(),
        readAt: new Date(now - daysAgo * DAY).toISOString(),
        note: '',
      },
    ]),
  );
}

/** What each row says, most recently read first (the popup's default order). */
export const EXPECTED_ROWS = [
  { title: 'A work in progress', site: 'AO3', where: 'Chapter 2 of 14 so far · 11% · read 6 hours ago', percent: '11' },
  { title: 'Counting on FFN', site: 'FanFiction.net', where: 'Chapter 2 of 4 so far · 50% · read 3 days ago', percent: '50' },
  { title: 'Six chapters, done', site: 'AO3', where: 'Chapter 6 of 6 · 100% · read last week', percent: '100' },
];

/** The rows each status filter shows (all statuses hold at most three, the popup's first page). */
export const ROWS_BY_STATUS: Record<string, string[]> = {
  reading: ['A work in progress', 'Counting on FFN'],
  new: ['Counting on FFN'],
  finished: ['Six chapters, done'],
  later: ['A oneshot for later'],
};

export interface ShelfRowFacts {
  title: string;
  site: string;
  where: string;
  percent: string | null;
}

/** In the popup: each shelf row's title, site, "where and when" line and progress bar value. */
export function shelfRowsInPage(): ShelfRowFacts[] {
  return Array.from(document.querySelectorAll('li.shelf-item'), (row) => ({
    title: row.querySelector('.shelf-title')?.textContent ?? '',
    site: row.querySelector('.shelf-site')?.textContent ?? '',
    where: row.querySelector('.shelf-where')?.textContent ?? '',
    percent: row.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow') ?? null,
  }));
}

/** In the popup: the labels of the archive-warning checkboxes, in the order shown. */
export function warningLabelsInPage(): string[] {
  const group = Array.from(document.querySelectorAll('fieldset')).find((f) => /warnings/i.test(f.querySelector('legend')?.textContent ?? ''));
  return Array.from(group?.querySelectorAll('label') ?? [], (label) => label.textContent ?? '');
}
