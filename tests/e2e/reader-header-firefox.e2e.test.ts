/**
 * Issue 16, friction 2, in Firefox ESR (the MV2 build): the reader's header shows the work's rating and
 * archive warnings on open, the other tags one click (or key) away behind Show tags, the summary and
 * notes folded below; a tag that reads like markup stays text; at 400 px nothing runs off the side.
 * The works open by themselves ("Open every work in reader mode"). Expected values are read from the
 * fixture files in Node (./reader-header-facts.ts).
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  firefoxAudit,
  firefoxOpenedFixtures,
  launchFirefox,
  newInterceptedPage,
  openExtensionPage,
  openFirefoxFixture,
  poll,
  type FirefoxSession,
} from './firefox';
import { readFixture, type FixtureFile } from './fixtures';
import * as H from './reader-header-facts';

const expected = H.fixtureHeader(readFixture(H.CH1).toString('utf8'));
const oneShot = H.fixtureHeader(readFixture(H.ONE_SHOT).toString('utf8'));
const TAGS_BUTTON = '#lamplight-reader-host >>> header.work-head > button.tags-toggle';
const folded = (n: number) => `#lamplight-reader-host >>> header.work-head > details:nth-of-type(${n}) > summary`;

let session: FirefoxSession;
let page: Page;
/** CH1 with a hostile tag (H.hostileHeaderPage), at a URL of its own. */
let hostilePage: Page;
let extensionPage: Page;

beforeAll(async () => {
  session = await launchFirefox();
  page = await newInterceptedPage(session.browser);
  hostilePage = await newInterceptedPage(session.browser, new Map([[H.HOSTILE_URL, H.hostileHeaderPage()]]));
  firefoxOpenedFixtures.push({ file: H.CH1, url: H.HOSTILE_URL });
  extensionPage = await session.browser.newPage();
  openExtensionPage(extensionPage, 'popup.html');
  await extensionPage.waitForFunction(
    () => location.protocol === 'moz-extension:' && typeof (globalThis as any).browser?.storage?.sync?.set === 'function',
    { timeout: 15_000 },
  );
});

afterAll(async () => {
  await session?.close();
});

const setReader = (settings: Record<string, unknown>) =>
  extensionPage.evaluate((s) => (globalThis as any).browser.storage.sync.set({ readerSettings: s, readerSettings$: { v: 1 } }), settings);

beforeEach(async () => {
  await extensionPage.evaluate(async () => {
    const api = (globalThis as any).browser;
    await Promise.all([api.storage.local.clear(), api.storage.sync.clear()]);
  });
  await setReader({ openAutomatically: true });
  await page.setViewport({ width: 1280, height: 800 });
});

const facts = (p: Page = page) => p.evaluate(H.headerFactsInPage);
const readerOn = (p: Page) => p.evaluate(() => document.documentElement.getAttribute('data-lamplight-reader') === 'on');

async function click(p: Page, selector: string): Promise<void> {
  await (await p.waitForSelector(selector, { timeout: 10_000 }))!.click();
}

/** Opens a work fixture (or the hostile page) and waits for the reader to open by itself. */
async function openInReader(p: Page, file: FixtureFile | null): Promise<void> {
  if (file) await openFirefoxFixture(p, file);
  else expect((await p.goto(H.HOSTILE_URL, { waitUntil: 'domcontentloaded' }))?.status()).toBe(200);
  expect(await poll(() => readerOn(p), Boolean)).toBe(true);
  await p.waitForSelector('#lamplight-reader-host >>> header.work-head', { timeout: 10_000 });
}

