/**
 * No flash, measured. Pages arrive as on a slow connection, from a local HTTPS server
 * (./streamed-server.ts): a first part, nothing for PAUSE_MS, then the rest.
 *
 * - The listing's first part ends INSIDE a blurb the rules collapse, after complete blurbs (filtered
 *   and not). No frame may show a filtered blurb, nor any blurb not yet judged; the complete
 *   unfiltered blurbs must show during the pause (the page renders progressively: the hold is not
 *   simply hiding everything until the page is whole).
 * - The work page's first part ends inside the story text of a work the rules shield. No frame may
 *   show the story; the work's header must show during the pause, and the shield at the end.
 *
 * Every animation frame, from before the first byte is parsed, records what a reader could see.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumSession } from './chromium';
import { FIXTURE_URLS, isReferencedBy, readFixture, type FixtureFile } from './fixtures';
import { fixtureBlurbs, blurbIdsWithWarning, GDOV } from './filtering-facts';
import {
  recordFrames,
  startStreamedServer,
  stopRecording,
  type RecordedFrame,
  type Recording,
  type StreamedServer,
} from './streamed-server';

const LISTING: FixtureFile = 'ao3/listing-tag-works-worldbuilding.html';
const WORK: FixtureFile = 'ao3/work-oneshot-orphaned-3738184.html';
const LISTING_URL = new URL(FIXTURE_URLS[LISTING]);
const WORK_URL = new URL(FIXTURE_URLS[WORK]);
const pathOf = (url: URL) => url.pathname + url.search;
const PAUSE_MS = 1800;
/** How long frames are still recorded after a page has loaded: past the hold's 1 s fail-safe. */
const AFTER_LOAD_MS = 1500;
/** Selectors the recorder reports on besides the blurbs (see recordFrames). */
const WATCH = {
  story: '#workskin',
  storyEnd: '#workskin div.afterword',
  workHeader: 'dl.work.meta',
  shield: '[data-lamplight-shield]',
};

// The listing's cut, worked out from the raw fixture: the first filtered blurb with both a filtered
// and an unfiltered blurb before it. The first part ends inside it, after its heading (title and
// author) and before anything that says what it contains.
const blurbs = fixtureBlurbs(LISTING).map((b) => b.elementId);
const filtered = blurbIdsWithWarning(LISTING, GDOV);
const isFiltered = (id: string) => filtered.includes(id);
const cutIndex = blurbs.findIndex(
  (id, i) => isFiltered(id) && blurbs.slice(0, i).some(isFiltered) && blurbs.slice(0, i).some((b) => !isFiltered(b)),
);
const cutBlurb = blurbs[cutIndex]!;
const afterCut = blurbs[cutIndex + 1]!;
const completeBefore = blurbs.slice(0, cutIndex);
const completeUnfiltered = completeBefore.filter((id) => !isFiltered(id));
const completeFiltered = completeBefore.filter(isFiltered);
const listingBody = readFixture(LISTING);
const cutStart = listingBody.indexOf(`<li id="${cutBlurb}"`);
const listingSplit = listingBody.indexOf('</h4>', cutStart);

// The work's cut: in the middle of its story text.
const workBody = readFixture(WORK);
const STORY_START = '<div class="userstuff"><p>*whispers*';
const workSplit = workBody.indexOf(STORY_START) + STORY_START.length;

let server: StreamedServer;
let browser: ChromiumSession;
let page: Page;

