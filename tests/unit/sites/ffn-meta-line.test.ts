/** The grammar of FanFiction.net's gray metadata line, case by case (hand-written inputs). */

import { describe, expect, it } from 'vitest';
import {
  charactersFrom,
  fandomsFromName,
  genresFrom,
  isoFromFfnDateText,
  isoFromUnixSeconds,
  readMetaLine,
} from '../../../lib/sites/ffn-meta-line';
import { parseHtml } from './ffn-fixtures';

/** The line as FFN writes it (HTML), read from a parsed element's child nodes. */
function line(html: string) {
  const doc = parseHtml(`<div id="line">${html}</div>`);
  return readMetaLine(Array.from(doc.getElementById('line')?.childNodes ?? []));
}

describe('genres', () => {
  it.each<[string, string[] | null]>([
    ['Romance', ['Romance']],
    ['Romance/Adventure', ['Romance', 'Adventure']],
    ['Hurt/Comfort', ['Hurt/Comfort']],
    ['Hurt/Comfort/Adventure', ['Hurt/Comfort', 'Adventure']],
    ['Adventure/Hurt/Comfort', ['Adventure', 'Hurt/Comfort']],
    ['Sci-Fi/Fantasy', ['Sci-Fi', 'Fantasy']],
    ['English', null],
    ['Harry P., Ginny W.', null],
    ['[Draco M., Percy J.] Anthony G.', null],
    ['Hurt', null],
    ['Comfort/Romance', null],
    ['', null],
  ])('%j → %j', (segment, expected) => {
    expect(genresFrom(segment)).toEqual(expected);
  });
});

describe('characters and pairings', () => {
  it.each<[string, string[], string[]]>([
    ['Harry P.', ['Harry P.'], []],
    ['Harry P., Hermione G.', ['Harry P.', 'Hermione G.'], []],
    ['[Harry P., Hermione G.]', ['Harry P.', 'Hermione G.'], ['Harry P./Hermione G.']],
    ['[Draco M., Harry P.] Luna L., Neville L.', ['Draco M.', 'Harry P.', 'Luna L.', 'Neville L.'], ['Draco M./Harry P.']],
    ['Neville L. [Harry P., Ginny W.]', ['Neville L.', 'Harry P.', 'Ginny W.'], ['Harry P./Ginny W.']],
    [
      '[Harry P., Ginny W.] [Ron W., Hermione G.] Neville L.',
      ['Harry P.', 'Ginny W.', 'Ron W.', 'Hermione G.', 'Neville L.'],
      ['Harry P./Ginny W.', 'Ron W./Hermione G.'],
    ],
    ['[Harry P., Draco M., Blaise Z.]', ['Harry P.', 'Draco M.', 'Blaise Z.'], ['Harry P./Draco M./Blaise Z.']],
    ['[Harry P.] Ron W.', ['Harry P.', 'Ron W.'], []],
    ['Rodney M. & John S.', ['Rodney M.', 'John S.'], []],
    ['OC, Sirius B.', ['OC', 'Sirius B.'], []],
    ['', [], []],
  ])('%j', (segment, characters, relationships) => {
    expect(charactersFrom(segment)).toEqual({ characters, relationships });
  });
});

describe('fandom names', () => {
  it.each<[string, string[]]>([
    ['Harry Potter', ['Harry Potter']],
    ['Stargate: Atlantis', ['Stargate: Atlantis']],
    ['Hetalia - Axis Powers', ['Hetalia - Axis Powers']],
    ['Harry Potter + Naruto Crossover', ['Harry Potter', 'Naruto']],
    ['Harry Potter & Naruto Crossover', ['Harry Potter', 'Naruto']],
    ['Law & Order: SVU + Sherlock Crossover', ['Law & Order: SVU', 'Sherlock']],
    ['', []],
  ])('%j → %j', (name, expected) => {
    expect(fandomsFromName(name)).toEqual(expected);
  });
});

