/**
 * Issue 15 in Firefox ESR: the same hostile variants of real fixtures as page-attacks.e2e.test.ts
 * (./page-attacks.ts), against the built MV2 extension. Each attack fails; the ordinary fixtures
 * behave as before; every request is audited at the end.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  firefoxOpenedFixtures,
  firefoxRequestLog,
  launchFirefox,
  newInterceptedPage,
  openExtensionPage,
  openExtensionPageAndWait,
  openFirefoxFixture,
  type FirefoxSession,
  firefoxAudit,
} from './firefox';
import { readFixture } from './fixtures';
import * as A from './page-attacks';

const POLL = { timeout: 10_000, interval: 100 };
const { LISTED_ID } = A;

let session: FirefoxSession;
let page: Page;
let extensionPage: Page;
const pages = A.attackPages(LISTED_ID);

const api = 'browser';
const storage = (area: 'local' | 'sync') =>
  extensionPage.evaluate((a, n) => (globalThis as any)[n].storage[a].get(null) as Promise<Record<string, unknown>>, area, api);
const set = (area: 'local' | 'sync', items: Record<string, unknown>) =>
  extensionPage.evaluate((a, i, n) => (globalThis as any)[n].storage[a].set(i), area, items, api);
const shieldRule = { id: 'e2e-shield', field: 'warning', pattern: A.WORK_WARNING, action: 'collapse', enabled: true };
const useShieldRule = () => set('local', { filterRules: [shieldRule], filterRules$: { v: 1 } });

async function open(url: string): Promise<void> {
  const response = await page.goto(url, { waitUntil: 'domcontentloaded' });
  expect(response?.status()).toBe(200);
}

const readerOn = () => page.evaluate(() => document.documentElement.getAttribute('data-lamplight-reader') === 'on');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const button = (name: string, within = '') => page.waitForSelector(`${within} ::-p-aria([name="${name}"][role="button"])`, { timeout: 10_000 });

beforeAll(async () => {
  session = await launchFirefox();
  extensionPage = await session.browser.newPage();
  openExtensionPage(extensionPage, 'popup.html');
  await extensionPage.waitForFunction(
    () => location.protocol === 'moz-extension:' && typeof (globalThis as any).browser?.storage?.local?.set === 'function',
    { timeout: 15_000 },
  );
  page = await newInterceptedPage(session.browser, new Map([...pages].map(([url, { html }]) => [url, html])));
  for (const [url, { file }] of pages) firefoxOpenedFixtures.push({ file, url });
});

afterAll(async () => {
  await session?.close();
});

beforeEach(async () => {
  await extensionPage.evaluate(async () => {
    const b = (globalThis as any).browser;
    await Promise.all([b.storage.local.clear(), b.storage.sync.clear()]);
  });
});

describe('Firefox: work skins cannot undo the hold or the shield (finding 1)', () => {
  test('ordinary: the shielded fixture hides its story until "Show anyway"', async () => {
    await useShieldRule();
    await openFirefoxFixture(page, A.WORK);
    await (await button('Show anyway', '[data-lamplight-shield]'))!.click();
    await expect.poll(() => page.evaluate(A.storyTextShown), POLL).toBe(true);
  });

  test.each(Object.keys(A.SKINS))('a %s skin: held while parsing, hidden under the shield, shown by "Show anyway"', async (name) => {
    await useShieldRule();
    await open(A.attackUrl(A.WORK, `skin ${name}`));
    const show = await button('Show anyway', '[data-lamplight-shield]');
    expect(await page.evaluate(() => (window as any).__storyShownWhileHeld)).toBe(false);
    expect(await page.evaluate(A.storyTextShown)).toBe(false);
    await show!.click();
    await expect.poll(() => page.evaluate(A.storyTextShown), POLL).toBe(true);
  });
});

describe('Firefox: story markup is never Lamplight’s state or controls (findings 2 and 3)', () => {
  test('forged data-lamplight-* marks do not stop the reader; look-alikes stay story text; handlers never run again', async () => {
    await open(A.attackUrl(A.WORK, 'story'));
    await expect.poll(() => page.evaluate(() => (window as any).__onerrorFired ?? 0), POLL).toBe(1);
    await (await button('Reader mode'))!.click();
    await expect.poll(readerOn, POLL).toBe(true);
    expect(await page.evaluate(A.readerLookAlikes)).toEqual({
      open: true,
      fakeToolbarLikeReal: false,
      fakeStatusLikeReal: false,
      fakeButtonLikeReal: false,
      handlers: [],
      storyDataAction: 0,
      forgedMarks: 0,
      storyTextCopied: true,
    });
    await (await page.waitForSelector('#lamplight-reader-host >>> #story-exit', { timeout: 5_000 }))!.click();
    await sleep(300);
    expect(await readerOn()).toBe(true);
    expect(await page.evaluate(() => (window as any).__onerrorFired)).toBe(1);
    await (await page.waitForSelector('#lamplight-reader-host >>> button[data-action="exit"]', { timeout: 5_000 }))!.click();
    await expect.poll(readerOn, POLL).toBe(false);
  });
});

describe('Firefox: the adult gate (finding 4)', () => {
  test('a view_adult link to another host in a series description is no gate and is never followed', async () => {
    await set('sync', { readerSettings: { skipAdultGate: true }, readerSettings$: { v: 1 } });
    await open(A.attackUrl(A.SERIES, 'adult link'));
    await page.waitForFunction(() => document.documentElement.getAttribute('data-lamplight-page') !== null, { timeout: 10_000 });
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-lamplight-page'))).toBe('listing');
    await sleep(500);
    expect(page.url()).toBe(A.attackUrl(A.SERIES, 'adult link'));
  });

  test('a gate whose Proceed link leaves the site is not followed', async () => {
    await set('sync', { readerSettings: { skipAdultGate: true }, readerSettings$: { v: 1 } });
    await open(A.attackUrl(A.GATE, 'gate elsewhere'));
    await sleep(800);
    expect(page.url()).toBe(A.attackUrl(A.GATE, 'gate elsewhere'));
  });
});

describe('Firefox: blurbs nested in a summary are text (finding 5)', () => {
  const marker = () =>
    page.evaluate((id) => document.querySelector(`#work_${id} [data-lamplight-bookmark-marker]`)?.textContent ?? null, LISTED_ID);

  test.each([
    ['ordinary listing', () => openFirefoxFixture(page, A.LISTING).then(() => undefined)],
    ['a fake 999/999 blurb nested in a summary', () => open(A.attackUrl(A.LISTING, 'nested blurb'))],
  ])('%s: the bookmark keeps 36 chapters, no new chapters', async (_name, go) => {
    await set('local', { [`bookmark:ao3:${LISTED_ID}`]: A.LISTED_BOOKMARK });
    await go();
    await expect.poll(marker, POLL).toContain('Bookmarked');
    expect(await marker()).not.toMatch(/new chapter/);
    expect((await storage('local'))[`bookmark:ao3:${LISTED_ID}`]).toMatchObject({ chapterCount: 36, newChapters: 0 });
  });
});

describe('Firefox: stored bookmarks that leave their site are quarantined (finding 6)', () => {
  test('the shelf lists only the good bookmark; the others wait in quarantine', async () => {
    await set('local', A.offSiteBookmarks());
    const popup = await session.browser.newPage();
    try {
      await openExtensionPageAndWait(popup, 'popup.html', 'li.shelf-item');
      await expect.poll(() => popup.evaluate(() => document.querySelectorAll('li.shelf-item').length), POLL).toBe(1);
      expect(await popup.evaluate(() => document.querySelector('li.shelf-item')?.textContent ?? '')).toContain('Good');
      await expect
        .poll(async () => Object.keys(await storage('local')).filter((k) => k.startsWith('quarantine:')).length, POLL)
        .toBe(4);
    } finally {
      await popup.close();
    }
  });
});

describe('Firefox: page scripts cannot drive Lamplight (finding 7)', () => {
  test('untrusted click() on Hide this work, Always show and Bookmark writes nothing; a person’s click does', async () => {
    await openFirefoxFixture(page, A.LISTING);
    const hide = await page.waitForSelector('::-p-aria([name^="Hide this work"][role="button"])', { timeout: 10_000 }).catch(() => null);
    expect(await page.evaluate(A.clickAsPageScript, ['Hide this work'])).toBeGreaterThan(0);
    await sleep(500);
    expect((await storage('local')).filterRules ?? []).toEqual([]);
    const first = hide ?? (await page.waitForSelector('[data-lamplight-hide-action] button'));
    await first!.click();
    await expect.poll(async () => ((await storage('local')).filterRules as unknown[] | undefined)?.length ?? 0, POLL).toBe(1);

    await useShieldRule();
    await openFirefoxFixture(page, A.WORK);
    await page.waitForSelector('[data-lamplight-shield] button', { timeout: 10_000 });
    expect(await page.evaluate(A.clickAsPageScript, ['Always show', 'Bookmark'])).toBe(2);
    await sleep(500);
    const after = await storage('local');
    expect(after.filterRules).toEqual([shieldRule]);
    expect(Object.keys(after).filter((k) => k.startsWith('bookmark:'))).toEqual([]);
  });
});

describe('Firefox: requests', () => {
  test('nothing but the pages opened and their own assets; nothing to another host', () => {
    expect(firefoxRequestLog.filter((r) => r.url.startsWith(A.EVIL)).map((r) => r.url)).toEqual([]);
    // Firefox's log has no initiators: the 2022 gate page's inline scripts build their beacon URLs from
    // pieces its markup names (js-agent.newrelic.com/nr-1215.min.js, ngx_pagespeed_beacon); they were refused.
    const markup = readFixture(A.GATE).toString('utf8');
    const byGateScripts = (url: string) => {
      const u = new URL(url);
      return markup.includes(`${u.host}${u.pathname}`) || (u.host === 'archiveofourown.org' && markup.includes(`'${u.pathname}`));
    };
    const log = firefoxRequestLog.filter((r) => r.outcome === 'fixture' || !byGateScripts(r.url));
    expect(firefoxAudit(session, { log })).toEqual([]);
  });
});

