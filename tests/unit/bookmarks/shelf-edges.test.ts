/**
 * The shelf (lib/bookmarks/shelf.ts) at its edges: where Resume goes for http and other schemes,
 * the badge count, a status filter without a search, and search text made ahead of time.
 */
import { describe, expect, it } from 'vitest';
import { countWithNewChapters, filterEntries, resumeUrl, shelfEntry } from '../../../lib/bookmarks/shelf';
import type { Bookmark } from '../../../lib/bookmarks/types';
import { makeBookmark } from '../storage/helpers';

describe('resumeUrl', () => {
  it('opens a chapter on the same http site', () => {
    const url = resumeUrl({ url: 'http://example.org/works/1', chapterUrl: 'http://example.org/works/1/chapters/2', readerMode: false });
    expect(url).toBe('http://example.org/works/1/chapters/2#lamplight-resume');
  });

  it('keeps the work address when both are on the same site of another scheme', () => {
    const url = resumeUrl({ url: 'ftp://example.org/works/1', chapterUrl: 'ftp://example.org/works/1/chapters/2', readerMode: false });
    expect(url).toBe('ftp://example.org/works/1#lamplight-resume');
  });
});

describe('countWithNewChapters', () => {
  it('counts the works with new chapters, however many each has', () => {
    expect(countWithNewChapters([{ newChapters: 2 }, { newChapters: 0 }, { newChapters: 1 }, { newChapters: 5 }])).toBe(3);
  });
});

describe('filterEntries', () => {
  it('keeps the bookmarks of a status when there is no search', () => {
    const entries = [
      shelfEntry(makeBookmark({ workId: '1', status: 'reading' })),
      shelfEntry(makeBookmark({ workId: '2', status: 'finished' })),
      shelfEntry(makeBookmark({ workId: '3', status: 'reading' })),
    ];
    expect(filterEntries(entries, { search: '', status: 'reading' }).map((e) => e.workId)).toEqual(['1', '3']);
    expect(filterEntries(entries, { search: ' ', status: 'finished' }).map((e) => e.workId)).toEqual(['2']);
  });
});

describe('a record entry', () => {
  it('reads its title when the search is prepared, and not again when searched', () => {
    let titleReads = 0;
    const bookmark: Bookmark = makeBookmark({ authors: [], fandoms: [] });
    Object.defineProperty(bookmark, 'title', {
      get: () => {
        titleReads += 1;
        return 'Lantern Moths';
      },
    });
    const entry = shelfEntry(bookmark);
    expect(titleReads).toBe(0);
    entry.prepareSearch();
    const readsWhenPrepared = titleReads;
    expect(readsWhenPrepared).toBeGreaterThan(0);
    expect(entry.matches(['moths'])).toBe(true);
    expect(titleReads).toBe(readsWhenPrepared);
  });
});