describe('Firefox ESR: the reader header shows what a reader should know before reading', () => {
  test('AO3: rating and warnings on open; tags hidden, then shown by one click, hidden again; by keyboard too', async () => {
    await openInReader(page, H.CH1);
    const opened = await facts();
    expect(opened.labels).toEqual([
      { label: 'Rating:', values: [expected.rating], shown: true },
      { label: 'Archive warnings:', values: expected.warnings, shown: true },
    ]);
    expect(opened.button).toEqual({ text: 'Show tags', expanded: 'false', shown: true });
    expect(opened.tagsShown).toBe(false);

    await click(page, TAGS_BUTTON);
    const shown = await poll(facts, (f) => f.tagsShown);
    expect(shown.button).toEqual({ text: 'Hide tags', expanded: 'true', shown: true });
    expect(shown.tags).toEqual(expected.tags);
    await click(page, TAGS_BUTTON);
    expect((await poll(facts, (f) => !f.tagsShown)).tagsShown).toBe(false);

    // Keys go to the focused tab: the extension page opened last, so bring this one forward first.
    await page.bringToFront();
    await (await page.waitForSelector(TAGS_BUTTON))!.focus();
    expect(await page.evaluate(() => document.getElementById('lamplight-reader-host')?.shadowRoot?.activeElement?.textContent)).toBe('Show tags');
    await page.keyboard.press('Enter');
    expect(await poll(facts, (f) => f.tagsShown)).toMatchObject({ tagsShown: true, button: { expanded: 'true' } });
    await page.keyboard.press(' '); // the space bar
    expect(await poll(facts, (f) => !f.tagsShown)).toMatchObject({ tagsShown: false, button: { text: 'Show tags', expanded: 'false' } });
  });

  test('AO3: the summary and the work’s notes are one click away', async () => {
    await openInReader(page, H.ONE_SHOT);
    expect((await facts()).folded).toEqual([
      { name: 'Summary', open: false, text: '' },
      { name: 'Notes', open: false, text: '' },
    ]);
    await click(page, folded(1));
    await click(page, folded(2));
    const blocks = (await poll(facts, (f) => f.folded.every((b) => b.open))).folded;
    expect(blocks).toEqual([
      { name: 'Summary', open: true, text: oneShot.summary },
      { name: 'Notes', open: true, text: oneShot.notes },
    ]);
  });

  test('FFN: its rating with what it means, no warnings line (FFN has none), genres and characters behind Show tags, the description as summary', async () => {
    await openInReader(page, H.COUNTING);
    const opened = await facts();
    expect(opened.labels).toEqual([{ label: 'Rating:', values: ['T (13 and older)'], shown: true }]);
    expect(opened.tagsShown).toBe(false);
    await click(page, TAGS_BUTTON);
    expect(await poll(facts, (f) => f.tagsShown)).toMatchObject({ tagsShown: true, tags: ['Angst', 'Romance', 'Harry P.'] });
    await click(page, folded(1));
    expect((await poll(facts, (f) => f.folded[0]?.open === true)).folded).toEqual([{ name: 'Summary', open: true, text: '2 connected drabbles.' }]);
  });

  test('a tag written as <img src=x onerror=…> stays text; the summary’s picture keeps no handler and never runs it again', async () => {
    await openInReader(hostilePage, null);
    await click(hostilePage, TAGS_BUTTON);
    await click(hostilePage, folded(1));
    const shown = await poll(() => facts(hostilePage), (f) => f.tagsShown && f.folded[0]?.open === true);
    expect(shown.tags[expected.tags.indexOf('Literally everyone - Freeform')]).toBe(H.HOSTILE_TAG);
    expect(shown.headerImages).toBe(0);
    expect(shown.handlersInFolded).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await hostilePage.evaluate(() => [(window as any).__tagOnerror ?? null, (window as any).__summaryOnerror ?? 0])).toEqual([null, 1]);
  });

  test.each(H.THEMES)('at 400 px, %s theme: nothing runs off the side with the tags and summary open; the text is readable', async (theme) => {
    await setReader({ openAutomatically: true, theme });
    await page.setViewport({ width: 400, height: 800 });
    await openInReader(page, H.CH1);
    await click(page, TAGS_BUTTON);
    await click(page, folded(1));
    const { overflow } = await poll(facts, (f) => f.tagsShown && f.folded[0]?.open === true);
    expect(overflow.documentScroll).toBeLessThanOrEqual(overflow.documentClient);
    expect(overflow.widestRight).toBeLessThanOrEqual(overflow.viewport);
    const contrast = await page.evaluate(H.headerContrastInPage);
    console.info(`[reader-header] Firefox ${theme}: lowest text contrast in the header ${contrast.lowest}:1`);
    expect(contrast.theme).toBe(theme);
    expect(contrast.lowest).toBeGreaterThanOrEqual(4.5);
  });

  test('nothing was requested but the pages the tests opened, whatever asked', () => {
    expect(firefoxAudit(session)).toEqual([]);
  });
});
