/**
 * The README's popup and filtered-listing screenshots, taken the way a reader gets there: two works
 * bookmarked with the page's Bookmark button, an archive warning ticked in the popup, then the
 * listing opened. Each shot is retaken on every run, so the README always shows the current build.
 */
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, openedFixtures, openFixture, requestLog, withInitiators, type ChromiumSession } from './chromium';
import { auditRequests, REPO_ROOT, type FixtureFile } from './fixtures';
import { blurbIdsWithWarning, MCD } from './filtering-facts';

const SCREENSHOTS = path.join(REPO_ROOT, 'docs', 'screenshots');
const LISTING: FixtureFile = 'ao3/listing-tag-works-worldbuilding.html';
const WORKS: FixtureFile[] = ['ao3/work-wip-14ch-chapter2-17793689.html', 'ao3/work-complete-6ch-chapter1-41289660.html'];
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

async function shoot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  await page.mouse.move(0, 0);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const file = path.join(SCREENSHOTS, name);
  await page.screenshot({ path: file, animations: 'disabled', caret: 'hide', ...options });
  expect(statSync(file).size).toBeGreaterThan(10 * 1024);
  expect(statSync(file).size).toBeLessThan(400 * 1024);
}

describe('Chromium: the README screenshots', () => {
  test('the popup, with two bookmarks and a warning filter', async () => {
    const page = await session.context.newPage();
    for (const work of WORKS) {
      await openFixture(page, work);
      const bookmark = page.getByRole('button', { name: 'Bookmark', exact: true });
      await bookmark.click();
      await expect.poll(() => bookmark.getAttribute('aria-pressed'), POLL).toBe('true');
    }
    await page.close();

    const setup = await openPopup();
    await setup.getByRole('checkbox', { name: MCD, exact: true }).check();
    await expect.poll(() => setup.getByRole('checkbox', { name: MCD, exact: true }).isChecked(), POLL).toBe(true);
    await setup.close();

    // Opened afresh, as a reader finds it the next time (no "will be collapsed" notice over the list).
    const popup = await openPopup();
    expect(await popup.getByRole('checkbox', { name: MCD, exact: true }).isChecked()).toBe(true);
    await expect.poll(() => popup.locator('li.shelf-item').count(), POLL).toBe(WORKS.length);
    expect(await popup.getByRole('button', { name: 'Resume', exact: true }).count()).toBe(WORKS.length);
    await shoot(popup, 'popup.png', { fullPage: true });
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
    expect(auditRequests(withInitiators(requestLog), openedFixtures)).toEqual([]);
  });
});
