/**
 * Issue 16, points 4 and 5, in Firefox ESR (the MV2 build) on real AO3 fixture pages served at their real URLs:
 * leaving the reader lands on the paragraph read; "Show anyway" leaves a filtered mark with
 * "Hide again" (a person's click only) on a listing and on a shielded work; placeholders name the
 * collapsed work unless titles are hidden. Expected titles and creators come from the fixture read
 * in Node (./filtering-facts.ts).
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  firefoxAudit,
  firefoxOpenedFixtures,
  launchFirefox,
  newInterceptedPage,
  openFirefoxFixture,
  type FirefoxSession,
  openPopup,
} from './firefox';
import { blurbIdsWithWarning } from './filtering-facts';
import {
  CHAPTER,
  GDOV,
  LISTING,
  MCD,
  namedBlurbWith,
  pageParagraphInPage,
  pageScriptClicksHideAgainInPage,
  readerParagraphTopInPage,
  scrollReaderToParagraphInPage,
  SHIELDED_WORK,
  standInInPage,
  type StandIn,
} from './reveal-facts';

const POLL = { timeout: 10_000, interval: 100 };
/** How far (px) the paragraph may sit from the top of the view. */
const NEAR = 3;

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
  await page.goto('about:blank');
  await extensionPage.evaluate(async () => {
    const api = (globalThis as any).browser;
    await Promise.all([api.storage.local.clear(), api.storage.sync.clear()]);
  });
  await page.setViewport({ width: 1280, height: 800 });
});

const storage = (area: 'local' | 'sync', items: Record<string, unknown>) =>
  extensionPage.evaluate((a, i) => (globalThis as any).browser.storage[a].set(i), area, items);
const setRule = (warning: string) =>
  storage('local', {
    filterRules: [{ id: 'e2e-1', field: 'warning', pattern: warning, action: 'collapse', enabled: true }],
    'filterRules$': { v: 1 },
  });
const setShowTitles = (showFilteredTitles: boolean) =>
  storage('sync', {
    appSettings: { filteringPaused: false, syncBookmarks: false, showFilteredTitles },
    'appSettings$': { v: 2 },
  });

/** What the background does for the keyboard command: `reader:toggle` to the work's tab. */
const toggleReaderByCommand = () =>
  extensionPage.evaluate(async () => {
    const api = (globalThis as any).browser;
    const tabs: { id: number }[] = await api.tabs.query({});
    const replies = await Promise.all(
      tabs.map((tab) => api.tabs.sendMessage(tab.id, { type: 'reader:toggle' }).catch(() => undefined)),
    );
    return replies.filter((reply: unknown) => reply !== undefined);
  });

/** A person's click on the button so named inside `scope`. */
async function clickButton(scope: string, name: string): Promise<void> {
  const button = await page.waitForSelector(`${scope} ::-p-aria([name="${name}"][role="button"])`, { timeout: 5_000 });
  await button!.click();
}

const standIn = (id: string) => page.evaluate(standInInPage, id);
const settledOn = (id: string, kind: StandIn['kind']) =>
  expect.poll(async () => (await standIn(id)).kind, POLL).toBe(kind);

describe('Firefox ESR: leaving the reader keeps the place', () => {
  test('closing the reader puts the paragraph at the top of the reader’s view at the top of the page', async () => {
    await openFirefoxFixture(page, CHAPTER);
    const toggle = (await page.waitForSelector('button[data-lamplight-reader-toggle]', { timeout: 15_000 }))!;
    await toggle.click();
    await page.waitForFunction(() => document.documentElement.getAttribute('data-lamplight-reader') === 'on', POLL);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);

    const text = await page.evaluate(scrollReaderToParagraphInPage, 0.4);
    await expect.poll(async () => Math.abs((await page.evaluate(readerParagraphTopInPage, text)) ?? 99), POLL).toBeLessThanOrEqual(1);
    // Closed where the reader is, as the keyboard command does (Alt+Shift+R: the background sends
    // `reader:toggle` to the tab); the reader's own button sits above the story, out of view here.
    expect(await toggleReaderByCommand()).toEqual([{ readerOn: false }]);

    await expect.poll(async () => (await page.evaluate(pageParagraphInPage, text)).reader, POLL).toBeNull();
    const landed = await page.evaluate(pageParagraphInPage, text);
    expect(landed.top).not.toBeNull();
    expect(Math.abs(landed.top!)).toBeLessThanOrEqual(NEAR);
    expect(landed.scrollY).toBeGreaterThan(800);
    // It stays there (nothing scrolls it back a frame later).
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(Math.abs((await page.evaluate(pageParagraphInPage, text)).top!)).toBeLessThanOrEqual(NEAR);
  });
});

