/**
 * The bookmark read path's fast paths (lib/storage/bookmarks.ts): they must accept nothing the
 * full validation refuses, give the same bookmarks, and read every record when chunked.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { compareBookmarksByReadAt } from '../../../lib/bookmarks/merge';
import type { Bookmark } from '../../../lib/bookmarks/types';
import { validateBookmark } from '../../../lib/bookmarks/validate';
import {
  BOOKMARK_READ_CHUNK,
  bookmarkStorageKey,
  decodeStoredBookmark,
  getAllBookmarks,
  isCanonicalIsoDate,
  putBookmark,
  sortByReadAt,
} from '../../../lib/storage/bookmarks';
import { isoDate } from '../../../lib/check';
import { getQuarantine } from '../../../lib/storage/quarantine';
import { makeBookmark } from './helpers';

beforeEach(() => fakeBrowser.reset());

/** A seeded pseudo-random generator (mulberry32). */
function seeded(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('isCanonicalIsoDate', () => {
  it('accepts what toISOString writes, from year 0 to 9999', () => {
    const rand = seeded(1);
    const first = Date.parse('0000-01-01T00:00:00.000Z');
    const last = Date.parse('9999-12-31T23:59:59.999Z');
    for (let i = 0; i < 5000; i++) {
      const t = first + rand() * (last - first);
      const iso = new Date(Math.floor(t)).toISOString();
      expect(isCanonicalIsoDate(iso)).toBe(true);
    }
    for (const iso of ['2000-02-29T00:00:00.000Z', '2024-02-29T23:59:59.999Z', '0000-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z']) {
      expect(isCanonicalIsoDate(iso)).toBe(true);
    }
  });

  it('refuses the rest (isoDate then decides)', () => {
    for (const v of [
      '1900-02-29T00:00:00.000Z',
      '2023-02-29T00:00:00.000Z',
      '2024-02-30T00:00:00.000Z',
      '2024-04-31T00:00:00.000Z',
      '2024-13-01T00:00:00.000Z',
      '2024-00-01T00:00:00.000Z',
      '2024-01-00T00:00:00.000Z',
      '2024-01-01T24:00:00.000Z',
      '2024-01-01T00:60:00.000Z',
      '2024-01-01T00:00:60.000Z',
      '2024-01-01T00:00:00.00aZ',
      '2024-01-01T00:00:00.000+',
      '2024-01-01 00:00:00.000Z',
      '2024-01-01T00:00:00Z',
      '2024-01-01T00:00:00.000+00:00',
      '+2024-01-01T00:00:00.000Z',
      '-024-01-01T00:00:00.000Z',
      '',
    ]) {
      expect(isCanonicalIsoDate(v), v).toBe(false);
    }
  });

  it('never accepts what isoDate refuses (fuzzed)', () => {
    const rand = seeded(2);
    const chars = '0123456789-T:.Z+ ';
    const base = '2026-11-24T10:00:00.000Z';
    for (let i = 0; i < 20_000; i++) {
      const v = [...base].map((c) => (rand() < 0.15 ? chars[Math.floor(rand() * chars.length)]! : c)).join('');
      if (isCanonicalIsoDate(v)) expect(isoDate(v), v).toBeNull();
    }
  });
});

describe('decodeStoredBookmark', () => {
  const key = bookmarkStorageKey('ao3', '123');
  const slow = (raw: Record<string, unknown>) => {
    const { v, ...data } = raw;
    return v === 1 ? validateBookmark(data) : null;
  };

  it('gives the same bookmark as the full validation, as a fresh copy in field order', () => {
    const b = makeBookmark({ chapterUrl: 'https://archiveofourown.org/works/123/chapters/456?view_adult=true#main' });
    const raw = { v: 1, ...b };
    const decoded = decodeStoredBookmark(key, raw);
    expect(decoded).toEqual({ ok: true, bookmark: b, migrated: false });
    if (!decoded.ok) return;
    expect(Object.keys(decoded.bookmark)).toEqual(Object.keys((slow(raw) as { bookmark: Bookmark }).bookmark));
    expect(decoded.bookmark.authors).not.toBe(b.authors);
  });

  it('agrees with the full validation on damaged records (fuzzed fields)', () => {
    const rand = seeded(3);
    const values: unknown[] = [
      null, 0, -1, 1.5, 2, '', ' ', 'x y', 'https://archiveofourown.org/works/1', 'javascript:alert(1)', 'https://', 'http://x',
      'https://fanfiction.net/s/1/2/', 'https://archiveofourown.org/works/1 2', '2026-02-30T00:00:00.000Z', '2026-01-01T00:00:00.000Z',
      '2026-01-01T00:00:00+01:00', [], ['a'], [1], {}, true, 'reading', 'gone',
    ];
    const fields = Object.keys(makeBookmark({ chapterUrl: 'https://archiveofourown.org/works/123' }));
    for (let i = 0; i < 5000; i++) {
      const raw: Record<string, unknown> = { v: 1, ...makeBookmark({ chapterUrl: 'https://archiveofourown.org/works/123' }) };
      for (let n = 0; n < 2; n++) {
        const field = rand() < 0.05 ? 'extra' : fields[Math.floor(rand() * fields.length)]!;
        if (rand() < 0.1) delete raw[field];
        else raw[field] = values[Math.floor(rand() * values.length)];
      }
      const decoded = decodeStoredBookmark(key, raw);
      const expected = slow(raw);
      const sameKey = expected?.ok && bookmarkStorageKey(expected.bookmark.site, expected.bookmark.workId) === key;
      expect(decoded.ok, JSON.stringify(raw)).toBe(Boolean(sameKey));
      if (decoded.ok && expected?.ok) expect(decoded.bookmark).toEqual(expected.bookmark);
    }
  });

  it('keeps the full messages for damaged records', () => {
    expect(decodeStoredBookmark(key, { v: 1, ...makeBookmark(), colour: 'red' })).toEqual({ ok: false, error: 'unknown field "colour"' });
    expect(decodeStoredBookmark(key, { v: 1, ...makeBookmark({ url: 'ftp://x' }) })).toEqual({
      ok: false,
      error: 'url must be an http(s) address, not "ftp://x"',
    });
    expect(decodeStoredBookmark(bookmarkStorageKey('ao3', '9'), { v: 1, ...makeBookmark() })).toEqual({
      ok: false,
      error: 'the record is for ao3:123, not for this key',
    });
  });

  it('still accepts valid dates and addresses the fast tests do not cover', () => {
    const b = makeBookmark({ url: 'https://ArchiveOfOurOwn.org/works/123?x=a%20b', readAt: '2026-01-01T10:00:00+01:00', addedAt: '2026-01-01T10:00Z' });
    expect(decodeStoredBookmark(key, { v: 1, ...b })).toEqual({ ok: true, bookmark: b, migrated: false });
  });
});

describe('sortByReadAt', () => {
  it('orders as compareBookmarksByReadAt does, unparseable dates last and ties by id', () => {
    const rand = seeded(4);
    const dates = ['2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z', 'not a date', '2025-12-31T23:00:00-02:00'];
    const list = Array.from({ length: 200 }, (_, i) =>
      makeBookmark({ workId: String(Math.floor(rand() * 1000) + i * 1000), site: rand() < 0.5 ? 'ao3' : 'ffn', readAt: dates[i % dates.length]! }),
    );
    expect(sortByReadAt(list)).toEqual([...list].sort(compareBookmarksByReadAt));
  });
});

describe('getAllBookmarks with storage.local.getKeys', () => {
  const local = fakeBrowser.storage.local as unknown as Record<string, unknown>;
  afterEach(() => {
    delete local.getKeys;
    vi.restoreAllMocks();
  });

  it('reads the bookmark records in chunks, and only them', async () => {
    const count = BOOKMARK_READ_CHUNK * 2 + 7;
    const all = Array.from({ length: count }, (_, i) =>
      makeBookmark({ workId: String(i + 1), readAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString() }),
    );
    await fakeBrowser.storage.local.set(Object.fromEntries(all.map((b) => [`bookmark:ao3:${b.workId}`, { v: 1, ...b }])));
    await fakeBrowser.storage.local.set({ unrelated: 1, 'bookmark:ao3:1$': { v: 1 } });
    const keys = Object.keys(await fakeBrowser.storage.local.get());
    local.getKeys = async () => keys;
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    expect(await getAllBookmarks()).toEqual([...all].reverse());
    expect(get).toHaveBeenCalledTimes(3);
    for (const [keys] of get.mock.calls) {
      expect(Array.isArray(keys) && keys.every((k: string) => /^bookmark:ao3:\d+$/.test(k))).toBe(true);
    }
  });

  it('quarantines a stored record whose addresses leave its site or whose chapter is past chapterCount', async () => {
    local.getKeys = async () => Object.keys(await fakeBrowser.storage.local.get());
    const good = makeBookmark();
    await putBookmark(good);
    await fakeBrowser.storage.local.set({
      'bookmark:ao3:7': { v: 1, ...makeBookmark({ workId: '7', url: 'https://evil.example/phish' }) },
      'bookmark:ffn:8': { v: 1, ...makeBookmark({ site: 'ffn', workId: '8', url: 'https://archiveofourown.org/works/8' }) },
      'bookmark:ao3:9': { v: 1, ...makeBookmark({ workId: '9', chapterUrl: 'http://archiveofourown.org/works/9/chapters/1' }) },
      'bookmark:ao3:10': { v: 1, ...makeBookmark({ workId: '10', chapter: 4, chapterCount: 1 }) },
    });
    expect(await getAllBookmarks()).toEqual([good]);
    const quarantined = await getQuarantine();
    expect(quarantined.map((q) => q.key).sort()).toEqual(
      ['local:bookmark:ao3:10', 'local:bookmark:ao3:7', 'local:bookmark:ao3:9', 'local:bookmark:ffn:8'].sort(),
    );
    expect(quarantined.find((q) => q.key === 'local:bookmark:ao3:10')?.reason).toContain('chapter must be at most chapterCount (1), not 4');
  });

  it('still quarantines a damaged record', async () => {
    local.getKeys = async () => Object.keys(await fakeBrowser.storage.local.get());
    const good = makeBookmark();
    await putBookmark(good);
    await fakeBrowser.storage.local.set({ 'bookmark:ao3:9': { v: 1, ...makeBookmark({ workId: '9', chapter: 0 }) } });
    expect(await getAllBookmarks()).toEqual([good]);
    expect((await getQuarantine()).map((q) => q.key)).toEqual(['local:bookmark:ao3:9']);
  });
});