beforeAll(async () => {
  server = await startStreamedServer([
    { path: pathOf(LISTING_URL), body: listingBody, splitAt: listingSplit, pauseMs: PAUSE_MS },
    { path: pathOf(WORK_URL), body: workBody, splitAt: workSplit, pauseMs: PAUSE_MS },
  ]);
  browser = await launchChromium(undefined, { servedAt: server.port });
  const extensionPage = await browser.context.newPage();
  await extensionPage.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await extensionPage.evaluate(() =>
    (globalThis as any).chrome.storage.local.set({
      filterRules: [{ id: 'e2e-gdov', field: 'warning', pattern: 'Graphic Depictions Of Violence', action: 'collapse', enabled: true }],
      'filterRules$': { v: 1 },
    }),
  );
  await extensionPage.close();
  page = await browser.context.newPage();
  await page.bringToFront(); // a background tab gets few animation frames
  await page.addInitScript(recordFrames, WATCH);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens `url` (served slowly), waits past its load, and returns every frame recorded. */
async function record(url: URL): Promise<Recording> {
  await page.goto(url.href, { waitUntil: 'load', timeout: 30_000 });
  await page.waitForTimeout(AFTER_LOAD_MS);
  const recording = await stopRecording(page);
  const sent = server.sent[pathOf(url)];
  expect(server.requests.filter((r) => r.path === pathOf(url))).toHaveLength(1);
  expect(sent?.restAt).toBeTypeOf('number');
  expect(sent!.restAt! - sent!.firstPartAt).toBeGreaterThanOrEqual(PAUSE_MS - 50);
  return recording;
}

/** "N frames, from A ms to B ms after the first part was sent (rest sent at C ms)". */
function describePause(url: URL, { timeOrigin }: Recording, pause: RecordedFrame[]): string {
  const sent = server.sent[pathOf(url)]!;
  const at = (f: RecordedFrame | undefined) => (f ? Math.round(f.t + timeOrigin - sent.firstPartAt) : null);
  return `${pause.length} frames during the pause, from ${at(pause[0])} ms to ${at(pause.at(-1))} ms after the first part was sent (rest sent at ${sent.restAt! - sent.firstPartAt} ms)`;
}

describe('Chromium, a listing arriving slowly', () => {
  test('the cut is where the test needs it', () => {
    expect(cutIndex).toBeGreaterThan(0);
    expect(completeUnfiltered.length).toBeGreaterThan(0);
    expect(completeFiltered.length).toBeGreaterThan(0);
    expect(cutStart).toBeGreaterThan(0);
    expect(listingSplit).toBeGreaterThan(cutStart);
    expect(listingSplit).toBeLessThan(listingBody.indexOf(`<li id="${afterCut}"`));
    // Nothing in the first part says the cut blurb carries the warning.
    expect(listingBody.subarray(cutStart, listingSplit).toString('utf8')).not.toContain(GDOV);
  });

  let recording: Recording;

  test('no frame ever shows a filtered blurb, or any blurb before it is judged', async () => {
    recording = await record(LISTING_URL);
    const { frames } = recording;
    const showingFiltered = frames.filter((f) => f.visible.some(isFiltered));
    const showingUnjudged = frames.filter((f) => f.visible.some((id) => f.unjudged.includes(id)));
    const withBlurbs = frames.filter((f) => f.present.length > 0);
    console.log(
      `streamed listing: ${frames.length} frames recorded, ${withBlurbs.length} with blurbs in the DOM; ` +
        `frames showing a filtered blurb: ${showingFiltered.length}; frames showing an unjudged blurb: ${showingUnjudged.length}`,
    );
    expect(withBlurbs.length).toBeGreaterThan(10);
    expect(showingFiltered.map((f) => ({ t: Math.round(f.t), shown: f.visible.filter(isFiltered) }))).toEqual([]);
    expect(showingUnjudged.map((f) => ({ t: Math.round(f.t), shown: f.visible.filter((id) => f.unjudged.includes(id)) }))).toEqual([]);

    // At the end, every filtered blurb has its placeholder and every other blurb shows.
    const last = frames.at(-1)!;
    expect(last.loading).toBe(false);
    expect([...last.placeholdersFor].sort()).toEqual([...filtered].sort());
    expect([...last.visible].sort()).toEqual(blurbs.filter((id) => !isFiltered(id)).sort());
  });

  test('during the pause the complete blurbs were already shown (or collapsed), the cut one held', () => {
    const { frames } = recording;
    // Frames while the first part is in and the rest is not: the cut blurb exists, the next does not.
    const pause = frames.filter((f) => f.loading && f.present.includes(cutBlurb) && !f.present.includes(afterCut));
    const showingAll = pause.filter((f) => completeUnfiltered.every((id) => f.visible.includes(id)));
    console.log(
      `streamed listing: ${describePause(LISTING_URL, recording, pause)}; ` +
        `${showingAll.length} of them show every complete unfiltered blurb (${completeUnfiltered.length})`,
    );
    expect(pause.length).toBeGreaterThan(10);
    // The pause outlasted the hold's 1 s fail-safe: the cut blurb stayed held all along.
    expect(pause.at(-1)!.t - pause[0]!.t).toBeGreaterThan(1000);
    const settled = pause.at(-1)!;
    expect(settled.visible.filter((id) => completeUnfiltered.includes(id)).sort()).toEqual([...completeUnfiltered].sort());
    expect(settled.placeholdersFor.filter((id) => completeFiltered.includes(id)).sort()).toEqual([...completeFiltered].sort());
    expect(settled.visible).not.toContain(cutBlurb);
    expect(settled.unjudged).toContain(cutBlurb);
    // Progressive: the unfiltered blurbs showed early in the pause, long before the rest arrived.
    const firstShowing = pause.indexOf(showingAll[0]!);
    expect(firstShowing).toBeGreaterThanOrEqual(0);
    expect(pause[firstShowing]!.t - pause[0]!.t).toBeLessThan(1000);
  });
});

describe('Chromium, a shielded work arriving slowly', () => {
  test('the story never shows; the page around it does, and the shield comes', async () => {
    expect(workSplit).toBeGreaterThan(STORY_START.length);
    const recording = await record(WORK_URL);
    const { frames } = recording;
    const showingStory = frames.filter((f) => f.watched.story === 'visible');
    const pause = frames.filter((f) => f.loading && f.watched.story !== 'absent' && f.watched.storyEnd === 'absent');
    console.log(
      `streamed work: ${frames.length} frames recorded; frames showing the story: ${showingStory.length}; ` +
        `${describePause(WORK_URL, recording, pause)}; ${pause.filter((f) => f.watched.workHeader === 'visible').length} of them show the work's header`,
    );
    expect(showingStory.map((f) => Math.round(f.t))).toEqual([]);
    expect(pause.length).toBeGreaterThan(10);
    expect(pause.at(-1)!.t - pause[0]!.t).toBeGreaterThan(1000);
    expect(pause.at(-1)!.watched.workHeader).toBe('visible');
    const last = frames.at(-1)!;
    expect(last).toMatchObject({ loading: false, watched: { story: 'unseen', shield: 'visible' } });
    expect(await page.locator('[data-lamplight-shield]').textContent()).toContain(GDOV);
  });
});

describe('Chromium, streamed pages: requests', () => {
  test('the browser asked the local server for nothing but the pages and what their markup names', () => {
    const strays = server.requests.filter(
      (r) =>
        r.path !== pathOf(LISTING_URL) &&
        r.path !== pathOf(WORK_URL) &&
        r.path !== '/favicon.ico' && // the browser's own, for the tab
        !isReferencedBy(LISTING, `${LISTING_URL.origin}${r.path}`) &&
        !isReferencedBy(WORK, `${WORK_URL.origin}${r.path}`),
    );
    expect(strays).toEqual([]);
  });
});
