/**
 * Everyday reading (issue 16) in Firefox ESR (the MV2 build), on real AO3/FFN fixture pages served at
 * their real URLs. Pages the fixtures lack are derived from real ones (tests/support/derived-pages.ts):
 * an embedded video inserted into a work's text, an FFN story's breadcrumb turned into a crossover's.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { CROSSOVER_FANDOMS, ffnCrossoverStory, VIDEO_SIZE } from '../support/derived-pages';
import {
  bookmarkLooksInPage,
  charactersPerLine,
  expectFirstViewFits,
  expectOneCompactRow,
  fandomOf,
  popupViewInPage,
  POPUP_RULES,
  POPUP_WORKS,
  readerFactsInPage,
  toolbarFactsInPage,
} from './everyday-facts';
import { firefoxAudit, launchFirefox, newInterceptedPage, openExtensionPage, openFirefoxFixture, poll, type FirefoxSession, openPopup } from './firefox';
import { FIXTURE_URLS, normaliseUrl, type FixtureFile } from './fixtures';
import { blurbIdsWithWarning, fixtureBlurbs, MCD } from './filtering-facts';

const CH1: FixtureFile = 'ao3/work-wip-14ch-chapter1-17793689.html';
const COUNTING: FixtureFile = 'ffn/ambtus-counting-ch1.html';
const LISTING: FixtureFile = 'ao3/listing-tag-works-worldbuilding.html';

let session: FirefoxSession;
let page: Page;
/** Counting served as a crossover story (derived), at its real URL. */
let crossoverPage: Page;
let extensionPage: Page;

