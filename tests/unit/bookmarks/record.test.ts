import { describe, expect, it } from 'vitest';
import {
  authorName,
  chapterLabel,
  markerText,
  newBookmark,
  newChaptersLabel,
  placePatch,
  type Place,
} from '../../../lib/bookmarks/record';
import { validateBookmark } from '../../../lib/bookmarks/validate';
import {
  hasReaderMarker,
  hasResumeMarker,
  withoutReaderMarker,
  withoutResumeMarker,
  withReaderMarker,
  withResumeMarker,
} from '../../../lib/reader/navigation';
import type { WorkMeta } from '../../../lib/sites/types';
import { makeBookmark } from '../storage/helpers';

const NOW = new Date('2026-05-01T12:00:00.000Z');

function meta(overrides: Partial<WorkMeta> = {}): WorkMeta {
  return {
    site: 'ao3',
    id: '17793689',
    url: 'https://archiveofourown.org/works/17793689',
    title: '  A Title ',
    authors: [
      { pseud: 'Alias', login: 'anafabula', url: 'https://archiveofourown.org/users/anafabula/pseuds/Alias' },
      { pseud: 'same', login: 'same', url: 'https://archiveofourown.org/users/same' },
    ],
    anonymous: false,
    fandoms: ['F1', 'F2'],
    rating: null,
    warnings: [],
    categories: [],
    relationships: [],
    characters: [],
    freeforms: [],
    language: null,
    words: 1000,
    chapters: { posted: 14, expected: null },
    complete: false,
    updated: null,
    summary: '',
    series: [],
    ...overrides,
  };
}

const CH1 = 'https://archiveofourown.org/works/17793689/chapters/41980418';

describe('newBookmark', () => {
  it('makes a valid bookmark from the work page (the backup format fields, chapterUrl, status reading)', () => {
    const b = newBookmark(
      meta(),
      { chapter: 1, chapterUrl: CH1, paragraph: 7, paragraphOffset: 0.25, progress: 0.1, readerMode: true },
      NOW,
    );
    expect(b).toEqual({
      site: 'ao3',
      workId: '17793689',
      url: 'https://archiveofourown.org/works/17793689',
      title: 'A Title',
      authors: ['Alias (anafabula)', 'same'],
      fandoms: ['F1', 'F2'],
      chapter: 1,
      chapterCount: 14,
      chapterTotal: null,
      progress: 0.1,
      addedAt: NOW.toISOString(),
      readAt: NOW.toISOString(),
      note: '',
      paragraph: 7,
      paragraphOffset: 0.25,
      newChapters: 0,
      status: 'reading',
      readerMode: true,
      chapterUrl: CH1,
    });
    expect(validateBookmark(b).ok).toBe(true);
  });

  it('copes with what a page may not say: no chapters, no title, an anonymous work, a bad chapter', () => {
    const b = newBookmark(meta({ chapters: null, title: '', authors: [], anonymous: true }), { chapter: 0 }, NOW);
    expect(b).toMatchObject({ title: 'Untitled', authors: [], chapter: 1, chapterCount: 1, chapterTotal: null, paragraph: null });
    expect('chapterUrl' in b).toBe(false);
    expect(validateBookmark(b).ok).toBe(true);
    expect(newBookmark(meta({ chapters: { posted: 5, expected: 5 } }), { chapter: 7 }, NOW)).toMatchObject({
      chapter: 7,
      chapterCount: 7,
      chapterTotal: 7,
    });
    expect('chapterUrl' in newBookmark(meta(), { chapterUrl: 'javascript:alert(1)' }, NOW)).toBe(false);
  });

  it('names creators as the byline does', () => {
    expect(authorName({ pseud: 'A', login: 'b', url: '' })).toBe('A (b)');
    expect(authorName({ pseud: 'A', login: 'A', url: '' })).toBe('A');
    expect(authorName({ pseud: ' ', login: 'b', url: '' })).toBe('b');
  });
});

