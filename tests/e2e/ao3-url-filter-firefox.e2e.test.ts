/**
 * Issue 18, "Filter on AO3 too", in Firefox ESR (the MV2 build) on the real AO3 tag listing served at
 * its real URL: with the setting on, the listing is loaded again, once, at the address asking AO3 to
 * leave out what Lamplight would hide; with it off (the default), after the reader's own filtering on
 * AO3's form, or with an allow rule, the address stays. Lamplight judges the page either way.
 * Requests audited at the end.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  ALLOW_RULE,
  expectedHidden,
  EXTRA_PAGES,
  FILTERED_URL,
  LISTING,
  listingInPage,
  READERS_OWN_URL,
  RULES,
  settings,
  TAG_URL,
} from './ao3-url-filter-facts';
import {
  firefoxAudit,
  firefoxOpenedFixtures,
  firefoxRequestLog,
  launchFirefox,
  newInterceptedPage,
  openFirefoxFixture,
  openPopup,
  poll,
  type FirefoxSession,
} from './firefox';
import { readFixture } from './fixtures';

const POLL = { timeout: 10_000, interval: 100 };
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let session: FirefoxSession;
let page: Page;
let extensionPage: Page;

beforeAll(async () => {
  session = await launchFirefox();
  const html = readFixture(LISTING).toString('utf8');
  page = await newInterceptedPage(session.browser, new Map(EXTRA_PAGES.map((url) => [url, html])));
  for (const url of EXTRA_PAGES) firefoxOpenedFixtures.push({ file: LISTING, url });
  extensionPage = await session.browser.newPage();
  await openPopup(extensionPage);
});

afterAll(async () => {
  await session?.close();
});

beforeEach(async () => {
  await page.goto('about:blank');
  await extensionPage.evaluate(async () => {
    const api = (globalThis as any).browser;
    await Promise.all([api.storage.local.clear(), api.storage.sync.clear()]);
  });
});

const set = (area: 'local' | 'sync', items: Record<string, unknown>) =>
  extensionPage.evaluate((a, i) => (globalThis as any).browser.storage[a].set(i), area, items);
const setRules = (rules: readonly object[]) => set('local', { filterRules: rules, 'filterRules$': { v: 1 } });
/** Requests for `url` from index `from` of the log on. */
const served = (url: string, from: number) => firefoxRequestLog.slice(from).filter((r) => r.url === url).length;

async function judgedListing() {
  await expect.poll(() => page.evaluate(listingInPage).then((s) => s.judged).catch(() => false), POLL).toBe(true);
  return page.evaluate(listingInPage);
}

describe('Firefox ESR: Filter on AO3 too', () => {
  test('on: the tag listing goes once to the address with exclusions, and Lamplight still judges it', async () => {
    await setRules(RULES);
    await set('sync', settings(true));
    const from = firefoxRequestLog.length;
    firefoxOpenedFixtures.push({ file: LISTING, url: TAG_URL });
    // The first load is stopped and replaced: goto may report the interruption, or wait for an event
    // of the stopped load that never comes; the address is what counts.
    await page.goto(TAG_URL, { waitUntil: 'domcontentloaded', timeout: 3000 }).catch(() => {});
    expect(await poll(async () => page.url(), (url) => url === FILTERED_URL, 10_000)).toBe(FILTERED_URL);
    const listing = await judgedListing();
    expect(listing.blurbs).toBe(20);
    expect(expectedHidden().length).toBeGreaterThan(3);
    expect(listing.hidden).toEqual(expectedHidden());
    await wait(1000);
    expect(page.url()).toBe(FILTERED_URL);
    expect(served(TAG_URL, from)).toBe(1);
    expect(served(FILTERED_URL, from)).toBe(1);
  }, 90_000);

  test('off (the default): no other address, the same judgement', async () => {
    await setRules(RULES);
    const from = firefoxRequestLog.length;
    await openFirefoxFixture(page, LISTING);
    const listing = await judgedListing();
    expect(listing.hidden).toEqual(expectedHidden());
    await wait(800);
    expect(page.url()).toBe(TAG_URL);
    expect(served(FILTERED_URL, from)).toBe(0);
  });

  test("on: the reader's own filtering from AO3's form (exclusions cleared) is left as it is", async () => {
    await setRules(RULES);
    await set('sync', settings(true));
    const from = firefoxRequestLog.length;
    const response = await page.goto(READERS_OWN_URL, { waitUntil: 'domcontentloaded' });
    expect(response?.status()).toBe(200);
    const listing = await judgedListing();
    expect(listing.hidden).toEqual(expectedHidden());
    await wait(800);
    expect(page.url()).toBe(READERS_OWN_URL);
    expect(served(FILTERED_URL, from)).toBe(0);
  });

  test('on, with an Always show rule that could bring works back: AO3 is asked for nothing', async () => {
    await setRules([...RULES, ALLOW_RULE]);
    await set('sync', settings(true));
    const from = firefoxRequestLog.length;
    await openFirefoxFixture(page, LISTING);
    const listing = await judgedListing();
    expect(listing.hidden).toEqual(expectedHidden());
    await wait(800);
    expect(page.url()).toBe(TAG_URL);
    expect(served(FILTERED_URL, from)).toBe(0);
  });
});

describe('Firefox ESR: requests', () => {
  test('nothing was requested but the pages opened (the one address the setting sent a listing to among them), and nothing got past interception', () => {
    expect(firefoxRequestLog.filter((r) => r.url === FILTERED_URL)).toHaveLength(1);
    expect(firefoxAudit(session)).toEqual([]);
  });
});
