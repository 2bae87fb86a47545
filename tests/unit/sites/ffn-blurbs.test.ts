/**
 * ffn.readBlurbs / readBlurb over the HAND-WRITTEN listing fixture tests/fixtures/ffn/listing-handwritten.html
 * (not a saved page: invented entries in FFN's listing markup, see the comment at its top), plus
 * small hand-written snippets for the listing variants it does not show. Expected values were
 * read from that HTML.
 */

import { describe, expect, it } from 'vitest';
import { ffn } from '../../../lib/sites/ffn';
import type { Author, WorkMeta } from '../../../lib/sites/types';
import { FFN, ffnUrl, pageUrl, parseHtml, sharedFixture } from './ffn-fixtures';

const LISTING = 'listing-handwritten.html';
const URL_LISTING = pageUrl(LISTING);

function author(name: string, path: string): Author {
  return { pseud: name, login: name, url: `${FFN}${path}` };
}

/** What every FFN entry has the same way. */
const FFN_DEFAULTS: Pick<WorkMeta, 'site' | 'anonymous' | 'warnings' | 'categories'> = {
  site: 'ffn',
  anonymous: false,
  warnings: [],
  categories: [],
};

const EXPECTED: WorkMeta[] = [
  {
    ...FFN_DEFAULTS,
    id: '13000001',
    url: `${FFN}/s/13000001/1/Small-Hours`,
    title: 'Small Hours',
    authors: [author('Quill and Ink', '/u/9000001/Quill-and-Ink')],
    fandoms: ['Harry Potter'],
    rating: 'K+',
    relationships: ['Harry P./Hermione G.'],
    characters: ['Harry P.', 'Hermione G.'],
    freeforms: ['Romance', 'Humor'],
    language: 'English',
    words: 2150,
    chapters: { posted: 1, expected: 1 },
    complete: true,
    updated: '2019-12-25',
    summary: 'Two friends, one sleepless night in the common room, and a very bad game of chess.',
    series: [],
  },
  {
    ...FFN_DEFAULTS,
    id: '13000002',
    url: `${FFN}/s/13000002/1/The-Long-Way-Round`,
    title: 'The Long Way Round',
    authors: [author('moonlit.pages', '/u/9000002/moonlit-pages')],
    fandoms: ['Harry Potter'],
    rating: 'T',
    relationships: [],
    characters: ['Harry P.', 'Remus L.'],
    freeforms: ['Hurt/Comfort', 'Friendship'],
    language: 'English',
    words: 98765,
    chapters: { posted: 24, expected: 24 },
    complete: true,
    updated: '2021-03-14',
    summary: 'After the war, Remus teaches Harry how to be still. Slow healing, long walks.',
    series: [],
  },
  {
    ...FFN_DEFAULTS,
    id: '13000003',
    url: `${FFN}/s/13000003/1/Salt-and-Silver`,
    title: 'Salt and Silver',
    authors: [author('Wandering Wren', '/u/9000003/Wandering-Wren')],
    fandoms: ['Harry Potter'],
    rating: 'M',
    relationships: ['Draco M./Harry P.'],
    characters: ['Draco M.', 'Harry P.', 'Luna L.', 'Neville L.'],
    freeforms: ['Drama', 'Angst'],
    language: 'English',
    words: 45000,
    chapters: { posted: 12, expected: null },
    complete: false,
    // "Updated: 1/2" has no year: data-xutime 1704225600 is 2 January 2024.
    updated: '2024-01-02',
    summary: 'Eighth year. Draco keeps a list of everything he cannot say.',
    series: [],
  },
  {
    ...FFN_DEFAULTS,
    id: '13000004',
    url: `${FFN}/s/13000004/1/Leaf-and-Wand`,
    title: 'Leaf and Wand',
    authors: [author('Kitsune Scribe', '/u/9000004/Kitsune-Scribe')],
    fandoms: ['Harry Potter', 'Naruto'],
    rating: 'T',
    relationships: [],
    characters: ['Harry P.', 'Naruto U.'],
    freeforms: ['Adventure', 'Fantasy'],
    language: 'English',
    words: 9000,
    chapters: { posted: 3, expected: null },
    complete: false,
    updated: '2023-07-04',
    summary: 'A portkey goes wrong and Harry lands in the Hidden Leaf.',
    series: [],
  },
  {
    ...FFN_DEFAULTS,
    id: '13000005',
    url: `${FFN}/s/13000005/1/Cartas-de-Invierno`,
    title: 'Cartas de Invierno',
    authors: [author('Lectora', '/u/9000005/Lectora')],
    fandoms: ['Hetalia - Axis Powers'],
    rating: 'K',
    relationships: [],
    characters: [],
    freeforms: [],
    language: 'Spanish',
    words: 500,
    chapters: { posted: 1, expected: null },
    complete: false,
    updated: '2018-02-14',
    summary: 'Cartas que nunca se enviaron.',
    series: [],
  },
  {
    ...FFN_DEFAULTS,
    id: '13000006',
    url: `${FFN}/s/13000006/1/Untold`,
    title: 'Untold',
    authors: [author('No Line', '/u/9000006/No-Line')],
    fandoms: [],
    rating: null,
    relationships: [],
    characters: [],
    freeforms: [],
    language: null,
    words: null,
    chapters: null,
    complete: null,
    updated: null,
    summary: 'An entry whose metadata line is missing.',
    series: [],
  },
];

