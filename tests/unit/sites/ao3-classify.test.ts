
import { describe, expect, it } from 'vitest';
import { ao3 } from '../../../lib/sites/ao3';
import type { PageKind } from '../../../lib/sites/types';
import { ao3FixtureNames, ao3Url, parseHtml, sharedFixture } from './ao3-fixtures';

/** Every AO3 fixture, the URL it was saved from, and what kind of page it is (read from the HTML). */
const PAGES: Record<string, { url: string; kind: PageKind }> = {
  'adult-interstitial-2022-38044144.html': { url: '/works/38044144/chapters/95026165', kind: 'adult-gate' },
  'bookmarks-user-logged-in-2025-09.html': { url: '/users/example_reader/bookmarks', kind: 'listing' },
  'fragment-2022-chapter-with-endnotes.html': { url: '/works/38952696/chapters/97419789', kind: 'work' },
  'listing-tag-show-noncanonical-no-fandom-freeform.html': { url: '/tags/No%20Fandom%20-%20Freeform', kind: 'listing' },
  'listing-tag-works-choose-not-to-warn.html': { url: '/tags/Choose%20Not%20To%20Use%20Archive%20Warnings/works', kind: 'listing' },
  'listing-tag-works-ever-given.html': { url: '/tags/Ever%20Given%20Container%20Ship%20(Anthropomorphic)/works', kind: 'listing' },
  'listing-tag-works-single-result.html': { url: '/tags/Court%20Lady%20Go%20(Mr!d!%20Queen)/works', kind: 'listing' },
  'listing-tag-works-worldbuilding.html': { url: '/tags/Worldbuilding/works', kind: 'listing' },
  'readings-handwritten.html': { url: '/users/example_reader/readings', kind: 'listing' },
  'series-2022-drabbles.html': { url: '/series/46', kind: 'listing' },
  'series-6-works-2270465.html': { url: '/series/2270465', kind: 'listing' },
  'series-8-works-multifandom-2817877.html': { url: '/series/2817877', kind: 'listing' },
  'series-anonymous-3-works-1728802.html': { url: '/series/1728802', kind: 'listing' },
  'tag-show-synonyms-handwritten.html': { url: '/tags/Slow%20Burn', kind: 'other' },
  'work-404-41237499.html': { url: '/works/41237499', kind: 'not-found' },
  'work-complete-2ch-anon-orphan-6475531.html': { url: '/works/6475531', kind: 'work' },
  'work-complete-3ch-multiauthor-orphaned-23824891.html': { url: '/works/23824891', kind: 'work' },
  'work-complete-6ch-chapter1-41289660.html': { url: '/works/41289660', kind: 'work' },
  'work-complete-6ch-chapter2-48582418.html': { url: '/works/48582418/chapters/122861680', kind: 'work' },
  'work-navigate-chapter-index-43703871.html': { url: '/works/43703871/navigate', kind: 'chapter-index' },
  'work-oneshot-323217.html': { url: '/works/323217', kind: 'work' },
  'work-oneshot-anonymous-168768.html': { url: '/works/168768', kind: 'work' },
  'work-oneshot-orphaned-3738184.html': { url: '/works/3738184', kind: 'work' },
  'work-oneshot-pseud-byline-923647.html': { url: '/works/923647', kind: 'work' },
  'work-restricted-login-required-15461226.html': {
    url: '/users/login?restricted=true&return_to=%2Fworks%2F15461226',
    kind: 'restricted',
  },
  'work-wip-14ch-chapter1-17793689.html': { url: '/works/17793689/chapters/41980418', kind: 'work' },
  'work-wip-14ch-chapter2-17793689.html': { url: '/works/17793689/chapters/42035519', kind: 'work' },
  'work-wip-anonymous-chapter1-37214506.html': { url: '/works/37214506/chapters/92848687', kind: 'work' },
};

