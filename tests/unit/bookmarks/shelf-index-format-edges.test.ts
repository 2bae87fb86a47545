/**
 * The shelf index's stored form at its edges (lib/bookmarks/shelf-index-codec.ts): how dates and
 * addresses are written, that they come back exactly, and which near-misses the check refuses.
 */
import { describe, expect, it } from 'vitest';
import { checkShelfIndex, encodeShelfIndex, type ShelfIndexFile } from '../../../lib/bookmarks/shelf-index-codec';
import { decodeShelfIndex } from '../../../lib/bookmarks/shelf-index-entries';
import { below } from '../../../lib/bookmarks/shelf-index-text';
import type { Bookmark } from '../../../lib/bookmarks/types';
import { makeBookmark } from '../storage/helpers';

const RS = '\u001e';
const US = '\u001f';
const GS = '\u001d';
/** Positions in a row (the codec's ROW_FIELDS). */
const READ_AT = 0;
const SITE = 1;
const URL_FIELD = 3;
const ADDED_AT = 8;
const CHAPTER_URL = 15;

const fieldOf = (file: ShelfIndexFile, row: number, at: number) => file.rows.split(RS)[row]!.split(US)[at];
const roundTrip = (bookmarks: Bookmark[]) => decodeShelfIndex(encodeShelfIndex(bookmarks))?.map((e) => e.bookmark);

describe('dates in the index', () => {
  it('writes a date as its ms in base 36 when that gives back the same text', () => {
    const file = encodeShelfIndex([makeBookmark({ readAt: '2026-02-01T10:00:00.000Z', addedAt: '2026-01-01T10:00:00.000Z' })]);
    expect(fieldOf(file, 0, READ_AT)).toBe('ml3kksg0');
    expect(fieldOf(file, 0, ADDED_AT)).toBe('mjv9xds0');
  });

  it('writes dates of ten base-36 digits, before 1970 too, as numbers', () => {
    const file = encodeShelfIndex([
      makeBookmark({ workId: '1', readAt: '9999-12-31T23:59:59.999Z', addedAt: '-002000-01-01T00:00:00.000Z' }),
      makeBookmark({ workId: '2', readAt: '1969-12-31T23:59:59.000Z' }),
    ]);
    expect(fieldOf(file, 0, READ_AT)).toBe('2htner8qnz');
    expect(fieldOf(file, 0, ADDED_AT)).toBe('-18epcq39c0');
    expect(fieldOf(file, 1, READ_AT)).toBe('-rs');
  });

  it('writes as text a date written otherwise, one too far off for ten digits, or one it cannot read', () => {
    const file = encodeShelfIndex([
      makeBookmark({ workId: '1', readAt: '+200000-01-01T00:00:00.000Z' }),
      makeBookmark({ workId: '2', readAt: '2026-02-01T10:00:00Z' }),
      makeBookmark({ workId: '3', readAt: 'someday' }),
    ]);
    expect(fieldOf(file, 0, READ_AT)).toBe('=+200000-01-01T00:00:00.000Z');
    expect(fieldOf(file, 1, READ_AT)).toBe('=2026-02-01T10:00:00Z');
    expect(fieldOf(file, 2, READ_AT)).toBe('=someday');
  });

  it('gives back every such date exactly', () => {
    const bookmarks = [
      makeBookmark({ workId: '1', readAt: '+200000-01-01T00:00:00.000Z', addedAt: '9999-12-31T23:59:59.999Z' }),
      makeBookmark({ workId: '2', readAt: '2026-02-01T10:00:00+02:00', addedAt: '-002000-01-01T00:00:00.000Z' }),
      makeBookmark({ workId: '3', readAt: '1969-12-31T23:59:59.000Z', addedAt: '2026-01-01T10:00:00Z' }),
    ];
    expect(roundTrip(bookmarks)).toEqual(bookmarks);
  });
});

describe('addresses in the index', () => {
  it('writes an address that ends at the work id as its shared start alone', () => {
    const file = encodeShelfIndex([makeBookmark({ workId: '123', url: 'https://archiveofourown.org/works/123' })]);
    const start = file.shared.indexOf('https://archiveofourown.org/works/');
    expect(start).toBeGreaterThanOrEqual(0);
    expect(fieldOf(file, 0, URL_FIELD)).toBe(String(start));
  });

  it('writes what follows the work id after a GS', () => {
    const file = encodeShelfIndex([makeBookmark({ workId: '123', chapterUrl: 'https://archiveofourown.org/works/123/chapters/9' })]);
    const start = file.shared.indexOf('https://archiveofourown.org/works/');
    expect(fieldOf(file, 0, CHAPTER_URL)).toBe(`${start}${GS}/chapters/9`);
  });

  it('gives back addresses that end at the work id, go on after it, or do not hold it', () => {
    const bookmarks = [
      makeBookmark({ workId: '1', url: 'https://archiveofourown.org/works/1', chapterUrl: 'https://archiveofourown.org/works/1/chapters/5' }),
      makeBookmark({ workId: '2', url: 'https://archiveofourown.org/works/2/', chapterUrl: 'https://archiveofourown.org/works/2' }),
      makeBookmark({ workId: '3', url: 'https://archiveofourown.org/collections/x' }),
    ];
    expect(roundTrip(bookmarks)).toEqual(bookmarks);
  });
});

describe('checking an index', () => {
  const good = encodeShelfIndex([makeBookmark({ chapterUrl: 'https://archiveofourown.org/works/123/chapters/9' })]);
  const withField = (at: number, value: string): ShelfIndexFile => {
    const fields = good.rows.split(US);
    fields[at] = value;
    return { ...good, rows: fields.join(US) };
  };

  it('accepts the index as written', () => {
    expect(checkShelfIndex(good)).not.toBeNull();
  });

  it('refuses null and what is not an object', () => {
    expect(checkShelfIndex(null)).toBeNull();
    expect(decodeShelfIndex(null)).toBeNull();
    expect(checkShelfIndex('index')).toBeNull();
  });

  it('refuses an empty index with text in its strings', () => {
    const empty = encodeShelfIndex([]);
    expect(checkShelfIndex(empty)).not.toBeNull();
    expect(checkShelfIndex({ ...empty, titles: 'A Work' })).toBeNull();
    expect(checkShelfIndex({ ...empty, rows: '0' })).toBeNull();
  });

  it.each(['titles', 'tags', 'rows'] as const)('refuses %s that are a list holding the right text', (key) => {
    expect(checkShelfIndex({ ...good, [key]: [good[key]] })).toBeNull();
  });

  it('refuses a site written as text or with a GS part, as shared strings are only positions', () => {
    expect(checkShelfIndex(withField(SITE, '=ao3'))).toBeNull();
    expect(checkShelfIndex(withField(SITE, `0${GS}x`))).toBeNull();
  });

  it('refuses an empty work address (only the chapter address may be absent)', () => {
    expect(checkShelfIndex(withField(URL_FIELD, ''))).toBeNull();
    expect(checkShelfIndex(withField(CHAPTER_URL, ''))).not.toBeNull();
  });
});

describe('below', () => {
  it('is made of digit classes and digits only', () => {
    for (const count of [1, 2, 10, 11, 250, 1000]) expect(below(count)).toMatch(/^\(\?:[0-9[\]{}|-]+\)$/);
  });
});
