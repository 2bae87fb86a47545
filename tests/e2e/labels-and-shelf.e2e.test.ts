/**
 * Labels in plain words and a shelf that tells more (issue 16 friction 6 and 7), in Chromium: the
 * built extension's popup as a reader uses it. Rules are added through the popup's form; bookmarks
 * are seeded in storage (tests/e2e/labels-and-shelf-facts.ts) and reach the popup through the
 * background's shelf index.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { chromiumAudit, launchChromium, type ChromiumSession } from './chromium';
import { EXPECTED_ROWS, ROWS_BY_STATUS, seededBookmarks, shelfRowsInPage, WARNINGS_IN_ORDER, warningLabelsInPage } from './labels-and-shelf-facts';

const POLL = { timeout: 10_000, interval: 100 };

let session: ChromiumSession;
let popup: Page;

beforeAll(async () => {
  session = await launchChromium();
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
});

const stored = (key: string) => popup.evaluate(async (k) => (await (globalThis as any).chrome.storage.local.get(k))[k], key);
const filtersTab = () => popup.getByRole('tab', { name: 'Filters', exact: true }).click();
const addRuleForm = () => popup.getByRole('form', { name: 'Add a rule' });

describe('Chromium: rule labels in plain words (issue 16 friction 6)', () => {
  test('a tag rule added in the popup is named as a sentence', async () => {
    await filtersTab();
    const form = addRuleForm();
    await form.getByRole('combobox', { name: 'Field' }).selectOption('freeform');
    await form.getByRole('textbox', { name: 'Pattern' }).fill('Angst');
    await form.getByRole('combobox', { name: 'Action' }).selectOption('hide');
    await form.getByRole('button', { name: 'Add rule' }).click();
    await expect.poll(() => popup.locator('.rule-list .rule-name').allTextContents(), POLL).toEqual(['Additional tag is Angst']);
    expect(await popup.getByRole('switch', { name: 'Enable rule Additional tag is Angst', exact: true }).isChecked()).toBe(true);
    expect(await stored('filterRules')).toMatchObject([{ field: 'freeform', pattern: 'Angst', action: 'hide', enabled: true }]);
    const text = await popup.locator('.rule-list').textContent();
    expect(text).not.toContain('freeform');
    expect(text).not.toContain(':');
  });

  test('the archive warnings list the four real warnings before "No Archive Warnings Apply" and "Creator Chose Not To Use"', async () => {
    await filtersTab();
    await expect.poll(() => popup.evaluate(warningLabelsInPage), POLL).toEqual(WARNINGS_IN_ORDER);
  });

  test('the length rule says which works it hides, and is named by them', async () => {
    await filtersTab();
    const form = addRuleForm();
    await form.getByRole('combobox', { name: 'Field' }).selectOption({ label: 'Length in words' });
    await form.getByRole('combobox', { name: 'Action' }).selectOption('hide');
    await form.getByRole('textbox', { name: 'At most (words)' }).fill('1,000');
    await expect.poll(() => form.locator('.rule-effect').textContent(), POLL).toBe('Hides works of up to 1,000 words.');
    await form.getByRole('button', { name: 'Add rule' }).click();
    await expect.poll(() => popup.locator('.rule-list .rule-name').allTextContents(), POLL).toEqual(['Up to 1,000 words']);
    expect(await stored('filterRules')).toMatchObject([{ field: 'words', max: 1000, action: 'hide' }]);
  });
});

describe('Chromium: the shelf tells more (issue 16 friction 7)', () => {
  test('rows show the site, when last read and the progress; the status filter shows only matching rows', async () => {
    await popup.evaluate((items) => (globalThis as any).chrome.storage.local.set(items), seededBookmarks(Date.now()));
    await popup.reload();
    await expect.poll(() => popup.evaluate(shelfRowsInPage), POLL).toEqual(EXPECTED_ROWS);
    const show = popup.getByRole('combobox', { name: 'Show', exact: true });
    expect(await show.locator('option').allTextContents()).toEqual(['All', 'Reading', 'New chapters', 'Finished', 'Read later']);
    for (const [status, titles] of Object.entries(ROWS_BY_STATUS)) {
      await show.selectOption(status);
      await expect.poll(() => popup.locator('li.shelf-item .shelf-title').allTextContents(), POLL).toEqual(titles);
    }
    await show.selectOption('all');
    await expect.poll(() => popup.locator('li.shelf-item').count(), POLL).toBe(3);
  });
});

describe('Chromium: requests', () => {
  test('nothing was requested but the pages the tests opened', () => {
    expect(chromiumAudit()).toEqual([]);
  });
});
