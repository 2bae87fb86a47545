/**
 * Filtering in Chromium: the built extension on saved AO3 pages served at their real URLs. Rules are
 * written to the extension's storage from one of its own pages, as the popup and options pages do.
 * Expected results are worked out from the raw fixture HTML in Node (./filtering-facts.ts), never
 * from the extension's own reading of the page.
 *
 * `data-lamplight-judged` (entrypoints/content/filtering/hold.ts) is used only as a "filtering has
 * settled" signal before asserting that something did NOT happen; every assertion is about what a
 * reader gets: visibility, the page-facing attributes (docs/ARCHITECTURE.md section 7), accessible roles and names.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, openedFixtures, openFixture, requestLog, withInitiators, type ChromiumSession } from './chromium';
import { auditRequests, FIXTURE_URLS, readFixture, type FixtureFile } from './fixtures';
import { blurbIdsByAuthor, blurbIdsWithWarning, fixtureBlurbs, GDOV, MCD } from './filtering-facts';

const LISTING: FixtureFile = 'ao3/listing-tag-works-worldbuilding.html';
const WORK: FixtureFile = 'ao3/work-oneshot-orphaned-3738184.html';
const WORK_TEXT = '*whispers*'; // the story text of WORK (its only chapter)
const JUDGED = 'data-lamplight-judged';
const POLL = { timeout: 10_000, interval: 100 };

let session: ChromiumSession;
let page: Page;
/** An extension page (popup.html), kept open to read and write the extension's storage. */
let extensionPage: Page;

type StoredRule = { id: string; field: string; pattern: string; action: 'hide' | 'collapse' | 'allow'; enabled: boolean };
let ruleCount = 0;
const rule = (field: string, pattern: string, action: StoredRule['action']): StoredRule => ({
  id: `e2e-${++ruleCount}`,
  field,
  pattern,
  action,
  enabled: true,
});

async function storageSet(area: 'local' | 'sync', items: Record<string, unknown>): Promise<void> {
  await extensionPage.evaluate(
    ([a, i]) => (globalThis as any).chrome.storage[a!].set(i),
    [area, items] as const,
  );
}
const setRules = (rules: StoredRule[]) => storageSet('local', { filterRules: rules, 'filterRules$': { v: 1 } });
const setPaused = (paused: boolean) =>
  storageSet('sync', { appSettings: { filteringPaused: paused, syncBookmarks: false }, 'appSettings$': { v: 1 } });
const storedRules = (): Promise<StoredRule[]> =>
  extensionPage.evaluate(async () => ((await (globalThis as any).chrome.storage.local.get('filterRules')).filterRules ?? []) as StoredRule[]);

interface ListingState {
  /** Each placeholder's text and the id of the blurb it stands for (the element right after it). */
  placeholders: { text: string; blurb: string | null }[];
  /** Blurb ids carrying data-lamplight-hidden. */
  hidden: string[];
  /** Blurb ids a reader can see / cannot see (same test as Playwright's isVisible). */
  visible: string[];
  invisible: string[];
  /** The summary line's text, if it is showing. */
  summary: string | null;
  /** Every blurb judged and the page parsed: filtering has settled. */
  settled: boolean;
}

function listingState(p: Page): Promise<ListingState> {
  return p.evaluate((judged) => {
    const shown = (el: Element) => getComputedStyle(el).visibility !== 'hidden' && el.getClientRects().length > 0;
    const blurbs = Array.from(document.querySelectorAll('li.work.blurb[id^="work_"]'));
    const summary = document.querySelector('[data-lamplight-summary]');
    return {
      placeholders: Array.from(document.querySelectorAll('[data-lamplight-placeholder]')).map((el) => ({
        text: el.textContent ?? '',
        blurb: el.nextElementSibling?.id ?? null,
      })),
      hidden: blurbs.filter((b) => b.hasAttribute('data-lamplight-hidden')).map((b) => b.id),
      visible: blurbs.filter(shown).map((b) => b.id),
      invisible: blurbs.filter((b) => !shown(b)).map((b) => b.id),
      summary: summary && shown(summary) ? (summary.textContent ?? '').trim() : null,
      settled: document.readyState !== 'loading' && blurbs.length > 0 && blurbs.every((b) => b.hasAttribute(judged)),
    };
  }, JUDGED);
}

async function settledListing(p: Page): Promise<ListingState> {
  await p.waitForFunction(
    (judged) =>
      document.readyState !== 'loading' &&
      Array.from(document.querySelectorAll('li.work.blurb')).every((b) => b.hasAttribute(judged)),
    JUDGED,
    { timeout: 10_000 },
  );
  return listingState(p);
}

const allIds = fixtureBlurbs(LISTING).map((b) => b.elementId);
const without = (ids: readonly string[], gone: readonly string[]) => ids.filter((id) => !gone.includes(id));
const sorted = (ids: readonly string[]) => [...ids].sort();

