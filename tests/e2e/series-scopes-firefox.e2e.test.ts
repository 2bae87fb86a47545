/**
 * Issue 18 in Firefox ESR (the MV2 build) on real AO3 fixture pages served at their real URLs: a series rule hides every
 * work of that series and nothing else; a rule scoped to (or away from) Star Wars hides in some fandoms
 * and not in others; a rule's note shows in its placeholder; "Hide this series" on a series page works
 * on a person's click and not on a page script's `.click()`. Expectations come from the fixtures read
 * in Node (./series-scopes-facts.ts).
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  firefoxAudit,
  firefoxOpenedFixtures,
  launchFirefox,
  newInterceptedPage,
  openFirefoxFixture as openFixture,
  openPopup,
  type FirefoxSession,
} from './firefox';
import {
  LISTING,
  OTHER_SERIES,
  pageScriptClicksHideSeriesInPage,
  placeholdersInPage,
  SCOPED_TAG,
  SERIES_PAGE,
  SERIES_PAGE_TITLE,
  seriesBlurbs,
  STAR_WARS,
} from './series-scopes-facts';

const POLL = { timeout: 10_000, interval: 100 };

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
});

const setRules = (rules: unknown[]) =>
  extensionPage.evaluate((r) => (globalThis as any).browser.storage.local.set({ filterRules: r, 'filterRules$': { v: 1 } }), rules);
const storedRules = () =>
  extensionPage.evaluate(async () => ((await (globalThis as any).browser.storage.local.get('filterRules')).filterRules ?? []) as any[]);
const placeholders = () => page.evaluate(placeholdersInPage);
const placeholderIds = async () => (await placeholders()).ids;

describe('Firefox ESR: series rules', () => {
  test('a rule on one series collapses exactly that series’ works on its page, named with its note', async () => {
    const expected = seriesBlurbs(SERIES_PAGE).filter((b) => b.series.includes(OTHER_SERIES.id)).map((b) => b.elementId);
    expect(expected.length).toBeGreaterThanOrEqual(2);
    expect(expected.length).toBeLessThan(seriesBlurbs(SERIES_PAGE).length);
    await setRules([
      { id: 's', field: 'series', pattern: `ao3:${OTHER_SERIES.id}`, seriesTitle: OTHER_SERIES.title, action: 'collapse', enabled: true, note: 'spoils the comics' },
    ]);
    await openFixture(page, SERIES_PAGE);
    await expect.poll(placeholderIds, POLL).toEqual(expected);
    for (const text of (await placeholders()).texts) {
      expect(text).toContain(`series: ${OTHER_SERIES.title} (“spoils the comics”)`);
    }
  });

  test('on a listing, a series rule hides its one work there and nothing else', async () => {
    const blurbs = seriesBlurbs(LISTING);
    const inFade = blurbs.filter((b) => b.series.includes('3312403')).map((b) => b.elementId);
    expect(inFade).toHaveLength(1);
    await setRules([{ id: 's', field: 'series', pattern: 'ao3:3312403', action: 'collapse', enabled: true }]);
    await openFixture(page, LISTING);
    await expect.poll(placeholderIds, POLL).toEqual(inFade);
    expect((await placeholders()).texts[0]).toContain('series: 3312403');
  });
});

describe('Firefox ESR: scoped rules', () => {
  const blurbs = seriesBlurbs(LISTING);
  const tagged = blurbs.filter((b) => b.freeforms.includes(SCOPED_TAG));
  const inStarWars = (b: { fandoms: string[] }) => b.fandoms.some((f) => f.startsWith('Star Wars'));

  test('the fixture has the tag in Star Wars and in other fandoms (a crossover among them)', () => {
    expect(tagged.filter(inStarWars).length).toBeGreaterThan(0);
    expect(tagged.filter((b) => !inStarWars(b)).length).toBeGreaterThan(1);
    expect(tagged.some((b) => b.fandoms.length > 1 && !inStarWars(b))).toBe(true);
  });

  test('“except in Star Wars” hides the tag everywhere but Star Wars', async () => {
    await setRules([{ id: 'w', field: 'freeform', pattern: SCOPED_TAG, action: 'collapse', enabled: true, scope: { mode: 'except', fandoms: [STAR_WARS] } }]);
    await openFixture(page, LISTING);
    await expect.poll(placeholderIds, POLL).toEqual(tagged.filter((b) => !inStarWars(b)).map((b) => b.elementId));
    expect((await placeholders()).texts.every((t) => t.includes(`additional tag: ${SCOPED_TAG}`))).toBe(true);
  });

  test('“only in Star Wars” hides it in Star Wars alone; a crossover counts by any of its fandoms', async () => {
    await setRules([
      { id: 'w', field: 'freeform', pattern: SCOPED_TAG, action: 'collapse', enabled: true, scope: { mode: 'only', fandoms: [STAR_WARS] } },
      { id: 'o', field: 'freeform', pattern: SCOPED_TAG, action: 'collapse', enabled: true, scope: { mode: 'only', fandoms: ['original work'] } },
    ]);
    await openFixture(page, LISTING);
    const expected = tagged.filter((b) => inStarWars(b) || b.fandoms.includes('Original Work')).map((b) => b.elementId);
    expect(expected.length).toBe(2);
    await expect.poll(placeholderIds, POLL).toEqual(expected);
  });
});

describe('Firefox ESR: Hide this series', () => {
  test('a page script’s click does nothing; a person’s click hides every work of the series, named', async () => {
    const all = seriesBlurbs(SERIES_PAGE).map((b) => b.elementId);
    await openFixture(page, SERIES_PAGE);
    const button = (await page.waitForSelector(
      `[data-lamplight-series-action] ::-p-aria([name="Hide every work of the series “${SERIES_PAGE_TITLE}”"][role="button"])`,
      { timeout: 10_000 },
    ))!;

    expect(await page.evaluate(pageScriptClicksHideSeriesInPage)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await storedRules()).toEqual([]);
    expect(await placeholderIds()).toEqual([]);

    await button.click();
    await expect.poll(placeholderIds, POLL).toEqual(all);
    expect((await placeholders()).texts.every((t) => t.includes(`series: ${SERIES_PAGE_TITLE}`))).toBe(true);
    expect(await storedRules()).toMatchObject([{ field: 'series', pattern: 'ao3:2270465', seriesTitle: SERIES_PAGE_TITLE, action: 'collapse' }]);
    await expect.poll(() => page.evaluate(() => document.querySelector('[data-lamplight-series-action] [role="status"]')?.textContent), POLL).toBe(
      `Lamplight now hides the works of “${SERIES_PAGE_TITLE}”.`,
    );
  });
});

describe('Firefox ESR: requests', () => {
  test('nothing was requested but the fixture pages the tests opened, and nothing got past interception', () => {
    expect(firefoxOpenedFixtures.length).toBeGreaterThan(0);
    expect(firefoxAudit(session)).toEqual([]);
  });
});
