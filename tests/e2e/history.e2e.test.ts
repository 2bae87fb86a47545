/**
 * The reading history in Chromium: the built extension on saved AO3 pages served at their real
 * URLs. Opening a chapter records it; reading to the end of a one-shot records it finished; a
 * listing marks the works read ("Read <date>", "Stopped at chapter 5 of 15", "2 new chapters since
 * you read"); paused in the options page, opening a work records nothing; AO3's History page adds
 * its works; the options page counts and forgets them.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, openedFixtures, openFixture, requestLog, withInitiators, type ChromiumSession } from './chromium';
import { auditRequests, FIXTURE_URLS } from './fixtures';
import {
  CH1,
  CH2,
  FORGOTTEN_WORK,
  key,
  LISTING,
  ONESHOT,
  PAUSED_WORK,
  READINGS,
  READINGS_WORKS,
  SEEDED_MARKERS,
  seededHistory,
  type StoredRecord,
} from './history-facts';

const POLL = { timeout: 15_000, interval: 100 };

let session: ChromiumSession;
let page: Page;

beforeAll(async () => {
  session = await launchChromium();
  page = await session.context.newPage();
});

afterAll(async () => {
  await session?.close();
});

const stored = (k: string): Promise<StoredRecord | undefined> =>
  session.serviceWorker.evaluate(async (name) => (await (globalThis as any).chrome.storage.local.get(name))[name], k);

const storedKeys = (): Promise<string[]> =>
  session.serviceWorker.evaluate(async () => Object.keys(await (globalThis as any).chrome.storage.local.get(null)));

async function openOptions(): Promise<Page> {
  const options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  await options.getByRole('heading', { name: 'Reading history' }).waitFor({ timeout: 10_000 });
  return options;
}

describe('Chromium: reading history', () => {
  test('opening a chapter records the work, its names and the chapter; the next chapter adds to it', async () => {
    await openFixture(page, CH1);
    await expect.poll(() => stored(key('17793689')), POLL).toBeDefined();
    const first = await stored(key('17793689'));
    const [version, title, creators, fandomIds, seen, posted, finished, , , visits] = first!;
    expect(version).toBe(1);
    expect(title.length).toBeGreaterThan(0);
    expect(creators.length).toBeGreaterThan(0);
    expect(fandomIds).toMatch(/^(?:[0-9a-z]{4})+$/);
    // Fandom names are stored once, under their id.
    const fandom = fandomIds.slice(0, 4);
    expect(typeof (await stored(`historyFandom:${fandom}`))).toBe('string');
    expect({ seen, posted, finished, visits }).toEqual({ seen: 1, posted: 14, finished: 0, visits: 1 });

    await openFixture(page, CH2);
    await expect.poll(async () => (await stored(key('17793689')))?.[4], POLL).toBe(2); // chapters 1..2
    expect((await stored(key('17793689')))?.[9]).toBe(1); // the same visit (within 30 minutes)
  });

  test('reading a one-shot to its end records it finished', async () => {
    await openFixture(page, ONESHOT);
    await expect.poll(async () => (await stored(key('323217')))?.[4], POLL).toBe(1);
    // The top of the page: the story's end is not reached yet.
    expect((await stored(key('323217')))?.[6]).toBe(0);
    // The End key: the end is jumped past (after it come the end notes and comments), still reached.
    await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }));
    await expect.poll(async () => (await stored(key('323217')))?.[6], POLL).toBe(1);
  });

  test('a listing marks the works read, quietly, and only those', async () => {
    const { records, day } = seededHistory(Date.now());
    await session.serviceWorker.evaluate((r) => (globalThis as any).chrome.storage.local.set(r), records);
    await openFixture(page, LISTING);
    const markers = page.locator('[data-lamplight-history-marker]');
    await expect.poll(() => markers.count(), POLL).toBe(3);
    for (const [id, text] of Object.entries(SEEDED_MARKERS)) {
      const marker = page.locator(`#work_${id} > [data-lamplight-history-marker]`);
      expect(await marker.textContent()).toMatch(text);
    }
    expect(await page.locator('#work_77859641 > [data-lamplight-history-marker]').textContent()).toContain(String(day));
  });

  test('in reader mode, the end is seen in the reader (the site\'s page is hidden)', async () => {
    // Forgotten first; the page before is the listing, so this is a new page load (not a same-page hash change).
    await session.serviceWorker.evaluate((k) => (globalThis as any).chrome.storage.local.remove(k), key('323217'));
    await openFixture(page, ONESHOT, `${FIXTURE_URLS[ONESHOT]}#lamplight-reader`);
    await page.waitForFunction(() => document.documentElement.getAttribute('data-lamplight-reader') === 'on', null, { timeout: 15_000 });
    await expect.poll(async () => (await stored(key('323217')))?.[4], POLL).toBe(1);
    expect((await stored(key('323217')))?.[6]).toBe(0);
    await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }));
    await expect.poll(async () => (await stored(key('323217')))?.[6], POLL).toBe(1);
  });

  test("the popup names the page's work in the history; Forget this work removes it and this page records it no more", async () => {
    await openFixture(page, FORGOTTEN_WORK);
    await expect.poll(async () => (await stored(key('37214506')))?.[4], POLL).toBe(1);
    // The popup acts on the active tab: the work, brought to the front before the popup reads it.
    const popup = await session.context.newPage();
    try {
      await page.bringToFront();
      await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
      const thisPage = popup.getByRole('region', { name: 'This page' });
      await expect.poll(() => thisPage.textContent(), POLL).toMatch(/Reading history: Stopped at chapter 1 of \d+/);
      await thisPage.getByRole('button', { name: 'Forget this work' }).click();
      await thisPage.getByRole('status').filter({ hasText: 'no longer in your reading history' }).waitFor({ timeout: 10_000 });
      expect(await stored(key('37214506'))).toBeUndefined();
      // Reading on to the chapter's end on this page would record it: forgotten, it does not.
      await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }));
      await page.waitForTimeout(2000);
      expect(await stored(key('37214506'))).toBeUndefined();
    } finally {
      await popup.close();
    }
  });

  test('paused in the options page, opening a work records nothing', async () => {
    const options = await openOptions();
    try {
      const pause = options.getByRole('switch', { name: 'Pause recording' });
      await pause.click();
      await expect.poll(() => pause.getAttribute('aria-checked'), POLL).toBe('true');
      await openFixture(page, PAUSED_WORK);
      await page.locator('[data-lamplight-bookmark-toggle]').first().waitFor({ timeout: 10_000 });
      await page.waitForTimeout(3000);
      expect(await stored(key('41289660'))).toBeUndefined();
      // AO3's History page adds nothing either.
      await openFixture(page, READINGS);
      await page.waitForTimeout(3000);
      expect((await storedKeys()).filter((k) => k.startsWith('history:ao3:7100000'))).toEqual([]);
      await pause.click();
      await expect.poll(() => pause.getAttribute('aria-checked'), POLL).toBe('false');
    } finally {
      await options.close();
    }
  });

  test("AO3's History page adds the works it lists, with AO3's own visits", async () => {
    await openFixture(page, READINGS);
    await expect
      .poll(async () => (await storedKeys()).filter((k) => k.startsWith('history:ao3:7100000')).sort(), POLL)
      .toEqual(READINGS_WORKS.map(key));
    const river = await stored(key('71000006'));
    // Never opened with Lamplight: no chapter seen, no visit of its own; AO3's visit (7 Jan 2019), once, update available and marked for later.
    expect(river?.slice(4, 7)).toEqual([0, 0, 0]);
    expect(river?.[9]).toBe(0);
    expect(river?.slice(10)).toEqual([Date.UTC(2019, 0, 7) / 86_400_000, 1, 3]);
    // AO3's page already says when it was visited: no marker repeats it.
    expect(await page.locator('[data-lamplight-history-marker]').count()).toBe(0);
  });

  test('the options page counts the works and forgets them all after asking', async () => {
    const options = await openOptions();
    try {
      const count = (await storedKeys()).filter((k) => k.startsWith('history:')).length;
      expect(count).toBeGreaterThan(5);
      await options.getByText(`${count} works recorded.`).waitFor({ timeout: 10_000 });
      await options.getByRole('button', { name: 'Forget everything' }).click();
      const confirm = options.getByRole('group', { name: 'Forget the reading history' });
      await confirm.getByRole('button', { name: 'Forget everything' }).click();
      await options.getByText(`Forgot ${count} works.`).waitFor({ timeout: 10_000 });
      expect((await storedKeys()).filter((k) => k.startsWith('history'))).toEqual(['historySettings', 'historySettings$']);
    } finally {
      await options.close();
    }
  });

  test('nothing was fetched: only the pages the tests opened (and their own assets, refused)', () => {
    expect(auditRequests(withInitiators(requestLog), openedFixtures)).toEqual([]);
  });
});
