/**
 * Managing filters as a reader does: through the popup while a listing is open in another tab,
 * and with the "Hide this work" action on a blurb. Expected blurbs come from the raw fixture HTML
 * (./filtering-facts.ts), never from the extension's own reading of the page.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumAudit, launchChromium, openFixture, type ChromiumSession } from './chromium';
import type { FixtureFile } from './fixtures';
import { blurbIdsWithWarning, fixtureBlurbs, MCD } from './filtering-facts';

const LISTING: FixtureFile = 'ao3/listing-tag-works-worldbuilding.html';
const POLL = { timeout: 10_000, interval: 100 };

let session: ChromiumSession;
let listing: Page;
let popup: Page;

const shownIds = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('li.work.blurb[id^="work_"]'))
      .filter((b) => getComputedStyle(b).visibility !== 'hidden' && b.getClientRects().length > 0)
      .map((b) => b.id)
      .sort(),
  );

const storedRules = (): Promise<{ field: string; pattern: string; action: string }[]> =>
  popup.evaluate(async () => ((await (globalThis as any).chrome.storage.local.get('filterRules')).filterRules ?? []));

const allIds = fixtureBlurbs(LISTING).map((b) => b.elementId).sort();

beforeAll(async () => {
  session = await launchChromium();
  listing = await session.context.newPage();
  popup = await session.context.newPage();
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
});

afterAll(async () => {
  await session?.close();
});

beforeEach(async () => {
  await popup.evaluate(async () => {
    const chrome = (globalThis as any).chrome;
    await Promise.all([chrome.storage.local.clear(), chrome.storage.sync.clear()]);
  });
  await popup.reload();
  // The popup opens on Reading; the filters are in its Filters tab.
  await popup.getByRole('tab', { name: 'Filters', exact: true }).click();
  await openFixture(listing, LISTING);
  await expect.poll(() => shownIds(listing), POLL).toEqual(allIds);
});

describe('Chromium: the popup and the page work together', () => {
  const mcd = blurbIdsWithWarning(LISTING, MCD);

  test('the listing has works with and without the warning used here', () => {
    expect(mcd.length).toBeGreaterThan(0);
    expect(mcd.length).toBeLessThan(allIds.length);
  });

  test('a warning toggle in the popup collapses those works in the open tab at once, and back', async () => {
    const toggle = popup.getByRole('checkbox', { name: MCD, exact: true });
    await toggle.check();
    await expect.poll(() => shownIds(listing), POLL).toEqual(allIds.filter((id) => !mcd.includes(id)));
    expect(await listing.locator('[data-lamplight-placeholder]').count()).toBe(mcd.length);
    await expect.poll(async () => (await listing.locator('[data-lamplight-placeholder]').first().textContent()) ?? '').toContain(MCD);

    // The toolbar badge counts the works filtered in that tab (tab URLs are not ours to read, so
    // every tab's badge is collected: only the listing's may show a number).
    const badges = () =>
      popup.evaluate(async () => {
        const chrome = (globalThis as any).chrome;
        const tabs: { id: number }[] = await chrome.tabs.query({});
        const texts: string[] = await Promise.all(tabs.map((tab) => chrome.action.getBadgeText({ tabId: tab.id })));
        return texts.filter((text) => text !== '');
      });
    await expect.poll(badges, POLL).toEqual([String(mcd.length)]);

    await toggle.uncheck();
    await expect.poll(() => shownIds(listing), POLL).toEqual(allIds);
    expect(await listing.locator('[data-lamplight-placeholder]').count()).toBe(0);
    await expect.poll(badges, POLL).toEqual([]);
  });

  test('Pause filtering in the popup shows everything; switching it back filters again', async () => {
    await popup.getByRole('checkbox', { name: MCD, exact: true }).check();
    await expect.poll(() => shownIds(listing), POLL).toEqual(allIds.filter((id) => !mcd.includes(id)));
    const pause = popup.getByRole('switch', { name: 'Pause filtering' });
    await pause.click();
    await expect.poll(() => shownIds(listing), POLL).toEqual(allIds);
    await pause.click();
    await expect.poll(() => shownIds(listing), POLL).toEqual(allIds.filter((id) => !mcd.includes(id)));
  });

  test('"Hide this work" on a blurb hides that one work for good and stores a rule for it', async () => {
    const target = allIds[3]!;
    const workId = target.replace('work_', '');
    const title = fixtureBlurbs(LISTING).find((b) => b.elementId === target)!.title;
    // Its name carries the work's title (Chrome once dropped it: "Hide this work: ").
    await listing.locator(`#${target}`).getByRole('button', { name: `Hide this work: ${title}`, exact: true }).click();
    await expect.poll(() => shownIds(listing), POLL).toEqual(allIds.filter((id) => id !== target));
    expect(await listing.locator(`#${target}`).getAttribute('data-lamplight-hidden')).not.toBeNull();
    expect(await listing.locator('[data-lamplight-placeholder]').count()).toBe(0);
    expect(await storedRules()).toEqual([expect.objectContaining({ field: 'work', pattern: `ao3:${workId}`, action: 'hide' })]);

    await listing.reload();
    await expect.poll(() => shownIds(listing), POLL).toEqual(allIds.filter((id) => id !== target));
  });
});

describe('Chromium: requests', () => {
  test('nothing was requested but the fixture pages the tests opened (and their own assets, refused)', () => {
    expect(chromiumAudit()).toEqual([]);
  });
});
