/**
 * FanFiction.net in Chromium: the built extension on the real saved FFN story pages (tests/fixtures/ffn,
 * served at their real URLs by the harness) and on the HAND-WRITTEN listing tests/fixtures/ffn/
 * listing-handwritten.html (invented entries in FFN's listing markup; not a saved page), served here
 * at a community-page URL. Expected values come from the fixtures' HTML, never from the adapter.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumAudit, launchChromium, openFixture, requestLog, withInitiators, type ChromiumSession } from './chromium';
import { fixtureBytes } from '../support/fixtures';
import { FIXTURE_URLS } from './fixtures';

const CH1 = 'ffn/ambtus-counting-ch1.html' as const;
const OLD_LAYOUT = 'ffn/stuck-sga-ch1-old-layout.html' as const;
const CH2_URL = FIXTURE_URLS['ffn/ambtus-counting-ch2.html'];

/** The hand-written listing (a community page; its six entries are listed in its top comment). */
const LISTING_URL = 'https://www.fanfiction.net/community/Lamplight-Test-Shelf/123456/';
/** Entry 4 of the listing: "Crossover - Harry Potter & Naruto … - Harry P., Naruto U.", the only one with Naruto U. */
const NARUTO_STORY = '13000004';
const ALL_STORIES = ['13000001', '13000002', '13000003', '13000004', '13000005', '13000006'];

let session: ChromiumSession;
let page: Page;
/** An extension page (popup.html), kept open to write the extension's storage. */
let extensionPage: Page;

async function htmlAttribute(p: Page, name: string, expected: string): Promise<string | null> {
  await p
    .waitForFunction(([n, v]) => document.documentElement.getAttribute(n!) === v, [name, expected], { timeout: 10_000 })
    .catch(() => {});
  return p.evaluate((n) => document.documentElement.getAttribute(n), name);
}

beforeAll(async () => {
  session = await launchChromium();
  // Registered after the harness's catch-all route, so it answers first for this one URL.
  const listing = fixtureBytes('ffn/listing-handwritten.html');
  await session.context.route(LISTING_URL, (route) =>
    route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: listing }),
  );
  page = await session.context.newPage();
  extensionPage = await session.context.newPage();
  await extensionPage.goto(`chrome-extension://${session.extensionId}/popup.html`);
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

describe('Chromium: FanFiction.net story pages', () => {
  test('a story page is a work, and so is a page in FFN\'s older layout', async () => {
    await openFixture(page, CH1);
    expect(await htmlAttribute(page, 'data-lamplight-page', 'work')).toBe('work');
    await openFixture(page, OLD_LAYOUT);
    expect(await htmlAttribute(page, 'data-lamplight-page', 'work')).toBe('work');
  });

  test('Reader mode sits in the story header, turns the reader on, and Next chapter keeps it on', async () => {
    await openFixture(page, CH1);
    const toggle = page.getByRole('button', { name: 'Reader mode', exact: true });
    await toggle.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await page.locator('#profile_top button[data-lamplight-reader-toggle]').count()).toBe(1);
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');

    await toggle.click();
    expect(await htmlAttribute(page, 'data-lamplight-reader', 'on')).toBe('on');
    const reader = page.getByRole('region', { name: 'Reader' });
    await expect.poll(() => reader.getByRole('heading', { level: 2 }).first().textContent()).toBe('Chapter 1: Skipping Stones');
    // The site's own story text is hidden, not merely covered.
    expect(await page.locator('#storytext').isVisible()).toBe(false);
    expect(await reader.getByText('He stood gazing out over the lake for a long time.').isVisible()).toBe(true);

    await reader.getByRole('button', { name: 'Next chapter' }).click();
    await page.waitForURL((url) => url.pathname === new URL(CH2_URL).pathname, { timeout: 10_000 });
    expect(await htmlAttribute(page, 'data-lamplight-reader', 'on')).toBe('on');
    const next = page.getByRole('region', { name: 'Reader' });
    await expect.poll(() => next.getByRole('heading', { level: 2 }).first().textContent()).toBe('Chapter 2: The Flower');
    expect(await next.getByText('Into his future.').isVisible()).toBe(true);
    expect(await next.getByRole('button', { name: 'Previous chapter' }).isVisible()).toBe(true);
    expect(await next.getByRole('button', { name: 'Next chapter' }).isVisible()).toBe(false);
  });
});

describe('Chromium: filtering an FFN listing (hand-written fixture)', () => {
  test('a character rule collapses the one entry with that character, saying why; the rest stay', async () => {
    await extensionPage.evaluate(
      (items) => (globalThis as any).chrome.storage.local.set(items),
      {
        filterRules: [{ id: 'e2e-ffn-1', field: 'character', pattern: 'Naruto U.', action: 'collapse', enabled: true }],
        'filterRules$': { v: 1 },
      },
    );
    const response = await page.goto(LISTING_URL, { waitUntil: 'domcontentloaded' });
    expect(response?.status()).toBe(200);
    expect(await htmlAttribute(page, 'data-lamplight-page', 'listing')).toBe('listing');
    expect(await htmlAttribute(page, 'data-lamplight-blurbs', '6')).toBe('6');

    const state = () =>
      page.evaluate(() => {
        const storyOf = (el: Element | null) => /\/s\/(\d+)\//.exec(el?.querySelector('a.stitle')?.getAttribute('href') ?? '')?.[1] ?? null;
        const entries = Array.from(document.querySelectorAll('div.z-list'));
        const shown = (el: Element) => getComputedStyle(el).visibility !== 'hidden' && el.getClientRects().length > 0;
        return {
          placeholders: Array.from(document.querySelectorAll('[data-lamplight-placeholder]')).map((el) => ({
            text: (el.textContent ?? '').trim(),
            story: storyOf(el.nextElementSibling),
          })),
          visible: entries.filter(shown).map(storyOf),
          judged: entries.every((el) => el.hasAttribute('data-lamplight-judged')),
        };
      });

    await expect.poll(async () => (await state()).placeholders, { timeout: 10_000 }).toEqual([
      { text: 'Filtered (character: Naruto U.): “Leaf and Wand” by Kitsune Scribe Show anyway', story: NARUTO_STORY },
    ]);
    await expect.poll(async () => (await state()).judged, { timeout: 10_000 }).toBe(true);
    expect((await state()).visible).toEqual(ALL_STORIES.filter((id) => id !== NARUTO_STORY));

    await page.getByRole('button', { name: 'Show anyway', exact: true }).click();
    await expect.poll(async () => (await state()).visible, { timeout: 10_000 }).toEqual(ALL_STORIES);
  });
});

describe('Chromium: FFN requests', () => {
  test('nothing was requested but the pages the tests opened and the chapter page the reader went to', () => {
    const fromExtension = withInitiators(requestLog).filter((r) => r.initiator === 'extension' || r.initiator === 'service-worker');
    // "Next chapter" is the reader navigating (location.assign from the content script): that is the only one.
    expect(fromExtension.map((r) => [r.url, r.outcome])).toEqual([[CH2_URL, 'fixture']]);
    // Beyond that one navigation, only the fixtures opened and their own assets (refused). The
    // hand-written listing is answered by this file's own route, so it is not in the log at all.
    expect(chromiumAudit(withInitiators(requestLog).filter((r) => r.url !== CH2_URL))).toEqual([]);
  });
});
