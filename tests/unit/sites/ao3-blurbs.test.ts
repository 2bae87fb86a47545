
/**
 * ao3.readBlurbs / readBlurb / blurbSelector on every fixture: which blurbs are read, in what
 * order, with which work id. Counts and ids were read from the HTML (li.blurb class lists).
 */

import { describe, expect, it } from 'vitest';
import { ao3 } from '../../../lib/sites/ao3';
import { ao3FixtureNames, ao3Url, loadFixture, sharedFixture } from './ao3-fixtures';

const LISTING_URL = ao3Url('/tags/Some%20Tag/works');

/** Work blurbs per fixture (li.work.blurb, and li.bookmark.blurb holding a work). */
const BLURB_COUNTS: Record<string, number> = {
  'adult-interstitial-2022-38044144.html': 1,
  // 20 li.bookmark.blurb: 18 works + 1 series (series-487526) + 1 deleted item (no work-<id>)
  'bookmarks-user-logged-in-2025-09.html': 18,
  'listing-tag-show-noncanonical-no-fandom-freeform.html': 20,
  'listing-tag-works-choose-not-to-warn.html': 20,
  'listing-tag-works-ever-given.html': 20,
  'listing-tag-works-single-result.html': 1,
  'listing-tag-works-worldbuilding.html': 20,
  // 6 li.reading.blurb (hand-written History page): 5 works + 1 deleted work (no blurb, no id)
  'readings-handwritten.html': 5,
  'series-2022-drabbles.html': 2,
  'series-6-works-2270465.html': 6,
  'series-8-works-multifandom-2817877.html': 8,
  'series-anonymous-3-works-1728802.html': 3,
};

/**
 * The elements blurbSelector holds: every one shows a work (a deleted work's item on AO3's History
 * page, li.deleted.reading.work.blurb with no blurb inside, is not held).
 */
const selectedWorks = (doc: Document): Element[] => Array.from(doc.querySelectorAll(ao3.blurbSelector));

