/**
 * Bookmarks on FanFiction.net, through the same feature as on AO3: bookmark chapter 2 of a story
 * from the page's Bookmark button, read partway, go elsewhere, and Resume from the popup: the
 * same chapter opens with the same paragraph at the top of the view.
 */
import { afterAll, beforeAll, expect, test, describe } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumAudit, launchChromium, openedFixtures, openFixture, type ChromiumSession } from './chromium';
import { FIXTURE_URLS, type FixtureFile } from './fixtures';

const CH2: FixtureFile = 'ffn/ambtus-counting-ch2.html';
const ELSEWHERE: FixtureFile = 'ffn/stuck-sga-ch1-old-layout.html';
const KEY = 'bookmark:ffn:5853866';
const POLL = { timeout: 15_000, interval: 100 };

let session: ChromiumSession;
let page: Page;

type Stored = { chapter: number; paragraph: number | null; chapterUrl?: string; title: string };
const stored = (): Promise<Stored | undefined> =>
  session.serviceWorker.evaluate(async (k) => (await (globalThis as any).chrome.storage.local.get(k))[k], KEY);

/** Index of the first story paragraph (a child of #storytext) whose bottom is below the top of the view. */
const topParagraph = (p: Page): Promise<number> =>
  p.evaluate(() => Array.from(document.querySelector('#storytext')!.children).findIndex((el) => el.getBoundingClientRect().bottom > 0));

beforeAll(async () => {
  session = await launchChromium();
  page = await session.context.newPage();
  // A short window, so that the short chapter can be scrolled to its middle.
  await page.setViewportSize({ width: 900, height: 300 });
});

afterAll(async () => {
  await session?.close();
});

test('FanFiction.net: bookmark a chapter, read partway, Resume from the popup at the same paragraph', async () => {
  await openFixture(page, CH2);
  const button = page.getByRole('button', { name: 'Bookmark', exact: true });
  await button.click();
  await expect.poll(() => button.getAttribute('aria-pressed'), POLL).toBe('true');
  expect(await stored()).toMatchObject({ chapter: 2, chapterUrl: FIXTURE_URLS[CH2] });

  await page.evaluate(() => {
    const paragraphs = document.querySelector('#storytext')!.children;
    const middle = paragraphs[Math.floor(paragraphs.length / 2)]!;
    window.scrollTo({ top: window.scrollY + middle.getBoundingClientRect().top + 2, behavior: 'instant' });
  });
  const before = await topParagraph(page);
  expect(before).toBeGreaterThan(3);
  await expect.poll(async () => (await stored())?.paragraph, POLL).toBe(before);

  await openFixture(page, ELSEWHERE);
  const popup = await session.context.newPage();
  try {
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    const row = popup.locator('li.shelf-item').filter({ hasText: (await stored())!.title });
    await row.first().waitFor({ state: 'visible', timeout: 10_000 });
    const opened = session.context.waitForEvent('page', { timeout: 10_000 });
    await row.first().getByRole('button', { name: 'Resume', exact: true }).click();
    const tab = await opened;
    await tab.setViewportSize({ width: 900, height: 300 });
    await tab.waitForURL((u) => u.href.startsWith(FIXTURE_URLS[CH2]), { timeout: 10_000 });
    openedFixtures.push({ file: CH2, url: FIXTURE_URLS[CH2] });
    await tab.waitForFunction(() => !location.hash.includes('resume'), undefined, { timeout: 10_000 });
    await expect.poll(() => topParagraph(tab), POLL).toBe(before);
    await tab.close();
  } finally {
    await popup.close();
  }
});

describe('Chromium: requests', () => {
  test('nothing was requested but the fixture pages the tests opened (and their own assets, refused)', () => {
    expect(chromiumAudit()).toEqual([]);
  });
});
