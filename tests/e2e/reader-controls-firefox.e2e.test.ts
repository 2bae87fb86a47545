/**
 * Reader controls stay in reach (issue 16 friction 3), in Firefox ESR (the MV2 build), on a real AO3 chapter page served at
 * its real URL: the toolbar tucks away while reading down and comes back on a scroll up, the t key and a
 * tap on the story (hit-tested with elementFromPoint, not only CSS); keyboard focus keeps it; the place
 * tracking reads below it; Settings opens over the story without moving it, fits 1280 and 400 px,
 * applies a size change live, and Escape closes it with focus back on the Settings button.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { firefoxAudit, launchFirefox, newInterceptedPage, openFirefoxFixture, poll, type FirefoxSession, openPopup } from './firefox';
import type { FixtureFile } from './fixtures';
import {
  barFactsInPage,
  boundaryTargetInPage,
  controlCenterInPage,
  expectPanelInView,
  expectShown,
  expectTucked,
  focusTextSizeInPage,
  panelFactsInPage,
  paragraphBelowBarInPage,
  paragraphTopInPage,
  scrollInPage,
  settleInPage,
  storyPointInPage,
  topParagraphInPage,
} from './reader-controls-facts';

const CH1: FixtureFile = 'ao3/work-wip-14ch-chapter1-17793689.html';

let session: FirefoxSession;
let page: Page;
let extensionPage: Page;

beforeAll(async () => {
  session = await launchFirefox();
  page = await newInterceptedPage(session.browser);
  extensionPage = await session.browser.newPage();
  await openPopup(extensionPage);
});

afterAll(async () => {
  await session?.close();
});

beforeEach(async () => {
  await page.setViewport({ width: 1280, height: 800 });
  await extensionPage.evaluate(async () => {
    const api = (globalThis as any).browser;
    await Promise.all([api.storage.local.clear(), api.storage.sync.clear()]);
  });
});

const stored = (key: string): Promise<Record<string, unknown> | undefined> =>
  extensionPage.evaluate(async (k) => (await (globalThis as any).browser.storage.local.get(k))[k], key);
const bar = () => page.evaluate(barFactsInPage);
const panel = () => page.evaluate(panelFactsInPage);
const scrollTo = (y: number) => page.evaluate(scrollInPage, y);

async function openReader(): Promise<void> {
  await openFirefoxFixture(page, CH1);
  await (await page.waitForSelector('button[data-lamplight-reader-toggle]', { timeout: 15_000 }))?.click();
  const on = () => page.evaluate(() => document.documentElement.getAttribute('data-lamplight-reader') === 'on');
  expect(await poll(on, Boolean)).toBe(true);
  await page.bringToFront(); // keys go to the story's page, not the popup opened beside it
  await page.evaluate(settleInPage);
}

describe('Firefox ESR: the reader toolbar stays in reach', () => {
  test('tucks away reading down; back on a scroll up, on t, on a tap on the story; clickable each time', async () => {
    await openReader();
    const start = await bar();
    expectShown(start);
    const far = Math.round((start.scrollHeight - start.innerHeight) * 0.7);
    console.info(`[reader-controls] Firefox ESR: reader ${start.scrollHeight}px tall, toolbar ${start.bottom}px; scrolling to ${far}`);
    expect(far).toBeGreaterThan(1500);

    await scrollTo(far);
    expectTucked(await bar());

    await scrollTo(far - 120);
    expectShown(await bar());

    await scrollTo(far + 200);
    expectTucked(await bar());
    await page.keyboard.press('t');
    await page.evaluate(settleInPage);
    expectShown(await bar());

    await scrollTo(far + 400);
    expectTucked(await bar());
    const point = await page.evaluate(storyPointInPage);
    expect(point).not.toBeNull();
    await page.mouse.click(point!.x, point!.y);
    await page.evaluate(settleInPage);
    const tapped = await bar();
    expectShown(tapped);
    expect(tapped.scrollY).toBe(far + 400);

    // The button really takes the click: the settings open.
    await page.mouse.click(tapped.settings.x, tapped.settings.y);
    expect(await poll(async () => (await panel()).open, Boolean)).toBe(true);
  });

  test('Tab into the tucked toolbar shows it without scrolling the story, and keyboard focus keeps it while reading on', async () => {
    await openReader();
    const { scrollHeight, innerHeight } = await bar();
    const far = Math.round((scrollHeight - innerHeight) * 0.6);
    await scrollTo(far);
    expectTucked(await bar());
    // Focus starts on the reader region; Tab reaches the first toolbar button.
    await page.keyboard.press('Tab');
    await page.evaluate(settleInPage);
    const focused = await bar();
    expectShown(focused);
    expect(focused.scrollY).toBe(far);
    const active = await page.evaluate(() => document.getElementById('lamplight-reader-host')!.shadowRoot!.activeElement?.closest('.toolbar') !== null);
    expect(active).toBe(true);
    await scrollTo(far + 600);
    expectShown(await bar());
  });

  test('with the toolbar shown, the saved place is the paragraph below it, not the one it covers', async () => {
    await openReader();
    await scrollTo(await page.evaluate(boundaryTargetInPage));
    expectTucked(await bar());
    await page.keyboard.press('t');
    await page.evaluate(settleInPage);
    expectShown(await bar());
    const expected = await page.evaluate(paragraphBelowBarInPage);
    console.info(`[reader-controls] Firefox ESR: paragraph ${expected.underBar} under the toolbar, ${expected.paragraph} below it`);
    expect(expected.paragraph).toBe(expected.underBar + 1);
    const bookmark = await page.evaluate(controlCenterInPage, 'button[data-lamplight-bookmark-toggle]');
    await page.mouse.click(bookmark.x, bookmark.y);
    expect(await poll(() => stored('bookmark:ao3:17793689'), Boolean)).toMatchObject({ chapter: 1, paragraph: expected.paragraph });
  });
});

describe('Firefox ESR: Reader settings open over the story', () => {
  for (const width of [1280, 400]) {
    test(`at ${width} px: the story does not move, the panel fits, a size change shows live, Escape closes it`, async () => {
      await page.setViewport({ width, height: 800 });
      await openReader();
      const { scrollHeight, innerHeight } = await bar();
      const far = Math.round((scrollHeight - innerHeight) * 0.5);
      await scrollTo(far);
      await scrollTo(far - 100); // back up a little: the toolbar shows
      const before = await bar();
      expectShown(before);
      const top = await page.evaluate(topParagraphInPage);

      await page.mouse.click(before.settings.x, before.settings.y);
      expect(await poll(async () => (await panel()).open, Boolean)).toBe(true);
      const opened = await panel();
      console.info(`[reader-controls] Firefox ${width} px: panel ${JSON.stringify(opened.rect)} in ${opened.viewport.width}×${opened.viewport.height}`);
      expectPanelInView(opened);
      expect(opened.expanded).toBe('true');
      expect(opened.focusInside).toBe(true);
      expect(Math.abs((await page.evaluate(paragraphTopInPage, top.index)) - top.top)).toBeLessThanOrEqual(1);
      expect((await bar()).scrollY).toBe(before.scrollY);

      const size = Number(opened.sliderValue);
      await page.evaluate(focusTextSizeInPage);
      for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowRight');
      expect(await poll(async () => (await panel()).storyFontSize, (v) => v === `${size + 4}px`)).toBe(`${size + 4}px`);
      expect((await panel()).open).toBe(true);

      await page.keyboard.press('Escape');
      const closed = await panel();
      expect(closed.open).toBe(false);
      expect(closed.expanded).toBe('false');
      expect(closed.focusOnSettings).toBe(true);
      expectShown(await bar());
    });
  }
});

describe('Firefox ESR: requests', () => {
  test('nothing was requested but the pages the tests opened, whatever asked', () => {
    expect(firefoxAudit(session)).toEqual([]);
  });
});
