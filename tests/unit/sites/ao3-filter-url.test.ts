import { describe, expect, it } from 'vitest';
import type { SiteExclusions } from '../../../lib/filters/site-exclusions';
import { ao3FilterUrl } from '../../../lib/sites/ao3-filter-url';

const NONE: SiteExclusions = { warnings: [], ratings: [], categories: [], tags: [] };
const ex = (parts: Partial<SiteExclusions>): SiteExclusions => ({ ...NONE, ...parts });
const build = (href: string, exclusions: SiteExclusions) => ao3FilterUrl(new URL(href), exclusions);
/** The query as Rails reads it: every key with its values, decoded. */
const query = (href: string) => {
  const out: Record<string, string[]> = {};
  for (const [key, value] of new URL(href).searchParams) (out[key] ??= []).push(value);
  return out;
};

const TAG = 'https://archiveofourown.org/tags/Worldbuilding/works';
const ALL = ex({
  warnings: ['Major Character Death', 'Underage Sex', 'Choose Not To Use Archive Warnings'],
  ratings: ['Explicit', 'Not Rated'],
  categories: ['F/F', 'Multi'],
  tags: ['Angst'],
});

describe('ao3FilterUrl on a tag works listing', () => {
  it('adds every exclusion by name to AO3\u2019s "Other tags to exclude" (ratings, warnings, categories, then tags)', () => {
    expect(build(TAG, ALL)).toBe(
      `${TAG}?work_search%5Bexcluded_tag_names%5D=Explicit%2CNot%20Rated%2CMajor%20Character%20Death%2CUnderage%20Sex` +
        '%2CChoose%20Not%20To%20Use%20Archive%20Warnings%2CF%2FF%2CMulti%2CAngst',
    );
  });

  it('encodes tag names with spaces, &, /, *, commas between names, and non-ASCII so AO3 reads them back exactly', () => {
    const names = ['Hurt/Comfort', 'Tom & Jerry (Cartoons)', 'Star*Lord', 'Ålesund – 東京', 'Angst with a Happy Ending'];
    const url = build(TAG, ex({ tags: names }))!;
    expect(url).not.toMatch(/[ &]Jerry|[^\x21-\x7e]/);
    expect(query(url)).toEqual({ 'work_search[excluded_tag_names]': [names.join(',')] });
    expect(new URL(url).pathname).toBe('/tags/Worldbuilding/works');
  });

  it("keeps every parameter the page had, its page among them, and the tag's own escaped name in the path", () => {
    const href = 'https://archiveofourown.org/tags/Rape*s*Non-Con%20Fix/works?page=2&view_adult=true#main';
    const url = build(href, ex({ ratings: ['Explicit'] }))!;
    expect(url).toBe(
      'https://archiveofourown.org/tags/Rape*s*Non-Con%20Fix/works?page=2&view_adult=true&work_search%5Bexcluded_tag_names%5D=Explicit#main',
    );
  });

  it('works on www. and on /works?tag_id=…, the filter form\u2019s own address', () => {
    expect(build('https://www.archiveofourown.org/tags/Fluff/works/', ex({ ratings: ['Mature'] }))).toBe(
      'https://www.archiveofourown.org/tags/Fluff/works/?work_search%5Bexcluded_tag_names%5D=Mature',
    );
    expect(build('https://archiveofourown.org/works?tag_id=Fluff&page=3', ex({ tags: ['Angst'] }))).toBe(
      'https://archiveofourown.org/works?tag_id=Fluff&page=3&work_search%5Bexcluded_tag_names%5D=Angst',
    );
  });

  it('leaves an address that already carries exclusions alone: its own, or the reader\u2019s from the filter form', () => {
    const ours = build(TAG, ALL)!;
    expect(build(ours, ALL)).toBeNull();
    // The filter form always sends "Other tags to exclude", even empty: the reader removed ours.
    const form =
      'https://archiveofourown.org/works?commit=Sort+and+Filter&work_search%5Bsort_column%5D=revised_at' +
      '&work_search%5Bexcluded_tag_names%5D=&tag_id=Worldbuilding';
    expect(build(form, ALL)).toBeNull();
    expect(build(`${TAG}?exclude_work_search%5Brating_ids%5D%5B%5D=12`, ALL)).toBeNull();
  });

  it('returns null when there is nothing to add', () => {
    expect(build(TAG, NONE)).toBeNull();
  });

  it('keeps the address short however many tags: the names that fit are sent', () => {
    const tags = Array.from({ length: 400 }, (_, i) => `A long tag name number ${i}`);
    const url = build(TAG, ex({ tags }))!;
    expect(url.length).toBeLessThan(2000);
    const sent = query(url)['work_search[excluded_tag_names]']![0]!.split(',');
    expect(sent.length).toBeGreaterThan(10);
    expect(sent).toEqual(tags.slice(0, sent.length));
  });
});

describe('ao3FilterUrl on search results', () => {
  const SEARCH = 'https://archiveofourown.org/works/search?commit=Search&work_search%5Bquery%5D=dragons&page=2';

  it('sends everything by name after the search and its page', () => {
    const url = build(SEARCH, ALL)!;
    expect(url.startsWith(`${SEARCH}&`)).toBe(true);
    expect(query(url)).toEqual({
      commit: ['Search'],
      'work_search[query]': ['dragons'],
      page: ['2'],
      'work_search[excluded_tag_names]': [
        'Explicit,Not Rated,Major Character Death,Underage Sex,Choose Not To Use Archive Warnings,F/F,Multi,Angst',
      ],
    });
  });

  it('leaves the empty search form, the Edit Your Search form and a search with its own exclusions alone', () => {
    expect(build('https://archiveofourown.org/works/search', ALL)).toBeNull();
    expect(build(`${SEARCH}&edit_search=true`, ALL)).toBeNull();
    expect(build(`${SEARCH}&work_search%5Bexcluded_tag_names%5D=`, ALL)).toBeNull();
  });
});

describe('ao3FilterUrl elsewhere', () => {
  it.each([
    'https://archiveofourown.org/works',
    'https://archiveofourown.org/works/123',
    'https://archiveofourown.org/tags/Fluff',
    'https://archiveofourown.org/tags/Fluff/bookmarks',
    'https://archiveofourown.org/users/someone/works',
    'https://archiveofourown.org/collections/c/tags/Fluff/works',
    'http://archiveofourown.org/tags/Fluff/works',
    'https://archiveofourown.org.example.com/tags/Fluff/works',
    'https://www.fanfiction.net/tags/Fluff/works',
  ])('does nothing on %s', (href) => {
    expect(build(href, ALL)).toBeNull();
  });
});
