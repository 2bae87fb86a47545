/** What the tag-synonym E2E files (Chromium and Firefox) expect, read from the fixtures. */
import { FIXTURE_URLS, readFixture, type FixtureFile } from './fixtures';

export const LISTING: FixtureFile = 'ao3/listing-tag-works-worldbuilding.html';
export const TAG_PAGE: FixtureFile = 'ao3/tag-show-synonyms-handwritten.html';
export const TAG_PAGE_URL = FIXTURE_URLS[TAG_PAGE];
export const TAG = 'Slow Burn';
/** What the options page offers: the page's synonyms, less "slow burn" (the rule's own name). */
export const OFFERED = ['Slow Build', 'Slow-Burn', 'Slow Burn & Mutual Pining', 'Slowburn', 'Very Slow Burn'];

/** Each blurb's element id and additional tags (the `li.freeforms` links), from the saved page. */
const BLURBS = readFixture(LISTING)
  .toString('utf8')
  .split(/<li id="(work_\d+)"/)
  .slice(1)
  .flatMap((part, i, parts) =>
    i % 2 === 0 ? [{ id: part, freeforms: [...parts[i + 1]!.matchAll(/<li class='freeforms'><a class="tag" href="[^"]*">([^<]*)<\/a>/g)].map((m) => m[1]!) }] : [],
  );
const withTag = (tag: string) => BLURBS.filter((b) => b.freeforms.includes(tag)).map((b) => b.id);
/** Blurbs the rule catches by its own name. */
export const BY_NAME = withTag(TAG);
/** Blurbs tagged only with the synonym "Slow Build": caught only once the rule covers it. */
export const BY_SYNONYM_ONLY = withTag('Slow Build').filter((id) => !BY_NAME.includes(id));
export const sorted = (ids: readonly string[]) => [...ids].sort();
