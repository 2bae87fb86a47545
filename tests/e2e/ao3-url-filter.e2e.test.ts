/**
 * Issue 18, "Filter on AO3 too", in Chromium on the real AO3 tag listing served at its real URL: with
 * the setting on, the listing is loaded again, once, at the address asking AO3 to leave out what
 * Lamplight would hide; with it off (the default), after the reader's own filtering on AO3's form, or
 * with an allow rule, the address stays. Lamplight judges the page either way. Requests audited at the end.
 */
import type { Page } from 'playwright-core';
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
import { chromiumAudit, launchChromium, openedFixtures, openFixture, requestLog, type ChromiumSession } from './chromium';
import { readFixture } from './fixtures';

const POLL = { timeout: 10_000, interval: 100 };

let session: ChromiumSession;
let page: Page;
let extensionPage: Page;

beforeAll(async () => {
  session = await launchChromium();
  const html = readFixture(LISTING);
  for (const url of EXTRA_PAGES) {
    // Registered after the harness's catch-all, so they answer first; logged like a fixture for the audit.
    await session.context.route((u) => u.href === url, (route) => {
      requestLog.push({ url, method: 'GET', outcome: 'fixture' });
      return route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: html });
    });
    openedFixtures.push({ file: LISTING, url });
  }
  page = await session.context.newPage();
  extensionPage = await session.context.newPage();
  await extensionPage.goto(`chrome-extension://${session.extensionId}/popup.html`);
  await page.bringToFront();
});

afterAll(async () => {
  await session?.close();
});

beforeEach(async () => {
  await page.goto('about:blank');
  await extensionPage.evaluate(async () => {
    const chrome = (globalThis as any).chrome;
    await Promise.all([chrome.storage.local.clear(), chrome.storage.sync.clear()]);
  });
});

const set = (area: 'local' | 'sync', items: Record<string, unknown>) =>
  extensionPage.evaluate(([a, i]) => (globalThis as any).chrome.storage[a!].set(i), [area, items] as const);
const setRules = (rules: readonly object[]) => set('local', { filterRules: rules, 'filterRules$': { v: 1 } });
/** Requests for `url` from index `from` of the log on. */
const served = (url: string, from: number) => requestLog.slice(from).filter((r) => r.url === url).length;

async function judgedListing() {
  await expect.poll(() => page.evaluate(listingInPage).then((s) => s.judged), POLL).toBe(true);
  return page.evaluate(listingInPage);
}

describe('Chromium: Filter on AO3 too', () => {
  test('on: the tag listing goes once to the address with exclusions, and Lamplight still judges it', async () => {
    await setRules(RULES);
    await set('sync', settings(true));
    const from = requestLog.length;
    const asked = new Map<string, number>();
    const onRequest = (request: { url(): string }) => asked.set(request.url(), performance.now());
    page.on('request', onRequest);
    // The first load is stopped and replaced: goto may report the interruption.
    await page.goto(TAG_URL, { waitUntil: 'commit' }).catch(() => {});
    await page.waitForURL(FILTERED_URL, { timeout: 10_000 });
    page.off('request', onRequest);
    // How long the first page was there before the extension sent it on (shared, noisy machine).
    console.log(`listing sent on after ${Math.round(asked.get(FILTERED_URL)! - asked.get(TAG_URL)!)} ms`);
    const listing = await judgedListing();
    expect(listing.blurbs).toBe(20);
    expect(expectedHidden().length).toBeGreaterThan(3);
    expect(listing.hidden).toEqual(expectedHidden());
    await page.waitForTimeout(1000);
    expect(page.url()).toBe(FILTERED_URL);
    expect(served(TAG_URL, from)).toBe(1);
    expect(served(FILTERED_URL, from)).toBe(1);
  });

  test('off (the default): no other address, the same judgement', async () => {
    await setRules(RULES);
    const from = requestLog.length;
    await openFixture(page, LISTING);
    const listing = await judgedListing();
    expect(listing.hidden).toEqual(expectedHidden());
    await page.waitForTimeout(800);
    expect(page.url()).toBe(TAG_URL);
    expect(served(FILTERED_URL, from)).toBe(0);
  });

  test("on: the reader's own filtering from AO3's form (exclusions cleared) is left as it is", async () => {
    await setRules(RULES);
    await set('sync', settings(true));
    const from = requestLog.length;
    const response = await page.goto(READERS_OWN_URL, { waitUntil: 'domcontentloaded' });
    expect(response?.status()).toBe(200);
    const listing = await judgedListing();
    expect(listing.hidden).toEqual(expectedHidden());
    await page.waitForTimeout(800);
    expect(page.url()).toBe(READERS_OWN_URL);
    expect(requestLog.slice(from).map((r) => r.url)).not.toContain(FILTERED_URL);
  });

  test('on, with an Always show rule that could bring works back: AO3 is asked for nothing', async () => {
    await setRules([...RULES, ALLOW_RULE]);
    await set('sync', settings(true));
    const from = requestLog.length;
    await openFixture(page, LISTING);
    const listing = await judgedListing();
    expect(listing.hidden).toEqual(expectedHidden());
    await page.waitForTimeout(800);
    expect(page.url()).toBe(TAG_URL);
    expect(served(FILTERED_URL, from)).toBe(0);
  });
});

describe('Chromium: requests', () => {
  test('nothing was requested but the pages opened, the one address the setting sent a listing to included', () => {
    expect(requestLog.filter((r) => r.url === FILTERED_URL)).toHaveLength(1);
    // The content script's location.replace starts that one navigation: it is the feature, not a leak.
    const log = chromiumAudit();
    expect(log.filter((line) => !line.endsWith(` requested ${FILTERED_URL}`))).toEqual([]);
  });
});
