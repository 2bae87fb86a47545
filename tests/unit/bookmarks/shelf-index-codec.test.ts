/**
 * The shelf index's stored form (lib/bookmarks/shelf-index-codec.ts, -text.ts, -entries.ts): every
 * bookmark comes back exactly, the entries sort and search as record entries do, and anything
 * but a whole current index is refused.
 */
import { describe, expect, it } from 'vitest';
import { filterEntries, shelfEntry, sortEntries, type ShelfEntry, type ShelfSort } from '../../../lib/bookmarks/shelf';
import type { Bookmark } from '../../../lib/bookmarks/types';
import { BOOKMARK_FIELDS, validateBookmark } from '../../../lib/bookmarks/validate';
import { sortByReadAt } from '../../../lib/storage/bookmarks';
import { encodeShelfIndex, SHELF_INDEX_FIELDS, type ShelfIndexFile } from '../../../lib/bookmarks/shelf-index-codec';
import { decodeShelfIndex } from '../../../lib/bookmarks/shelf-index-entries';
import { below, escapeText, unescapeText } from '../../../lib/bookmarks/shelf-index-text';
import { makeBookmark } from '../storage/helpers';

const work = (id: number, overrides: Partial<Bookmark> = {}) =>
  makeBookmark({ workId: String(id), url: `https://archiveofourown.org/works/${id}`, ...overrides });

const SEPARATORS = '\u001c\u001d\u001e\u001f';

/** A seeded generator of awkward bookmarks: separators, escapes, accents, CJK, spaces in every text. */
function randomBookmarks(count: number, seed: number): Bookmark[] {
  let state = seed;
  const rand = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const alphabet = ['a', 'B', 'é', 'É', 'ﬁ', 'ß', 'İ', 'Ω', 'Σ', '東', 'ｶ', ' ', '  ', '\t', '\u00a0', '-', '1', ...SEPARATORS, '\u0010', '\u001c\u0010'];
  const text = (max: number) => Array.from({ length: Math.floor(rand() * max) }, () => pick(alphabet)).join('');
  const creators = Array.from({ length: 12 }, () => text(8));
  const fandoms = Array.from({ length: 6 }, () => text(14));
  const dates = ['2026-01-0%dT10:00:00.000Z', '2026-01-0%dT10:00:00Z', '2026-01-0%dT10:00:00+02:00', '2025-12-2%dT23:59:59.999Z'];
  return Array.from({ length: count }, (_, i) => {
    const workId = String(1000 + i);
    const site = pick(['ao3', 'ffn'] as const);
    const base = site === 'ao3' ? 'https://archiveofourown.org/works/' : 'https://www.fanfiction.net/s/';
    const chapterCount = 1 + Math.floor(rand() * 40);
    const b: Bookmark = {
      site,
      workId,
      url: pick([`${base}${workId}`, `${base}${workId}/`, `${base}${workId}/1/A${text(4)}`, `${base}${workId}?x${text(3)}`]),
      title: text(20),
      authors: Array.from({ length: Math.floor(rand() * 3) }, () => pick(creators)),
      fandoms: Array.from({ length: Math.floor(rand() * 3) }, () => pick(fandoms)),
      chapter: 1 + Math.floor(rand() * chapterCount),
      chapterCount,
      chapterTotal: rand() < 0.3 ? null : chapterCount + Math.floor(rand() * 3),
      progress: pick([0, 1, 0.5, rand(), 1e-7]),
      addedAt: pick(dates).replace('%d', String(1 + Math.floor(rand() * 9))),
      readAt: pick(dates).replace('%d', String(1 + Math.floor(rand() * 9))),
      note: text(10),
      paragraph: rand() < 0.3 ? null : Math.floor(rand() * 300),
      paragraphOffset: pick([0, rand()]),
      newChapters: rand() < 0.7 ? 0 : Math.floor(rand() * 5),
      status: pick(['reading', 'finished', 'later'] as const),
      readerMode: rand() < 0.5,
    };
    if (rand() < 0.6) b.chapterUrl = pick([`${base}${workId}/chapters/${100 + i}`, `${base}${workId}/2/`, `${base}9`]);
    return b;
  });
}

const decode = (bookmarks: Bookmark[]) => decodeShelfIndex(encodeShelfIndex(bookmarks));
const keys = (entries: readonly ShelfEntry[]) => entries.map((e) => e.key);

