/**
 * Filtering in Firefox ESR: the built MV2 extension, saved AO3 pages served at their real URLs by
 * request interception. Rules are written to storage from the extension's own popup page. Expected
 * results come from the raw fixture HTML (./filtering-facts.ts). One browser for the file.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import {
  firefoxOpenedFixtures,
  launchFirefox,
  newInterceptedPage,
  openExtensionPage,
  openFirefoxFixture,
  type FirefoxSession,
  firefoxAudit,
} from './firefox';
import type { FixtureFile } from './fixtures';
import { blurbIdsWithWarning, fixtureBlurbs, GDOV, MCD } from './filtering-facts';

const LISTING: FixtureFile = 'ao3/listing-tag-works-worldbuilding.html';
const WORK: FixtureFile = 'ao3/work-oneshot-orphaned-3738184.html';
const WORK_TEXT = '*whispers*';
const POLL = { timeout: 10_000, interval: 100 };

let session: FirefoxSession;
let page: Page;
let extensionPage: Page;

const rule = (field: string, pattern: string) => ({ id: `e2e-${field}`, field, pattern, action: 'collapse', enabled: true });

async function setRules(rules: unknown[]): Promise<void> {
  await extensionPage.evaluate(
    (r) => (globalThis as any).browser.storage.local.set({ filterRules: r, 'filterRules$': { v: 1 } }),
    rules,
  );
}

const sorted = (ids: readonly string[]) => [...ids].sort();

beforeAll(async () => {
  session = await launchFirefox();
  extensionPage = await session.browser.newPage();
  openExtensionPage(extensionPage, 'popup.html');
  await extensionPage.waitForFunction(
    () => location.protocol === 'moz-extension:' && typeof (globalThis as any).browser?.storage?.local?.set === 'function',
    { timeout: 15_000 },
  );
  page = await newInterceptedPage(session.browser);
});

afterAll(async () => {
  await session?.close();
});

beforeEach(async () => {
  await extensionPage.evaluate(async () => {
    const api = (globalThis as any).browser;
    await Promise.all([api.storage.local.clear(), api.storage.sync.clear()]);
  });
});

describe('Firefox ESR: filtering', () => {
  const all = fixtureBlurbs(LISTING).map((b) => b.elementId);
  const gdov = blurbIdsWithWarning(LISTING, GDOV);

  function listingState(p: Page) {
    return p.evaluate(() => {
      const shown = (el: Element) => getComputedStyle(el).visibility !== 'hidden' && el.getClientRects().length > 0;
      const blurbs = Array.from(document.querySelectorAll('li.work.blurb[id^="work_"]'));
      return {
        placeholders: Array.from(document.querySelectorAll('[data-lamplight-placeholder]')).map((el) => ({
          text: el.textContent ?? '',
          blurb: el.nextElementSibling?.id ?? '',
        })),
        visible: blurbs.filter(shown).map((b) => b.id),
        invisible: blurbs.filter((b) => !shown(b)).map((b) => b.id),
      };
    });
  }

  test('a warning rule collapses exactly the blurbs with that warning', async () => {
    await setRules([rule('warning', GDOV)]);
    await openFirefoxFixture(page, LISTING);
    await expect.poll(async () => sorted((await listingState(page)).placeholders.map((p) => p.blurb)), POLL).toEqual(sorted(gdov));
    await expect.poll(async () => sorted((await listingState(page)).visible), POLL).toEqual(sorted(all.filter((id) => !gdov.includes(id))));
    const state = await listingState(page);
    expect(sorted(state.invisible)).toEqual(sorted(gdov));
    for (const placeholder of state.placeholders) expect(placeholder.text).toContain(GDOV);

    const chosen = gdov[0]!;
    const button = await page.$(`[data-lamplight-placeholder]:has(+ #${chosen}) ::-p-aria([name="Show anyway"][role="button"])`);
    expect(button).not.toBeNull();
    await button!.click();
    await expect.poll(async () => (await listingState(page)).visible.includes(chosen), POLL).toBe(true);
    expect(sorted((await listingState(page)).invisible)).toEqual(sorted(gdov.filter((id) => id !== chosen)));
  });

  test('a matching work is shielded until "Show anyway"', async () => {
    await setRules([rule('warning', MCD)]);
    await openFirefoxFixture(page, WORK);
    const state = () =>
      page.evaluate((text) => {
        const shown = (el: Element | null) =>
          !!el && getComputedStyle(el).visibility !== 'hidden' && el.getClientRects().length > 0;
        const shield = document.querySelector('[data-lamplight-shield]');
        return {
          shield: shown(shield) ? (shield!.textContent ?? '') : null,
          story: shown(document.getElementById('workskin')),
          storyTextShown: document.body.innerText.includes(text),
        };
      }, WORK_TEXT);
    await expect.poll(async () => (await state()).shield, POLL).toContain(MCD);
    expect(await state()).toMatchObject({ story: false, storyTextShown: false });
    const show = await page.waitForSelector('[data-lamplight-shield] ::-p-aria([name="Show anyway"][role="button"])', { timeout: 5_000 });
    await show!.click();
    await expect.poll(state, POLL).toEqual({ shield: null, story: true, storyTextShown: true });
  });

  test('nothing was requested but the fixture pages the tests opened, and nothing got past interception', () => {
    expect(firefoxOpenedFixtures.length).toBeGreaterThan(0);
    expect(firefoxAudit(session)).toEqual([]);
  });
});
