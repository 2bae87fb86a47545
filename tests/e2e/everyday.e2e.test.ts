/**
 * Everyday reading (issue 16) in Chromium: the built extension on real AO3/FFN fixture pages served at
 * their real URLs. Pages the fixtures lack are derived from real ones (tests/support/derived-pages.ts):
 * an embedded video inserted into a work's text, an FFN story's breadcrumb turned into a crossover's.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { CROSSOVER_FANDOMS, ffnCrossoverStory, VIDEO_SIZE } from '../support/derived-pages';
import { chromiumAudit, launchChromium, openedFixtures, openFixture, requestLog, type ChromiumSession } from './chromium';
import { FIXTURE_URLS, REPO_ROOT, type FixtureFile } from './fixtures';
import { blurbIdsWithWarning, fixtureBlurbs, MCD } from './filtering-facts';
import { bookmarkLooksInPage, charactersPerLine, fandomOf, readerFactsInPage, toolbarFactsInPage, expectOneCompactRow, expectFirstViewFits, popupViewInPage, POPUP_RULES, POPUP_WORKS, type ReaderFacts } from './everyday-facts';

const CH1: FixtureFile = 'ao3/work-wip-14ch-chapter1-17793689.html';
const COUNTING: FixtureFile = 'ffn/ambtus-counting-ch1.html';
const LISTING: FixtureFile = 'ao3/listing-tag-works-worldbuilding.html';
const POLL = { timeout: 10_000, interval: 100 };
const SCREENSHOTS = path.join(REPO_ROOT, 'docs', 'screenshots');

let session: ChromiumSession;
let page: Page;
let extensionPage: Page;

beforeAll(async () => {
  session = await launchChromium();
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
  await page.setViewportSize({ width: 1280, height: 800 });
});

const storage = (area: 'local' | 'sync', items: Record<string, unknown>) =>
  extensionPage.evaluate(([a, i]) => (globalThis as any).chrome.storage[a!].set(i), [area, items] as const);
const stored = (key: string) =>
  extensionPage.evaluate(async (k) => (await (globalThis as any).chrome.storage.local.get(k))[k], key);
const setRules = (rules: Record<string, unknown>[]) =>
  storage('local', { filterRules: rules.map((r, i) => ({ id: `e2e-${i}`, enabled: true, ...r })), 'filterRules$': { v: 1 } });

const host = (p: Page) => p.locator('#lamplight-reader-host');
const pageToggle = (p: Page) => p.locator('button[data-lamplight-reader-toggle]');
const pageBookmark = (p: Page) => p.locator('button[data-lamplight-bookmark-toggle]');

async function openReader(p: Page): Promise<void> {
  await pageToggle(p).click();
  await p.waitForFunction(() => document.documentElement.getAttribute('data-lamplight-reader') === 'on', null, POLL);
}

async function openWork(p: Page, file: FixtureFile): Promise<Locator> {
  await p.goto('about:blank');
  await openFixture(p, file);
  await pageToggle(p).waitFor({ state: 'attached', timeout: 10_000 });
  return pageToggle(p);
}

/** Serves the derived crossover story at Counting's URL (page routes answer before the context's fixture routing). */
async function openCrossover(p: Page): Promise<void> {
  const url = FIXTURE_URLS[COUNTING];
  await p.goto('about:blank');
  await p.unroute(url).catch(() => {});
  await p.route(url, (route) => {
    // Logged like the fixture it stands in for, so the request audit counts it as a page the test opened.
    requestLog.push({ url: route.request().url(), method: route.request().method(), outcome: 'fixture' });
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: ffnCrossoverStory() });
  });
  openedFixtures.push({ file: COUNTING, url });
  await p.goto(url, { waitUntil: 'domcontentloaded' });
}

const readerFacts = (p: Page): Promise<ReaderFacts> => p.evaluate(readerFactsInPage);

