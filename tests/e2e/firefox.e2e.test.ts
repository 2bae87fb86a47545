/**
 * Firefox ESR: the built MV2 extension installed over WebDriver BiDi, fixture pages served at their
 * real AO3 URLs by request interception. One browser for the whole file; tests run in order.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import {
  firefoxOpenedFixtures,
  firefoxRequestLog,
  GECKO_ID,
  launchFirefox,
  newInterceptedPage,
  openExtensionPage,
  openFirefoxFixture,
  type FirefoxSession,
} from './firefox';
import { auditRequests } from './fixtures';

let session: FirefoxSession;
let page: Page;

beforeAll(async () => {
  session = await launchFirefox();
  page = await newInterceptedPage(session.browser);
});

afterAll(async () => {
  await session?.close();
});

describe('Firefox ESR', () => {
  test('the extension installs and its popup shows the Lamplight heading', async () => {
    expect(session.addonId).toBe(GECKO_ID);
    const errors: string[] = [];
    const onError = (error: unknown) => errors.push(String(error));
    page.on('pageerror', onError);
    try {
      openExtensionPage(page, 'popup.html');
      const heading = await page.waitForSelector('::-p-aria([name="Lamplight"][role="heading"])', { timeout: 15_000 });
      expect(await heading?.evaluate((el) => el.textContent?.trim())).toBe('Lamplight');
      expect(errors).toEqual([]);
    } finally {
      page.off('pageerror', onError);
    }
  });

  test('the content script marks an intercepted AO3 work page as a work', async () => {
    await openFirefoxFixture(page, 'ao3/work-oneshot-pseud-byline-923647.html');
    expect(await page.title()).toContain('[Archive of Our Own]'); // the fixture, not an error page
    await page
      .waitForFunction(() => document.documentElement.getAttribute('data-lamplight-page') === 'work', { timeout: 10_000 })
      .catch(() => {}); // the assertion below reports what is there instead
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-lamplight-page'))).toBe('work');
  });

  test('nothing was requested but the fixture pages the tests opened, and nothing got past interception', () => {
    expect(firefoxOpenedFixtures.length).toBeGreaterThan(0);
    // Requests Firefox's interception does not see (content-script and background fetches, browser
    // housekeeping) go to the leak proxy instead, so it must have seen nothing.
    expect([
      ...auditRequests(firefoxRequestLog, firefoxOpenedFixtures),
      ...session.leakProxy.attempts.map((line) => `got past interception to the leak proxy: ${line}`),
    ]).toEqual([]);
  });

  test('harness self-check: a request from the extension background reaches the leak proxy and is refused', async () => {
    const before = session.leakProxy.attempts.length;
    const popup = await session.browser.newPage();
    try {
      openExtensionPage(popup, 'popup.html');
      await popup.waitForSelector('::-p-aria([name="Lamplight"][role="heading"])', { timeout: 15_000 });
      const result = await popup.evaluate(async () => {
        const api = (globalThis as any).browser;
        const background: Window = await api.runtime.getBackgroundPage();
        return background.fetch('https://example.com/lamplight-e2e-probe').then(
          () => 'sent',
          () => 'refused',
        );
      });
      expect(result).toBe('refused');
      expect(session.leakProxy.attempts.slice(before)).toEqual(['CONNECT example.com:443 HTTP/1.1']);
    } finally {
      await popup.close();
    }
  });
});
