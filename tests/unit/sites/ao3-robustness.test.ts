
/** The AO3 adapter never throws: unreadable input gives null, [] or 'other', and one bad blurb costs only itself. */

import { describe, expect, it } from 'vitest';
import { ao3 } from '../../../lib/sites/ao3';
import { ao3Url, loadFixture, parseHtml } from './ao3-fixtures';

const URL_WORK = ao3Url('/works/923647');
const URL_LISTING = ao3Url('/tags/Worldbuilding/works');

describe('empty and foreign documents', () => {
  it.each([
    ['an empty document', ''],
    ['plain text', 'just some words'],
    ['an unrelated page', '<html><body><div id="content"><p>Hello</p></div></body></html>'],
    ['an empty #main', '<div id="main"></div>'],
    ['an empty #workskin', '<div id="main" class="works-show region"><div id="workskin"></div></div>'],
  ])('%s', (_label, html) => {
    const doc = parseHtml(html);
    expect(() => ao3.classify(doc, URL_WORK)).not.toThrow();
    expect(ao3.readBlurbs(doc, URL_LISTING)).toEqual([]);
    const work = ao3.readWork(doc, ao3Url('/'));
    expect(work).toBeNull();
  });

  it('reads a bare #workskin with a work URL as a work with empty fields, without throwing', () => {
    const doc = parseHtml('<div id="main" class="works-show region"><div id="workskin"></div></div>');
    const work = ao3.readWork(doc, URL_WORK);
    expect(work?.meta.id).toBe('923647');
    expect(work?.meta.title).toBe('');
    expect(work?.meta.chapters).toBeNull();
    expect(work?.meta.complete).toBeNull();
    expect(work?.meta.rating).toBeNull();
    expect(work?.chapters).toEqual([]);
    expect(work?.navigation).toBeNull();
  });

  it('an empty document is "other"', () => {
    expect(ao3.classify(parseHtml(''), URL_WORK)).toBe('other');
  });
});

describe('pages with #main removed', () => {
  it('a work page without #main is "other" and has no work', () => {
    const doc = loadFixture('work-oneshot-pseud-byline-923647.html');
    doc.querySelector('#main')?.remove();
    expect(ao3.classify(doc, URL_WORK)).toBe('other');
    expect(ao3.readWork(doc, URL_WORK)).toBeNull();
  });

  it('a listing without #main is "other" and has no blurbs', () => {
    const doc = loadFixture('listing-tag-works-worldbuilding.html');
    doc.querySelector('#main')?.remove();
    expect(ao3.classify(doc, URL_LISTING)).toBe('other');
    expect(ao3.readBlurbs(doc, URL_LISTING)).toEqual([]);
  });
});