beforeAll(async () => {
  session = await launchFirefox();
  page = await newInterceptedPage(session.browser);
  crossoverPage = await newInterceptedPage(session.browser, new Map([[normaliseUrl(FIXTURE_URLS[COUNTING]), ffnCrossoverStory()]]));
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

const storage = (area: 'local' | 'sync', items: Record<string, unknown>) =>
  extensionPage.evaluate((a, i) => (globalThis as any).browser.storage[a].set(i), area, items);
const stored = (key: string): Promise<Record<string, unknown> | undefined> =>
  extensionPage.evaluate(async (k) => (await (globalThis as any).browser.storage.local.get(k))[k], key);
const setRules = (rules: Record<string, unknown>[]) =>
  storage('local', { filterRules: rules.map((r, i) => ({ id: `e2e-${i}`, enabled: true, ...r })), 'filterRules$': { v: 1 } });

const readerOn = (p: Page) => p.evaluate(() => document.documentElement.getAttribute('data-lamplight-reader') === 'on');
const shields = (p: Page) => p.evaluate(() => document.querySelectorAll('[data-lamplight-shield]').length);

async function openWork(p: Page, file: FixtureFile): Promise<void> {
  await openFirefoxFixture(p, file);
  await p.waitForSelector('button[data-lamplight-reader-toggle]', { timeout: 15_000 });
}

async function openReader(p: Page): Promise<void> {
  await (await p.waitForSelector('button[data-lamplight-reader-toggle]', { timeout: 15_000 }))?.click();
  expect(await poll(() => readerOn(p), Boolean)).toBe(true);
}

async function clickInReader(p: Page, selector: string): Promise<void> {
  await (await p.waitForSelector(`#lamplight-reader-host >>> ${selector}`, { timeout: 10_000 }))?.click();
}

/** The popup's shelf rows' texts (reloaded, so it reads storage afresh). */
async function shelfRows(selector = 'li.shelf-item'): Promise<string[]> {
  await extensionPage.goto('about:blank'); // a fresh popup document, not the one still open
  openExtensionPage(extensionPage, 'popup.html');
  await extensionPage.waitForSelector('li.shelf-item', { timeout: 15_000 }).catch(() => {});
  return extensionPage.$$eval(selector, (rows) => rows.map((r) => r.textContent ?? ''));
}

describe('Firefox ESR: everyday reading (issue 16 defects)', () => {
  test('1. an embedded video keeps its 854×510 shape in the reader, scaled to the column', async () => {
    await openWork(page, CH1);
    await page.evaluate(({ width, height }) => {
      const frame = document.createElement('iframe');
      Object.assign(frame, { width: String(width), height: String(height), title: 'Embedded video', allowFullscreen: true });
      document.querySelector('#chapters div.userstuff')!.append(frame);
    }, VIDEO_SIZE);
    await openReader(page);
    const facts = await page.evaluate(readerFactsInPage);
    console.info(`[everyday] Firefox iframe ${VIDEO_SIZE.width}×${VIDEO_SIZE.height} on the page → ${facts.iframe?.width}×${facts.iframe?.height} in a ${facts.columnWidth}px column`);
    expect(facts.iframe).not.toBeNull();
    expect(facts.iframe!.width).toBeLessThanOrEqual(Math.ceil(facts.columnWidth));
    expect(facts.iframe!.height / facts.iframe!.width).toBeCloseTo(VIDEO_SIZE.height / VIDEO_SIZE.width, 2);
  });

  test('2. Bookmark while the shield holds the work back saves the start, not the last paragraph', async () => {
    await setRules([{ field: 'fandom', pattern: fandomOf(CH1), action: 'collapse' }]);
    await openWork(page, CH1);
    expect(await poll(() => shields(page), (n) => n === 1)).toBe(1);
    await page.click('button[data-lamplight-bookmark-toggle]');
    expect(await poll(() => stored('bookmark:ao3:17793689'), Boolean)).toMatchObject({ chapter: 1, paragraph: 0, progress: 0 });
  });

  test('3. an FFN crossover carries both fandoms: reader header, shelf, shelf search and fandom rules', async () => {
    await openWork(crossoverPage, COUNTING);
    await openReader(crossoverPage);
    const header = (await crossoverPage.evaluate(readerFactsInPage)).fandoms ?? '';
    for (const fandom of CROSSOVER_FANDOMS) expect(header).toContain(fandom);
    await clickInReader(crossoverPage, 'button[data-lamplight-bookmark-toggle]');
    expect(await poll(() => stored('bookmark:ffn:5853866'), Boolean)).toMatchObject({ fandoms: [...CROSSOVER_FANDOMS] });

    expect(await shelfRows('li.shelf-item .shelf-fandoms')).toEqual([header]);
    const search = await extensionPage.waitForSelector('::-p-aria([name="Search bookmarks"][role="searchbox"])', { timeout: 5_000 });
    await search?.type('narnia');
    expect(await poll(() => extensionPage.$$eval('li.shelf-item', (rows) => rows.length), (n) => n === 1)).toBe(1);

    await setRules([{ field: 'fandom', pattern: CROSSOVER_FANDOMS[1], action: 'collapse' }]);
    await openFirefoxFixture(crossoverPage, COUNTING);
    expect(await poll(() => shields(crossoverPage), (n) => n === 1)).toBe(1);
  });

  test('4. a bookmarked work shows it: the page button fills with a filled star, the reader’s too', async () => {
    await openWork(page, CH1);
    expect(await poll(() => page.evaluate(bookmarkLooksInPage), (l) => l.page !== null)).toMatchObject({ page: { text: '☆ Bookmark' } });
    const before = (await page.evaluate(bookmarkLooksInPage)).page!;
    await page.click('button[data-lamplight-bookmark-toggle]');
    expect((await poll(() => page.evaluate(bookmarkLooksInPage), (l) => l.page?.text === '★ Bookmark')).page).toEqual({
      text: '★ Bookmark',
      background: 'rgb(91, 74, 138)',
    });
    expect(before.background).not.toBe('rgb(91, 74, 138)');
    await openReader(page);
    // The reader's accent (#8a5a1c, light theme) fills the pressed button.
    expect((await page.evaluate(bookmarkLooksInPage)).reader).toEqual({ text: '★ Bookmark', background: 'rgb(138, 90, 28)' });
    await clickInReader(page, 'button[data-lamplight-bookmark-toggle]');
    const after = await poll(() => page.evaluate(bookmarkLooksInPage), (l) => l.reader?.text === '☆ Bookmark');
    expect(after.reader?.text).toBe('☆ Bookmark');
    expect(after.reader?.background).not.toBe('rgb(138, 90, 28)');
  });

  test('5. "Hide this work" says what was hidden, offers Undo, and the rule is named by title and creator', async () => {
    const blurb = fixtureBlurbs(LISTING)[3]!;
    const name = `“${blurb.title}” by ${blurb.authors.join(', ')}`;
    expect(blurb.title).not.toBe('');
    await openFirefoxFixture(page, LISTING);
    const shown = () => page.$eval(`#${blurb.elementId}`, (b) => b.getClientRects().length > 0);
    const notice = () => page.evaluate(() => document.querySelector('[data-lamplight-hid-notice]')?.textContent ?? null);
    await page.click(`#${blurb.elementId} [data-lamplight-hide-action] button`);
    expect(await poll(notice, (text) => text !== null)).toContain(`Hidden: ${name}.`);
    expect(await poll(shown, (s) => !s)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Undo hiding “${blurb.title}”`);

    const mainText = () => extensionPage.evaluate(() => document.querySelector('main')?.textContent ?? '');
    openExtensionPage(extensionPage, 'popup.html');
    expect(await poll(mainText, (text) => text.includes(name))).toContain(name);
    const options = await session.browser.newPage();
    try {
      openExtensionPage(options, 'options.html');
      const names = () => options.evaluate(() => Array.from(document.querySelectorAll('td.rule-name'), (td) => td.textContent));
      expect(await poll(names, (n) => n.length > 0)).toEqual([name]);
    } finally {
      await options.close();
    }

    await page.click('[data-lamplight-hid-notice] button');
    expect(await poll(shown, Boolean)).toBe(true);
    expect(await notice()).toBeNull();
    expect(await stored('filterRules')).toEqual([]);
  });

  test('6. the popup’s "This page" count follows live as warnings are ticked', async () => {
    const mcd = blurbIdsWithWarning(LISTING, MCD).length;
    expect(mcd).toBeGreaterThan(0);
    await openFirefoxFixture(page, LISTING);
    // The popup acts on the active tab: the listing, brought to the front before the popup reads it.
    await page.bringToFront();
    openExtensionPage(extensionPage, 'popup.html');
    const thisPage = () =>
      extensionPage.evaluate(() => document.querySelector('section[aria-labelledby="page-heading"]')?.textContent ?? '');
    expect(await poll(thisPage, (text) => text.includes('No works filtered'))).toContain('No works filtered on this page');
    // The filters are one tab away; "This page" stays in the document (a hidden tab panel) and is read from there.
    await extensionPage.click('::-p-aria([name="Filters"][role="tab"])');
    const tick = () => extensionPage.click(`::-p-aria([name="${MCD}"][role="checkbox"])`);
    await tick();
    expect(await poll(thisPage, (text) => text.includes(`${mcd} works`))).toContain(`${mcd} works filtered on this page`);
    await tick();
    expect(await poll(thisPage, (text) => text.includes('No works filtered'))).toContain('No works filtered on this page');
  });

  test('7. at 400 px wide the reader toolbar is one compact row of named 44 px buttons', async () => {
    await page.setViewport({ width: 400, height: 800 });
    await openWork(page, CH1);
    await openReader(page);
    const facts = await page.evaluate(toolbarFactsInPage);
    console.info(`[everyday] Firefox toolbar at 400 px: ${facts.height}px tall, ${facts.rows} row(s), buttons end at ${facts.right}px`);
    expectOneCompactRow(facts);
    for (const name of ['Reader mode', 'Next chapter', 'Chapters', 'Bookmark', 'Reader settings']) {
      const button = await page.$(`#lamplight-reader-host >>> ::-p-aria([name="${name}"][role="button"])`);
      expect(await button?.isVisible(), name).toBe(true);
    }
  });

  test('8. one chapter-total rule: the reader and the shelf both say "Chapter 1 of 14 so far" for AO3 14/?', async () => {
    await openWork(page, CH1);
    await openReader(page);
    expect(await poll(async () => (await page.evaluate(readerFactsInPage)).status, (s) => s !== '')).toMatch(/^Chapter 1 of 14 so far/);
    await clickInReader(page, 'button[data-lamplight-bookmark-toggle]');
    expect(await poll(() => stored('bookmark:ao3:17793689'), Boolean)).toBeTruthy();
    expect((await shelfRows())[0]).toContain('Chapter 1 of 14 so far');
  });

  test('9. "Column width N characters" gives N characters a line; justified text hyphenates in the work’s language', async () => {
    for (const width of [68, 50]) {
      await storage('sync', { readerSettings: { width, align: 'justify' }, 'readerSettings$': { v: 1 } });
      await openWork(page, CH1);
      await openReader(page);
      const perLine = await page.evaluate(charactersPerLine);
      console.info(`[everyday] Firefox column width ${width} characters → ${perLine.toFixed(1)} characters a line`);
      expect(perLine).toBeGreaterThan(width * 0.95);
      expect(perLine).toBeLessThan(width * 1.05);
      const facts = await page.evaluate(readerFactsInPage);
      expect(facts.lang).toBe('en');
      expect(facts.hyphens).toBe('auto');
    }
  });
});

describe('Firefox ESR: the popup opens on what a reader does daily (issue 16 friction 1)', () => {
  test('with 5 rules and 5 bookmarks, the first view fits 380×600 without scrolling, Resume of the latest in it; filters are one tab away', async () => {
    await setRules(POPUP_RULES);
    for (const file of POPUP_WORKS) {
      await openWork(page, file);
      await page.click('button[data-lamplight-bookmark-toggle]');
      await poll(() => page.evaluate(() => document.querySelector('button[data-lamplight-bookmark-toggle]')?.getAttribute('aria-pressed')), (v) => v === 'true');
    }
    await page.bringToFront();
    await extensionPage.setViewport({ width: 380, height: 600 });
    await extensionPage.goto('about:blank'); // a fresh popup document, not the one still open
    openExtensionPage(extensionPage, 'popup.html');
    const latest = () => extensionPage.evaluate(() => document.querySelector('li.shelf-item')?.textContent ?? '');
    expect(await poll(latest, (text) => text.includes('Chapter 1 of 14 so far'))).toContain('Chapter 1 of 14 so far');
    const view = await extensionPage.evaluate(popupViewInPage);
    console.info(`[everyday] Firefox popup first view: ${view.height}px tall, latest Resume ends at ${view.resumeBottom}px, ${view.rows} bookmarks shown`);
    expectFirstViewFits(view);

    const filtersShown = () => extensionPage.evaluate(() => document.querySelector<HTMLElement>('[role="tabpanel"][aria-labelledby="tab-filters"]')?.hidden === false);
    expect(await filtersShown()).toBe(false);
    await extensionPage.click('::-p-aria([name="Filters"][role="tab"])');
    expect(await poll(filtersShown, Boolean)).toBe(true);
  });
});

describe('Firefox ESR: requests', () => {
  test('nothing was requested but the pages the tests opened, whatever asked', () => {
    expect(firefoxAudit(session)).toEqual([]);
  });
});