beforeAll(async () => {
  session = await launchChromium();
  page = await session.context.newPage();
  extensionPage = await session.context.newPage();
  await extensionPage.goto(`chrome-extension://${session.extensionId}/popup.html`);
  await page.bringToFront(); // a background tab gets few animation frames: clicks would wait for them
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

describe('Chromium: filtering a listing', () => {
  const gdov = blurbIdsWithWarning(LISTING, GDOV);

  test('the fixture facts are what these tests assume', () => {
    expect(allIds).toHaveLength(20);
    expect(gdov.length).toBeGreaterThan(1);
    expect(gdov.length).toBeLessThan(allIds.length);
  });

  test('a warning rule collapses exactly the blurbs with that warning, each placeholder saying why', async () => {
    await setRules([rule('warning', GDOV, 'collapse')]);
    await openFixture(page, LISTING);
    await expect.poll(async () => sorted((await listingState(page)).placeholders.map((p) => p.blurb ?? '')), POLL).toEqual(sorted(gdov));
    const state = await settledListing(page);
    expect(state.placeholders).toHaveLength(gdov.length);
    for (const placeholder of state.placeholders) expect(placeholder.text).toContain(GDOV);
    expect(sorted(state.invisible)).toEqual(sorted(gdov));
    expect(sorted(state.visible)).toEqual(sorted(without(allIds, gdov)));
    expect(state.hidden).toEqual([]);
    expect(await page.getByRole('button', { name: 'Show anyway', exact: true }).count()).toBe(gdov.length);
    expect(state.summary).toBe(`Lamplight filtered ${gdov.length} works on this page. Show all`);
  });

  test('"Show anyway" reveals that one blurb and only that one', async () => {
    await setRules([rule('warning', GDOV, 'collapse')]);
    await openFixture(page, LISTING);
    await expect.poll(async () => (await listingState(page)).placeholders.length, POLL).toBe(gdov.length);
    const chosen = gdov[1]!;
    await page
      .locator(`[data-lamplight-placeholder]:has(+ #${chosen})`)
      .getByRole('button', { name: 'Show anyway', exact: true })
      .click();
    await expect.poll(async () => (await listingState(page)).visible.includes(chosen), POLL).toBe(true);
    const state = await listingState(page);
    expect(state.placeholders.map((p) => p.blurb)).not.toContain(chosen);
    expect(sorted(state.placeholders.map((p) => p.blurb ?? ''))).toEqual(sorted(without(gdov, [chosen])));
    expect(sorted(state.invisible)).toEqual(sorted(without(gdov, [chosen])));
    // The button went away with its placeholder: keyboard focus moved to the work it revealed.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(chosen);
  });

  test('a hide rule leaves no trace but the count; hide wins over collapse', async () => {
    const author = 'SadRaven1';
    const byAuthor = blurbIdsByAuthor(LISTING, author);
    expect(byAuthor).toHaveLength(2); // one of them also carries the warning
    expect(byAuthor.filter((id) => gdov.includes(id))).toHaveLength(1);
    await setRules([rule('warning', GDOV, 'collapse'), rule('author', author, 'hide')]);
    await openFixture(page, LISTING);
    const collapsed = without(gdov, byAuthor);
    await expect.poll(async () => sorted((await listingState(page)).hidden), POLL).toEqual(sorted(byAuthor));
    const state = await settledListing(page);
    expect(sorted(state.placeholders.map((p) => p.blurb ?? ''))).toEqual(sorted(collapsed));
    for (const id of byAuthor) expect(state.invisible).toContain(id);
    expect(sorted(state.invisible)).toEqual(sorted([...collapsed, ...byAuthor]));
    // The count is the only trace: the status line says how many works were filtered, in all.
    const total = collapsed.length + byAuthor.length;
    expect(state.summary).toBe(`Lamplight filtered ${total} works on this page. Show all`);
    expect(await page.getByRole('status').filter({ hasText: `Lamplight filtered ${total} works` }).count()).toBe(1);
    expect(await page.evaluate((name) => document.body.innerText.includes(name), author)).toBe(false);

    // "Show all" in the status line brings back every work, hidden and collapsed, and takes focus along.
    await page.getByRole('status').getByRole('button', { name: 'Show all', exact: true }).click();
    await expect.poll(async () => sorted((await listingState(page)).visible), POLL).toEqual(sorted(allIds));
    const after = await listingState(page);
    expect(after).toMatchObject({ placeholders: [], hidden: [], summary: null });
    const firstFiltered = allIds.find((id) => gdov.includes(id) || byAuthor.includes(id));
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(firstFiltered);
  });

  test('rule changes apply live, and taking a rule away restores the page exactly', async () => {
    await openFixture(page, LISTING);
    const before = await settledListing(page);
    expect(sorted(before.visible)).toEqual(sorted(allIds));
    expect(before.placeholders).toEqual([]);
    const listHtml = () => page.evaluate(() => document.querySelector('ol.work.index')!.outerHTML);
    const blurbHtml = (id: string) => page.evaluate((i) => document.getElementById(i)!.outerHTML, id);
    const originalList = await listHtml();
    const originalBlurb = await blurbHtml(gdov[0]!);

    await setRules([rule('warning', GDOV, 'collapse')]);
    await expect.poll(async () => sorted((await listingState(page)).invisible), POLL).toEqual(sorted(gdov));
    expect((await listingState(page)).placeholders).toHaveLength(gdov.length);

    await setRules([]);
    await expect.poll(async () => (await listingState(page)).placeholders.length, POLL).toBe(0);
    expect(sorted((await listingState(page)).visible)).toEqual(sorted(allIds));
    expect(await blurbHtml(gdov[0]!)).toBe(originalBlurb);
    expect(await listHtml()).toBe(originalList);
    expect((await listingState(page)).summary).toBeNull();

    // Pausing filtering shows everything; resuming filters again.
    await setRules([rule('warning', GDOV, 'collapse')]);
    await expect.poll(async () => (await listingState(page)).placeholders.length, POLL).toBe(gdov.length);
    await setPaused(true);
    await expect.poll(async () => sorted((await listingState(page)).visible), POLL).toEqual(sorted(allIds));
    expect((await listingState(page)).placeholders).toEqual([]);
    expect(await listHtml()).toBe(originalList);
    await setPaused(false);
    await expect.poll(async () => sorted((await listingState(page)).invisible), POLL).toEqual(sorted(gdov));
  });

  test("the reader's own works are never filtered", async () => {
    const own = gdov[0]!;
    // Test-made variant of the fixture: AO3 marks the reader's own works with class "own"; this copy
    // adds it to one blurb that the rule would otherwise collapse. Served for this page only.
    const original = readFixture(LISTING).toString('utf8');
    const pattern = new RegExp(`(<li id="${own}" class=")([^"]*)"`);
    expect(original).toMatch(pattern);
    const variant = original.replace(pattern, '$1$2 own"');
    const url = FIXTURE_URLS[LISTING];
    await page.route(url, (route) =>
      route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: variant }),
    );
    try {
      await setRules([rule('warning', GDOV, 'collapse')]);
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      expect(await page.evaluate((id) => document.getElementById(id)!.classList.contains('own'), own)).toBe(true);
      await expect.poll(async () => (await listingState(page)).placeholders.length, POLL).toBe(gdov.length - 1);
      const state = await settledListing(page);
      expect(state.visible).toContain(own);
      expect(state.placeholders.map((p) => p.blurb)).not.toContain(own);
      expect(sorted(state.invisible)).toEqual(sorted(without(gdov, [own])));
    } finally {
      await page.unroute(url);
    }
  });
});

