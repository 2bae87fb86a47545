/**
 * Issue 15 in Chromium: the page is the attacker. Hostile variants of real fixtures (./page-attacks.ts:
 * a work skin, story HTML, a summary, a series description, all things a creator can publish, plus what
 * a page script can do) must not switch Lamplight off, fool it or drive it; the ordinary fixtures still
 * behave as before. Every request is audited at the end.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { launchChromium, openedFixtures, openFixture, requestLog, withInitiators, type ChromiumSession } from './chromium';
import { auditRequests, FIXTURE_URLS } from './fixtures';
import * as A from './page-attacks';

const POLL = { timeout: 10_000, interval: 100 };
const { LISTED_ID } = A;

let session: ChromiumSession;
let page: Page;
let extensionPage: Page;
const pages = A.attackPages(LISTED_ID);

const storage = (area: 'local' | 'sync') =>
  extensionPage.evaluate((a) => (globalThis as any).chrome.storage[a].get(null) as Promise<Record<string, unknown>>, area);
const set = (area: 'local' | 'sync', items: Record<string, unknown>) =>
  extensionPage.evaluate(([a, i]) => (globalThis as any).chrome.storage[a!].set(i), [area, items] as const);
const shieldRule = { id: 'e2e-shield', field: 'warning', pattern: A.WORK_WARNING, action: 'collapse', enabled: true };

async function open(url: string): Promise<void> {
  const response = await page.goto(url, { waitUntil: 'domcontentloaded' });
  expect(response?.status()).toBe(200);
}

const readerOn = () => page.evaluate(() => document.documentElement.getAttribute('data-lamplight-reader') === 'on');

beforeAll(async () => {
  session = await launchChromium();
  for (const [url, { file, html }] of pages) {
    // Registered after the harness's catch-all, so they answer first; logged like a fixture for the audit.
    await session.context.route((u) => u.href === url, (route) => {
      requestLog.push({ url, method: 'GET', outcome: 'fixture' });
      return route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: html });
    });
    openedFixtures.push({ file, url });
  }
  page = await session.context.newPage();
  extensionPage = await session.context.newPage();
  await extensionPage.goto(`chrome-extension://${session.extensionId}/popup.html`);
});

afterAll(async () => {
  await session?.close();
});

beforeEach(async () => {
  await extensionPage.evaluate(async () => {
    const chrome = (globalThis as any).chrome;
    await Promise.all([chrome.storage.local.clear(), chrome.storage.sync.clear()]);
  });
});

describe('Chromium: work skins cannot undo the hold or the shield (finding 1)', () => {
  test('ordinary: the shielded fixture hides its story until "Show anyway"', async () => {
    await set('local', { filterRules: [shieldRule], filterRules$: { v: 1 } });
    await openFixture(page, A.WORK);
    await page.locator('[data-lamplight-shield]').waitFor({ state: 'visible', timeout: 10_000 });
    expect(await page.evaluate(A.storyTextShown)).toBe(false);
    await page.getByRole('button', { name: 'Show anyway', exact: true }).click();
    await expect.poll(() => page.evaluate(A.storyTextShown), POLL).toBe(true);
  });

  test.each(Object.keys(A.SKINS))('a %s skin: held while parsing, hidden under the shield, shown by "Show anyway"', async (name) => {
    await set('local', { filterRules: [shieldRule], filterRules$: { v: 1 } });
    await open(A.attackUrl(A.WORK, `skin ${name}`));
    await page.locator('[data-lamplight-shield]').waitFor({ state: 'visible', timeout: 10_000 });
    expect(await page.evaluate(() => (window as any).__storyShownWhileHeld)).toBe(false);
    expect(await page.evaluate(A.storyTextShown)).toBe(false);
    await page.getByRole('button', { name: 'Show anyway', exact: true }).click();
    await expect.poll(() => page.evaluate(A.storyTextShown), POLL).toBe(true);
  });
});

describe('Chromium: story markup is never Lamplight’s state or controls (findings 2 and 3)', () => {
  test('forged data-lamplight-* marks do not stop the reader; look-alikes stay story text; handlers never run again', async () => {
    await open(A.attackUrl(A.WORK, 'story'));
    await expect.poll(() => page.evaluate(() => (window as any).__onerrorFired ?? 0), POLL).toBe(1);
    await page.getByRole('button', { name: 'Reader mode', exact: true }).first().click();
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
    // A story element that said data-action="exit" is only text now: clicking it leaves the reader open.
    await page.locator('#lamplight-reader-host').locator('#story-exit').click();
    await page.waitForTimeout(300);
    expect(await readerOn()).toBe(true);
    expect(await page.evaluate(() => (window as any).__onerrorFired)).toBe(1);
    // The reader's own control still works.
    await page.locator('#lamplight-reader-host').getByRole('button', { name: /Reader mode/ }).click();
    await expect.poll(readerOn, POLL).toBe(false);
  });
});

describe('Chromium: the adult gate (finding 4)', () => {
  test('a view_adult link to another host in a series description is no gate and is never followed', async () => {
    await set('sync', { readerSettings: { skipAdultGate: true }, readerSettings$: { v: 1 } });
    await open(A.attackUrl(A.SERIES, 'adult link'));
    await page.waitForFunction(() => document.documentElement.getAttribute('data-lamplight-page') !== null, undefined, POLL);
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-lamplight-page'))).toBe('listing');
    await page.waitForTimeout(500);
    expect(page.url()).toBe(A.attackUrl(A.SERIES, 'adult link'));
  });

  test('a gate whose Proceed link leaves the site is not followed; the real gate still continues', async () => {
    await set('sync', { readerSettings: { skipAdultGate: true }, readerSettings$: { v: 1 } });
    await open(A.attackUrl(A.GATE, 'gate elsewhere'));
    await page.waitForTimeout(800);
    expect(page.url()).toBe(A.attackUrl(A.GATE, 'gate elsewhere'));
    // Ordinary: the real gate goes on to the same work (that URL is no fixture, so it is refused).
    const continued = page.waitForRequest((r) => r.url() === `${FIXTURE_URLS[A.GATE]}?view_adult=true`, { timeout: 10_000 });
    await openFixture(page, A.GATE).catch(() => {});
    expect((await continued).url()).toContain('view_adult=true');
    await page.waitForTimeout(300);
    await page.goto('about:blank');
  });
});

describe('Chromium: blurbs nested in a summary are text (finding 5)', () => {
  const bookmark = A.LISTED_BOOKMARK;
  const stored = async () => (await storage('local'))[`bookmark:ao3:${LISTED_ID}`] as typeof bookmark;
  const marker = () => page.locator(`#work_${LISTED_ID} [data-lamplight-bookmark-marker]`).textContent().catch(() => null);

  test.each([
    ['ordinary listing', () => openFixture(page, A.LISTING).then(() => undefined)],
    ['a fake 999/999 blurb nested in a summary', () => open(A.attackUrl(A.LISTING, 'nested blurb'))],
  ])('%s: the bookmark keeps 36 chapters, no new chapters', async (_name, go) => {
    await set('local', { [`bookmark:ao3:${LISTED_ID}`]: bookmark });
    await go();
    await expect.poll(marker, POLL).toContain('Bookmarked');
    expect(await marker()).not.toMatch(/new chapter/);
    expect(await stored()).toMatchObject({ chapterCount: 36, newChapters: 0 });
    expect(await page.locator('[data-lamplight-bookmark-marker]').count()).toBe(1);
  });
});

describe('Chromium: stored bookmarks that leave their site are quarantined (finding 6)', () => {
  test('the shelf lists only the good bookmark; the others wait in quarantine', async () => {
    await set('local', A.offSiteBookmarks());
    const popup = await session.context.newPage();
    try {
      await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
      await popup.locator('li.shelf-item').first().waitFor({ state: 'visible', timeout: 10_000 });
      await expect.poll(() => popup.locator('li.shelf-item').count(), POLL).toBe(1);
      expect(await popup.locator('li.shelf-item').first().textContent()).toContain('Good');
      await expect
        .poll(async () => Object.keys(await storage('local')).filter((k) => k.startsWith('quarantine:')).length, POLL)
        .toBe(4);
    } finally {
      await popup.close();
    }
  });
});

describe('Chromium: page scripts cannot drive Lamplight (finding 7)', () => {
  test('untrusted click() on Hide this work, Always show and Bookmark writes nothing; a person’s click does', async () => {
    await openFixture(page, A.LISTING);
    const hide = page.getByRole('button', { name: /^Hide this work/ }).first();
    await hide.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await page.evaluate(A.clickAsPageScript, ['Hide this work'])).toBeGreaterThan(0);
    await page.waitForTimeout(500);
    expect((await storage('local')).filterRules ?? []).toEqual([]);
    await hide.click();
    await expect.poll(async () => ((await storage('local')).filterRules as unknown[] | undefined)?.length ?? 0, POLL).toBe(1);

    await set('local', { filterRules: [shieldRule], filterRules$: { v: 1 } });
    await openFixture(page, A.WORK);
    await page.locator('[data-lamplight-shield]').waitFor({ state: 'visible', timeout: 10_000 });
    expect(await page.evaluate(A.clickAsPageScript, ['Always show', 'Bookmark'])).toBe(2);
    await page.waitForTimeout(500);
    const after = await storage('local');
    expect(after.filterRules).toEqual([shieldRule]);
    expect(Object.keys(after).filter((k) => k.startsWith('bookmark:'))).toEqual([]);
    expect(await page.locator('[data-lamplight-shield]').isVisible()).toBe(true);
  });
});

describe('Chromium: requests', () => {
  test('nothing but the pages opened and their own assets; nothing from the extension; nothing to another host', () => {
    const log = withInitiators(requestLog);
    expect(log.filter((r) => r.url.startsWith(A.EVIL)).map((r) => r.url)).toEqual([]);
    const continued = `${FIXTURE_URLS[A.GATE]}?view_adult=true`;
    expect(auditRequests(log.filter((r) => r.url !== continued), openedFixtures)).toEqual([]);
  });
});
