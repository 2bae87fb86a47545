/**
 * Chromium: the built MV3 extension, fixture pages served at their real AO3 URLs.
 * One browser for the whole file; tests run in order and share it.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, openedFixtures, openFixture, requestLog, withInitiators, type ChromiumSession } from './chromium';
import { auditRequests, type FixtureFile } from './fixtures';

let session: ChromiumSession;
let page: Page;

beforeAll(async () => {
  session = await launchChromium();
  page = await session.context.newPage();
});

afterAll(async () => {
  await session?.close();
});

/**
 * The value of an attribute the content script writes on <html>: waits (up to 10 s) for it to
 * become `expected`, then returns whatever it is, so a failure shows the actual value (or null).
 */
async function htmlAttribute(p: Page, name: string, expected: string): Promise<string | null> {
  await p
    .waitForFunction(([n, v]) => document.documentElement.getAttribute(n!) === v, [name, expected], { timeout: 10_000 })
    .catch(() => {});
  return p.evaluate((n) => document.documentElement.getAttribute(n), name);
}

describe('Chromium', () => {
  test('the extension loads and its service worker starts', async () => {
    expect(session.extensionId).toMatch(/^[a-p]{32}$/);
    expect(session.serviceWorker.url()).toBe(`chrome-extension://${session.extensionId}/background.js`);
    // The worker is alive and running the extension's code, with the extension APIs.
    const manifest = await session.serviceWorker.evaluate(
      () => (globalThis as any).chrome.runtime.getManifest() as { name: string; manifest_version: number },
    );
    expect(manifest.name).toBe('Lamplight');
    expect(manifest.manifest_version).toBe(3);
  });

  test('the content script marks a work page as a work', async () => {
    await openFixture(page, 'ao3/work-oneshot-pseud-byline-923647.html');
    expect(await htmlAttribute(page, 'data-lamplight-page', 'work')).toBe('work');
  });

  test('the content script reads all 20 blurbs of a tag listing', async () => {
    await openFixture(page, 'ao3/listing-tag-works-worldbuilding.html');
    expect(await htmlAttribute(page, 'data-lamplight-page', 'listing')).toBe('listing');
    expect(await htmlAttribute(page, 'data-lamplight-blurbs', '20')).toBe('20');
  });

  test.each<[FixtureFile, string]>([
    ['ao3/work-restricted-login-required-15461226.html', 'restricted'],
    ['ao3/work-404-41237499.html', 'not-found'],
    ['ao3/work-navigate-chapter-index-43703871.html', 'chapter-index'],
    ['ao3/adult-interstitial-2022-38044144.html', 'adult-gate'],
  ])('the content script tells page kinds apart: %s is %s', async (fixture, kind) => {
    await openFixture(page, fixture);
    expect(await htmlAttribute(page, 'data-lamplight-page', kind)).toBe(kind);
  });

  test('the popup opens and shows the Lamplight heading', async () => {
    const popup = await session.context.newPage();
    const errors: string[] = [];
    popup.on('pageerror', (error) => errors.push(String(error)));
    try {
      await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
      const heading = popup.getByRole('heading', { name: 'Lamplight', exact: true });
      await heading.waitFor({ state: 'visible', timeout: 10_000 });
      expect(await heading.count()).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await popup.close();
    }
  });

  test('nothing was requested but the fixture pages the tests opened (and their own assets, refused)', () => {
    expect(openedFixtures.length).toBeGreaterThan(0);
    expect(auditRequests(withInitiators(requestLog), openedFixtures)).toEqual([]);
    // Every request that was not a fixture page was refused, not sent.
    expect(requestLog.filter((r) => r.outcome === 'fixture').map((r) => r.url).sort()).toEqual(
      [...new Set(openedFixtures.map((o) => o.url))].sort(),
    );
  });

  test('harness self-check: a stray request from the extension is refused and recorded', async () => {
    const before = requestLog.length;
    const result = await session.serviceWorker.evaluate(() =>
      fetch('https://example.com/lamplight-e2e-probe').then(
        () => 'sent',
        () => 'refused',
      ),
    );
    expect(result).toBe('refused');
    const logged = withInitiators(requestLog.slice(before));
    expect(logged).toMatchObject([{ url: 'https://example.com/lamplight-e2e-probe', outcome: 'aborted', initiator: 'service-worker' }]);
    expect(auditRequests(logged, [])).toEqual(["the extension (service-worker) requested https://example.com/lamplight-e2e-probe"]);
  });
});