describe('ao3.readBlurbs: counts', () => {
  it.each(ao3FixtureNames())('%s', (file) => {
    const blurbs = ao3.readBlurbs(sharedFixture(file), LISTING_URL);
    expect(blurbs).toHaveLength(BLURB_COUNTS[file] ?? 0);
  });

  it.each(Object.keys(BLURB_COUNTS))('%s: blurbSelector matches exactly the blurbs read', (file) => {
    const doc = sharedFixture(file);
    expect(selectedWorks(doc)).toEqual(ao3.readBlurbs(doc, LISTING_URL).map((blurb) => blurb.element));
  });

  it.each(Object.keys(BLURB_COUNTS))('%s: blurbSelector is one compound selector (callers append :not(...))', (file) => {
    const doc = sharedFixture(file);
    const judged = Array.from(doc.querySelectorAll(`${ao3.blurbSelector}:not([data-judged])`));
    expect(judged).toEqual(Array.from(doc.querySelectorAll(ao3.blurbSelector)));
    expect(ao3.blurbSelector).not.toContain(',');
  });

  it.each(Object.keys(BLURB_COUNTS))('%s: readBlurb on each selected element gives what readBlurbs gives', (file) => {
    const doc = sharedFixture(file);
    const one = selectedWorks(doc).map((element) => ao3.readBlurb(element, LISTING_URL));
    expect(one).toEqual(ao3.readBlurbs(doc, LISTING_URL));
  });

  it('readBlurb gives null for a series bookmark, a deleted bookmark, a non-blurb and a throwing element', () => {
    const doc = sharedFixture('bookmarks-user-logged-in-2025-09.html');
    const series = doc.querySelector('#bookmark_1646022958'); // series-487526
    const deleted = doc.querySelector('#bookmark_1646028985'); // "This has been deleted, sorry!"
    if (!series || !deleted) throw new Error('fixture changed');
    expect(ao3.readBlurb(series, LISTING_URL)).toBeNull();
    expect(ao3.readBlurb(deleted, LISTING_URL)).toBeNull();
    expect(ao3.readBlurb(doc.querySelector('#main') ?? doc.body, LISTING_URL)).toBeNull();
    const throwing = doc.createElement('li');
    throwing.className = 'work blurb group work-1';
    Object.defineProperty(throwing, 'querySelectorAll', {
      value: () => {
        throw new Error('boom');
      },
    });
    expect(ao3.readBlurb(throwing, LISTING_URL)).toBeNull();
  });

  it('reads blurbs in page order, with the work id (not the li id) of bookmark blurbs', () => {
    const ids = (file: string): string[] => ao3.readBlurbs(sharedFixture(file), LISTING_URL).map((b) => b.meta.id);
    expect(ids('listing-tag-works-choose-not-to-warn.html')).toEqual([
      '78958001', '75090041', '78967216', '78966681', '78912256', '78729771', '78858976', '78967166', '77739606', '78492146',
      '78820816', '78549446', '74363746', '73010426', '78917111', '78862946', '78493116', '56128960', '77706986', '78966971',
    ]);
    expect(ids('listing-tag-show-noncanonical-no-fandom-freeform.html')).toEqual([
      '1192758', '1819222', '2095185', '2527040', '2629562', '3568316', '4379252', '7103848', '7103902', '7741603',
      '7742329', '8014585', '8147215', '8498443', '9491930', '9585719', '9802751', '10575624', '11057691', '11445081',
    ]);
    expect(ids('series-6-works-2270465.html')).toEqual(['30604247', '30794750', '30914645', '31221131', '35757790', '44149795']);
    // li ids are bookmark_<bookmark id>; the work ids come from the work-<id> class
    expect(ids('bookmarks-user-logged-in-2025-09.html')).toEqual([
      '35039185', '22283104', '31441415', '45184951', '45961492', '22959034', '38497510', '41949744', '53650039',
      '14104905', '24843790', '49991710', '42935643', '45489835', '41936007', '41962995', '46702321', '50756221',
    ]);
  });

  it('marks no fixture blurb as own (none has the class), and reads the own class when present', () => {
    for (const file of Object.keys(BLURB_COUNTS)) {
      expect(ao3.readBlurbs(sharedFixture(file), LISTING_URL).some((blurb) => blurb.own)).toBe(false);
    }
    const doc = loadFixture('listing-tag-works-single-result.html');
    doc.querySelector('#work_29881599')?.classList.add('own');
    expect(ao3.readBlurbs(doc, LISTING_URL).map((blurb) => blurb.own)).toEqual([true]);
  });

  it("does not take the bookmarker's own user module (div.own.user.module) for an own work", () => {
    const doc = sharedFixture('bookmarks-user-logged-in-2025-09.html');
    expect(doc.querySelector('#bookmark_1646028805 div.own.user.module')).not.toBeNull();
    const blurb = ao3.readBlurbs(doc, LISTING_URL).find((b) => b.meta.id === '41962995');
    expect(blurb?.own).toBe(false);
  });
});

describe('ao3.readBlurbs: only the site’s own list items', () => {
  it('a fake blurb nested in a summary (or notes) is never read, and never replaces the real one', () => {
    const doc = loadFixture('listing-tag-works-worldbuilding.html');
    const real = ao3.readBlurbs(doc, LISTING_URL);
    const first = real[0]!;
    const summary = first.element.querySelector(':scope > blockquote.userstuff.summary')!;
    // A creator's summary may hold any list markup AO3 allows: a whole copy of a blurb list.
    const fake = first.element.cloneNode(true) as HTMLElement;
    fake.querySelector('dl.stats dd.chapters')!.textContent = '999/999';
    const list = doc.createElement('ol');
    list.className = 'work index group';
    list.append(fake);
    summary.prepend(list);
    first.element.parentElement!.prepend(summary.cloneNode(true));
    const after = ao3.readBlurbs(doc, LISTING_URL);
    expect(after.map((b) => b.element)).toEqual(real.map((b) => b.element));
    expect(after[0]?.meta.chapters).toEqual(real[0]?.meta.chapters);
    expect(ao3.readBlurb(fake, LISTING_URL)).toBeNull();
  });
});

