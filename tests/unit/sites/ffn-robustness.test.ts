/** The FanFiction.net adapter never throws: unreadable input gives null, [] or 'other', and one bad entry costs only itself. */

import { describe, expect, it } from 'vitest';
import { ffn } from '../../../lib/sites/ffn';
import { ffnUrl, loadFixture, pageUrl, parseHtml } from './ffn-fixtures';

const URL_STORY = pageUrl('ambtus-counting-ch1.html');
const URL_LISTING = pageUrl('listing-handwritten.html');

describe('empty and foreign documents', () => {
  it.each([
    ['an empty document', ''],
    ['plain text', 'just some words'],
    ['an AO3 work page', '<div id="main" class="works-show region"><div id="workskin"><div id="chapters"></div></div></div>'],
    ['an empty #profile_top', '<div id="profile_top"></div>'],
    ['an empty z-list', '<div class="z-list"></div>'],
  ])('%s', (_label, html) => {
    const doc = parseHtml(html);
    expect(ffn.classify(doc, URL_STORY)).toBe('other');
    expect(ffn.readWork(doc, URL_STORY)).toBeNull();
    expect(ffn.readBlurbs(doc, URL_LISTING)).toEqual([]);
  });

  it('reads a bare #storytext at a story URL as a story with empty fields, without throwing', () => {
    const doc = parseHtml('<div id="storytextp"><div id="storytext"><p>Words.</p></div></div>');
    const work = ffn.readWork(doc, ffnUrl('/s/42/1/Slug'));
    expect(work?.meta).toMatchObject({
      id: '42',
      url: 'https://www.fanfiction.net/s/42/1/Slug',
      title: '',
      authors: [],
      fandoms: [],
      rating: null,
      language: null,
      words: null,
      chapters: null,
      complete: null,
      updated: null,
      summary: '',
    });
    expect(work?.chapters.map((c) => c.body.id)).toEqual(['storytext']);
    expect(work?.content.id).toBe('storytextp');
    expect(work?.navigation).toBeNull();
  });

  it('a bare #storytext with no story id anywhere is not a story', () => {
    const doc = parseHtml('<div id="storytext"><p>Words.</p></div>');
    expect(ffn.readWork(doc, ffnUrl('/'))).toBeNull();
    expect(ffn.classify(doc, ffnUrl('/'))).toBe('other');
  });
});

describe('damaged story pages', () => {
  it('without the metadata line: title, author, chapters and text, nothing guessed', () => {
    const doc = loadFixture('ambtus-counting-ch1.html');
    doc.querySelector('#profile_top span.xgray')?.remove();
    const work = ffn.readWork(doc, URL_STORY);
    expect(work?.meta).toMatchObject({
      title: 'Counting',
      authors: [{ pseud: 'ambtus', login: 'ambtus', url: 'https://www.fanfiction.net/u/952082/ambtus' }],
      fandoms: ['Harry Potter'],
      rating: null,
      language: null,
      freeforms: [],
      characters: [],
      words: null,
      chapters: { posted: 2, expected: null },
      complete: null,
      updated: null,
    });
    expect(work?.chapterList).toHaveLength(2);
    expect(work?.nextUrl).toBe('https://www.fanfiction.net/s/5853866/2/Counting');
  });

  it('without #profile_top: the title from <title>, no author (the byline was in it), buttons go by the chapter menu', () => {
    const doc = loadFixture('ambtus-counting-ch1.html');
    doc.querySelector('#profile_top')?.remove();
    const work = ffn.readWork(doc, URL_STORY);
    expect(work?.meta.title).toBe('Counting');
    expect(work?.meta.authors).toEqual([]);
    expect(work?.chapters).toHaveLength(1);
    expect(work?.navigation?.tagName).toBe('SPAN');
  });

  it('without buttons: previous and next from the chapter list', () => {
    const doc = loadFixture('ambtus-counting-ch2.html');
    for (const button of Array.from(doc.querySelectorAll('button.btn[onclick*="/s/"]'))) button.remove();
    const work = ffn.readWork(doc, ffnUrl('/s/5853866/2/Counting'));
    expect(work?.prevUrl).toBe('https://www.fanfiction.net/s/5853866/1/Counting');
    expect(work?.nextUrl).toBeNull();
  });

  it('a button sending to another story is not taken for next', () => {
    const doc = loadFixture('ambtus-counting-ch1.html');
    for (const button of Array.from(doc.querySelectorAll('button.btn[onclick*="/s/"]'))) {
      button.setAttribute('onclick', "self.location='/s/999/2/Other'");
    }
    expect(ffn.readWork(doc, URL_STORY)?.nextUrl).toBe('https://www.fanfiction.net/s/5853866/2/Counting');
  });

  it('a profile link in the story text is not the author, nor a link there the fandom (older layout)', () => {
    const doc = loadFixture('stuck-sga-ch1-old-layout.html');
    const body = doc.querySelector('#storytext');
    const link = doc.createElement('a');
    link.setAttribute('href', '/u/1/Someone-Else');
    link.textContent = 'Someone Else';
    body?.prepend(link);
    const work = ffn.readWork(doc, pageUrl('stuck-sga-ch1-old-layout.html'));
    expect(work?.meta.authors.map((a) => a.pseud)).toEqual(['kolyaaa']);
    expect(work?.meta.fandoms).toEqual(['Stargate: Atlantis']);
  });

  it('survives a story text element whose methods throw', () => {
    const doc = loadFixture('ambtus-counting-ch1.html');
    const body = doc.querySelector('#storytext');
    Object.defineProperty(body, 'closest', {
      value: () => {
        throw new Error('boom');
      },
    });
    expect(() => ffn.readWork(doc, URL_STORY)).not.toThrow();
    expect(ffn.readWork(doc, URL_STORY)).toBeNull();
  });
});

