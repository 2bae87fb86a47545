/**
 * The reading history in Firefox ESR (the MV2 build), as tests/e2e/history.e2e.test.ts does in
 * Chromium: opening a chapter records it, reading a one-shot to its end records it finished, a
 * listing marks the works read, nothing is recorded while paused in the options page, and AO3's
 * History page adds its works.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { FIXTURE_URLS, firefoxAudit, launchFirefox, newInterceptedPage, openExtensionPageAndWait, openFirefoxFixture, poll, type FirefoxSession, openPopup } from './firefox';
import {
  CH1,
  CH2,
  FORGOTTEN_WORK,
  key,
  LISTING,
  ONESHOT,
  PAUSED_WORK,
  READINGS,
  READINGS_WORKS,
  SEEDED_MARKERS,
  seededHistory,
  type StoredRecord,
} from './history-facts';

let session: FirefoxSession;
let page: Page;
/** An extension page, to read and write the extension's storage. */
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

const stored = (k: string): Promise<StoredRecord | undefined> =>
  extensionPage.evaluate(async (name) => (await (globalThis as any).browser.storage.local.get(name))[name], k);

const historyKeys = (): Promise<string[]> =>
  extensionPage.evaluate(async () =>
    Object.keys(await (globalThis as any).browser.storage.local.get(null)).filter((k) => k.startsWith('history:ao3:')).sort(),
  );

const pause = async (on: boolean) => {
  const options = await session.browser.newPage();
  try {
    const toggle = await openExtensionPageAndWait(options, 'options.html', '::-p-aria([name="Pause recording"][role="switch"])');
    const checked = () => options.evaluate(() => document.querySelector('#history [role="switch"]')?.getAttribute('aria-checked'));
    await poll(checked, (v) => v === 'true' || v === 'false');
    if ((await checked()) !== String(on)) await toggle?.click();
    expect(await poll(checked, (v) => v === String(on))).toBe(String(on));
  } finally {
    await options.close();
  }
};

describe('Firefox ESR: reading history', () => {
  test('opening a chapter records the work and the chapter; the next chapter adds to it', async () => {
    await openFirefoxFixture(page, CH1);
    const first = await poll(() => stored(key('17793689')), (r) => r !== undefined);
    expect(first?.slice(4, 7)).toEqual([1, 14, 0]);
    expect(first?.[1].length).toBeGreaterThan(0);
    expect(first?.[3]).toMatch(/^(?:[0-9a-z]{4})+$/);
    await openFirefoxFixture(page, CH2);
    expect((await poll(() => stored(key('17793689')), (r) => r?.[4] === 2))?.[4]).toBe(2);
  });

  test('reading a one-shot to its end records it finished', async () => {
    await openFirefoxFixture(page, ONESHOT);
    expect((await poll(() => stored(key('323217')), (r) => r !== undefined))?.[4]).toBe(1);
    await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }));
    expect((await poll(() => stored(key('323217')), (r) => r?.[6] === 1))?.[6]).toBe(1);
  });

  test('a listing marks the works read, and only those', async () => {
    const { records, day } = seededHistory(Date.now());
    await extensionPage.evaluate((r) => (globalThis as any).browser.storage.local.set(r), records);
    await openFirefoxFixture(page, LISTING);
    const markers = () =>
      page.evaluate(() =>
        Object.fromEntries(
          Array.from(document.querySelectorAll('li[id^="work_"] > [data-lamplight-history-marker]'), (m) => [
            (m.parentElement as HTMLElement).id.slice('work_'.length),
            m.textContent ?? '',
          ]),
        ),
      );
    const shown = await poll(markers, (m) => Object.keys(m).length === 3);
    expect(Object.keys(shown).sort()).toEqual(Object.keys(SEEDED_MARKERS).sort());
    for (const [id, text] of Object.entries(SEEDED_MARKERS)) expect(shown[id]).toMatch(text);
    expect(shown['77859641']).toContain(String(day));
  });

  test('in reader mode, the end is seen in the reader (the site\'s page is hidden)', async () => {
    // Forgotten first; the page before is the listing, so this is a new page load.
    await extensionPage.evaluate((k) => (globalThis as any).browser.storage.local.remove(k), key('323217'));
    await openFirefoxFixture(page, ONESHOT, `${FIXTURE_URLS[ONESHOT]}#lamplight-reader`);
    await page.waitForFunction(() => document.documentElement.getAttribute('data-lamplight-reader') === 'on', { timeout: 15_000 });
    expect((await poll(() => stored(key('323217')), (r) => r !== undefined))?.slice(4, 7)).toEqual([1, 1, 0]);
    await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }));
    expect((await poll(() => stored(key('323217')), (r) => r?.[6] === 1))?.[6]).toBe(1);
  });

  test("the popup names the page's work in the history; Forget this work removes it and this page records it no more", async () => {
    await openFirefoxFixture(page, FORGOTTEN_WORK);
    expect((await poll(() => stored(key('37214506')), (r) => r !== undefined))?.[4]).toBe(1);
    const popup = await session.browser.newPage();
    try {
      // The popup acts on the active tab: the work, brought to the front before the popup reads it.
      await page.bringToFront();
      await openPopup(popup);
      const thisPage = () => popup.evaluate(() => document.querySelector('section[aria-labelledby="page-heading"]')?.textContent ?? '');
      expect(await poll(thisPage, (text) => text.includes('Reading history:'))).toMatch(/Reading history: Stopped at chapter 1 of \d+/);
      const forget = await popup.waitForSelector('::-p-aria([name="Forget this work"][role="button"])', { timeout: 10_000 });
      await forget?.click();
      expect(await poll(thisPage, (text) => text.includes('no longer in your reading history'))).toContain('no longer in your reading history');
      expect(await stored(key('37214506'))).toBeUndefined();
      // Reading on to the chapter's end on this page would record it: forgotten, it does not.
      await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }));
      await new Promise((resolve) => setTimeout(resolve, 2000));
      expect(await stored(key('37214506'))).toBeUndefined();
    } finally {
      await popup.close();
    }
  });

  test('paused in the options page, opening a work (or AO3 History) records nothing', async () => {
    await pause(true);
    await openFirefoxFixture(page, PAUSED_WORK);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(await stored(key('41289660'))).toBeUndefined();
    await openFirefoxFixture(page, READINGS);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect((await historyKeys()).filter((k) => k.startsWith('history:ao3:7100000'))).toEqual([]);
    await pause(false);
  });

  test("AO3's History page adds the works it lists, with AO3's own visits", async () => {
    await openFirefoxFixture(page, READINGS);
    const works = await poll(
      async () => (await historyKeys()).filter((k) => k.startsWith('history:ao3:7100000')),
      (k) => k.length === READINGS_WORKS.length,
    );
    expect(works).toEqual(READINGS_WORKS.map(key));
    expect((await stored(key('71000006')))?.slice(10)).toEqual([Date.UTC(2019, 0, 7) / 86_400_000, 1, 3]);
  });

  test('nothing was fetched but the pages the test opened', () => {
    expect(firefoxAudit(session)).toEqual([]);
  });
});
