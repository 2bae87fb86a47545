/**
 * Rules on the reading history, and the dim action, in Chromium: the built extension on the saved
 * Worldbuilding listing served at its real URL, the history seeded in the extension's storage (no
 * listing fixture holds a work a work fixture shows; see ./history-rules-facts.ts). A rule added in
 * the popup's form collapses the work already read, its reason in the placeholder, and no frame
 * ever shows it (nor any blurb un-judged); a work read, opened directly, is not held back; "dim
 * started" fades the works started with a readable line saying why, which page CSS cannot undo.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, openedFixtures, openFixture, requestLog, withInitiators, type ChromiumSession } from './chromium';
import { auditRequests } from './fixtures';
import { LISTING } from './history-facts';
import {
  listingFactsInPage,
  pageUndoesDimInPage,
  READ_ID,
  READ_WORK,
  rulesOf,
  seededRuleHistory,
  STARTED_IDS,
  type ListingFacts,
} from './history-rules-facts';
import { recordFrames, stopRecording, type RecordedFrame } from './streamed-server';

const POLL = { timeout: 15_000, interval: 100 };

let session: ChromiumSession;
let page: Page;
let popup: Page;

beforeAll(async () => {
  session = await launchChromium();
  popup = await session.context.newPage();
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
  await popup.evaluate((records) => (globalThis as any).chrome.storage.local.set(records), seededRuleHistory(Date.now()));
  page = await session.context.newPage();
  await page.bringToFront(); // a background tab gets few animation frames
  await page.addInitScript(recordFrames);
});

afterAll(async () => {
  await session?.close();
});

const facts = (): Promise<ListingFacts> => page.evaluate(listingFactsInPage);
const settled = async (): Promise<ListingFacts> => {
  await expect.poll(async () => (await facts()).settled, POLL).toBe(true);
  return facts();
};
const storedRules = () => popup.evaluate(async () => (await (globalThis as any).chrome.storage.local.get('filterRules')).filterRules);
const blurbIds = (f: ListingFacts) => [...f.visible, ...f.placeholders.map((p) => p.blurb)];

describe('Chromium: rules on the reading history', () => {
  test('the popup adds "Works you have read" with Collapse, named as a sentence', async () => {
    await popup.getByRole('tab', { name: 'Filters', exact: true }).click();
    const form = popup.getByRole('form', { name: 'Add a rule' });
    await form.getByRole('combobox', { name: 'Field' }).selectOption({ label: 'Your reading history' });
    const works = form.getByRole('combobox', { name: 'Works' });
    expect(await works.getAttribute('aria-describedby')).toBeTruthy();
    expect(await form.getByText('Applies in lists of works only').isVisible()).toBe(true);
    await works.selectOption({ label: 'You have read (to the end)' });
    await form.getByRole('combobox', { name: 'Action' }).selectOption('collapse');
    await form.getByRole('button', { name: 'Add rule' }).click();
    await expect.poll(() => popup.locator('.rule-list .rule-name').allTextContents(), POLL).toEqual(['Works you have read']);
    expect(await storedRules()).toMatchObject([{ field: 'history', status: 'finished', action: 'collapse', enabled: true }]);
  });

  test('on the listing, the work already read is collapsed with its reason, and no frame showed it or any blurb un-judged', async () => {
    await openFixture(page, LISTING);
    const state = await settled();
    await page.waitForTimeout(300);
    const frames = (await stopRecording(page)).frames as RecordedFrame[];
    expect(state.placeholders).toHaveLength(1);
    expect(state.placeholders[0]!.blurb).toBe(READ_ID);
    expect(state.placeholders[0]!.text).toMatch(/^Filtered \(already read\): “-ANATA-/);
    expect(state.visible).not.toContain(READ_ID);
    expect(state.visible).toHaveLength(19);
    expect(state.notes).toEqual([]);
    // Every frame from before the first byte: the read work never painted, no blurb shown before it was judged.
    expect(frames.length).toBeGreaterThan(3);
    expect(frames.some((f) => f.present.includes(READ_ID))).toBe(true);
    expect(frames.filter((f) => f.visible.includes(READ_ID))).toEqual([]);
    expect(frames.filter((f) => f.visible.some((id) => f.unjudged.includes(id)))).toEqual([]);
  });

  test('a work read, opened directly, is not held back: history rules apply on listings only', async () => {
    await openFixture(page, READ_WORK);
    await page.locator('#workskin').waitFor({ state: 'visible', timeout: 15_000 });
    await page.waitForFunction(() => document.querySelector('#workskin')?.hasAttribute('data-lamplight-judged'), null, { timeout: 15_000 });
    expect(await page.locator('[data-lamplight-shield]').count()).toBe(0);
    expect(await page.locator('#workskin').isVisible()).toBe(true);
  });

  test('"dim started" leaves the works started in place, faded, with a readable line saying why; focus brings one back', async () => {
    await popup.evaluate((items) => (globalThis as any).chrome.storage.local.set(items), rulesOf({ status: 'started', action: 'dim' }));
    await openFixture(page, LISTING);
    const state = await settled();
    expect(state.visible).toHaveLength(20);
    expect(state.placeholders).toEqual([]);
    expect(Object.keys(state.faded).sort()).toEqual([...STARTED_IDS].sort());
    for (const opacity of Object.values(state.faded)) expect(opacity).toBeLessThan(1);
    expect(state.notes.map((n) => n.blurb).sort()).toEqual([...STARTED_IDS].sort());
    for (const note of state.notes) {
      expect(note.text).toBe('Dimmed: started');
      expect(note.opacity).toBe(1);
    }
    expect(await page.locator(`#${STARTED_IDS[0]} h4 a`).first().isVisible()).toBe(true);
    await page.locator(`#${STARTED_IDS[0]} h4 a`).first().focus();
    await expect.poll(async () => (await facts()).faded[STARTED_IDS[0]!], POLL).toBeUndefined();
    expect((await facts()).faded[STARTED_IDS[1]!]).toBeLessThan(1);
  });

  test('page CSS cannot undo the dim, and a mark the page forges fades nothing', async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.evaluate(pageUndoesDimInPage, READ_ID);
    await page.waitForTimeout(300);
    const state = await facts();
    expect(Object.keys(state.faded).sort()).toEqual([...STARTED_IDS].sort());
    expect(state.notes).toHaveLength(2);
    expect(blurbIds(state)).toHaveLength(20);
  });

  test('nothing was fetched: only the pages the tests opened (and their own assets, refused)', () => {
    expect(auditRequests(withInitiators(requestLog), openedFixtures)).toEqual([]);
  });
});
