/**
 * Tag synonyms in Firefox ESR (the MV2 build), as tests/e2e/synonyms.e2e.test.ts does in Chromium:
 * a tag rule made on the options page requests nothing; Find synonyms on AO3 asks for the optional
 * permission and reads the tag's page once; the names are added; the rule lists them; a blurb tagged
 * only with a synonym is now filtered.
 *
 * The permission: the click's own `permissions.request` runs as in a reader's browser; the pref
 * `extensions.webextOptionalPermissionPrompts: false` (Firefox's own switch for automation) has
 * Firefox answer it "Allow" instead of showing its doorhanger, which puppeteer cannot click.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  FIREFOX_EXTENSION_DIR,
  firefoxAudit,
  firefoxRequestLog,
  launchFirefox,
  newInterceptedPage,
  openExtensionPageAndWait,
  openFirefoxFixture,
  poll,
  type FirefoxSession,
} from './firefox';
import { BY_NAME, BY_SYNONYM_ONLY, LISTING, OFFERED, sorted, TAG, TAG_PAGE_URL } from './synonyms-facts';

const FORM = '::-p-aria([name="Add a rule"][role="form"])';
const FIND = `::-p-aria([name="Find synonyms of ${TAG} on AO3"][role="button"])`;
const control = (role: string, name: string) => `${FORM} ::-p-aria([name="${name}"][role="${role}"])`;

let session: FirefoxSession;
let options: Page;

beforeAll(async () => {
  session = await launchFirefox(undefined, { 'extensions.webextOptionalPermissionPrompts': false });
  // Intercepted like the fixture tabs, so the options page's one fetch is answered with the fixture.
  options = await newInterceptedPage(session.browser);
  await openExtensionPageAndWait(options, 'options.html', FORM);
});

afterAll(async () => {
  await session?.close();
});

const allowed = (): Promise<boolean> =>
  options.evaluate(() => (globalThis as any).browser.permissions.contains({ origins: ['https://archiveofourown.org/*'] }));

const toAo3 = () => [
  ...firefoxRequestLog.filter((r) => new URL(r.url).host === 'archiveofourown.org' && !r.url.includes('/works')),
  ...session.httpChannels().filter((url) => url.includes('/tags/Slow')),
];

async function placeholders(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('[data-lamplight-placeholder]'))
      .map((el) => el.nextElementSibling?.id ?? '')
      .sort(),
  );
}

async function listingPlaceholders(expected: string[]): Promise<string[]> {
  const page = await newInterceptedPage(session.browser);
  try {
    await openFirefoxFixture(page, LISTING);
    return await poll(() => placeholders(page), (ids) => JSON.stringify(ids) === JSON.stringify(expected));
  } finally {
    await page.close();
  }
}

describe('Firefox ESR: tag synonyms', () => {
  test('the build asks for archiveofourown.org only as an optional permission', () => {
    const manifest = JSON.parse(readFileSync(path.join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.optional_permissions).toEqual(['https://archiveofourown.org/*']);
    expect(manifest.permissions).toEqual(['storage', 'contextMenus']);
  });

  test('making a tag rule on the options page requests nothing', async () => {
    await options.select(control('combobox', 'Field'), 'freeform');
    await options.type(control('textbox', 'Pattern'), TAG);
    await options.select(control('combobox', 'Action'), 'collapse');
    await options.click(control('button', 'Add rule'));
    await options.waitForSelector(FIND, { timeout: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(toAo3()).toEqual([]);
  });

  test('the listing collapses the blurbs with the tag itself, not those with a synonym only', async () => {
    expect(BY_SYNONYM_ONLY).toHaveLength(2);
    expect(await listingPlaceholders(sorted(BY_NAME))).toEqual(sorted(BY_NAME));
  });

  test('one click: exactly one request, to the tag’s page; the names appear; adding them shows them on the rule', async () => {
    expect(await allowed()).toBe(false);
    const before = firefoxRequestLog.length;
    await options.click(FIND);
    const group = await options.waitForSelector('::-p-aria([name="Names to add"][role="group"])', { timeout: 15_000 });
    expect(firefoxRequestLog.slice(before)).toEqual([{ url: TAG_PAGE_URL, method: 'GET', outcome: 'fixture' }]);
    expect(await allowed()).toBe(true); // granted by the click's own request
    expect(await group!.$$eval('label', (labels) => labels.map((l) => l.textContent!.trim()))).toEqual(OFFERED);
    await options.click('::-p-aria([name="Add chosen names"][role="button"])');
    const covers = await poll(
      () => options.$$eval('.rule-covers', (els) => els.map((el) => el.textContent)),
      (texts) => texts.length > 0,
    );
    expect(covers).toEqual([`also covers: ${OFFERED.join(', ')}`]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(firefoxRequestLog.length).toBe(before + 1);
  });

  test('a listing blurb tagged only with a synonym is now filtered', async () => {
    const all = sorted([...BY_NAME, ...BY_SYNONYM_ONLY]);
    expect(await listingPlaceholders(all)).toEqual(all);
  });

  test('nothing else was fetched: the one tag page on the reader’s click, and the pages the tests opened', () => {
    expect(firefoxRequestLog.filter((r) => r.url === TAG_PAGE_URL)).toHaveLength(1);
    const problems = firefoxAudit(session);
    expect(problems).toEqual([`fixture page requested but never opened by a test: ${TAG_PAGE_URL}`]);
  });
});