describe('damaged blurbs are skipped, the others read', () => {
  it('skips a blurb with no heading link', () => {
    const doc = loadFixture('listing-tag-works-worldbuilding.html');
    doc.querySelector('#work_23306392 h4.heading a[href="/works/23306392"]')?.remove();
    const ids = ao3.readBlurbs(doc, URL_LISTING).map((blurb) => blurb.meta.id);
    expect(ids).toHaveLength(19);
    expect(ids).not.toContain('23306392');
    expect(ids).toContain('77853551');
  });

  it('skips a blurb with no header at all', () => {
    const doc = loadFixture('listing-tag-works-worldbuilding.html');
    doc.querySelector('#work_77861651 > div.header')?.remove();
    const ids = ao3.readBlurbs(doc, URL_LISTING).map((blurb) => blurb.meta.id);
    expect(ids).toHaveLength(19);
    expect(ids).not.toContain('77861651');
  });

  it('skips a blurb whose parsing throws', () => {
    const doc = loadFixture('listing-tag-works-worldbuilding.html');
    const broken = doc.querySelector('#work_54876373');
    if (!broken) throw new Error('fixture changed');
    Object.defineProperty(broken, 'querySelector', {
      value: () => {
        throw new Error('boom');
      },
    });
    Object.defineProperty(broken, 'querySelectorAll', {
      value: () => {
        throw new Error('boom');
      },
    });
    const ids = ao3.readBlurbs(doc, URL_LISTING).map((blurb) => blurb.meta.id);
    expect(ids).toHaveLength(19);
    expect(ids).not.toContain('54876373');
  });

  it('returns [] when the root itself cannot be searched', () => {
    const root = {
      querySelectorAll: () => {
        throw new Error('boom');
      },
    } as unknown as ParentNode;
    expect(ao3.readBlurbs(root, URL_LISTING)).toEqual([]);
  });

  it('keeps a blurb whose stats, tags and symbols are gone, with empty values', () => {
    const doc = loadFixture('listing-tag-works-single-result.html');
    const blurb = doc.querySelector('#work_29881599');
    for (const part of Array.from(blurb?.querySelectorAll('dl.stats, ul.tags, ul.required-tags, blockquote.summary') ?? [])) {
      part.remove();
    }
    const [only] = ao3.readBlurbs(doc, URL_LISTING);
    expect(only?.meta).toMatchObject({
      id: '29881599',
      title: 'this happiness was always inside me',
      rating: null,
      warnings: [],
      categories: [],
      relationships: [],
      freeforms: [],
      language: null,
      words: null,
      chapters: null,
      complete: null,
      summary: '',
    });
  });

  it('skips mystery (unrevealed) blurbs, which carry no tags', () => {
    const doc = parseHtml(`<div id="main" class="works-index region"><ol class="work index group">
      <li id="work_5" class="mystery work blurb group work-5" role="article">
        <div class="mystery header picture module"><h4 class="heading">Mystery Work</h4></div>
        <h6 class="landmark heading">Summary</h6>
        <blockquote class="userstuff summary"><p>This is part of an ongoing challenge and will be revealed soon!</p></blockquote>
      </li></ol></div>`);
    expect(ao3.readBlurbs(doc, URL_LISTING)).toEqual([]);
    expect(doc.querySelectorAll(ao3.blurbSelector)).toHaveLength(0);
  });

  it('skips series and external-work blurbs', () => {
    const doc = parseHtml(`<ol class="bookmark index group">
      <li id="bookmark_1" class="bookmark blurb group series-9 user-1" role="article">
        <div class="header module"><h4 class="heading"><a href="/series/9">S</a> by <a rel="author" href="/users/a/pseuds/a">a</a></h4></div>
      </li>
      <li id="bookmark_2" class="bookmark blurb group external-work-7 user-1" role="article">
        <div class="header module"><h4 class="heading"><a href="/external_works/7">E</a></h4></div>
      </li>
      <li id="series_9" class="series blurb group series-9" role="article">
        <div class="header module"><h4 class="heading"><a href="/series/9">S</a></h4></div>
      </li></ol>`);
    expect(ao3.readBlurbs(doc, URL_LISTING)).toEqual([]);
    expect(doc.querySelectorAll(ao3.blurbSelector)).toHaveLength(0);
  });
});

describe('damaged work pages', () => {
  it('reads a work page whose meta block is gone, from the preface alone', () => {
    const doc = loadFixture('work-oneshot-pseud-byline-923647.html');
    doc.querySelector('dl.work.meta.group')?.remove();
    const work = ao3.readWork(doc, URL_WORK);
    expect(work?.meta.title).toBe('the heart and the small change');
    expect(work?.meta.authors.map((a) => a.pseud)).toEqual(['Alias']);
    expect(work?.meta.fandoms).toEqual([]);
    expect(work?.meta.words).toBeNull();
    expect(work?.chapters).toHaveLength(1);
  });

  it('leaves out a chapter block without story text', () => {
    const doc = loadFixture('work-complete-6ch-chapter2-48582418.html');
    doc.querySelector('#chapter-2 > div.userstuff')?.remove();
    const work = ao3.readWork(doc, ao3Url('/works/48582418/chapters/122861680'));
    expect(work?.chapters).toEqual([]);
    expect(work?.currentChapter).toBe(2);
  });

  it('does not take a link in the story text for the byline or the title', () => {
    const doc = loadFixture('work-oneshot-anonymous-168768.html');
    const body = doc.querySelector('#chapters > div.userstuff');
    const link = doc.createElement('a');
    link.setAttribute('rel', 'author');
    link.setAttribute('href', '/users/someone/pseuds/someone');
    link.textContent = 'someone';
    body?.append(link);
    const work = ao3.readWork(doc, ao3Url('/works/168768'));
    expect(work?.meta.authors).toEqual([]);
    expect(work?.meta.anonymous).toBe(true);
  });
});
