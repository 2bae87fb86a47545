/**
 * ffn.readWork over every real FanFiction.net story page. Expected values were read from the HTML
 * of tests/fixtures/ffn (the chapter menus, buttons, #profile_top and its gray line), never printed
 * from the parser.
 */

import { describe, expect, it } from 'vitest';
import { ffn } from '../../../lib/sites/ffn';
import type { ChapterLink, WorkMeta } from '../../../lib/sites/types';
import { CROSSOVER_FANDOMS, ffnCrossoverStory } from '../../support/derived-pages';
import { ffnLanguageTag } from '../../../lib/sites/ffn-language';
import { FFN, ffnUrl, loadFixture, pageUrl, parseHtml, sharedFixture, type RealPage } from './ffn-fixtures';

function text(element: Element | null | undefined): string | null {
  return element ? (element.textContent ?? '').replace(/\s+/g, ' ').trim() : null;
}

const COUNTING_CHAPTERS: ChapterLink[] = [
  { number: 1, title: 'Skipping Stones', url: `${FFN}/s/5853866/1/Counting` },
  { number: 2, title: 'The Flower', url: `${FFN}/s/5853866/2/Counting` },
];

/** The 20 options of Stuck!'s chapter menu: "N. N:Title". */
const STUCK_TITLES = [
  '1:A Scowl Like a Thundercloud', '2:Bite Your Tongue', '3:Mini McKay', '4:Definitely Not Pink',
  '5:Mister CrankyPants', '6:A Quiet Moment', '7:The Power of Puppy Dog Eyes', '8:Rodney Sitting',
  '9:Sent to the Corner', '10:Enter the Toymaker', '11:A Very Bad Boy', '12:Running Down the Clock',
  '13:A New Kind of Battleship', '14:Paying the Piper', '15:From The Mouths of Babes', '16:Jack and Jill',
  '17:Ticking Crocodile', '18:Return from Neverland', '19:Home again, Home again', '20:Off the Roller Coaster',
];
const STUCK_CHAPTERS: ChapterLink[] = STUCK_TITLES.map((title, index) => ({
  number: index + 1,
  title,
  url: `${FFN}/s/2652996/${index + 1}/Stuck`,
}));

/**
 * Counting, both chapters: "Rated: Fiction T - English - Angst/Romance - Harry P. - Chapters: 2 -
 * Words: 204 - Published: <span data-xutime='1269915057'>3/29/2010</span> - Status: Complete - id: 5853866".
 * No "Updated:", so the last update is the publication date.
 */
const COUNTING_META: WorkMeta = {
  site: 'ffn',
  id: '5853866',
  url: `${FFN}/s/5853866/1/Counting`,
  title: 'Counting',
  authors: [{ pseud: 'ambtus', login: 'ambtus', url: `${FFN}/u/952082/ambtus` }],
  anonymous: false,
  fandoms: ['Harry Potter'],
  rating: 'T',
  warnings: [],
  categories: [],
  relationships: [],
  characters: ['Harry P.'],
  freeforms: ['Angst', 'Romance'],
  language: 'English',
  words: 204,
  chapters: { posted: 2, expected: 2 },
  complete: true,
  updated: '2010-03-29',
  summary: '2 connected drabbles.',
  series: [],
};

/**
 * Stuck!, the older layout: no #profile_top; title from <title> ("Stuck! Chapter 1: …, a Stargate:
 * Atlantis fanfic - FanFiction.Net"), breadcrumb "TV Shows » Stargate: Atlantis » Stuck!", loose
 * line "Rated: T - English - Adventure/Angst - Rodney M. & John S. - Reviews: 571 - Updated: 11-22-05 -
 * Published: 11-09-05 - Complete - id:2652996" (no Chapters:, no Words:, no summary on the page).
 */
const STUCK_META: WorkMeta = {
  site: 'ffn',
  id: '2652996',
  url: `${FFN}/s/2652996/1/Stuck`,
  title: 'Stuck!',
  authors: [{ pseud: 'kolyaaa', login: 'kolyaaa', url: `${FFN}/u/925224/kolyaaa` }],
  anonymous: false,
  fandoms: ['Stargate: Atlantis'],
  rating: 'T',
  warnings: [],
  categories: [],
  relationships: [],
  characters: ['Rodney M.', 'John S.'],
  freeforms: ['Adventure', 'Angst'],
  language: 'English',
  words: null,
  chapters: { posted: 20, expected: 20 },
  complete: true,
  updated: '2005-11-22',
  summary: '',
  series: [],
};

interface Case {
  file: RealPage;
  meta: WorkMeta;
  chapterList: ChapterLink[];
  currentChapter: number;
  chapterTitle: string;
  /** Text at the start and the end of the story text (paragraphs run together in textContent). */
  first: string;
  last: string;
  prevUrl: string | null;
  nextUrl: string | null;
  /** The element page-level buttons go in: its id, or its tag name. */
  navigation: string;
  summary: string | null;
}