describe('Firefox ESR: Show anyway can be undone; placeholders name the work', () => {
  const named = namedBlurbWith(GDOV);

  test('a placeholder names the collapsed work’s title and creator', async () => {
    await setRule(GDOV);
    await openFirefoxFixture(page, LISTING);
    for (const id of blurbIdsWithWarning(LISTING, GDOV)) await settledOn(id, 'placeholder');
    const state = await standIn(named.elementId);
    expect(state).toMatchObject({ kind: 'placeholder', shown: true, workShown: false });
    expect(state.text).toContain(`“${named.title}”`);
    for (const author of named.authors) expect(state.text).toContain(author);
    expect(state.text).toContain(GDOV);
  });

  test('with titles hidden, the placeholder names only the rule', async () => {
    await setRule(GDOV);
    await setShowTitles(false);
    await openFirefoxFixture(page, LISTING);
    await settledOn(named.elementId, 'placeholder');
    const state = await standIn(named.elementId);
    expect(state.text).toContain(GDOV);
    expect(state.text).not.toContain(named.title);
    for (const author of named.authors) expect(state.text).not.toContain(author);
  });

  test('Show anyway leaves a filtered mark; a page script’s click on Hide again does nothing; a person’s click restores the placeholder', async () => {
    await setRule(GDOV);
    await openFirefoxFixture(page, LISTING);
    await settledOn(named.elementId, 'placeholder');
    await clickButton(`[data-lamplight-placeholder]:has(+ #${named.elementId})`, 'Show anyway');

    await settledOn(named.elementId, 'revealed');
    const revealed = await standIn(named.elementId);
    expect(revealed).toMatchObject({ kind: 'revealed', shown: true, workShown: true });
    expect(revealed.text).toContain(GDOV);
    expect(revealed.text).toContain('Hide again');

    expect(await page.evaluate(pageScriptClicksHideAgainInPage, named.elementId)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await standIn(named.elementId)).toEqual(revealed);

    await clickButton(`[data-lamplight-revealed]:has(+ #${named.elementId})`, 'Hide again');
    await settledOn(named.elementId, 'placeholder');
    expect(await standIn(named.elementId)).toMatchObject({ kind: 'placeholder', shown: true, workShown: false });
  });

  test('a work shown through the shield keeps a mark whose Hide again brings the shield back', async () => {
    await setRule(MCD);
    await openFirefoxFixture(page, SHIELDED_WORK);
    await settledOn('workskin', 'shield');
    await clickButton('[data-lamplight-shield]', 'Show anyway');

    await settledOn('workskin', 'revealed');
    const revealed = await standIn('workskin');
    expect(revealed).toMatchObject({ kind: 'revealed', shown: true, workShown: true });
    expect(revealed.text).toContain(MCD);

    expect(await page.evaluate(pageScriptClicksHideAgainInPage, 'workskin')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await standIn('workskin')).toEqual(revealed);

    await clickButton('[data-lamplight-revealed]', 'Hide again');
    await settledOn('workskin', 'shield');
    expect(await standIn('workskin')).toMatchObject({ kind: 'shield', shown: true, workShown: false });
  });
});

describe('Firefox ESR: requests', () => {
  test('nothing was requested but the fixture pages the tests opened, and nothing got past interception', () => {
    expect(firefoxOpenedFixtures.length).toBeGreaterThan(0);
    expect(firefoxAudit(session)).toEqual([]);
  });
});
