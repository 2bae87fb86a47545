/**
 * The fast read of a stored bookmark (lib/bookmarks/fast-check.ts) at its edges: it gives back
 * exactly what the full validation accepts, and null for the rest.
 */
import { describe, expect, it, vi } from 'vitest';
import { bookmarkFromFields, isCanonicalIsoDate } from '../../../lib/bookmarks/fast-check';
import type { Bookmark } from '../../../lib/bookmarks/types';
import { validateBookmark } from '../../../lib/bookmarks/validate';

const STORED: Bookmark = {
  site: 'ao3',
  workId: '77',
  url: 'https://archiveofourown.org/works/77',
  title: 'Lantern',
  authors: ['Ada'],
  fandoms: ['Moths'],
  chapter: 2,
  chapterCount: 3,
  chapterTotal: null,
  progress: 0.5,
  addedAt: '2026-01-01T10:00:00.000Z',
  readAt: '2026-02-01T10:00:00.000Z',
  note: '',
  paragraph: 4,
  paragraphOffset: 0.25,
  newChapters: 0,
  status: 'reading',
  readerMode: false,
  chapterUrl: 'https://archiveofourown.org/works/77/chapters/9',
};

describe('isCanonicalIsoDate', () => {
  it('takes what toISOString writes for a real date', () => {
    expect(isCanonicalIsoDate('2026-04-30T23:59:59.999Z')).toBe(true);
    expect(isCanonicalIsoDate('2024-02-29T00:00:00.000Z')).toBe(true);
    expect(isCanonicalIsoDate('2026-12-31T10:00:00.000Z')).toBe(true);
  });

  it('refuses the 31st of the thirty-day months', () => {
    for (const month of ['04', '06', '09', '11']) expect(isCanonicalIsoDate(`2026-${month}-31T10:00:00.000Z`)).toBe(false);
  });

  it('refuses a canonical date with anything after it', () => {
    expect(isCanonicalIsoDate('2026-11-24T10:00:00.000Z0')).toBe(false);
    expect(isCanonicalIsoDate('2026-11-24T10:00:00.000ZZ')).toBe(false);
  });
});

describe('bookmarkFromFields', () => {
  it('gives back a stored record as its bookmark, without the other keys, lists copied', async () => {
    // Its table of checks is built at import: loaded here, a wrong table fails this test.
    vi.resetModules();
    const { bookmarkFromFields } = await import('../../../lib/bookmarks/fast-check');
    const record = { v: 2, ...STORED };
    const out = bookmarkFromFields(record);
    expect(out).toEqual(STORED);
    expect(out).not.toHaveProperty('v');
    expect(out!.authors).not.toBe(record.authors);
  });

  it('leaves an absent chapter address absent', () => {
    const { chapterUrl: _, ...record } = STORED;
    const out = bookmarkFromFields(record);
    expect(out).toEqual(record);
    expect(out).not.toHaveProperty('chapterUrl');
  });

  it('accepts dates and addresses that only the full checks know are good', () => {
    const record = {
      ...STORED,
      readAt: '2026-02-01T10:00:00+02:00',
      url: 'https://archiveofourown.org/works/77?view_adult=true&x=%20',
      chapterUrl: 'https://archiveofourown.org/works/77/chapters/9#comments!',
    };
    expect(bookmarkFromFields(record)).toEqual(record);
  });

  it.each([
    ['a missing required field', { title: undefined }],
    ['an address that is a list holding a site address', { url: ['https://archiveofourown.org/works/77'] }],
    ['a chapter address that is a number', { chapterUrl: 77 }],
    ['a chapter address on another site', { chapterUrl: 'https://example.org/works/77' }],
    ['an http address', { url: 'http://archiveofourown.org/works/77' }],
    ['the 31st of April', { readAt: '2026-04-31T10:00:00.000Z' }],
    ['a date with a trailing character', { addedAt: '2026-01-01T10:00:00.000Z0' }],
    ['a chapter past the chapters posted', { chapter: 4 }],
    ['an unknown site', { site: 'wattpad' }],
  ])('refuses %s, as the full validation does', (_, change) => {
    const record: Record<string, unknown> = { ...STORED, ...change };
    for (const [field, value] of Object.entries(change)) if (value === undefined) delete record[field];
    expect(validateBookmark(record).ok).toBe(false);
    expect(bookmarkFromFields(record)).toBeNull();
  });
});
