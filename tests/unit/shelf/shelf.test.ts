import { describe, expect, it } from 'vitest';
import {
  countWithNewChapters,
  createNewChapterTally,
  filterEntries,
  fold,
  resumeUrl,
  searchTerms,
  searchText,
  shelfEntry,
  shelfView,
  sortEntries,
  type ShelfQuery,
} from '../../../lib/bookmarks/shelf';
import type { Bookmark } from '../../../lib/bookmarks/types';
import { makeBookmark } from '../storage/helpers';

const q = (p: Partial<ShelfQuery> = {}): ShelfQuery => ({ search: '', status: 'all', sort: 'readAt', ...p });
const ids = (list: { bookmark: Bookmark }[]) => list.map((e) => e.bookmark.workId);

const SHELF = [
  makeBookmark({
    workId: '1',
    title: 'The Long Way Round',
    authors: ['Alias (anafabula)'],
    fandoms: ['Star Wars'],
    readAt: '2026-03-01T00:00:00.000Z',
    addedAt: '2025-01-01T00:00:00.000Z',
    status: 'reading',
  }),
  makeBookmark({
    workId: '2',
    title: 'Café Noir',
    authors: ['Zed'],
    fandoms: ['Original Work'],
    readAt: '2026-01-01T00:00:00.000Z',
    addedAt: '2026-02-01T00:00:00.000Z',
    status: 'finished',
    newChapters: 2,
  }),
  makeBookmark({
    workId: '3',
    title: 'apple orchard',
    authors: [],
    fandoms: ['Star Trek', 'Original Work'],
    readAt: '2026-02-01T00:00:00.000Z',
    addedAt: '2025-06-01T00:00:00.000Z',
    status: 'later',
    newChapters: 1,
  }),
  makeBookmark({
    workId: '10',
    title: 'Chapter 10 of Things',
    authors: ['Someone'],
    fandoms: ['Star Wars'],
    readAt: '2026-02-01T00:00:00.000Z',
    addedAt: '2025-06-01T00:00:00.000Z',
  }),
].map((b) => shelfEntry(b));

describe('search', () => {
  it('folds case, accents and spaces', () => {
    expect(fold('  Café   NOIR ')).toBe('cafe noir');
    expect(searchTerms('  Star  wars ')).toEqual(['star', 'wars']);
    expect(searchTerms('   ')).toEqual([]);
  });

  it('matches every word in title, creators or fandoms', () => {
    expect(ids(shelfView(SHELF, q({ search: 'cafe' })))).toEqual(['2']);
    expect(ids(shelfView(SHELF, q({ search: 'CAFÉ' })))).toEqual(['2']);
    expect(ids(shelfView(SHELF, q({ search: 'anafabula' })))).toEqual(['1']);
    expect(ids(shelfView(SHELF, q({ search: 'original work' })))).toEqual(['3', '2']);
    expect(ids(shelfView(SHELF, q({ search: 'star wars' })))).toEqual(['1', '10']);
    expect(ids(shelfView(SHELF, q({ search: 'star orchard' })))).toEqual(['3']);
    expect(ids(shelfView(SHELF, q({ search: 'nothing like it' })))).toEqual([]);
  });

  it('does not match across fields (a term is in one title, creator or fandom)', () => {
    // "wars alias": both words present but in different fields is still a match (each term anywhere),
    // while one term spanning two fields is not.
    expect(ids(shelfView(SHELF, q({ search: 'wars alias' })))).toEqual(['1']);
    expect(ids(shelfView(SHELF, q({ search: 'round\nalias' })))).toEqual(['1']);
    expect(filterEntries(SHELF, { search: 'roundalias', status: 'all' })).toEqual([]);
  });
});

describe('filter by status', () => {
  it('keeps only that status', () => {
    expect(ids(shelfView(SHELF, q({ status: 'finished' })))).toEqual(['2']);
    expect(ids(shelfView(SHELF, q({ status: 'later' })))).toEqual(['3']);
    expect(ids(shelfView(SHELF, q({ status: 'reading', search: 'star' })))).toEqual(['1', '10']);
  });
});

