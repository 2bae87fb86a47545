import { describe, expect, it } from 'vitest';
import { collapseWhitespace, isoDate, isoFromDayMonthYear, parseCount, plainText, textOf } from '../../../lib/sites/text';
import {
  absoluteUrl,
  absoluteUrlWithoutHash,
  pseudFromHref,
  tagNameFromHref,
  workIdFromPath,
} from '../../../lib/sites/ao3-urls';
import { canonicalWarning, categoriesFromSymbolTitle, mostSevereRating, warningsFromSymbolTitle } from '../../../lib/sites/ao3-tags';
import { parseChapterCount } from '../../../lib/sites/ao3-fields';

function element(html: string): HTMLElement {
  const doc = new DOMParser().parseFromString(`<div id="x">${html}</div>`, 'text/html');
  const found = doc.getElementById('x');
  if (!found) throw new Error('no element');
  return found;
}

describe('text helpers', () => {
  it('collapseWhitespace trims and joins runs of spaces, newlines and no-break spaces', () => {
    expect(collapseWhitespace('  a \n\t b\u00a0\u00a0c  ')).toBe('a b c');
  });

  it('textOf gives collapsed text, or "" for no element', () => {
    expect(textOf(element('<b> Part </b>\n 1 '))).toBe('Part 1');
    expect(textOf(null)).toBe('');
  });

  it.each([
    ['12,479', 12479],
    ['447', 447],
    [' 1,234,567 ', 1234567],
    ['', null],
    ['?', null],
    ['12 words', null],
    [null, null],
  ])('parseCount(%j) = %j', (input, expected) => {
    expect(parseCount(input)).toBe(expected);
  });

  it.each([
    ['05 Feb 2026', '2026-02-05'],
    ['4 Jul 2005', '2005-07-04'],
    ['28 Dec 2021', '2021-12-28'],
    ['2021-12-28', null],
    ['Feb 2026', null],
    ['05 Foo 2026', null],
  ])('isoFromDayMonthYear(%j) = %j', (input, expected) => {
    expect(isoFromDayMonthYear(input)).toBe(expected);
  });

  it('isoDate accepts only YYYY-MM-DD', () => {
    expect(isoDate(' 2019-12-28 ')).toBe('2019-12-28');
    expect(isoDate('28 Dec 2019')).toBeNull();
  });

  it('plainText joins paragraphs with a blank line and keeps <br> as a line break', () => {
    const summary = element(
      '\n  <p>One <em>two</em>\n three.<br>Four.</p><p>&nbsp;</p>\n<p>Five</p><blockquote><p>Six</p><p>Seven<br> <br>Eight</p></blockquote>tail',
    );
    expect(plainText(summary)).toBe('One two three.\nFour.\n\nFive\n\nSix\n\nSeven\nEight\n\ntail');
  });

  it('plainText of text without paragraphs is that text; of nothing, ""', () => {
    expect(plainText(element('  just   words '))).toBe('just words');
    expect(plainText(null)).toBe('');
  });
});

describe('AO3 URL helpers', () => {
  it.each([
    ['/tags/Rape*s*Non-Con/works', 'Rape/Non-Con'],
    ['/tags/Choose%20Not%20To%20Use%20Archive%20Warnings/works', 'Choose Not To Use Archive Warnings'],
    ['/tags/fire*d*%20definitely%20a%20lot%20of%20fire*d*/works', 'fire. definitely a lot of fire.'],
    ['/tags/some%20thermodynamics*q*/works', 'some thermodynamics?'],
    ['/tags/Headaches%20*a*%20Migraines/works', 'Headaches & Migraines'],
    ['/tags/*h*1%20Fan/works', '#1 Fan'],
    ['/tags/Fran%C3%A7ois%20Arnaud/works', 'François Arnaud'],
    ['https://archiveofourown.org/tags/Mature/works', 'Mature'],
    ['/tags/Bad%E0%A4%A/works', null],
    ['/works/123', null],
    [null, null],
  ])('tagNameFromHref(%j) = %j', (href, name) => {
    expect(tagNameFromHref(href)).toBe(name);
  });

  it('absoluteUrl resolves against https://archiveofourown.org, whatever host the page is on', () => {
    expect(absoluteUrl('/series/1')).toBe('https://archiveofourown.org/series/1');
    expect(absoluteUrl('/works/1', new URL('https://www.archiveofourown.org/works/1'))).toBe('https://archiveofourown.org/works/1');
    expect(absoluteUrl('javascript:history.back()')).toBeNull();
    expect(absoluteUrl('')).toBeNull();
    expect(absoluteUrlWithoutHash('/works/1/chapters/2#workskin')).toBe('https://archiveofourown.org/works/1/chapters/2');
  });

  it('pseudFromHref reads login and pseud, decoded', () => {
    expect(pseudFromHref('/users/anafabula/pseuds/Alias')).toEqual({ login: 'anafabula', pseud: 'Alias' });
    expect(pseudFromHref('/users/some%20one/pseuds/A%20B')).toEqual({ login: 'some one', pseud: 'A B' });
    expect(pseudFromHref('/users/solo')).toEqual({ login: 'solo', pseud: 'solo' });
    expect(pseudFromHref('/works/1')).toBeNull();
  });

  it('workIdFromPath reads /works/ID paths only', () => {
    expect(workIdFromPath('/works/12/chapters/3')).toBe('12');
    expect(workIdFromPath('/works/12?view_adult=true')).toBe('12');
    expect(workIdFromPath('/works/12x')).toBeNull();
    expect(workIdFromPath('/works/search')).toBeNull();
  });
});

describe('AO3 tag names', () => {
  it('maps display and old warning names to canonical ones', () => {
    expect(canonicalWarning('Creator Chose Not To Use Archive Warnings')).toBe('Choose Not To Use Archive Warnings');
    expect(canonicalWarning('Underage')).toBe('Underage Sex'); // renamed 2024-11 (AO3-6831)
    expect(canonicalWarning('Major Character Death')).toBe('Major Character Death');
    expect(warningsFromSymbolTitle('Creator Chose Not To Use Archive Warnings, Rape/Non-Con')).toEqual([
      'Choose Not To Use Archive Warnings',
      'Rape/Non-Con',
    ]);
    expect(warningsFromSymbolTitle(null)).toEqual([]);
  });

  it('reads category symbol titles', () => {
    expect(categoriesFromSymbolTitle('No category')).toEqual([]);
    expect(categoriesFromSymbolTitle('Gen, F/M')).toEqual(['Gen', 'F/M']);
    expect(categoriesFromSymbolTitle(null)).toEqual([]);
  });

  it('picks the most severe of several ratings', () => {
    expect(mostSevereRating(['Teen And Up Audiences', 'Explicit'])).toBe('Explicit');
    expect(mostSevereRating([])).toBeNull();
  });

  it.each([
    ['1/1', { posted: 1, expected: 1 }],
    ['14/?', { posted: 14, expected: null }],
    ['1,024/2,000', { posted: 1024, expected: 2000 }],
    [' 3 / 5 ', { posted: 3, expected: 5 }],
    ['', null],
    ['three', null],
  ])('parseChapterCount(%j)', (input, expected) => {
    expect(parseChapterCount(input)).toEqual(expected);
  });
});
