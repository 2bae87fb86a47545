/**
 * Firefox ESR: the built MV2 extension installed over WebDriver BiDi, fixture pages served at their
 * real AO3 URLs by request interception. One browser for the whole file; tests run in order.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import {
  firefoxAudit,
  firefoxOpenedFixtures,
  firefoxRequestLog,
  GECKO_ID,
  launchFirefox,
  newInterceptedPage,
  openFirefoxFixture,
  type FirefoxSession,
  openPopup,
} from './firefox';

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
      const heading = await openPopup(page);
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
    // housekeeping) are in its HTTP log or reach the leak proxy: there must be none.
    expect(firefoxAudit(session)).toEqual([]);
  });

  test('harness self-check: a request from the extension background reaches the leak proxy and is refused', async () => {
    const before = session.leakProxy.attempts.length;
    const popup = await session.browser.newPage();
    try {
      await openPopup(popup);
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
      expect(firefoxAudit(session)).toEqual([
        'requested past interception (content script, extension or browser): https://example.com/lamplight-e2e-probe',
        'got past interception to the leak proxy: CONNECT example.com:443 HTTP/1.1',
      ]);
    } finally {
      await popup.close();
    }
  });

  test('harness self-check: a content script’s fetch to another host is reported, though Firefox refuses it before any connection', async () => {
    // A second, test-only add-on whose content script on AO3 fetches an outside host. Firefox fails
    // that fetch in the content process (CORS: no Origin for a content script's principal), so BiDi
    // interception and the leak proxy never see it; the HTTP log does.
    const dir = mkdtempSync(path.join(tmpdir(), 'lamplight-probe-addon-'));
    const probe = 'https://evil.example/lamplight-e2e-content-probe';
    writeFileSync(
      path.join(dir, 'manifest.json'),
      JSON.stringify({
        manifest_version: 2,
        name: 'Lamplight E2E content-script probe',
        version: '1.0',
        browser_specific_settings: { gecko: { id: 'content-probe@lamplight.invalid' } },
        content_scripts: [{ matches: ['https://archiveofourown.org/*'], js: ['probe.js'], run_at: 'document_idle' }],
      }),
    );
    writeFileSync(
      path.join(dir, 'probe.js'),
      `fetch(${JSON.stringify(probe)}).then(() => 'sent', (e) => String(e)).then((r) => document.documentElement.setAttribute('data-probe', r));`,
    );
    const id = await session.browser.installExtension(dir);
    try {
      await openFirefoxFixture(page, 'ao3/work-oneshot-pseud-byline-923647.html');
      await page.waitForFunction(() => document.documentElement.hasAttribute('data-probe'), { timeout: 10_000 });
      expect(await page.evaluate(() => document.documentElement.getAttribute('data-probe'))).toContain('NetworkError');
      await expect.poll(() => firefoxAudit(session), { timeout: 5_000 }).toContain(
        `requested past interception (content script, extension or browser): ${probe}`,
      );
      // What the audit had before the HTTP log: neither interception nor the proxy saw it.
      expect(firefoxRequestLog.map((r) => r.url)).not.toContain(probe);
      expect(session.leakProxy.attempts.filter((line) => line.includes('evil.example'))).toEqual([]);
    } finally {
      await session.browser.uninstallExtension(id);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
