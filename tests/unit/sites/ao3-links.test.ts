import { describe, expect, it } from 'vitest';
import { ao3 } from '../../../lib/sites/ao3';

describe('ao3.ruleForLink: what "Hide works …" on a link filters', () => {
  it.each([
    ['https://archiveofourown.org/tags/Major%20Character%20Death/works', { field: 'tag', pattern: 'Major Character Death' }],
    ['https://archiveofourown.org/tags/Rape*s*Non-Con/works', { field: 'tag', pattern: 'Rape/Non-Con' }],
    ['https://archiveofourown.org/tags/Dean%20Winchester*s*Castiel', { field: 'tag', pattern: 'Dean Winchester/Castiel' }],
    ['https://archiveofourown.org/users/anafabula/pseuds/Alias', { field: 'author', pattern: 'anafabula' }],
    ['https://archiveofourown.org/users/orphan_account', { field: 'author', pattern: 'orphan_account' }],
    ['https://archiveofourown.org/series/2270465', { field: 'series', pattern: 'ao3:2270465' }],
    ['https://www.archiveofourown.org/series/2270465/', { field: 'series', pattern: 'ao3:2270465' }],
  ])('%s', (href, expected) => {
    expect(ao3.ruleForLink(new URL(href))).toEqual(expected);
  });

  it('a work link or a broken escape is no filter', () => {
    expect(ao3.ruleForLink(new URL('https://archiveofourown.org/works/123'))).toBeNull();
    expect(ao3.ruleForLink(new URL('https://archiveofourown.org/tags/%E0%A4%A/works'))).toBeNull();
    expect(ao3.ruleForLink(new URL('https://archiveofourown.org/series/2270465/bookmarks'))).toBeNull();
    expect(ao3.ruleForLink(new URL('https://archiveofourown.org/series'))).toBeNull();
  });

  it('the context menu patterns cover tag, creator and series links only', () => {
    expect(ao3.filterableLinks.series.every((p) => p.includes('/series/'))).toBe(true);
    expect(ao3.filterableLinks.tag.every((p) => p.includes('/tags/'))).toBe(true);
    expect(ao3.filterableLinks.author.every((p) => p.includes('/users/'))).toBe(true);
  });
});
