/** The AO3 adapter on a series page (issue 18, "Hide this series"): which series, named by its heading. */
import { describe, expect, it } from 'vitest';
import { ao3 } from '../../../lib/sites/ao3';
import { loadFixture } from './ao3-fixtures';

describe('ao3.readSeriesPage', () => {
  it('reads the series id from the address and its name from the page heading', () => {
    const doc = loadFixture('series-6-works-2270465.html');
    const series = ao3.readSeriesPage!(doc, new URL('https://archiveofourown.org/series/2270465'));
    expect(series).toMatchObject({ site: 'ao3', id: '2270465', title: 'OG Titan' });
    expect(series?.anchor.matches('#main > h2.heading')).toBe(true);
  });

  it('is null on any other page or address', () => {
    const series = loadFixture('series-6-works-2270465.html');
    expect(ao3.readSeriesPage!(series, new URL('https://archiveofourown.org/series/2270465/bookmarks'))).toBeNull();
    const listing = loadFixture('listing-tag-works-worldbuilding.html');
    expect(ao3.readSeriesPage!(listing, new URL('https://archiveofourown.org/series/1'))).toBeNull();
  });
});