const CASES: Case[] = [
  {
    file: 'ambtus-counting-ch1.html',
    meta: COUNTING_META,
    chapterList: COUNTING_CHAPTERS,
    currentChapter: 1,
    chapterTitle: 'Chapter 1: Skipping Stones',
    first: 'Skip."Harry Potter."',
    last: 'He stood gazing out over the lake for a long time.',
    prevUrl: null,
    nextUrl: `${FFN}/s/5853866/2/Counting`,
    navigation: '#profile_top',
    summary: '2 connected drabbles.',
  },
  {
    file: 'ambtus-counting-ch2.html',
    meta: COUNTING_META,
    chapterList: COUNTING_CHAPTERS,
    currentChapter: 2,
    chapterTitle: 'Chapter 2: The Flower',
    first: 'It is said this purple flower has divinatory power.',
    last: 'Into his future.',
    prevUrl: `${FFN}/s/5853866/1/Counting`,
    nextUrl: null,
    navigation: '#profile_top',
    summary: '2 connected drabbles.',
  },
  {
    file: 'stuck-sga-ch1-old-layout.html',
    meta: STUCK_META,
    chapterList: STUCK_CHAPTERS,
    currentChapter: 1,
    chapterTitle: 'Chapter 1: 1:A Scowl Like a Thundercloud',
    first: 'Stuck!Author: Kolyaaa!',
    last: 'praise me! Leave me feedback!',
    prevUrl: null,
    nextUrl: `${FFN}/s/2652996/2/Stuck`,
    navigation: 'TD',
    summary: null,
  },
];

describe.each(CASES)('$file', (c) => {
  const doc = sharedFixture(c.file);
  const work = ffn.readWork(doc, pageUrl(c.file));

  it('is read', () => {
    expect(work).not.toBeNull();
  });

  it('has the metadata of the page', () => {
    expect(work?.meta).toEqual(c.meta);
  });

  it('has the chapter menu as its chapter list, and the chapter shown', () => {
    expect(work?.chapterList).toEqual(c.chapterList);
    expect(work?.currentChapter).toBe(c.currentChapter);
    expect(work?.entireWork).toBe(false);
    expect(work?.entireWorkUrl).toBeNull();
  });

  it('has one chapter: #storytext', () => {
    expect(work?.chapters).toHaveLength(1);
    const chapter = work?.chapters[0];
    expect(chapter?.number).toBe(c.currentChapter);
    expect(chapter?.title).toBe(c.chapterTitle);
    expect(chapter?.body).toBe(doc.querySelector('#storytext'));
    expect(text(chapter?.body)?.startsWith(c.first)).toBe(true);
    expect(text(chapter?.body)?.endsWith(c.last)).toBe(true);
    expect([chapter?.summary, chapter?.notes, chapter?.endNotes]).toEqual([null, null, null]);
  });

  it('takes previous and next from the buttons', () => {
    expect(work?.prevUrl).toBe(c.prevUrl);
    expect(work?.nextUrl).toBe(c.nextUrl);
  });

  it('holds the story in #storytextp, and page-level buttons in its header', () => {
    expect(work?.content).toBe(doc.querySelector('#storytextp'));
    expect(work?.content.matches(ffn.workContentSelector)).toBe(true);
    const navigation = work?.navigation;
    if (c.navigation.startsWith('#')) expect(navigation).toBe(doc.querySelector(c.navigation));
    else expect(navigation?.tagName).toBe(c.navigation);
    expect(navigation?.contains(work?.content ?? null)).toBe(false);
  });

  it('has the summary element, and no notes', () => {
    expect(text(work?.summary)).toBe(c.summary);
    expect(work?.notes).toBeNull();
    expect(work?.endNotes).toBeNull();
  });
});

describe('the URL a story page is opened at', () => {
  it('without a slug: the slug comes from the canonical link', () => {
    const work = ffn.readWork(sharedFixture('ambtus-counting-ch1.html'), ffnUrl('/s/5853866/1/'));
    expect(work?.meta.url).toBe(`${FFN}/s/5853866/1/Counting`);
    expect(work?.nextUrl).toBe(`${FFN}/s/5853866/2/Counting`);
    expect(work?.chapterList.map((c) => c.url)).toEqual(COUNTING_CHAPTERS.map((c) => c.url));
  });

  it('without a chapter: the chapter shown is the selected menu option', () => {
    expect(ffn.readWork(sharedFixture('ambtus-counting-ch2.html'), ffnUrl('/s/5853866'))?.currentChapter).toBe(2);
  });

  it('on the mobile host: chapter links stay on it, the work URL is the canonical www one', () => {
    const work = ffn.readWork(sharedFixture('ambtus-counting-ch1.html'), new URL('https://m.fanfiction.net/s/5853866/1/Counting'));
    expect(work?.meta.url).toBe(`${FFN}/s/5853866/1/Counting`);
    expect(work?.nextUrl).toBe('https://m.fanfiction.net/s/5853866/2/Counting');
    expect(work?.meta.authors[0]?.url).toBe('https://m.fanfiction.net/u/952082/ambtus');
  });

  it('elsewhere (a saved copy): the story id comes from the canonical link', () => {
    const work = ffn.readWork(sharedFixture('ambtus-counting-ch1.html'), new URL('file:///tmp/counting1.html'));
    expect(work?.meta.id).toBe('5853866');
    expect(work?.meta.url).toBe(`${FFN}/s/5853866/1/Counting`);
  });
});

