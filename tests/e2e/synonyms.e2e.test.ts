/**
 * Tag synonyms in Chromium: on the options page a tag rule is made and nothing is requested; Find
 * synonyms on AO3 asks for the optional permission to archiveofourown.org (granted, see below) and
 * reads that tag's page once (the hand-written fixture served at its real URL); the reader adds
 * the names found; the rule lists them; a listing blurb tagged only with a synonym is now filtered.
 *
 * The permission: Chromium's prompt for it is browser UI that Playwright cannot answer (the click's
 * `permissions.request` then waits forever). So before the click the test grants that one origin the
 * way a reader can on chrome://extensions (site access, `developerPrivate.addHostPermission`, the
 * API behind that page); the click then runs the real code path: the handler's own
 * `permissions.request`, answered at once because it is granted, then the one fetch and the parsing.
 * The refused and failure paths are covered by tests/unit/ui/synonyms-lookup.test.ts.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CHROME_EXTENSION_DIR, launchChromium, openedFixtures, openFixture, requestLog, withInitiators, type ChromiumSession } from './chromium';
import { auditRequests } from './fixtures';
import { BY_NAME, BY_SYNONYM_ONLY, LISTING, OFFERED, sorted, TAG, TAG_PAGE_URL } from './synonyms-facts';

const POLL = { timeout: 15_000, interval: 100 };

let session: ChromiumSession;
let options: Page;

beforeAll(async () => {
  session = await launchChromium();
  options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  await options.getByRole('heading', { name: 'Filters' }).first().waitFor({ timeout: 10_000 });
});

/** Grants the optional origin as chrome://extensions' site access does (see the file's comment). */
async function allowAo3OnExtensionsPage(): Promise<void> {
  const page = await session.context.newPage();
  try {
    await page.goto('chrome://extensions');
    await page.evaluate(
      (id) => (globalThis as any).chrome.developerPrivate.addHostPermission(id, 'https://archiveofourown.org/*'),
      session.extensionId,
    );
  } finally {
    await page.close();
  }
}

afterAll(async () => {
  await session?.close();
});

const toAo3 = () => withInitiators(requestLog).filter((r) => new URL(r.url).host === 'archiveofourown.org');

async function placeholders(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('[data-lamplight-placeholder]'))
      .map((el) => el.nextElementSibling?.id ?? '')
      .sort(),
  );
}

describe('Chromium: tag synonyms', () => {
  test('the build asks for archiveofourown.org only as an optional host permission', () => {
    const manifest = JSON.parse(readFileSync(path.join(CHROME_EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.optional_host_permissions).toEqual(['https://archiveofourown.org/*']);
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.permissions).toEqual(['storage', 'contextMenus']);
  });

  test('making a tag rule on the options page requests nothing', async () => {
    const form = options.getByRole('form', { name: 'Add a rule' });
    await form.getByRole('combobox', { name: 'Field' }).selectOption('freeform');
    await form.getByRole('textbox', { name: 'Pattern' }).fill(TAG);
    await form.getByRole('combobox', { name: 'Action' }).selectOption('collapse');
    await form.getByRole('button', { name: 'Add rule' }).click();
    await options.getByRole('button', { name: `Find synonyms of ${TAG} on AO3` }).waitFor({ timeout: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(toAo3()).toEqual([]);
  });

  test('the listing collapses the blurbs with the tag itself, not those with a synonym only', async () => {
    expect(BY_NAME).toHaveLength(5);
    expect(BY_SYNONYM_ONLY).toHaveLength(2);
    const page = await session.context.newPage();
    await openFixture(page, LISTING);
    await expect.poll(() => placeholders(page), POLL).toEqual(sorted(BY_NAME));
    await page.close();
  });

  test('one click: exactly one request, to the tag’s page; the names appear; adding them shows them on the rule', async () => {
    const allowed = () =>
      options.evaluate(() => (globalThis as any).chrome.permissions.contains({ origins: ['https://archiveofourown.org/*'] }));
    expect(await allowed()).toBe(false);
    await allowAo3OnExtensionsPage();
    expect(toAo3().filter((r) => r.initiator === 'extension')).toEqual([]);
    const before = requestLog.length;
    await options.getByRole('button', { name: `Find synonyms of ${TAG} on AO3` }).click();
    const found = options.getByRole('group', { name: 'Names to add' });
    await found.waitFor({ timeout: 15_000 });
    const requests = withInitiators(requestLog.slice(before));
    expect(requests.map((r) => [r.url, r.method, r.outcome, r.initiator])).toEqual([[TAG_PAGE_URL, 'GET', 'fixture', 'extension']]);
    const boxes = found.getByRole('checkbox');
    expect(await boxes.evaluateAll((els) => els.map((el) => el.parentElement!.textContent!.trim()))).toEqual(OFFERED);
    await options.getByRole('button', { name: 'Add chosen names' }).click();
    await options.getByText(`also covers: ${OFFERED.join(', ')}`, { exact: true }).waitFor({ timeout: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(requestLog.length).toBe(before + 1);
  });

  test('a listing blurb tagged only with a synonym is now filtered, with the rule’s reason', async () => {
    const page = await session.context.newPage();
    await openFixture(page, LISTING);
    await expect.poll(() => placeholders(page), POLL).toEqual(sorted([...BY_NAME, ...BY_SYNONYM_ONLY]));
    for (const id of BY_SYNONYM_ONLY) {
      await expect(page.locator(`[data-lamplight-placeholder]:has(+ #${id})`).textContent()).resolves.toContain(TAG);
    }
    await page.close();
  });

  test('nothing else was fetched: the one tag page on the reader’s click, and the pages the tests opened', () => {
    const log = withInitiators(requestLog);
    expect(toAo3().filter((r) => r.initiator === 'extension').map((r) => r.url)).toEqual([TAG_PAGE_URL]);
    expect(auditRequests(log, openedFixtures)).toEqual([`the extension (extension) requested ${TAG_PAGE_URL}`]);
  });
});