describe('sort', () => {
  it('last read first (ties by id)', () => {
    expect(ids(sortEntries(SHELF, 'readAt'))).toEqual(['1', '3', '10', '2']);
  });
  it('date added, newest first', () => {
    expect(ids(sortEntries(SHELF, 'addedAt'))).toEqual(['2', '3', '10', '1']);
  });
  it('title, case- and accent-blind, numbers as numbers', () => {
    expect(ids(sortEntries(SHELF, 'title'))).toEqual(['3', '2', '10', '1']);
  });
  it('new chapters first, then last read', () => {
    expect(ids(sortEntries(SHELF, 'new'))).toEqual(['3', '2', '1', '10']);
  });
  it('does not change its input', () => {
    const before = ids(SHELF);
    sortEntries(SHELF, 'title');
    expect(ids(SHELF)).toEqual(before);
  });
});

// Their speed is the bench's (Shelf rows); here, that they give the right rows.
describe('10,000 bookmarks', () => {
  it('search, filter and sort find the right ones', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      shelfEntry(
        makeBookmark({
          workId: String(i + 1),
          title: `Work number ${i} ${i % 7 === 0 ? 'Slow Burn' : 'Fluff'}`,
          authors: [`author${i % 300}`],
          fandoms: [i % 2 ? 'Harry Potter' : 'Good Omens'],
          readAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
          status: i % 3 === 0 ? 'finished' : 'reading',
          newChapters: i % 50 === 0 ? 1 : 0,
        }),
      ),
    );
    const sorted = sortEntries(many, 'title');
    const slowBurn = (i: number) => i % 7 === 0;
    const expected = (wanted: (i: number) => boolean) =>
      many.filter((_, i) => i % 3 !== 0 && wanted(i)).map((e) => e.key).sort();
    expect(filterEntries(sorted, { search: 'slow', status: 'reading' }).map((e) => e.key).sort()).toEqual(expected(slowBurn));
    expect(filterEntries(sorted, { search: 'slow burn omens author1', status: 'reading' }).map((e) => e.key).sort()).toEqual(
      expected((i) => slowBurn(i) && i % 2 === 0 && String(i % 300).startsWith('1')),
    );
    const view = shelfView(many, q({ search: 'slow burn good omens', sort: 'new' }));
    expect(view.length).toBe(many.filter((_, i) => slowBurn(i) && i % 2 === 0).length);
    expect(view.every((e) => searchText(e.bookmark).haystack.includes('slow burn'))).toBe(true);
    expect(view[0]!.bookmark.newChapters).toBe(1);
  });
});

describe('resumeUrl', () => {
  it('opens the chapter with the resume marker (in the reader when it was on)', () => {
    const b = makeBookmark({ chapterUrl: 'https://archiveofourown.org/works/123/chapters/456', readerMode: true });
    expect(resumeUrl(b)).toBe('https://archiveofourown.org/works/123/chapters/456#lamplight-reader+resume');
    expect(resumeUrl({ ...b, readerMode: false })).toBe('https://archiveofourown.org/works/123/chapters/456#lamplight-resume');
  });

  it('falls back to the work URL without a chapter URL, or with one on another site', () => {
    const b = makeBookmark({ readerMode: false });
    expect(resumeUrl(b)).toBe('https://archiveofourown.org/works/123#lamplight-resume');
    expect(resumeUrl({ ...b, chapterUrl: 'https://evil.example/works/123' })).toBe(
      'https://archiveofourown.org/works/123#lamplight-resume',
    );
    expect(resumeUrl({ ...b, chapterUrl: 'not a url' })).toBe('https://archiveofourown.org/works/123#lamplight-resume');
  });
});

describe('countWithNewChapters (the toolbar badge)', () => {
  it('counts works, not chapters', () => {
    expect(countWithNewChapters(SHELF.map((e) => e.bookmark))).toBe(2);
    expect(countWithNewChapters([])).toBe(0);
  });
});

describe('createNewChapterTally (the badge, kept from storage changes)', () => {
  it('counts works with new chapters as they change', () => {
    const tally = createNewChapterTally();
    expect(tally.reset(SHELF.map((e) => e.bookmark))).toBe(2);
    const [a, b] = SHELF.map((e) => e.bookmark);
    expect(tally.apply([{ site: 'ao3', workId: a!.workId, bookmark: { ...a!, newChapters: 4 } }])).toBe(3);
    expect(tally.apply([{ site: 'ao3', workId: b!.workId, bookmark: { ...b!, newChapters: 0 } }])).toBe(2);
    expect(tally.apply([{ site: 'ao3', workId: '3', bookmark: null }])).toBe(1);
    expect(tally.apply([{ site: 'ao3', workId: '3', bookmark: null }])).toBe(1);
    expect(tally.count).toBe(1);
  });
});
