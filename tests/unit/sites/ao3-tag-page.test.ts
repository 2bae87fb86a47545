/**
 * Reading AO3's tag page for a rule's synonyms (lib/sites/ao3-tag-page.ts): the URL otwarchive's
 * Tag#to_param gives, the hand-written canonical tag page with "Tags with the same meaning", the real
 * non-canonical tag page, the "has been made a synonym of" case, and markup it does not understand.
 */
import { describe, expect, it } from 'vitest';
import { ao3TagPageUrl, ao3TagParam, readTagPage } from '../../../lib/sites/ao3-tag-page';
import { loadFixture, parseHtml, sharedFixture } from './ao3-fixtures';

const SYNONYMS = 'tag-show-synonyms-handwritten.html';
const NONCANONICAL = 'listing-tag-show-noncanonical-no-fandom-freeform.html';

describe('the URL of a tag’s page', () => {
  it('escapes what Tag.to_param escapes, then what a path segment cannot carry', () => {
    expect(ao3TagParam('Action/Adventure')).toBe('Action*s*Adventure');
    expect(ao3TagParam('Q&A. Why? #1')).toBe('Q*a*A*d* Why*q* *h*1');
    expect(ao3TagPageUrl('Slow Burn')).toBe('https://archiveofourown.org/tags/Slow%20Burn');
    expect(ao3TagPageUrl('Slow Burn & Mutual Pining')).toBe('https://archiveofourown.org/tags/Slow%20Burn%20*a*%20Mutual%20Pining');
    expect(ao3TagPageUrl('Sherlock (TV)')).toBe('https://archiveofourown.org/tags/Sherlock%20(TV)');
    expect(ao3TagPageUrl('Dr. Who')).toBe('https://archiveofourown.org/tags/Dr*d*%20Who');
    expect(ao3TagPageUrl('Pokémon')).toBe('https://archiveofourown.org/tags/Pok%C3%A9mon');
  });

  it('matches the links AO3 itself writes on the page', () => {
    const doc = sharedFixture(SYNONYMS);
    for (const link of doc.querySelectorAll<HTMLAnchorElement>('div.synonym a.tag')) {
      expect(ao3TagPageUrl(link.textContent!.replace(/\s+/g, ' ').trim())).toBe(`https://archiveofourown.org${link.getAttribute('href')}`);
    }
  });
});

describe('readTagPage', () => {
  it('reads a canonical tag’s synonyms, not its parent or sub tags', () => {
    expect(readTagPage(sharedFixture(SYNONYMS))).toEqual({
      name: 'Slow Burn',
      synonyms: ['Slow Build', 'slow burn', 'Slow-Burn', 'Slow Burn & Mutual Pining', 'Slowburn', 'Very Slow Burn'],
      mergedInto: null,
    });
  });

  it('reads a real non-canonical tag page: no synonyms, merged into nothing', () => {
    expect(readTagPage(sharedFixture(NONCANONICAL))).toEqual({ name: 'No Fandom - Freeform', synonyms: [], mergedInto: null });
  });

  it('reads "has been made a synonym of" (the template’s merger module)', () => {
    const doc = loadFixture(NONCANONICAL);
    const home = doc.querySelector('div.tag.home')!;
    home.querySelector('h2.heading')!.textContent = 'slowburn';
    const merger = doc.createElement('div');
    merger.className = 'merger module';
    merger.innerHTML =
      '<h3 class="heading">Mergers</h3><p>slowburn has been made a synonym of <a class="tag" href="/tags/Slow%20Burn">Slow Burn</a>. Works and bookmarks tagged with slowburn will show up in Slow Burn\'s filter.</p>';
    home.querySelector('div.parent')!.after(merger);
    expect(readTagPage(doc)).toEqual({ name: 'slowburn', synonyms: [], mergedInto: 'Slow Burn' });
  });

  it('understands nothing else: another page, a renamed header, an empty synonym box or merger', () => {
    expect(readTagPage(sharedFixture('work-oneshot-323217.html'))).toBeNull();
    expect(readTagPage(parseHtml('<html><body><h1>Error 502</h1></body></html>'))).toBeNull();
    const renamed = loadFixture(SYNONYMS);
    renamed.querySelector('div.tag.home h2.heading')!.className = 'title';
    expect(readTagPage(renamed)).toBeNull();
    const emptyBox = loadFixture(SYNONYMS);
    emptyBox.querySelector('div.synonym ul')!.replaceChildren();
    expect(readTagPage(emptyBox)).toBeNull();
    const emptyMerger = loadFixture(NONCANONICAL);
    const merger = emptyMerger.createElement('div');
    merger.className = 'merger module';
    merger.append(emptyMerger.createElement('p'));
    emptyMerger.querySelector('div.tag.home')!.append(merger);
    expect(readTagPage(emptyMerger)).toBeNull();
  });

  it('keeps page text as text', () => {
    const doc = loadFixture(SYNONYMS);
    const link = doc.querySelector('div.synonym a.tag')!;
    link.textContent = '<img src=x onerror=alert(1)>';
    expect(readTagPage(doc)!.synonyms[0]).toBe('<img src=x onerror=alert(1)>');
  });
});