describe('encodeShelfIndex / decodeShelfIndex', () => {
  it('gives back exactly the bookmarks, most recently read first, optional fields present or absent', () => {
    const bookmarks: Bookmark[] = [
      work(1),
      work(2, { chapterUrl: 'https://archiveofourown.org/works/2/chapters/9', chapterTotal: 7, paragraph: null }),
      work(3, { title: '<img src=x onerror=alert(1)>', authors: [], fandoms: ['A', 'B'], note: 'line\nbreak' }),
      work(4, { site: 'ffn', url: 'https://www.fanfiction.net/s/4/1/', title: '  Café   Noir ', authors: ['Zoë'], fandoms: ['A'] }),
      work(5, { url: 'no-slash', status: 'later', authors: ['someone', 'someone', ''] }),
      work(6, { url: 'https://archiveofourown.org/works/6/', title: `Sep${SEPARATORS}arated \u001c\u0010`, note: SEPARATORS }),
      work(7, { addedAt: '2026-01-01T10:00:00Z', progress: 1e-7, readerMode: false }),
    ].map((b, i) => ({ ...b, readAt: `2026-0${9 - i}-01T10:00:00.000Z` }));
    const decoded = decode(bookmarks.toReversed());
    expect(decoded?.map((e) => e.bookmark)).toEqual(bookmarks);
    expect(decoded?.map((e) => Object.keys(e.bookmark))).toEqual(bookmarks.map((b) => BOOKMARK_FIELDS.filter((f) => f in b)));
    expect(decoded?.map(({ key, site, workId, readAt, addedAt, titleKey }) => ({ key, site, workId, readAt, addedAt, titleKey }))).toEqual(
      bookmarks.map((b) => {
        const { key, site, workId, readAt, addedAt, titleKey } = shelfEntry(b);
        return { key, site, workId, readAt, addedAt, titleKey };
      }),
    );
  });

  it('gives back 600 awkward bookmarks exactly, each still valid, in read order', () => {
    const bookmarks = randomBookmarks(600, 11);
    for (const b of bookmarks) expect(validateBookmark(b).ok, JSON.stringify(b)).toBe(true);
    const decoded = decode(bookmarks);
    expect(decoded?.map((e) => e.bookmark)).toEqual(sortByReadAt(bookmarks));
    expect(decoded && keys(decoded)).toEqual(keys(sortEntries(bookmarks.map(shelfEntry), 'readAt')));
  });

  it('shares the start of URLs and every creator and fandom once', () => {
    const file = encodeShelfIndex([work(1, { chapterUrl: 'https://archiveofourown.org/works/1/chapters/5' }), work(2)]);
    expect(file.shared).toEqual(['someone', 'Some Fandom', 'ao3', 'https://archiveofourown.org/works/', 'reading']);
    expect(file.fields).toEqual([...SHELF_INDEX_FIELDS]);
    expect([...SHELF_INDEX_FIELDS].sort()).toEqual([...BOOKMARK_FIELDS].sort());
  });

  it('an empty shelf is an index of nothing', () => {
    expect(decode([])).toEqual([]);
  });
});

describe('index entries sort and search as record entries do', () => {
  const bookmarks = randomBookmarks(400, 5);
  const fromIndex = decode(bookmarks)!;
  const fromRecords = sortEntries(bookmarks.map(shelfEntry), 'readAt');

  it.each(['readAt', 'addedAt', 'title', 'new'] as ShelfSort[])('sorted by %s', (sort) => {
    expect(keys(sortEntries(fromIndex, sort))).toEqual(keys(sortEntries(fromRecords, sort)));
  });

  it('for every query, the same bookmarks', () => {
    const queries = ['', 'a', 'É', 'e', 'fi', 'ss', 'i', 'σ', 'ς', '東', 'カ', 'ｶ', '1', 'a b', 'b a', '  A  ', '-', 'zzz', `a${SEPARATORS}b`, '\u0010', 'İ'];
    // And pieces of real titles, creators and fandoms.
    for (const b of bookmarks.slice(0, 40)) queries.push(b.title.slice(1, 4), (b.authors[0] ?? '').slice(0, 3), (b.fandoms[0] ?? '').slice(2));
    for (const search of queries) {
      for (const status of ['all', 'later'] as const) {
        expect(keys(filterEntries(fromIndex, { search, status })), JSON.stringify(search)).toEqual(
          keys(filterEntries(fromRecords, { search, status })),
        );
      }
    }
  });
});

