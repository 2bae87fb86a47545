/**
 * The listing scripts' adapters (ao3Listing, ffnListing): the whole adapter less the work page's
 * parser, which their scripts never need, as their matches leave work pages out.
 */
import { describe, expect, it } from 'vitest';
import { ao3, ao3Listing } from '../../../lib/sites/ao3';
import { ffn, ffnListing } from '../../../lib/sites/ffn';
import type { SiteAdapter } from '../../../lib/sites/types';
import { ao3Url, loadFixture as loadAo3 } from './ao3-fixtures';
import { loadFixture as loadFfn, pageUrl } from './ffn-fixtures';

const CASES: { name: string; whole: SiteAdapter; listing: SiteAdapter; workPage: () => [Document, URL]; title: string }[] = [
  {
    name: 'AO3',
    whole: ao3,
    listing: ao3Listing,
    workPage: () => [loadAo3('work-complete-6ch-chapter2-48582418.html'), ao3Url('/works/48582418/chapters/122861680')],
    title: '5 times Gotham (and everyone else except Bruce and Alfred) were Confused.',
  },
  {
    name: 'FanFiction.net',
    whole: ffn,
    listing: ffnListing,
    workPage: () => [loadFfn('ambtus-counting-ch1.html'), pageUrl('ambtus-counting-ch1.html')],
    title: 'Counting',
  },
];

describe.each(CASES)('$name listing adapter', ({ whole, listing, workPage, title }) => {
  it('reads no work, even on a work page, where the whole adapter reads one', () => {
    const [doc, url] = workPage();
    expect(whole.readWork(doc, url)?.meta.title).toBe(title);
    expect(listing.readWork(doc, url)).toBeNull();
  });

  it('is the whole adapter in every other part', () => {
    const others = Object.keys(whole).filter((key) => key !== 'readWork') as (keyof SiteAdapter)[];
    expect(others.length).toBeGreaterThan(10);
    for (const key of others) expect(listing[key], key).toBe(whole[key]);
    expect(Object.keys(listing).sort()).toEqual(Object.keys(whole).sort());
  });
});
