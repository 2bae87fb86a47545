/**
 * The history's listing markers (entrypoints/content/history/listing.ts) on the real Worldbuilding
 * listing with the history in WXT's fake storage: one marker per work read, in words, as text; the
 * filters' reading of each blurb reused (state/blurbs.ts).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { markBlurbs, pageBlurbs } from '../../../entrypoints/content/history/listing';
import { historyMarkers } from '../../../entrypoints/content/history/marker';
import { createPage, type Page } from '../../../entrypoints/content/page';
import { rememberBlurb } from '../../../entrypoints/content/state/blurbs';
import { ao3 } from '../../../lib/sites/ao3';
import { mergeAo3History, recordHistoryVisit } from '../../../lib/storage/history';
import { ao3Item, T0, visit } from '../history/helpers';
import { ao3Url, loadFixture } from '../sites/ao3-fixtures';

const URL_ = ao3Url('/tags/Worldbuilding/works');

function listingPage(): Page {
  return createPage(ao3, URL_, 'listing', loadFixture('listing-tag-works-worldbuilding.html'));
}

async function marked(page: Page): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  await markBlurbs(page, pageBlurbs(page), T0, (blurb, text) => {
    out[blurb.id] = text;
  });
  return out;
}

beforeEach(() => fakeBrowser.reset());

describe('listing markers', () => {
  it('marks each work read, and only those', async () => {
    // "Parlay In Reverse" shows 36/80: read up to chapter 30 of 33.
    await recordHistoryVisit(visit({ workId: '23306392', chapter: 30, chapterCount: 33 }));
    // "-ANATA-" shows 1/1: read to its end.
    await recordHistoryVisit(visit({ workId: '77859641', chapter: 1, chapterCount: 1, reachedEnd: true }));
    // "As the Waves Against the Shore" shows 4/5: finished when 2 were posted.
    await recordHistoryVisit(visit({ workId: '73895506', chapter: 2, chapterCount: 2, reachedEnd: true }));
    const page = listingPage();
    const shown = await marked(page);
    expect(Object.keys(shown).sort()).toEqual(['work_23306392', 'work_73895506', 'work_77859641']);
    expect(shown.work_23306392).toBe('Stopped at chapter 30 of 36 · 3 new chapters since you read');
    expect(shown.work_77859641).toMatch(/^Read \S+ \S+$/);
    expect(shown.work_73895506).toBe('2 new chapters since you read');
  });

  it('places markers as text, first in the blurb, and takes them all away', async () => {
    await recordHistoryVisit(visit({ workId: '23306392', chapter: 3, chapterCount: 36 }));
    const page = listingPage();
    const markers = historyMarkers(page.doc);
    await markBlurbs(page, pageBlurbs(page), T0, markers.set);
    const blurb = page.doc.getElementById('work_23306392') as HTMLElement;
    const marker = blurb.firstElementChild as HTMLElement;
    expect(marker.tagName).toBe('P');
    expect(marker.textContent).toBe('Stopped at chapter 3 of 36');
    expect(marker.children).toHaveLength(0);
    expect(page.doc.querySelector('style[data-lamplight="history"]')).not.toBeNull();
    markers.clear();
    expect(blurb.firstElementChild).not.toBe(marker);
    expect(page.doc.querySelector('style[data-lamplight="history"]')).toBeNull();
  });

  it("uses the filters' reading of a blurb: one they could not read gets no marker", async () => {
    await recordHistoryVisit(visit({ workId: '23306392', chapter: 3, chapterCount: 36 }));
    const page = listingPage();
    rememberBlurb(page.doc.getElementById('work_23306392') as Element, null);
    expect(await marked(page)).toEqual({});
  });

  it("on AO3's History page, a work known only from AO3 gets no marker (the page says it already)", async () => {
    await mergeAo3History([ao3Item({ workId: '23306392', visits: 3 })]);
    const page = listingPage();
    const blurbs = pageBlurbs(page);
    const texts: string[] = [];
    await markBlurbs(page, blurbs, T0, (_, text) => texts.push(text), true);
    expect(texts).toEqual([]);
    await markBlurbs(page, blurbs, T0, (_, text) => texts.push(text), false);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatch(/^Visited 3 times on AO3, last /);
  });
});