describe('Chromium: everyday reading (issue 16 defects)', () => {
  test('1. an embedded video keeps its 854×510 shape in the reader, scaled to the column', async () => {
    await openWork(page, CH1);
    await page.evaluate(({ width, height }) => {
      const frame = document.createElement('iframe');
      Object.assign(frame, { width: String(width), height: String(height), title: 'Embedded video', allowFullscreen: true });
      document.querySelector('#chapters div.userstuff')!.append(frame);
    }, VIDEO_SIZE);
    await openReader(page);
    const facts = await readerFacts(page);
    console.info(`[everyday] Chromium iframe ${VIDEO_SIZE.width}×${VIDEO_SIZE.height} on the page → ${facts.iframe?.width}×${facts.iframe?.height} in a ${facts.columnWidth}px column`);
    expect(facts.iframe).not.toBeNull();
    expect(facts.iframe!.width).toBeLessThanOrEqual(Math.ceil(facts.columnWidth));
    expect(facts.iframe!.height / facts.iframe!.width).toBeCloseTo(VIDEO_SIZE.height / VIDEO_SIZE.width, 2);
  });

  test('2. Bookmark while the shield holds the work back saves the start, not the last paragraph', async () => {
    await setRules([{ field: 'fandom', pattern: fandomOf(CH1), action: 'collapse' }]);
    await openWork(page, CH1);
    await expect.poll(() => page.locator('[data-lamplight-shield]').count(), POLL).toBe(1);
    await pageBookmark(page).click();
    await expect.poll(() => stored('bookmark:ao3:17793689'), POLL).toMatchObject({ chapter: 1, paragraph: 0, progress: 0 });
  });

  test('3. an FFN crossover carries both fandoms: reader header, shelf, shelf search and fandom rules', async () => {
    await openCrossover(page);
    await pageToggle(page).waitFor({ state: 'attached', timeout: 10_000 });
    await openReader(page);
    const header = (await readerFacts(page)).fandoms ?? '';
    for (const fandom of CROSSOVER_FANDOMS) expect(header).toContain(fandom);
    await host(page).locator('button[data-lamplight-bookmark-toggle]').click();
    await expect.poll(() => stored('bookmark:ffn:5853866').then((b) => b?.fandoms), POLL).toEqual([...CROSSOVER_FANDOMS]);

    await extensionPage.reload();
    const search = extensionPage.getByRole('searchbox', { name: 'Search bookmarks' });
    await search.fill('narnia');
    await expect.poll(() => extensionPage.locator('li.shelf-item .shelf-fandoms').allTextContents(), POLL).toEqual([header]);

    await setRules([{ field: 'fandom', pattern: CROSSOVER_FANDOMS[1], action: 'collapse' }]);
    await openCrossover(page);
    await expect.poll(() => page.locator('[data-lamplight-shield]').count(), POLL).toBe(1);
  });

  test('4. a bookmarked work shows it: the page button fills with a filled star, the reader’s too', async () => {
    await openWork(page, CH1);
    await expect.poll(() => page.evaluate(bookmarkLooksInPage).then((l) => l.page?.text), POLL).toBe('☆ Bookmark');
    const before = (await page.evaluate(bookmarkLooksInPage)).page!;
    await pageBookmark(page).click();
    await expect.poll(() => page.evaluate(bookmarkLooksInPage).then((l) => l.page), POLL).toEqual({ text: '★ Bookmark', background: 'rgb(91, 74, 138)' });
    expect(before.background).not.toBe('rgb(91, 74, 138)');
    await openReader(page);
    // The reader's accent (#8a5a1c, light theme) fills the pressed button.
    expect((await page.evaluate(bookmarkLooksInPage)).reader).toEqual({ text: '★ Bookmark', background: 'rgb(138, 90, 28)' });
    await host(page).getByRole('button', { name: 'Bookmark', exact: true }).click();
    await expect.poll(() => page.evaluate(bookmarkLooksInPage).then((l) => l.reader?.text), POLL).toBe('☆ Bookmark');
    expect((await page.evaluate(bookmarkLooksInPage)).reader?.background).not.toBe('rgb(138, 90, 28)');
  });

  test('5. "Hide this work" says what was hidden, offers Undo, and the rule is named by title and creator', async () => {
    const blurb = fixtureBlurbs(LISTING)[3]!;
    const name = `“${blurb.title}” by ${blurb.authors.join(', ')}`;
    expect(blurb.title).not.toBe('');
    await page.goto('about:blank');
    await openFixture(page, LISTING);
    const shown = () => page.locator(`#${blurb.elementId}`).isVisible();
    await page.locator(`#${blurb.elementId}`).getByRole('button', { name: /^Hide this work/ }).click();
    const notice = page.locator('[data-lamplight-hid-notice]');
    await expect.poll(() => notice.textContent(), POLL).toContain(`Hidden: ${name}.`);
    await expect.poll(shown, POLL).toBe(false);
    const undo = page.getByRole('button', { name: `Undo hiding “${blurb.title}”`, exact: true });
    expect(await undo.evaluate((b) => b === document.activeElement)).toBe(true);

    await extensionPage.reload();
    await expect.poll(() => extensionPage.locator('main').textContent(), POLL).toContain(name);
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await expect.poll(() => options.locator('td.rule-name').allTextContents(), POLL).toEqual([name]);
    await options.close();

    await undo.click();
    await expect.poll(shown, POLL).toBe(true);
    expect(await notice.count()).toBe(0);
    expect(await stored('filterRules')).toEqual([]);
  });

  test('6. the popup’s "This page" count follows live as warnings are ticked', async () => {
    const mcd = blurbIdsWithWarning(LISTING, MCD).length;
    expect(mcd).toBeGreaterThan(0);
    await page.goto('about:blank');
    await openFixture(page, LISTING);
    // The popup acts on the active tab: the listing, brought to the front before the popup reads it.
    await page.bringToFront();
    await extensionPage.reload();
    const thisPage = extensionPage.getByRole('region', { name: 'This page' });
    await expect.poll(() => thisPage.textContent(), POLL).toContain('No works filtered on this page');
    // Ticked in the Filters tab; back on Reading, the count has followed without reopening the popup.
    const tab = (name: string) => extensionPage.getByRole('tab', { name, exact: true }).click();
    await tab('Filters');
    await extensionPage.getByRole('checkbox', { name: MCD, exact: true }).check();
    await tab('Reading');
    await expect.poll(() => thisPage.textContent(), POLL).toContain(`${mcd} works filtered on this page`);
    await tab('Filters');
    await extensionPage.getByRole('checkbox', { name: MCD, exact: true }).uncheck();
    await tab('Reading');
    await expect.poll(() => thisPage.textContent(), POLL).toContain('No works filtered on this page');
  });

  test('7. at 400 px wide the reader toolbar is one compact row of named 44 px buttons', async () => {
    await page.setViewportSize({ width: 400, height: 800 });
    await openWork(page, CH1);
    await openReader(page);
    const facts = await page.evaluate(toolbarFactsInPage);
    console.info(`[everyday] Chromium toolbar at 400 px: ${facts.height}px tall, ${facts.rows} row(s), buttons end at ${facts.right}px`);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'reader-toolbar-400.png'), clip: { x: 0, y: 0, width: 400, height: 260 } });
    expectOneCompactRow(facts);
    for (const name of ['Reader mode', 'Next chapter', 'Chapters', 'Bookmark', 'Reader settings']) {
      await expect(host(page).getByRole('button', { name, exact: true }).isVisible(), name).resolves.toBe(true);
    }
  });

  test('8. one chapter-total rule: the reader and the shelf both say "Chapter 1 of 14 so far" for AO3 14/?', async () => {
    await openWork(page, CH1);
    await openReader(page);
    await expect.poll(async () => (await readerFacts(page)).status, POLL).toMatch(/^Chapter 1 of 14 so far/);
    await host(page).locator('button[data-lamplight-bookmark-toggle]').click();
    await expect.poll(() => stored('bookmark:ao3:17793689'), POLL).toBeTruthy();
    await extensionPage.reload();
    await expect.poll(() => extensionPage.locator('li.shelf-item').first().textContent(), POLL).toContain('Chapter 1 of 14 so far');
  });

  test('9. "Column width N characters" gives N characters a line; justified text hyphenates in the work’s language', async () => {
    for (const width of [68, 50]) {
      await storage('sync', { readerSettings: { width, align: 'justify' }, 'readerSettings$': { v: 1 } });
      await openWork(page, CH1);
      await openReader(page);
      const perLine = await page.evaluate(charactersPerLine);
      console.info(`[everyday] Chromium column width ${width} characters → ${perLine.toFixed(1)} characters a line`);
      expect(perLine).toBeGreaterThan(width * 0.95);
      expect(perLine).toBeLessThan(width * 1.05);
      const facts = await readerFacts(page);
      expect(facts.lang).toBe('en');
      expect(facts.hyphens).toBe('auto');
    }
  });
});