describe('ao3.classify', () => {
  it('has an expectation for every AO3 fixture on disk', () => {
    expect(Object.keys(PAGES).sort()).toEqual(ao3FixtureNames());
  });

  it.each(Object.entries(PAGES))('%s', (name, { url, kind }) => {
    expect(ao3.classify(sharedFixture(name), ao3Url(url))).toBe(kind);
  });

  it('does not key on the URL: a saved work page is a work wherever it was loaded from', () => {
    const doc = sharedFixture('work-oneshot-323217.html');
    expect(ao3.classify(doc, ao3Url('/tags/Whatever/works'))).toBe('work');
  });

  it('does not take pagination links with view_adult=true for the adult gate (tags-show fixture has them)', () => {
    const doc = sharedFixture('listing-tag-show-noncanonical-no-fandom-freeform.html');
    expect(doc.querySelector('#main .pagination a[href*="view_adult=true"]')).not.toBeNull();
    expect(ao3.classify(doc, ao3Url('/tags/No%20Fandom%20-%20Freeform'))).toBe('listing');
  });

  it('recognises the current (2023+) interstitial wording and classes as the adult gate', () => {
    const doc = parseHtml(`<html><body><div id="outer"><div id="inner">
      <div id="main" class="works-show region" role="main">
        <div class="flash"></div>
        <h2 class="landmark heading">Adult Content Warning</h2>
        <p class="caution notice">This work could have adult content. If you continue, you have agreed that you are willing to see such content.</p>
        <ul class="actions" role="navigation">
          <li><a href="/works/123?view_adult=true">Yes, Continue</a></li>
          <li><a href="javascript:history.back()">No, Go Back</a></li>
        </ul>
        <p class="message footnote">If you accept cookies from our site and you choose "Yes, Continue", you will not be asked again during this session.</p>
        <div class="clear"></div>
        <ol class="work index group">
          <li id="work_123" class="work blurb group work-123 user-1" role="article">
            <div class="header module"><h4 class="heading"><a href="/works/123">T</a> by <a rel="author" href="/users/a/pseuds/a">a</a></h4></div>
          </li>
        </ol>
      </div></div></div></body></html>`);
    expect(ao3.classify(doc, ao3Url('/works/123'))).toBe('adult-gate');
  });

  it('calls a login page "restricted" and a page without #main "other"', () => {
    expect(ao3.classify(parseHtml('<div id="main" class="sessions-new system session region"></div>'), ao3Url('/users/login'))).toBe(
      'restricted',
    );
    expect(ao3.classify(parseHtml('<p>hello</p>'), ao3Url('/'))).toBe('other');
  });

  it('calls an empty works search result a listing and a plain page other', () => {
    const search = parseHtml('<div id="main" class="works-search region"><p>No results found.</p></div>');
    expect(ao3.classify(search, ao3Url('/works/search?work_search%5Bquery%5D=zzz'))).toBe('listing');
    const faq = parseHtml('<div id="main" class="archive_faqs-index region"><h2>FAQ</h2></div>');
    expect(ao3.classify(faq, ao3Url('/faq'))).toBe('other');
  });

  it('calls a reading history page a listing', () => {
    const history = parseHtml(`<div id="main" class="readings-index dashboard region">
      <ol class="reading work index group"></ol></div>`);
    expect(ao3.classify(history, ao3Url('/users/u/readings'))).toBe('listing');
  });
});

describe('ao3.workIdFromUrl', () => {
  it.each([
    ['https://archiveofourown.org/works/123', '123'],
    ['https://archiveofourown.org/works/123/chapters/456#workskin', '123'],
    ['https://archiveofourown.org/works/123/navigate', '123'],
    ['https://archiveofourown.org/works/123?view_full_work=true', '123'],
    ['https://www.archiveofourown.org/works/123?view_adult=true', '123'],
    ['https://archiveofourown.org/collections/some_fest/works/987', '987'],
    ['https://archiveofourown.org/works/search?work_search%5Bquery%5D=x', null],
    ['https://archiveofourown.org/works', null],
    ['https://archiveofourown.org/tags/Fluff/works', null],
    ['https://archiveofourown.org/series/53653', null],
    ['https://example.com/works/123', null],
  ])('%s → %s', (href, id) => {
    expect(ao3.workIdFromUrl(new URL(href))).toBe(id);
  });
});

describe('ao3 adapter constants', () => {
  it('names the site, its pages and its selectors', () => {
    expect(ao3.id).toBe('ao3');
    expect(ao3.name).toBe('Archive of Our Own');
    expect(ao3.matches).toEqual(['https://archiveofourown.org/*', 'https://www.archiveofourown.org/*']);
    expect(ao3.workContentSelector).toBe('#workskin');
  });

  it('workContentSelector finds the story content on every work fixture and nowhere else', () => {
    for (const [name, { kind }] of Object.entries(PAGES)) {
      const found = sharedFixture(name).querySelectorAll(ao3.workContentSelector).length;
      expect([name, found]).toEqual([name, kind === 'work' ? 1 : 0]);
    }
  });
});