describe('refusing an index that is not whole', () => {
  const good = encodeShelfIndex([work(1, { chapterUrl: 'https://archiveofourown.org/works/1/chapters/5' }), work(2, { readAt: '2026-05-01T10:00:00Z' })]);
  /** `good` with one field of its second row (the bookmark read first) replaced. */
  const withRowField = (i: number, value: string): ShelfIndexFile => {
    const rows = good.rows.split('\u001e');
    const fields = rows[0]!.split('\u001f');
    fields[i] = value;
    rows[0] = fields.join('\u001f');
    return { ...good, rows: rows.join('\u001e') };
  };
  const rowField = (i: number) => good.rows.split('\u001e')[0]!.split('\u001f')[i]!;

  it('accepts the good one', () => {
    expect(decodeShelfIndex(good)).toHaveLength(2);
    // Every row field of the first row as encoded, for the cases below.
    expect(rowField(1)).toMatch(/^\d+$/);
  });

  it.each([
    ['nothing', undefined],
    ['a number', 42],
    ['text (an older index)', JSON.stringify(good)],
    ['another format', { ...good, format: 'shelf-index/2/bookmark-v1' }],
    ['other fields', { ...good, fields: good.fields.slice(1) }],
    ['a count too high', { ...good, count: 3 }],
    ['a count too low', { ...good, count: 1 }],
    ['a negative count', { ...good, count: -1 }],
    ['shared strings that are not strings', { ...good, shared: [...good.shared, 7] }],
    ['no shared strings', { ...good, shared: undefined }],
    ['titles that are not text', { ...good, titles: ['A Work', 'A Work'] }],
    ['a title with a bare separator', { ...good, titles: `A\u001fWork\u001eA Work` }],
    ['a bad escape in a title', { ...good, titles: `A\u001cWork\u001eA Work` }],
    ['a creator beyond the shared strings', { ...good, tags: `99\u001f1\u001e0\u001f1` }],
    ['a creator that is not a number', { ...good, tags: `x\u001f1\u001e0\u001f1` }],
    ['tags missing a field', { ...good, tags: `0\u001e0\u001f1` }],
    ['a read time that is not a date', withRowField(0, 'not a date!')],
    ['a site beyond the shared strings', withRowField(1, '99')],
    ['a site written with a leading zero', withRowField(1, '02')],
    ['a URL start beyond the shared strings', withRowField(3, '99')],
    ['a chapter that is not a number', withRowField(4, 'x')],
    ['a chapter left empty', withRowField(4, '')],
    ['a reader mode that is not 0 or 1', withRowField(14, '2')],
    ['a row with a field too many', withRowField(15, `\u001f1`)],
    ['rows missing a field', { ...good, rows: good.rows.replace(/\u001f[^\u001f\u001e]*$/, '') }],
  ])('refuses %s', (_, value) => {
    expect(decodeShelfIndex(value)).toBeNull();
  });
});

describe('the index text', () => {
  it('escapes the separators, and only them, and gives every text back', () => {
    for (let a = 0; a < 0x30; a++) {
      for (const b of ['', 'x', '\u001c', '\u0010']) {
        const text = String.fromCharCode(a) + b + 'é';
        const escaped = escapeText(text);
        expect(escaped).not.toMatch(/[\u001d-\u001f]/);
        expect(unescapeText(escaped)).toBe(text);
      }
    }
    expect(escapeText('plain text')).toBe('plain text');
  });

  it('below(n) matches exactly the numbers 0 … n-1 as written', () => {
    const counts = [0, 1, 2, 9, 10, 11, 99, 100, 101, 218, 1000, 1001, 4321, 65_536];
    for (const n of counts) {
      const re = new RegExp(`^${below(n)}$`);
      const probes = [0, 1, 9, 10, 99, 100, n - 2, n - 1, n, n + 1, n * 10];
      for (const k of probes.filter((k) => k >= 0)) expect(re.test(String(k)), `${k} < ${n}`).toBe(k < n);
      for (const bad of ['', '-1', '01', '00', '1.0', ' 1']) expect(re.test(bad), `${JSON.stringify(bad)} for ${n}`).toBe(false);
    }
    // Every number up to 2,000, against every count up to 2,000.
    for (let n = 0; n <= 2000; n += 37) {
      const re = new RegExp(`^${below(n)}$`);
      for (let k = 0; k <= 2000; k++) if (re.test(String(k)) !== k < n) throw new Error(`below(${n}) is wrong for ${k}`);
    }
  });
});
