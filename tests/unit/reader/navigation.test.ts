import { describe, expect, it } from 'vitest';
import {
  chapterCount,
  chapterKey,
  chapterListTarget,
  chapterTargets,
  hasReaderMarker,
  READER_MARKER,
  withoutReaderMarker,
  withReaderMarker,
} from '../../../lib/reader/navigation';

const CH1 = 'https://archiveofourown.org/works/17793689/chapters/41980418';
const CH3 = 'https://archiveofourown.org/works/17793689/chapters/42143897';

describe('reader marker', () => {
  it('replaces the fragment (AO3 chapter links end in #workskin)', () => {
    expect(withReaderMarker(`${CH3}#workskin`)).toBe(`${CH3}#${READER_MARKER}`);
    expect(withReaderMarker(CH3)).toBe(`${CH3}#lamplight-reader`);
    expect(withReaderMarker('https://archiveofourown.org/works/1?view_full_work=true')).toBe(
      'https://archiveofourown.org/works/1?view_full_work=true#lamplight-reader',
    );
  });
  it('is recognised only as the whole fragment', () => {
    expect(hasReaderMarker(`${CH3}#lamplight-reader`)).toBe(true);
    expect(hasReaderMarker(new URL(`${CH3}#lamplight-reader`))).toBe(true);
    expect(hasReaderMarker(`${CH3}#lamplight-reader-x`)).toBe(false);
    expect(hasReaderMarker(`${CH3}?lamplight-reader`)).toBe(false);
    expect(hasReaderMarker(CH3)).toBe(false);
    expect(hasReaderMarker('not a url')).toBe(false);
  });
  it('comes off again, restoring the fragment the page had', () => {
    expect(withoutReaderMarker(`${CH3}#lamplight-reader`)).toBe(CH3);
    expect(withoutReaderMarker(`${CH3}#lamplight-reader`, '#chapter_2_endnotes')).toBe(`${CH3}#chapter_2_endnotes`);
    expect(withoutReaderMarker(`${CH3}#lamplight-reader`, '#lamplight-reader')).toBe(CH3);
    expect(withoutReaderMarker(`${CH3}#comments`)).toBe(`${CH3}#comments`);
  });
  it('leaves what is not a URL alone', () => {
    expect(withReaderMarker('nope')).toBe('nope');
    expect(withoutReaderMarker('nope')).toBe('nope');
  });
});

describe('chapterTargets', () => {
  it('uses the site links, marked, on a one-chapter page', () => {
    expect(chapterTargets({ sectionCount: 1, currentSection: 0, prevUrl: CH1, nextUrl: CH3 })).toEqual({
      previous: { kind: 'url', url: `${CH1}#lamplight-reader` },
      next: { kind: 'url', url: `${CH3}#lamplight-reader` },
    });
  });
  it('has no previous on the first chapter and no next on the last', () => {
    expect(chapterTargets({ sectionCount: 1, currentSection: 0, prevUrl: null, nextUrl: CH3 }).previous).toBeNull();
    expect(chapterTargets({ sectionCount: 1, currentSection: 0, prevUrl: CH1, nextUrl: null }).next).toBeNull();
  });
  it('moves between sections on the Entire Work view', () => {
    expect(chapterTargets({ sectionCount: 5, currentSection: 0, prevUrl: null, nextUrl: null })).toEqual({
      previous: null,
      next: { kind: 'section', index: 1 },
    });
    expect(chapterTargets({ sectionCount: 5, currentSection: 2, prevUrl: null, nextUrl: null })).toEqual({
      previous: { kind: 'section', index: 1 },
      next: { kind: 'section', index: 3 },
    });
    expect(chapterTargets({ sectionCount: 5, currentSection: 4, prevUrl: null, nextUrl: null }).next).toBeNull();
  });
  it('a one-shot has neither', () => {
    expect(chapterTargets({ sectionCount: 1, currentSection: 0, prevUrl: null, nextUrl: null })).toEqual({
      previous: null,
      next: null,
    });
  });
});

describe('chapterListTarget', () => {
  it('jumps within an Entire Work page', () => {
    expect(chapterListTarget(3, CH3, [1, 2, 3, 4])).toEqual({ kind: 'section', index: 2 });
  });
  it('navigates (marked) from a chapter page', () => {
    expect(chapterListTarget(3, CH3, [2])).toEqual({ kind: 'url', url: `${CH3}#lamplight-reader` });
  });
  it('navigates when the chapter is not on the page', () => {
    expect(chapterListTarget(9, CH3, [1, 2, 3])).toEqual({ kind: 'url', url: `${CH3}#lamplight-reader` });
  });
});

describe('chapterKey', () => {
  const key = (k: string, mods: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'isComposing', boolean>> = {}) =>
    chapterKey({ key: k, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...mods });
  it('maps arrows and j/k', () => {
    expect(key('ArrowLeft')).toBe('previous');
    expect(key('k')).toBe('previous');
    expect(key('ArrowRight')).toBe('next');
    expect(key('j')).toBe('next');
  });
  it('ignores other keys and any modifier', () => {
    expect(key('ArrowDown')).toBeNull();
    expect(key('J')).toBeNull();
    expect(key(' ')).toBeNull();
    expect(key('ArrowLeft', { altKey: true })).toBeNull(); // browser Back
    expect(key('ArrowRight', { metaKey: true })).toBeNull();
    expect(key('j', { ctrlKey: true })).toBeNull();
    expect(key('k', { shiftKey: true })).toBeNull();
    expect(key('j', { isComposing: true })).toBeNull();
  });
});

describe('chapterCount', () => {
  it('takes the best-known count', () => {
    expect(chapterCount({ listed: 14, posted: 14, onPage: 1 })).toBe(14);
    expect(chapterCount({ listed: 0, posted: 6, onPage: 6 })).toBe(6);
    expect(chapterCount({ listed: 0, posted: null, onPage: 0 })).toBeNull();
  });
});