describe('Chromium: the popup opens on what a reader does daily (issue 16 friction 1)', () => {
  test('with 5 rules and 5 bookmarks, the first view fits 380×600 without scrolling, Resume of the latest in it; filters are one tab away', async () => {
    await setRules(POPUP_RULES);
    for (const file of POPUP_WORKS) {
      await openWork(page, file);
      await pageBookmark(page).click();
      await expect.poll(() => pageBookmark(page).getAttribute('aria-pressed'), POLL).toBe('true');
    }
    // The popup beside the last work (the active tab), at the height Chrome cuts popups at.
    await page.bringToFront();
    await extensionPage.setViewportSize({ width: 380, height: 600 });
    await extensionPage.reload();
    const latest = extensionPage.locator('li.shelf-item').first();
    await expect.poll(() => latest.textContent(), POLL).toContain('Chapter 1 of 14 so far');
    await expect.poll(() => extensionPage.getByRole('region', { name: 'This page' }).textContent(), POLL).toContain('Reader mode');
    const view = await extensionPage.evaluate(popupViewInPage);
    console.info(`[everyday] Chromium popup first view: ${view.height}px tall, latest Resume ends at ${view.resumeBottom}px, ${view.rows} bookmarks shown`);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await extensionPage.screenshot({ path: path.join(SCREENSHOTS, 'popup-600.png') });
    expectFirstViewFits(view);
    await expect(extensionPage.getByRole('button', { name: 'Resume', exact: true }).first().isVisible()).resolves.toBe(true);

    // Filters: one step away.
    expect(await extensionPage.getByRole('checkbox', { name: MCD, exact: true }).isVisible()).toBe(false);
    await extensionPage.getByRole('tab', { name: 'Filters', exact: true }).click();
    await expect(extensionPage.getByRole('checkbox', { name: MCD, exact: true }).isChecked()).resolves.toBe(true);
  });
});

describe('Chromium: requests', () => {
  test('nothing was requested but the pages the tests opened', () => {
    expect(chromiumAudit()).toEqual([]);
  });
});