describe('one-shots', () => {
  it('a page without a chapter menu is a one-shot: no chapter list, the work title as chapter title', () => {
    const doc = loadFixture('ambtus-counting-ch1.html');
    for (const menu of Array.from(doc.querySelectorAll('select#chap_select'))) menu.parentElement?.remove();
    const line = doc.querySelector('#profile_top span.xgray');
    // A one-shot's line has no "Chapters:" and no "Status:".
    if (line) line.innerHTML = 'Rated: <a>Fiction K+</a> - English - Humor - Words: 1,065 - Published: <span data-xutime="1269915057">3/29/2010</span> - id: 5853866';
    const work = ffn.readWork(doc, ffnUrl('/s/5853866/1/Counting'));
    expect(work?.chapterList).toEqual([]);
    expect(work?.currentChapter).toBeNull();
    expect(work?.chapters.map((c) => [c.number, c.title])).toEqual([[1, 'Counting']]);
    expect(work?.prevUrl).toBeNull();
    expect(work?.nextUrl).toBeNull();
    expect(work?.navigation).toBe(doc.querySelector('#profile_top'));
    expect(work?.meta).toMatchObject({
      rating: 'K+',
      freeforms: ['Humor'],
      characters: [],
      words: 1065,
      chapters: { posted: 1, expected: null },
      complete: false,
    });
  });
});

describe('the mobile edition (a hand-written snippet: no saved m.fanfiction.net page exists among the fixtures)', () => {
  const MOBILE = new URL('https://m.fanfiction.net/s/8000001/2/A-Story');
  const doc = parseHtml(`<title>A Story Chapter 2: Onward, a naruto fanfic | FanFiction</title>
    <div id=content><div align=center><b>A Story</b> by <a href='/u/7000001/Someone'>Someone</a></div>
    <div align=center><a href='/s/8000001/1/A-Story'>« Prev</a> <a href='/s/8000001/3/A-Story'>Next »</a></div>
    <div id=storycontent class='storycontent nocopy'><p>Text.</p><p><a href='/s/8000001/9/A-Story'>Next time</a></p></div></div>`);
  const work = ffn.readWork(doc, MOBILE);

  it('reads the text in #storycontent, which is also what filtering holds', () => {
    expect(work?.chapters[0]?.body).toBe(doc.querySelector('#storycontent'));
    expect(work?.content).toBe(doc.querySelector('#storycontent'));
    expect(work?.content.matches(ffn.workContentSelector)).toBe(true);
  });

  it('takes the title from <title>, the author from the first profile link', () => {
    expect(work?.meta.title).toBe('A Story');
    expect(work?.meta.authors).toEqual([{ pseud: 'Someone', login: 'Someone', url: 'https://m.fanfiction.net/u/7000001/Someone' }]);
  });

  it('takes previous and next from the Prev/Next links (not from links in the story), the chapter from the URL', () => {
    expect(work?.prevUrl).toBe('https://m.fanfiction.net/s/8000001/1/A-Story');
    expect(work?.nextUrl).toBe('https://m.fanfiction.net/s/8000001/3/A-Story');
    expect(work?.currentChapter).toBe(2);
    expect(work?.chapters[0]?.title).toBe('Chapter 2');
    expect(work?.navigation).toBeNull();
  });
});

describe('a crossover story (Counting with a crossover breadcrumb: no crossover page is among the fixtures)', () => {
  it('has both fandoms, from the crossover link', () => {
    const doc = parseHtml(ffnCrossoverStory());
    expect(ffn.readWork(doc, pageUrl('ambtus-counting-ch1.html'))?.meta.fandoms).toEqual([...CROSSOVER_FANDOMS]);
  });

  it('also in the "Crossover › X + Y Crossover" form', () => {
    const html = ffnCrossoverStory().replace('<span class=lc-left>', `<span class=lc-left><a href='/crossovers/book/'>Crossover</a><span class='icon-chevron-right xicon-section-arrow'></span>`);
    expect(ffn.readWork(parseHtml(html), pageUrl('ambtus-counting-ch1.html'))?.meta.fandoms).toEqual([...CROSSOVER_FANDOMS]);
  });
});

describe('the story’s language tag (hyphenation in the reader)', () => {
  it('comes from the language FFN names in words', () => {
    expect(ffn.readWork(loadFixture('ambtus-counting-ch1.html'), pageUrl('ambtus-counting-ch1.html'))?.lang).toBe('en');
    expect(ffnLanguageTag('Español')).toBe('es');
    expect(ffnLanguageTag('Klingon')).toBeNull();
  });
});
