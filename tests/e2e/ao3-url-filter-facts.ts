/**
 * "Filter on AO3 too" E2E, shared by the Chromium and Firefox files: the tag listing, the address the
 * extension must send it to (written out here, not computed by the code under test), the rules, and
 * which blurbs Lamplight must still hide on the result, read from the fixture in Node.
 */
import { Window } from 'happy-dom';
import { FIXTURE_URLS, readFixture, type FixtureFile } from './fixtures';
import { blurbIdsWithWarning, MCD } from './filtering-facts';

export const LISTING: FixtureFile = 'ao3/listing-tag-works-worldbuilding.html';
export const TAG_URL = FIXTURE_URLS[LISTING];
export const HURT_COMFORT = 'Hurt/Comfort';

/** The tag listing asking AO3 to leave out Explicit, Major Character Death and Hurt/Comfort. */
export const FILTERED_URL = `${TAG_URL}?work_search%5Bexcluded_tag_names%5D=Explicit%2CMajor%20Character%20Death%2CHurt%2FComfort`;

/** What AO3's own filter form sends when the reader has cleared every exclusion (the field goes along, empty). */
export const READERS_OWN_URL =
  'https://archiveofourown.org/works?commit=Sort+and+Filter&work_search%5Bsort_column%5D=revised_at' +
  '&work_search%5Bother_tag_names%5D=&work_search%5Bexcluded_tag_names%5D=&tag_id=Worldbuilding';

/** Test-made addresses served with the listing's own bytes. */
export const EXTRA_PAGES: readonly string[] = [FILTERED_URL, READERS_OWN_URL];

export const RULES = [
  { id: 'e2e-mcd', field: 'warning', pattern: MCD, action: 'hide', enabled: true },
  { id: 'e2e-explicit', field: 'rating', pattern: 'Explicit', action: 'hide', enabled: true },
  { id: 'e2e-hc', field: 'tag', pattern: HURT_COMFORT, action: 'hide', enabled: true },
];
export const ALLOW_RULE = { id: 'e2e-allow', field: 'author', pattern: 'nobody-on-this-page', action: 'allow', enabled: true };

export const settings = (filterOnAo3: boolean) => ({
  appSettings: { filteringPaused: false, syncBookmarks: false, showFilteredTitles: true, filterOnAo3 },
  'appSettings$': { v: 3 },
});

/** Blurb ids with the rating, from the fixture's rating symbol. */
function idsWhere(test: (li: Element) => boolean): string[] {
  const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true, disableJavaScriptFileLoading: true } });
  try {
    const doc = new window.DOMParser().parseFromString(readFixture(LISTING).toString('utf8'), 'text/html');
    return Array.from(doc.querySelectorAll('li.work.blurb[id^="work_"]'))
      .filter((li) => test(li as unknown as Element))
      .map((li) => li.id);
  } finally {
    void window.happyDOM.close();
  }
}

/** Every blurb Lamplight itself must hide under RULES, in page order. */
export function expectedHidden(): string[] {
  const mcd = new Set(blurbIdsWithWarning(LISTING, MCD));
  const explicit = new Set(idsWhere((li) => li.querySelector('span.rating')?.getAttribute('title') === 'Explicit'));
  const hc = new Set(
    idsWhere((li) => Array.from(li.querySelectorAll('ul.tags li.freeforms a.tag')).some((a) => a.textContent?.trim() === HURT_COMFORT)),
  );
  return idsWhere(() => true).filter((id) => mcd.has(id) || explicit.has(id) || hc.has(id));
}

/** In the page: is every blurb judged, and which are hidden (not rendered at all)? */
export function listingInPage(): { judged: boolean; hidden: string[]; blurbs: number } {
  const blurbs = Array.from(document.querySelectorAll('li.work.blurb[id^="work_"]'));
  return {
    judged: blurbs.length > 0 && blurbs.every((b) => b.hasAttribute('data-lamplight-judged')),
    hidden: blurbs.filter((b) => b.getClientRects().length === 0).map((b) => b.id),
    blurbs: blurbs.length,
  };
}
