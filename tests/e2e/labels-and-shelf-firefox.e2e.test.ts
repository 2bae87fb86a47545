/**
 * Labels in plain words and a shelf that tells more (issue 16 friction 6 and 7), in Firefox ESR (the
 * MV2 build): the popup as a reader uses it. Rules are added through the popup's form; bookmarks are
 * seeded in storage (tests/e2e/labels-and-shelf-facts.ts) and reach the popup through the background.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { firefoxAudit, launchFirefox, openExtensionPageAndWait, poll, type FirefoxSession } from './firefox';
import { EXPECTED_ROWS, ROWS_BY_STATUS, seededBookmarks, shelfRowsInPage, WARNINGS_IN_ORDER, warningLabelsInPage } from './labels-and-shelf-facts';

let session: FirefoxSession;
let popup: Page;

const FORM = 'form[aria-label="Add a rule"]';

beforeAll(async () => {
  session = await launchFirefox();
  popup = await session.browser.newPage();
  await openPopup();
});

afterAll(async () => {
  await session?.close();
});

beforeEach(async () => {
  await popup.evaluate(async () => {
    const api = (globalThis as any).browser;
    await Promise.all([api.storage.local.clear(), api.storage.sync.clear()]);
  });
  await openPopup();
});

/** A fresh popup document, so it reads storage afresh. */
async function openPopup(): Promise<void> {
  await popup.goto('about:blank');
  await openExtensionPageAndWait(popup, 'popup.html', '::-p-aria([name="Lamplight"][role="heading"])');
}

const stored = (key: string): Promise<unknown> =>
  popup.evaluate(async (k) => (await (globalThis as any).browser.storage.local.get(k))[k], key);
const ruleNames = () => popup.$$eval('.rule-list .rule-name', (names) => names.map((n) => n.textContent ?? ''));
const shelfTitles = () => popup.$$eval('li.shelf-item .shelf-title', (titles) => titles.map((t) => t.textContent ?? ''));

async function filtersTab(): Promise<void> {
  await popup.click('::-p-aria([name="Filters"][role="tab"])');
  await popup.waitForSelector(`${FORM} select`, { visible: true, timeout: 10_000 });
}

/** The add-rule form's controls by their accessible names. */
const control = (role: string, name: string) => `${FORM} ::-p-aria([name="${name}"][role="${role}"])`;

describe('Firefox ESR: rule labels in plain words (issue 16 friction 6)', () => {
  test('a tag rule added in the popup is named as a sentence', async () => {
    await filtersTab();
    await popup.select(control('combobox', 'Field'), 'freeform');
    await popup.type(control('textbox', 'Pattern'), 'Angst');
    await popup.select(control('combobox', 'Action'), 'hide');
    await popup.click(control('button', 'Add rule'));
    expect(await poll(ruleNames, (names) => names.length > 0)).toEqual(['Additional tag is Angst']);
    const enabled = await popup.$eval('::-p-aria([name="Enable rule Additional tag is Angst"][role="switch"])', (s) => s.getAttribute('aria-checked'));
    expect(enabled).toBe('true');
    expect(await stored('filterRules')).toMatchObject([{ field: 'freeform', pattern: 'Angst', action: 'hide', enabled: true }]);
    const text = await popup.$eval('.rule-list', (list) => list.textContent ?? '');
    expect(text).not.toContain('freeform');
    expect(text).not.toContain(':');
  });

  test('the archive warnings list the four real warnings before "No Archive Warnings Apply" and "Creator Chose Not To Use"', async () => {
    await filtersTab();
    expect(await poll(() => popup.evaluate(warningLabelsInPage), (labels) => labels.length === 6)).toEqual(WARNINGS_IN_ORDER);
  });

  test('the length rule says which works it hides, and is named by them', async () => {
    await filtersTab();
    await popup.select(control('combobox', 'Field'), 'words');
    const fieldText = await popup.$eval(`${FORM} select`, (s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent);
    expect(fieldText).toBe('Length in words');
    await popup.select(control('combobox', 'Action'), 'hide');
    await popup.type(control('textbox', 'At most (words)'), '1,000');
    const effect = () => popup.$eval(`${FORM} .rule-effect`, (p) => p.textContent ?? '');
    expect(await poll(effect, (text) => text.includes('1,000'))).toBe('Hides works of up to 1,000 words.');
    await popup.click(control('button', 'Add rule'));
    expect(await poll(ruleNames, (names) => names.length > 0)).toEqual(['Up to 1,000 words']);
    expect(await stored('filterRules')).toMatchObject([{ field: 'words', max: 1000, action: 'hide' }]);
  });
});

describe('Firefox ESR: the shelf tells more (issue 16 friction 7)', () => {
  test('rows show the site, when last read and the progress; the status filter shows only matching rows', async () => {
    await popup.evaluate((items) => (globalThis as any).browser.storage.local.set(items), seededBookmarks(Date.now()));
    await openPopup();
    expect(await poll(() => popup.evaluate(shelfRowsInPage), (rows) => rows.length === 3)).toEqual(EXPECTED_ROWS);
    const show = '.shelf-heading-row select';
    expect(await popup.$$eval(`${show} option`, (options) => options.map((o) => o.textContent))).toEqual([
      'All',
      'Reading',
      'New chapters',
      'Finished',
      'Read later',
    ]);
    expect(await popup.$eval('::-p-aria([name="Show"][role="combobox"])', (s) => s.closest('.shelf-heading-row') !== null)).toBe(true);
    for (const [status, titles] of Object.entries(ROWS_BY_STATUS)) {
      await popup.select(show, status);
      expect(await poll(shelfTitles, (shown) => shown.join() === titles.join())).toEqual(titles);
    }
    await popup.select(show, 'all');
    expect(await poll(shelfTitles, (shown) => shown.length === 3)).toHaveLength(3);
  });
});

describe('Firefox ESR: requests', () => {
  test('nothing was requested but the pages the tests opened, whatever asked', () => {
    expect(firefoxAudit(session)).toEqual([]);
  });
});