describe('damaged listing entries are skipped, the others read', () => {
  it('skips an entry with no story link', () => {
    const doc = loadFixture('listing-handwritten.html');
    for (const link of Array.from(doc.querySelectorAll('a[href^="/s/13000002/"]'))) link.remove();
    const ids = ffn.readBlurbs(doc, URL_LISTING).map((b) => b.meta.id);
    expect(ids).toEqual(['13000001', '13000003', '13000004', '13000005', '13000006']);
  });

  it('keeps an entry without its gray line or summary, with empty values', () => {
    const doc = loadFixture('listing-handwritten.html');
    const entry = doc.querySelector('div.z-list');
    entry?.querySelector('div.z-indent')?.remove();
    const [first] = ffn.readBlurbs(doc, URL_LISTING);
    expect(first?.meta).toMatchObject({
      id: '13000001',
      title: 'Small Hours',
      fandoms: [],
      rating: null,
      characters: [],
      words: null,
      chapters: null,
      complete: null,
      summary: '',
    });
  });

  it('skips an entry whose parsing throws', () => {
    const doc = loadFixture('listing-handwritten.html');
    const broken = doc.querySelectorAll('div.z-list')[3];
    for (const method of ['querySelector', 'querySelectorAll']) {
      Object.defineProperty(broken, method, {
        value: () => {
          throw new Error('boom');
        },
      });
    }
    const ids = ffn.readBlurbs(doc, URL_LISTING).map((b) => b.meta.id);
    expect(ids).toEqual(['13000001', '13000002', '13000003', '13000005', '13000006']);
    expect(broken && ffn.readBlurb(broken, URL_LISTING)).toBeNull();
  });

  it('returns [] when the root itself cannot be searched', () => {
    const root = {
      querySelectorAll: () => {
        throw new Error('boom');
      },
    } as unknown as ParentNode;
    expect(ffn.readBlurbs(root, URL_LISTING)).toEqual([]);
  });

  it('readBlurb on an element that is no entry gives null', () => {
    const doc = loadFixture('listing-handwritten.html');
    const notEntry = doc.querySelector('div.z-indent');
    expect(notEntry && ffn.readBlurb(notEntry, URL_LISTING)).toBeNull();
  });
});

describe('never innerHTML', () => {
  it('the adapter reads text only: markup in a summary is never parsed into elements', () => {
    const doc = parseHtml(`<div class='z-list'><a class=stitle href="/s/1/1/X">X</a>
      <div class='z-indent z-padtop'>&lt;img src=x onerror=alert(1)&gt;<div class='z-padtop2 xgray'>Rated: T - English - Chapters: 1</div></div></div>`);
    const [blurb] = ffn.readBlurbs(doc, URL_LISTING);
    expect(blurb?.meta.summary).toBe('<img src=x onerror=alert(1)>');
    expect(doc.querySelectorAll('img')).toHaveLength(0);
  });
});