describe('the hand-written listing (a community page)', () => {
  const doc = sharedFixture(LISTING);
  const blurbs = ffn.readBlurbs(doc, URL_LISTING);
  const entries = Array.from(doc.querySelectorAll<HTMLElement>('div.z-list'));

  it('reads all six entries, in page order, each with its own element', () => {
    expect(entries).toHaveLength(6);
    expect(blurbs.map((b) => b.element)).toEqual(entries);
    expect(blurbs.map((b) => b.own)).toEqual([false, false, false, false, false, false]);
  });

  it.each(EXPECTED.map((meta, index) => [index + 1, meta.title, meta] as const))('entry %i (%s)', (index, _title, meta) => {
    expect(blurbs[index - 1]?.meta).toEqual(meta);
  });

  it('readBlurb reads each element matched by blurbSelector the same way', () => {
    const matched = Array.from(doc.querySelectorAll<HTMLElement>(ffn.blurbSelector));
    expect(matched).toEqual(entries);
    expect(matched.map((element) => ffn.readBlurb(element, URL_LISTING)?.meta)).toEqual(EXPECTED);
  });

  it('readBlurbs on one entry element reads that entry', () => {
    const third = entries[2];
    if (!third) throw new Error('fixture changed');
    expect(ffn.readBlurbs(third, URL_LISTING).map((b) => b.meta.id)).toEqual(['13000003']);
  });
});

/** A listing entry in FFN's markup (hand-written), with `line` as its gray metadata line. */
function entry(line: string, id = '8000001'): string {
  return `<div class='z-list zhover zpointer '><a class=stitle href="/s/${id}/1/A-Story"><img class='cimage' width=50 height=66>A Story</a>
    by <a href="/u/7000001/Someone">Someone</a> <a class=reviews href='/r/${id}/'>reviews</a>
    <div class='z-indent z-padtop'>A summary.<div class='z-padtop2 xgray'>${line}</div></div></div>`;
}

describe('listing variants (hand-written snippets)', () => {
  it('on a fandom page the entries name no fandom: the breadcrumb says which', () => {
    const doc = parseHtml(`<div id=content_wrapper_inner>
      <div class='lc-wrapper' id=pre_story_links><span class=lc-left><a class=xcontrast_txt href='/book/'>Books</a><span class='xcontrast_txt icon-chevron-right xicon-section-arrow'></span>Harry Potter<div style='display:inline-block'><a href='/crossovers/Harry-Potter/224/'>Crossovers</a></div></span></div>
      ${entry("Rated: T - English - Drama - Chapters: 2 - Words: 4,000 - Published: <span data-xutime='1591041600'>6/1/2020</span>")}
    </div>`);
    const [blurb] = ffn.readBlurbs(doc, ffnUrl('/book/Harry-Potter/'));
    expect(blurb?.meta.fandoms).toEqual(['Harry Potter']);
    expect(blurb?.meta.freeforms).toEqual(['Drama']);
    expect(ffn.classify(doc, ffnUrl('/book/Harry-Potter/'))).toBe('listing');
  });

  it('on a crossover page: both fandoms of the "X & Y Crossover" breadcrumb', () => {
    const doc = parseHtml(`<div id=pre_story_links><span class=lc-left><a href='/crossovers/book/'>Crossover</a><span class='icon-chevron-right xicon-section-arrow'></span>Harry Potter &amp; Naruto Crossover</span></div>
      ${entry('Rated: T - English - Adventure - Chapters: 5 - Words: 12,000')}`);
    expect(ffn.readBlurbs(doc, ffnUrl('/Harry-Potter-and-Naruto-Crossovers/224/1402/'))[0]?.meta.fandoms).toEqual([
      'Harry Potter',
      'Naruto',
    ]);
  });

  it('a "X + Y Crossover - Rated:" prefix (just-in and search pages) names both fandoms', () => {
    const doc = parseHtml(entry('Harry Potter + Percy Jackson and the Olympians Crossover - Rated: T - English - Adventure - Chapters: 3 - Words: 9,000'));
    expect(ffn.readBlurbs(doc, ffnUrl('/j/0/3/0/'))[0]?.meta.fandoms).toEqual(['Harry Potter', 'Percy Jackson and the Olympians']);
  });

  it('search results: highlighted words in title and summary are plain text', () => {
    const doc = parseHtml(`<div class='z-list'><a class=stitle href="/s/8432465/1/Time-Traveler"><b>Time</b> <b>Traveler</b></a>
      by <a href="/u/3254115/missrynne">missrynne</a>
      <div class='z-indent z-padtop'>Sebastian is a <b>time</b> <b>traveler</b>.<div class='z-padtop2 xgray'>Black Butler - Rated: T - English - Chapters: 1 - Words: 772 - Published: <span data-xutime='1345061780'>8/15/2012</span> - Sebastian M., Ciel P. - Complete</div></div></div>`);
    const [blurb] = ffn.readBlurbs(doc, ffnUrl('/search/?keywords=time+traveler&type=story'));
    expect(blurb?.meta).toMatchObject({
      id: '8432465',
      title: 'Time Traveler',
      summary: 'Sebastian is a time traveler.',
      fandoms: ['Black Butler'],
      freeforms: [],
      characters: ['Sebastian M.', 'Ciel P.'],
      complete: true,
      chapters: { posted: 1, expected: 1 },
      updated: '2012-08-15',
    });
  });

  it('an author\'s own stories list has no "by" link: no authors, never a made-up one', () => {
    const doc = parseHtml(`<div class='z-list mystories'><a class=stitle href="/s/8000002/1/Mine">Mine</a>
      <div class='z-indent z-padtop'>Mine.<div class='z-padtop2 xgray'>Naruto - Rated: K - English - Chapters: 1 - Words: 100</div></div></div>`);
    expect(ffn.readBlurbs(doc, ffnUrl('/u/7000001/Someone'))[0]?.meta.authors).toEqual([]);
  });
});
