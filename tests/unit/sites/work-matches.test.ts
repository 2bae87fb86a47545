/**
 * WORK_MATCHES: the manifest patterns of the work-page content script (the other script excludes them). Every work page must match
 * (a missed one would have no reader); listings must not (they load only the main script).
 */
import { describe, expect, it } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { SITE_MATCHES, WORK_MATCHES } from '../../../lib/sites';

const patterns = WORK_MATCHES.map((p) => new MatchPattern(p));
const matched = (url: string) => patterns.some((p) => p.includes(url));

const WORK_PAGES = [
  'https://archiveofourown.org/works/323217',
  'https://archiveofourown.org/works/17793689/chapters/42035519',
  'https://archiveofourown.org/works/17793689?view_full_work=true',
  'https://archiveofourown.org/chapters/42035519',
  'https://archiveofourown.org/collections/yuletide2020/works/27981234',
  'https://www.archiveofourown.org/works/323217',
  'https://www.archiveofourown.org/collections/c/works/1/chapters/2',
  'https://www.fanfiction.net/s/5853866/1/Counting',
  'https://www.fanfiction.net/s/5853866/',
  'https://m.fanfiction.net/s/5853866/2/Counting',
];

const LISTINGS = [
  'https://archiveofourown.org/tags/Worldbuilding/works',
  'https://archiveofourown.org/works?tag_id=Worldbuilding',
  'https://archiveofourown.org/users/someone/works',
  'https://archiveofourown.org/users/someone/bookmarks',
  'https://archiveofourown.org/series/2270465',
  'https://archiveofourown.org/collections/yuletide2020/works',
  'https://archiveofourown.org/',
  'https://www.fanfiction.net/book/Harry-Potter/',
  'https://www.fanfiction.net/u/123/Someone',
  'https://m.fanfiction.net/anime/Naruto/',
];

describe('WORK_MATCHES', () => {
  it.each(WORK_PAGES)('matches the work page %s', (url) => {
    expect(matched(url)).toBe(true);
  });

  it.each(LISTINGS)('leaves the listing or other page %s to the main script alone', (url) => {
    expect(matched(url)).toBe(false);
  });

  it('stays inside the sites the main script runs on', () => {
    const sites = SITE_MATCHES.map((p) => new MatchPattern(p));
    for (const url of WORK_PAGES) expect(sites.some((p) => p.includes(url))).toBe(true);
    for (const pattern of WORK_MATCHES) expect(SITE_MATCHES.some((site) => pattern.startsWith(site.slice(0, -1)))).toBe(true);
  });
});