describe('Chromium: the shield on a work page', () => {
  async function shieldState(p: Page) {
    return p.evaluate((text) => {
      const shown = (el: Element | null) =>
        !!el && getComputedStyle(el).visibility !== 'hidden' && el.getClientRects().length > 0;
      const shield = document.querySelector('[data-lamplight-shield]');
      return {
        shield: shown(shield) ? (shield!.textContent ?? '') : null,
        story: shown(document.getElementById('workskin')),
        storyTextShown: document.body.innerText.includes(text),
      };
    }, WORK_TEXT);
  }

  test('a matching work is shielded; "Show anyway" reveals it; "Always show this work" allows it for good', async () => {
    await setRules([rule('warning', MCD, 'collapse')]);
    await openFixture(page, WORK);
    await expect.poll(async () => (await shieldState(page)).shield, POLL).toContain(MCD);
    expect(await shieldState(page)).toMatchObject({ story: false, storyTextShown: false });
    const shield = page.locator('[data-lamplight-shield]');

    await shield.getByRole('button', { name: 'Show anyway', exact: true }).click();
    await expect.poll(async () => shieldState(page), POLL).toEqual({ shield: null, story: true, storyTextShown: true });
    expect(await page.locator('[data-lamplight-shield]').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('workskin'); // focus went to the story

    // "Show anyway" is for this visit only.
    await page.reload({ waitUntil: 'domcontentloaded' });
    await expect.poll(async () => (await shieldState(page)).shield, POLL).toContain(MCD);
    expect(await shieldState(page)).toMatchObject({ story: false, storyTextShown: false });

    await shield.getByRole('button', { name: 'Always show this work', exact: true }).click();
    await expect.poll(async () => (await shieldState(page)).story, POLL).toBe(true);
    await expect
      .poll(async () => (await storedRules()).filter((r) => r.action === 'allow').map(({ field, pattern, enabled }) => ({ field, pattern, enabled })), POLL)
      .toEqual([{ field: 'work', pattern: 'ao3:3738184', enabled: true }]);

    await page.reload({ waitUntil: 'domcontentloaded' });
    await page.waitForFunction((judged) => document.getElementById('workskin')?.hasAttribute(judged), JUDGED, { timeout: 10_000 });
    expect(await shieldState(page)).toEqual({ shield: null, story: true, storyTextShown: true });
  });
});

describe('Chromium: filtering made no requests', () => {
  test('nothing was requested but the fixture pages the tests opened (and their own assets, refused)', () => {
    expect(openedFixtures.length).toBeGreaterThan(0);
    expect(auditRequests(withInitiators(requestLog), openedFixtures)).toEqual([]);
  });
});
