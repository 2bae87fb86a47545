/**
 * Issue 16, friction 2, in Chromium: the reader's header shows the work's rating and archive
 * warnings on open, the other tags one click (or key) away behind Show tags, the summary and notes
 * folded below; a tag that reads like markup stays text; at 400 px nothing runs off the side.
 * The works open by themselves ("Open every work in reader mode"), as the friction describes.
 * Expected values are read from the fixture files in Node (./reader-header-facts.ts).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { chromiumAudit, launchChromium, openedFixtures, openFixture, requestLog, type ChromiumSession } from './chromium';
import { readFixture, type FixtureFile } from './fixtures';
import * as H from './reader-header-facts';

const POLL = { timeout: 10_000, interval: 100 };
const expected = H.fixtureHeader(readFixture(H.CH1).toString('utf8'));
const oneShot = H.fixtureHeader(readFixture(H.ONE_SHOT).toString('utf8'));

let session: ChromiumSession;
let page: Page;
let extensionPage: Page;

beforeAll(async () => {
  session = await launchChromium();
  // Registered after the harness's catch-all, so it answers first; logged like the fixture it comes from.
  await session.context.route((u) => u.href === H.HOSTILE_URL, (route) => {
    requestLog.push({ url: H.HOSTILE_URL, method: 'GET', outcome: 'fixture' });
    return route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: H.hostileHeaderPage() });
  });
  openedFixtures.push({ file: H.CH1, url: H.HOSTILE_URL });
  page = await session.context.newPage();
  extensionPage = await session.context.newPage();
  await extensionPage.goto(`chrome-extension://${session.extensionId}/popup.html`);
});

afterAll(async () => {
  await session?.close();
});

const setReader = (settings: Record<string, unknown>) =>
  extensionPage.evaluate((s) => (globalThis as any).chrome.storage.sync.set({ readerSettings: s, readerSettings$: { v: 1 } }), settings);

beforeEach(async () => {
  await extensionPage.evaluate(async () => {
    const chrome = (globalThis as any).chrome;
    await Promise.all([chrome.storage.local.clear(), chrome.storage.sync.clear()]);
  });
  await setReader({ openAutomatically: true });
  await page.setViewportSize({ width: 1280, height: 800 });
});

const facts = () => page.evaluate(H.headerFactsInPage);
const tagsButton = () => page.locator('#lamplight-reader-host').getByRole('button', { name: /^(Show|Hide) tags$/ });

/** Opens a work (a fixture, or a page at its own URL) and waits for the reader to open by itself. */
async function openInReader(file: FixtureFile | null, url?: string): Promise<void> {
  await page.goto('about:blank');
  if (file) await openFixture(page, file);
  else await page.goto(url!, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => document.documentElement.getAttribute('data-lamplight-reader') === 'on', null, POLL);
}

describe('Chromium: the reader header shows what a reader should know before reading', () => {
  test('AO3: rating and warnings on open; tags hidden, then shown by one click, hidden again; by keyboard too', async () => {
    await openInReader(H.CH1);
    const opened = await facts();
    expect(opened.labels).toEqual([
      { label: 'Rating:', values: [expected.rating], shown: true },
      { label: 'Archive warnings:', values: expected.warnings, shown: true },
    ]);
    expect(opened.button).toEqual({ text: 'Show tags', expanded: 'false', shown: true });
    expect(opened.tagsShown).toBe(false);

    await tagsButton().click();
    const shown = await facts();
    expect(shown.button).toEqual({ text: 'Hide tags', expanded: 'true', shown: true });
    expect(shown.tagsShown).toBe(true);
    expect(shown.tags).toEqual(expected.tags);
    await tagsButton().click();
    expect((await facts()).tagsShown).toBe(false);

    await tagsButton().focus();
    await page.keyboard.press('Enter');
    expect(await facts()).toMatchObject({ tagsShown: true, button: { expanded: 'true' } });
    await page.keyboard.press('Space');
    expect(await facts()).toMatchObject({ tagsShown: false, button: { text: 'Show tags', expanded: 'false' } });
  });

  test('AO3: the summary and the work’s notes are one click away', async () => {
    await openInReader(H.ONE_SHOT);
    expect((await facts()).folded).toEqual([
      { name: 'Summary', open: false, text: '' },
      { name: 'Notes', open: false, text: '' },
    ]);
    const host = page.locator('#lamplight-reader-host');
    await host.locator('header.work-head details > summary').filter({ hasText: 'Summary' }).click();
    await host.locator('header.work-head details > summary').filter({ hasText: 'Notes' }).click();
    const folded = (await facts()).folded;
    expect(folded.map((f) => [f.name, f.open])).toEqual([['Summary', true], ['Notes', true]]);
    expect(folded[0]!.text).toBe(oneShot.summary);
    expect(folded[1]!.text).toBe(oneShot.notes);
  });

  test('FFN: its rating with what it means, no warnings line (FFN has none), genres and characters behind Show tags, the description as summary', async () => {
    await openInReader(H.COUNTING);
    const opened = await facts();
    expect(opened.labels).toEqual([{ label: 'Rating:', values: ['T (13 and older)'], shown: true }]);
    expect(opened.tagsShown).toBe(false);
    await tagsButton().click();
    expect(await facts()).toMatchObject({ tagsShown: true, tags: ['Angst', 'Romance', 'Harry P.'] });
    await page.locator('#lamplight-reader-host header.work-head details > summary').filter({ hasText: 'Summary' }).click();
    expect((await facts()).folded).toEqual([{ name: 'Summary', open: true, text: '2 connected drabbles.' }]);
  });

  test('a tag written as <img src=x onerror=…> stays text; the summary’s picture keeps no handler and never runs it again', async () => {
    await openInReader(null, H.HOSTILE_URL);
    await tagsButton().click();
    await page.locator('#lamplight-reader-host header.work-head details > summary').filter({ hasText: 'Summary' }).click();
    const shown = await facts();
    expect(shown.tags[expected.tags.indexOf('Literally everyone - Freeform')]).toBe(H.HOSTILE_TAG);
    expect(shown.headerImages).toBe(0);
    expect(shown.handlersInFolded).toBe(0);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => [(window as any).__tagOnerror ?? null, (window as any).__summaryOnerror ?? 0])).toEqual([null, 1]);
  });

  test.each(H.THEMES)('at 400 px, %s theme: nothing runs off the side with the tags and summary open; the text is readable', async (theme) => {
    await setReader({ openAutomatically: true, theme });
    await page.setViewportSize({ width: 400, height: 800 });
    await openInReader(H.CH1);
    await tagsButton().click();
    await page.locator('#lamplight-reader-host header.work-head details > summary').filter({ hasText: 'Summary' }).click();
    const { overflow } = await facts();
    expect(overflow.documentScroll).toBeLessThanOrEqual(overflow.documentClient);
    expect(overflow.widestRight).toBeLessThanOrEqual(overflow.viewport);
    const contrast = await page.evaluate(H.headerContrastInPage);
    console.info(`[reader-header] Chromium ${theme}: lowest text contrast in the header ${contrast.lowest}:1`);
    expect(contrast.theme).toBe(theme);
    expect(contrast.lowest).toBeGreaterThanOrEqual(4.5);
    if (process.env.LAMPLIGHT_HEADER_SHOTS) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${process.env.LAMPLIGHT_HEADER_SHOTS}/header-400-${theme}.png` });
    }
  });

  test('nothing was requested but the pages the tests opened', () => {
    expect(chromiumAudit()).toEqual([]);
  });
});
