/**
 * What the series and scope E2E tests (issue 18) expect, shared by the Chromium and Firefox files:
 * each blurb's series, fandoms and additional tags, read from the raw fixture HTML in Node (AO3's own
 * markup, neither the extension nor the site adapter involved), and the in-page helpers.
 */
import { Window } from 'happy-dom';
import { readFixture, type FixtureFile } from './fixtures';

export const LISTING: FixtureFile = 'ao3/listing-tag-works-worldbuilding.html';
/** The series page of "OG Titan" (2270465): six works, two of them also in series 2662930. */
export const SERIES_PAGE: FixtureFile = 'ao3/series-6-works-2270465.html';
export const SERIES_PAGE_TITLE = 'OG Titan';
/** The other series two of that page's works are in. */
export const OTHER_SERIES = { id: '2662930', title: 'Personal Alternatives and the Current Reality' };
/** A tag of works in several fandoms on the listing, one of them Star Wars. */
export const SCOPED_TAG = 'War';
export const STAR_WARS = 'Star Wars*';

export interface SeriesBlurb {
  elementId: string;
  series: string[];
  fandoms: string[];
  freeforms: string[];
}

const cache = new Map<FixtureFile, SeriesBlurb[]>();

export function seriesBlurbs(file: FixtureFile): SeriesBlurb[] {
  let blurbs = cache.get(file);
  if (blurbs) return blurbs;
  const window = new Window({
    settings: {
      disableCSSFileLoading: true,
      disableJavaScriptFileLoading: true,
      disableJavaScriptEvaluation: true,
      disableIframePageLoading: true,
      handleDisabledFileLoadingAsSuccess: true,
    },
  });
  try {
    const doc = new window.DOMParser().parseFromString(readFixture(file).toString('utf8'), 'text/html');
    const texts = (li: { querySelectorAll(s: string): Iterable<{ textContent: string }> }, selector: string) =>
      Array.from(li.querySelectorAll(selector)).map((a) => a.textContent.trim());
    blurbs = Array.from(doc.querySelectorAll('li.work.blurb[id^="work_"]')).map((li) => ({
      elementId: li.id,
      series: Array.from(li.querySelectorAll('ul.series a[href^="/series/"]')).map((a) => a.getAttribute('href')!.split('/')[2]!),
      fandoms: texts(li, 'h5.fandoms a.tag'),
      freeforms: texts(li, 'ul.tags li.freeforms a.tag'),
    }));
  } finally {
    void window.happyDOM.close();
  }
  cache.set(file, blurbs);
  return blurbs;
}

/** In the page: the ids of blurbs with a Lamplight placeholder right before them, and the placeholders' texts. */
export function placeholdersInPage(): { ids: string[]; texts: string[] } {
  const ids: string[] = [];
  const texts: string[] = [];
  for (const li of Array.from(document.querySelectorAll('li.work.blurb[id^="work_"]'))) {
    const before = li.previousElementSibling;
    if (before?.hasAttribute('data-lamplight-placeholder')) {
      ids.push(li.id);
      texts.push((before.textContent ?? '').replace(/\s+/g, ' ').trim());
    }
  }
  return { ids, texts };
}

/** In the page, as a page script would: `.click()` on Lamplight's "Hide this series" button. */
export function pageScriptClicksHideSeriesInPage(): boolean {
  const button = Array.from(document.querySelectorAll('[data-lamplight-series-action] button')).find(
    (b) => b.textContent === 'Hide this series',
  ) as HTMLButtonElement | undefined;
  button?.click();
  return !!button;
}
