/**
 * The README's filtered-listing screenshot, taken the way a reader gets there: an archive warning
 * ticked in the popup's Filters tab, then the listing opened. Retaken on every run, so the README
 * always shows the current build (the popup's own shot is tests/e2e/everyday.e2e.test.ts's).
 */
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumAudit, launchChromium, openFixture, type ChromiumSession } from './chromium';
import { REPO_ROOT, type FixtureFile } from './fixtures';
import { blurbIdsWithWarning, MCD } from './filtering-facts';

const SCREENSHOTS = path.join(REPO_ROOT, 'docs', 'screenshots');
const LISTING: FixtureFile = 'ao3/listing-tag-works-worldbuilding.html';
const POLL = { timeout: 10_000, interval: 100 };

let session: ChromiumSession;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  session = await launchChromium();
});

afterAll(async () => {
  await session?.close();
});

async function openPopup(): Promise<Page> {
  const popup = await session.context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
  await popup.getByRole('heading', { name: 'Lamplight', exact: true }).waitFor({ state: 'visible', timeout: 10_000 });
  return popup;
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const file = path.join(SCREENSHOTS, name);
  await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
  expect(statSync(file).size).toBeGreaterThan(10 * 1024);
  expect(statSync(file).size).toBeLessThan(400 * 1024);
}

describe('Chromium: the README screenshots', () => {
  test('a warning ticked in the popup’s Filters tab', async () => {
    const popup = await openPopup();
    await popup.getByRole('tab', { name: 'Filters', exact: true }).click();
    const warning = popup.getByRole('checkbox', { name: MCD, exact: true });
    await warning.check();
    await expect.poll(() => warning.isChecked(), POLL).toBe(true);
    await popup.close();
  });

  test('a listing with the filtered works collapsed to a short note with Show anyway', async () => {
    const listing = await session.context.newPage();
    await listing.setViewportSize({ width: 900, height: 560 });
    await openFixture(listing, LISTING);
    const filtered = blurbIdsWithWarning(LISTING, MCD);
    expect(filtered.length).toBeGreaterThan(0);
    const placeholders = listing.locator('[data-lamplight-placeholder]');
    await expect.poll(() => placeholders.count(), POLL).toBe(filtered.length);
    await expect.poll(async () => (await placeholders.first().textContent()) ?? '', POLL).toContain(MCD);
    expect(await placeholders.first().getByRole('button', { name: 'Show anyway' }).count()).toBe(1);

    // The first note a third of the way down the view, between the works around it.
    await placeholders.first().evaluate((note) => {
      window.scrollTo({ top: note.getBoundingClientRect().top + window.scrollY - innerHeight / 3, behavior: 'instant' });
    });
    await shoot(listing, 'listing-filtered.png');
    await listing.close();
  });

  test('nothing was fetched but the pages the tests opened', () => {
    expect(chromiumAudit()).toEqual([]);
  });
});
