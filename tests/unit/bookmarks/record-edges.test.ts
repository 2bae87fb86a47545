/**
 * Making and moving bookmarks at the edges a mutation run of lib/bookmarks/record.ts left untested:
 * names with spaces round them, chapters that are not whole numbers, addresses that are not web
 * pages, and the same place read from another page.
 */
import { describe, expect, it } from 'vitest';
import { authorName, newBookmark, placePatch, workPercent, type Place } from '../../../lib/bookmarks/record';
import type { Bookmark } from '../../../lib/bookmarks/types';
import type { WorkMeta } from '../../../lib/sites/types';
import { makeWork } from '../filters/factory';
import { makeBookmark } from '../storage/helpers';

const NOW = new Date('2026-05-01T12:00:00.000Z');
const WORK = 'https://archiveofourown.org/works/123';
const CH1 = `${WORK}/chapters/456`;
const CH1_AGAIN = `${WORK}/chapters/457`;

const ALIAS = { pseud: 'Alias', login: 'anafabula', url: 'https://archiveofourown.org/users/anafabula/pseuds/Alias' };

/** A work of 4 chapters posted, final count unknown, by one creator writing under a pseud. */
const meta = (overrides: Partial<WorkMeta> = {}): WorkMeta =>
  makeWork({ id: '123', url: WORK, authors: [ALIAS], chapters: { posted: 4, expected: null }, ...overrides });

describe('creator names', () => {
  it('trims the account name too', () => {
    expect(authorName({ pseud: 'Alias', login: ' anafabula ', url: '' })).toBe('Alias (anafabula)');
    expect(authorName({ pseud: 'Alias', login: ' Alias ', url: '' })).toBe('Alias');
    expect(authorName({ pseud: '', login: '  anafabula\n', url: '' })).toBe('anafabula');
  });

  it('a creator with neither pseud nor account is left out of the new bookmark', () => {
    const authors = [{ pseud: ' ', login: '', url: '' }, ALIAS];
    expect(newBookmark(meta({ authors }), {}, NOW).authors).toEqual(['Alias (anafabula)']);
  });
});

describe('a new bookmark', () => {
  it('starts at chapter 1 when the chapter asked for is not a whole number', () => {
    const b = newBookmark(meta(), { chapter: 2.5 }, NOW);
    expect(b.chapter).toBe(1);
    expect(b.chapterCount).toBe(4);
  });

  it('takes neither a part-chapter count posted nor expected', () => {
    const b = newBookmark(meta({ chapters: { posted: 3.5, expected: 7.5 } }), { chapter: 2 }, NOW);
    expect(b.chapterCount).toBe(2);
    expect(b.chapterTotal).toBeNull();
  });

  it('is not in reader mode unless the place says so', () => {
    expect(newBookmark(meta(), { chapter: 2 }, NOW).readerMode).toBe(false);
  });

  it('keeps a chapter address over http or https, and drops one that is not a web address', () => {
    expect(newBookmark(meta(), { chapterUrl: 'http://archiveofourown.org/works/123/chapters/456' }, NOW).chapterUrl).toBe(
      'http://archiveofourown.org/works/123/chapters/456',
    );
    expect(newBookmark(meta(), { chapterUrl: CH1 }, NOW).chapterUrl).toBe(CH1);
    expect('chapterUrl' in newBookmark(meta(), { chapterUrl: 'chapters/456' }, NOW)).toBe(false);
    expect('chapterUrl' in newBookmark(meta(), { chapterUrl: 'ftp://archiveofourown.org/x' }, NOW)).toBe(false);
  });
});

describe('moving a bookmark', () => {
  // makeBookmark: chapter 2, paragraph 12, offset 0.25, reader mode, chapterCount 5.
  const place = (p: Partial<Place> = {}): Place => ({ chapter: 2, progress: 0.4, paragraph: 12, paragraphOffset: 0.25, readerMode: true, ...p });
  const moved = (p: Partial<Bookmark>): Partial<Bookmark> => ({
    chapter: 2,
    progress: 0.4,
    paragraph: 12,
    paragraphOffset: 0.25,
    readerMode: true,
    readAt: '2026-05-01T12:00:00.000Z',
    newChapters: 0,
    ...p,
  });

  it('writes nothing for the same place with no page or the page saved', () => {
    const b = makeBookmark({ chapterUrl: CH1 });
    expect(placePatch(b, place(), NOW)).toBeNull();
    expect(placePatch(b, place({ chapterUrl: CH1 }), NOW)).toBeNull();
  });

  it('saves the same place read from another page, or from a page where none was saved', () => {
    expect(placePatch(makeBookmark({ chapterUrl: CH1 }), place({ chapterUrl: CH1_AGAIN }), NOW)).toStrictEqual(moved({ chapterUrl: CH1_AGAIN }));
    expect(placePatch(makeBookmark(), place({ chapterUrl: CH1 }), NOW)).toStrictEqual(moved({ chapterUrl: CH1 }));
  });

  it('saves no paragraph when the one given is not a paragraph index', () => {
    for (const paragraph of [-1, 1.5, -1.5, null]) {
      expect(placePatch(makeBookmark(), place({ chapter: 3, paragraph }), NOW)).toStrictEqual(moved({ chapter: 3, paragraph: null }));
    }
    expect(placePatch(makeBookmark(), place({ chapter: 3, paragraph: 0 }), NOW)).toStrictEqual(moved({ chapter: 3, paragraph: 0 }));
  });

  it('raises the final chapter count only when the reader is past it', () => {
    const b = makeBookmark({ chapter: 1, chapterTotal: 5 });
    expect(placePatch(b, place({ chapter: 5 }), NOW)).toStrictEqual(moved({ chapter: 5 }));
    expect(placePatch(b, place({ chapter: 3 }), NOW)).toStrictEqual(moved({ chapter: 3 }));
    expect(placePatch(b, place({ chapter: 6 }), NOW)).toStrictEqual(moved({ chapter: 6, chapterCount: 6, chapterTotal: 6 }));
  });

  it('keeps no chapter address that is not a web address', () => {
    for (const chapterUrl of ['javascript:alert(1)', 'chapters/457', '']) {
      expect(placePatch(makeBookmark(), place({ chapter: 3, chapterUrl }), NOW)).toStrictEqual(moved({ chapter: 3 }));
    }
    const http = 'http://archiveofourown.org/works/123/chapters/457';
    expect(placePatch(makeBookmark(), place({ chapter: 3, chapterUrl: http }), NOW)).toStrictEqual(moved({ chapter: 3, chapterUrl: http }));
  });
});

describe('how far through the work', () => {
  it('a final count equal to the chapters posted is the whole work, even with the reader past it', () => {
    expect(workPercent({ chapter: 6, chapterCount: 5, chapterTotal: 5, progress: 0 })).toBe(100);
  });

  it('is unknown when no chapter count is known', () => {
    expect(workPercent({ chapter: 0, chapterCount: 0, chapterTotal: null, progress: 0.5 })).toBeNull();
    expect(workPercent({ chapter: Number.NaN, chapterCount: Number.NaN, chapterTotal: null, progress: 0.5 })).toBeNull();
  });
});
