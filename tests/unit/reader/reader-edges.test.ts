import { describe, expect, it } from 'vitest';
import { columnWidth } from '../../../lib/reader/measure';
import { aspectRatioOf } from '../../../lib/reader/media';
import { chapterCount, chapterListTarget, withoutReaderMarker } from '../../../lib/reader/navigation';
import { controlValue, READER_SETTINGS_FORM, type ReaderSettingField } from '../../../lib/reader/settings-form';
import { coveredTop, nextBarState, type BarState } from '../../../lib/reader/toolbar';

describe('toolbar edges', () => {
  it.each([
    // At the edge of the top zone it shows (a hidden bar 10 px above would otherwise stay hidden).
    ['at the top zone edge', { shown: false, anchor: 40 }, { y: 50, pinned: false, topZone: 50 }, { shown: true, anchor: 50 }],
    ['pinned, far down', { shown: false, anchor: 900 }, { y: 1000, pinned: true, topZone: 50 }, { shown: true, anchor: 1000 }],
    // Within the slack the anchor follows the turning point.
    ['shown, scrolled up a little', { shown: true, anchor: 300 }, { y: 290, pinned: false, topZone: 0 }, { shown: true, anchor: 290 }],
    ['hidden, scrolled down a little', { shown: false, anchor: 300 }, { y: 310, pinned: false, topZone: 0 }, { shown: false, anchor: 310 }],
    ['shown, scrolled down a little', { shown: true, anchor: 300 }, { y: 310, pinned: false, topZone: 0 }, { shown: true, anchor: 300 }],
    ['hidden, scrolled up a little', { shown: false, anchor: 300 }, { y: 290, pinned: false, topZone: 0 }, { shown: false, anchor: 300 }],
  ])('%s', (_name, state: BarState, input, expected) => {
    expect(nextBarState(state, input)).toEqual(expected);
  });

  it.each([
    ['shown at the top, same place', { shown: true, anchor: 10 }, { y: 10, pinned: false, topZone: 50 }],
    ['shown, not moved', { shown: true, anchor: 300 }, { y: 300, pinned: false, topZone: 0 }],
    ['hidden, not moved', { shown: false, anchor: 300 }, { y: 300, pinned: false, topZone: 0 }],
  ])('%s keeps the very same state (no re-render)', (_name, state: BarState, input) => {
    expect(nextBarState(state, input)).toBe(state);
  });

  it.each([
    [true, 40, 40],
    [false, 40, 0],
    [true, 0, 0],
    [true, -5, 0],
    [true, null, 0],
  ])('coveredTop(shown %s, bar %s) is %d', (shown, bar, expected) => {
    expect(coveredTop(shown, bar)).toBe(expected);
  });
});

describe('columnWidth edges', () => {
  it.each([
    // 200 characters (the minimum sample) 1600 px wide: 8 px each; 40 words, so half a word is 2.5 characters.
    [60, { width: 1600, length: 200, words: 40 }, 500],
    [60, { width: 1600, length: 199, words: 40 }, null],
    [0, { width: 1600, length: 200, words: 40 }, null],
    [-10, { width: 1600, length: 200, words: 40 }, null],
    [60, { width: 1600, length: 200, words: 0 }, null],
    [60, { width: 0, length: 200, words: 40 }, null],
  ])('%d characters from %j: %s', (chars, sample, expected) => {
    expect(columnWidth(chars, sample)).toBe(expected);
  });
});

describe('aspectRatioOf edges', () => {
  it.each([
    ['12.5', '10', '12.5 / 10'],
    ['12.25px', ' 4 ', '12.25 / 4'],
    ['abc12', '10', null],
    ['12', 'x10', null],
    ['12.', '10', null],
    [null, '10', null],
  ])('%j × %j is %j', (width, height, expected) => {
    expect(aspectRatioOf(width, height)).toBe(expected);
  });
});

describe('navigation edges', () => {
  const work = 'https://archiveofourown.org/works/1/chapters/2';

  it.each([
    [`${work}#lamplight-reader`, '', work],
    [`${work}#lamplight-reader`, '#workskin', `${work}#workskin`],
    [`${work}#lamplight-reader`, '#lamplight-reader', work],
    [`${work}#other`, '', `${work}#other`],
  ])('withoutReaderMarker(%s, %j) is %s', (url, original, expected) => {
    expect(withoutReaderMarker(url, original)).toBe(expected);
  });

  it.each([
    // One section on the page: that is the chapter's own page, so the list links to the URL.
    [3, [3], { kind: 'url', url: `${work}#lamplight-reader` }],
    [1, [1, 2, 3], { kind: 'section', index: 0 }],
    [3, [1, 2, 3], { kind: 'section', index: 2 }],
    [4, [1, 2, 3], { kind: 'url', url: `${work}#lamplight-reader` }],
  ])('chapter %d among sections %j', (chapter, sections, expected) => {
    expect(chapterListTarget(chapter, work, sections)).toEqual(expected);
  });

  it.each([
    [{ listed: 2, posted: 14, onPage: 1 }, 14],
    [{ listed: 2, posted: null, onPage: 1 }, 2],
    [{ listed: 0, posted: null, onPage: 0 }, null],
    [{ listed: 0, posted: 0, onPage: 3 }, 3],
  ])('chapterCount(%j) is %s', (input, expected) => {
    expect(chapterCount(input)).toBe(expected);
  });
});

describe('settings form edges', () => {
  const field = (key: string): ReaderSettingField => READER_SETTINGS_FORM.find((f) => f.key === key)!;

  it.each([
    ['lineHeight', { value: '1.5' }, 1.5],
    ['fontSize', { value: '20', checked: true }, 20],
    ['openAutomatically', { value: 'on', checked: true }, true],
    ['openAutomatically', { value: 'on', checked: false }, false],
    ['skipAdultGate', { value: 'on' }, false],
    ['theme', { value: 'sepia' }, 'sepia'],
    ['font', { value: 'dyslexic', checked: true }, 'dyslexic'],
  ])('controlValue of %s from %j is %j', (key, control, expected) => {
    expect(controlValue(field(key), control)).toBe(expected);
  });

  it('shows paragraph spacing 0 as none, else in em', () => {
    const spacing = field('paragraphSpacing');
    if (spacing.kind !== 'range') throw new Error('paragraphSpacing is a slider');
    expect(spacing.format(0)).toBe('none');
    expect(spacing.format(0.25)).toBe('0.25 em');
    expect(spacing.format(1.5)).toBe('1.5 em');
  });
});
