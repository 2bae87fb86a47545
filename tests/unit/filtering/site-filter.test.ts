/**
 * "Filter on AO3 too" (entrypoints/content/filtering/site-filter.ts): the page is sent on only when the
 * setting is on and its site's adapter can ask the site to filter; the address comes from the adapter.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { filterOnSite } from '../../../entrypoints/content/filtering/site-filter';
import type { Rule } from '../../../lib/filters/types';
import { ao3 } from '../../../lib/sites/ao3';
import { ffn } from '../../../lib/sites/ffn';
import { DEFAULT_APP_SETTINGS } from '../../../lib/storage';

const hideMcd: Rule = { id: 'mcd', field: 'warning', pattern: 'Major Character Death', action: 'hide', enabled: true };
const on = { ...DEFAULT_APP_SETTINGS, filterOnAo3: true };
const TAG_PAGE = new URL('https://archiveofourown.org/tags/Worldbuilding/works');

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** filterOnSite with the page's leaving watched: the address it went to, or null if it stayed. */
function sentTo(run: () => boolean): { left: boolean; to: string | null } {
  const stop = vi.fn();
  vi.stubGlobal('stop', stop); // the test window has no stop()
  let to: string | null = null;
  vi.spyOn(window.location, 'replace').mockImplementation((next) => {
    to = String(next);
  });
  const left = run();
  expect(stop).toHaveBeenCalledTimes(left ? 1 : 0);
  return { left, to };
}

describe('filterOnSite', () => {
  it("sends an AO3 tag listing on with the warning excluded in AO3's own search field", () => {
    const { left, to } = sentTo(() => filterOnSite(ao3, TAG_PAGE, [hideMcd], on));
    expect(left).toBe(true);
    expect(new URL(to!).searchParams.get('work_search[excluded_tag_names]')).toBe('Major Character Death');
  });

  it('leaves the page alone when the setting is off', () => {
    expect(sentTo(() => filterOnSite(ao3, TAG_PAGE, [hideMcd], DEFAULT_APP_SETTINGS))).toEqual({ left: false, to: null });
  });

  it('leaves a page of a site that cannot filter alone (FanFiction.net)', () => {
    const page = new URL('https://www.fanfiction.net/book/Harry-Potter/');
    expect(ffn.siteFilterUrl).toBeUndefined();
    expect(sentTo(() => filterOnSite(ffn, page, [hideMcd], on))).toEqual({ left: false, to: null });
  });

  it('never sends on an address that already asks AO3 to exclude', () => {
    const page = new URL('https://archiveofourown.org/tags/Worldbuilding/works?work_search%5Bexcluded_tag_names%5D=Major+Character+Death');
    expect(sentTo(() => filterOnSite(ao3, page, [hideMcd], on))).toEqual({ left: false, to: null });
  });
});