describe('placePatch', () => {
  const place = (p: Partial<Place> = {}): Place => ({
    chapter: 2,
    progress: 0.5,
    paragraph: 12,
    paragraphOffset: 0.25,
    readerMode: true,
    ...p,
  });

  it('writes nothing for the same place (readAt unchanged)', () => {
    expect(placePatch(makeBookmark(), place({ paragraphOffset: 0.26 }), NOW)).toBeNull();
  });

  it('moves the bookmark and stamps readAt', () => {
    expect(placePatch(makeBookmark(), place({ paragraph: 30, progress: 0.9, chapterUrl: CH1 }), NOW)).toEqual({
      chapter: 2,
      progress: 0.9,
      paragraph: 30,
      paragraphOffset: 0.25,
      readerMode: true,
      readAt: NOW.toISOString(),
      newChapters: 0,
      chapterUrl: CH1,
    });
  });

  it('reading a new chapter counts it as seen; reading past the count raises it', () => {
    const b = makeBookmark({ chapter: 3, chapterCount: 5, newChapters: 2 });
    expect(placePatch(b, place({ chapter: 4 }), NOW)).toMatchObject({ chapter: 4, newChapters: 1 });
    expect(placePatch(b, place({ chapter: 5 }), NOW)).toMatchObject({ newChapters: 0 });
    expect(placePatch(b, place({ chapter: 6 }), NOW)).toMatchObject({ chapterCount: 6, newChapters: 0 });
    expect(placePatch(makeBookmark({ chapterTotal: 5 }), place({ chapter: 6 }), NOW)).toMatchObject({ chapterTotal: 6 });
  });

  it('a change of reader mode alone is saved', () => {
    expect(placePatch(makeBookmark(), place({ readerMode: false }), NOW)).toMatchObject({ readerMode: false });
  });
});

describe('labels', () => {
  it('reads as people say it', () => {
    expect(chapterLabel({ chapter: 3, chapterCount: 10, chapterTotal: 10 })).toBe('Chapter 3 of 10');
    // A work in progress: the chapters out so far, as the reader's status line says it (one rule: lib/chapter-label.ts).
    expect(chapterLabel({ chapter: 2, chapterCount: 14, chapterTotal: null })).toBe('Chapter 2 of 14 so far');
    expect(chapterLabel({ chapter: 2, chapterCount: 14, chapterTotal: 20 })).toBe('Chapter 2 of 20');
    expect(newChaptersLabel(0)).toBe('');
    expect(newChaptersLabel(1)).toBe('1 new chapter');
    expect(newChaptersLabel(2)).toBe('2 new chapters');
    expect(markerText({ chapter: 3, chapterCount: 10, chapterTotal: 10, newChapters: 0 })).toBe('Bookmarked · Chapter 3 of 10');
    expect(markerText({ chapter: 3, chapterCount: 5, chapterTotal: null, newChapters: 0 })).toBe('Bookmarked · Chapter 3 of 5 so far');
    expect(markerText({ chapter: 3, chapterCount: 5, chapterTotal: null, newChapters: 2 })).toBe('Bookmarked · 2 new chapters');
  });
});

describe('the resume marker, with the reader marker', () => {
  it('marks a URL to resume, in the reader or not', () => {
    expect(withResumeMarker(`${CH1}#workskin`, false)).toBe(`${CH1}#lamplight-resume`);
    expect(withResumeMarker(CH1, true)).toBe(`${CH1}#lamplight-reader+resume`);
    expect(withResumeMarker('not a url', true)).toBe('not a url');
  });

  it('a combined marker counts as the reader marker, so the reader opens', () => {
    expect(hasReaderMarker(`${CH1}#lamplight-reader+resume`)).toBe(true);
    expect(hasResumeMarker(`${CH1}#lamplight-reader+resume`)).toBe(true);
    expect(hasReaderMarker(`${CH1}#lamplight-resume`)).toBe(false);
    expect(hasResumeMarker(`${CH1}#lamplight-resume`)).toBe(true);
    expect(hasResumeMarker(`${CH1}#lamplight-reader`)).toBe(false);
    expect(hasResumeMarker(`${CH1}#lamplight-resume-x`)).toBe(false);
    expect(hasResumeMarker('nope')).toBe(false);
  });

  it('dropping the resume part leaves the reader marker, or nothing', () => {
    expect(withoutResumeMarker(`${CH1}#lamplight-reader+resume`)).toBe(`${CH1}#lamplight-reader`);
    expect(withoutResumeMarker(`${CH1}#lamplight-resume`)).toBe(CH1);
    expect(withoutResumeMarker(`${CH1}#comments`)).toBe(`${CH1}#comments`);
    expect(withoutResumeMarker('nope')).toBe('nope');
  });

  it('the reader closing before the resume is done keeps the resume part', () => {
    expect(withoutReaderMarker(`${CH1}#lamplight-reader+resume`)).toBe(`${CH1}#lamplight-resume`);
    expect(withoutReaderMarker(`${CH1}#lamplight-reader`, '#lamplight-reader+resume')).toBe(CH1);
    expect(withReaderMarker(`${CH1}#lamplight-resume`)).toBe(`${CH1}#lamplight-reader`);
  });
});
