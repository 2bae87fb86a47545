/**
 * What the filtering E2E tests expect, worked out from the raw fixture HTML in Node, with neither the
 * extension nor the site adapter involved: a second opinion the browser's result is checked against.
 */
import { Window } from 'happy-dom';
import { readFixture, type FixtureFile } from './fixtures';

/** One work blurb of a saved listing, read the plain way (AO3's own markup, nothing clever). */
export interface FixtureBlurb {
  /** The blurb li's id, e.g. "work_77861651". */
  elementId: string;
  workId: string;
  /** Text of the archive-warning tag links (`ul.tags li.warnings a`). */
  warnings: string[];
  /** Text of the byline's author links (`h4.heading a[rel=author]`). */
  authors: string[];
  /** Text of the title link (the heading's link to /works/…). */
  title: string;
}

const cache = new Map<FixtureFile, FixtureBlurb[]>();

/** Every `li.work.blurb` of the fixture, in page order. */
export function fixtureBlurbs(file: FixtureFile): FixtureBlurb[] {
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
    blurbs = Array.from(doc.querySelectorAll('li.work.blurb[id^="work_"]')).map((li) => ({
      elementId: li.id,
      workId: li.id.replace(/^work_/, ''),
      warnings: Array.from(li.querySelectorAll('ul.tags li.warnings a')).map((a) => a.textContent.trim()),
      authors: Array.from(li.querySelectorAll('h4.heading a[rel="author"]')).map((a) => a.textContent.trim()),
      title: li.querySelector('h4.heading a[href^="/works/"]')?.textContent.trim() ?? '',
    }));
  } finally {
    void window.happyDOM.close();
  }
  cache.set(file, blurbs);
  return blurbs;
}

/** Element ids of the blurbs carrying `warning`, in page order. */
export function blurbIdsWithWarning(file: FixtureFile, warning: string): string[] {
  return fixtureBlurbs(file)
    .filter((b) => b.warnings.includes(warning))
    .map((b) => b.elementId);
}

/** Element ids of the blurbs by `author`, in page order. */
export function blurbIdsByAuthor(file: FixtureFile, author: string): string[] {
  return fixtureBlurbs(file)
    .filter((b) => b.authors.includes(author))
    .map((b) => b.elementId);
}

export const GDOV = 'Graphic Depictions Of Violence';
export const MCD = 'Major Character Death';