describe('dates', () => {
  it('data-xutime is the date FFN prints: 1269915057 (02:10 UTC, 30 March 2010) shows as 3/29/2010', () => {
    expect(isoFromUnixSeconds('1269915057')).toBe('2010-03-29');
  });

  it.each<[string | null, string | null]>([
    ['1704225600', '2024-01-02'],
    ['', null],
    [null, null],
    ['soon', null],
    ['-5', null],
  ])('xutime %j → %j', (value, expected) => {
    expect(isoFromUnixSeconds(value)).toBe(expected);
  });

  it.each<[string, string | null]>([
    ['3/29/2010', '2010-03-29'],
    ['12/25/2019', '2019-12-25'],
    ['11-22-05', '2005-11-22'],
    ['01-01-99', '1999-01-01'],
    ['1/2', null],
    ['4h', null],
    ['13/1/2010', null],
    ['', null],
  ])('text %j → %j', (value, expected) => {
    expect(isoFromFfnDateText(value)).toBe(expected);
  });
});

describe('whole lines', () => {
  it('a story page line', () => {
    expect(
      line(
        "Rated: <a class='xcontrast_txt' href='https://www.fictionratings.com/' target='rating'>Fiction M</a> - English - Romance/Hurt/Comfort - [Harry P., Draco M.] Sirius B. - Chapters: 13 - Words: 28,545 - Reviews: <a href='/r/4231659/'>183</a> - Favs: 544 - Follows: 615 - Updated: <span data-xutime='1591041600'>6/1/2020</span> - Published: <span data-xutime='1518638400'>2/14/2018</span> - Status: Complete - id: 4231659 ",
      ),
    ).toEqual({
      rated: true,
      fandoms: [],
      rating: 'M',
      language: 'English',
      genres: ['Romance', 'Hurt/Comfort'],
      characters: ['Harry P.', 'Draco M.', 'Sirius B.'],
      relationships: ['Harry P./Draco M.'],
      chapters: 13,
      words: 28545,
      complete: true,
      updated: '2020-06-01',
      published: '2018-02-14',
    });
  });

  it('a work in progress without genre or characters', () => {
    expect(line("Rated: Fiction K+ - French - Chapters: 4 - Words: 8,000 - Published: <span data-xutime='1518638400'>2/14/2018</span> - id: 1")).toMatchObject({
      rating: 'K+',
      language: 'French',
      genres: [],
      characters: [],
      chapters: 4,
      complete: false,
      updated: null,
      published: '2018-02-14',
    });
  });

  it('"Crossover - X & Y" before Rated:', () => {
    expect(line('Crossover - Harry Potter &amp; Naruto - Rated: T - English - Adventure - Chapters: 3 - Words: 9,000').fandoms).toEqual([
      'Harry Potter',
      'Naruto',
    ]);
  });

  it('a fandom whose name holds " - "', () => {
    const read = line('Hetalia - Axis Powers - Rated: K - English - Humor - Chapters: 1 - Words: 500');
    expect(read.fandoms).toEqual(['Hetalia - Axis Powers']);
    expect(read.genres).toEqual(['Humor']);
  });

  it('labels FFN may add are skipped, not taken for characters', () => {
    expect(line('Rated: T - English - Humor - Translator: someone - Harry P. - Chapters: 1').characters).toEqual(['Harry P.']);
  });

  it('a line without "Rated:" is not the metadata line: nothing positional is guessed', () => {
    expect(line('Some text - more text')).toMatchObject({ rated: false, rating: null, language: null, fandoms: [] });
  });

  it('an empty line', () => {
    expect(line('')).toMatchObject({ rated: false, rating: null, chapters: null, complete: false, characters: [] });
  });

  it('scripts in the line are not text', () => {
    expect(line("Rated: T - English - Humor - Words: 5 - id: 2 <script>var a = ' - Chapters: 99';</script>").chapters).toBeNull();
  });
});
