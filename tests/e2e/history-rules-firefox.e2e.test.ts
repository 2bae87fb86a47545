/**
 * Rules on the reading history, and the dim action, in Firefox ESR (the MV2 build), as
 * tests/e2e/history-rules.e2e.test.ts does in Chromium: the history seeded in the extension's
 * storage (./history-rules-facts.ts says why), a "Works you have read" rule added in the popup's
 * form collapses the work read with its reason and no frame shows it or any blurb un-judged; the
 * work read, opened directly, is not held back; "dim started" fades the works started with a
 * readable line, which page CSS cannot undo.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { firefoxAudit, launchFirefox, newInterceptedPage, openFirefoxFixture, openPopup, poll, type FirefoxSession } from './firefox';
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
import { recordFrames, type RecordedFrame, type Recording } from './streamed-server';

const FORM = 'form[aria-label="Add a rule"]';
const control = (role: string, name: string) => `${FORM} ::-p-aria([name="${name}"][role="${role}"])`;

let session: FirefoxSession;
let page: Page;
/** The popup: its form adds rules; it also reads and writes the extension's storage. */
let popup: Page;

beforeAll(async () => {
  session = await launchFirefox();
  popup = await session.browser.newPage();
  await openPopup(popup);
  await popup.evaluate((records) => (globalThis as any).browser.storage.local.set(records), seededRuleHistory(Date.now()));
  page = await newInterceptedPage(session.browser);
  await page.bringToFront();
  await page.evaluateOnNewDocument(recordFrames);
});

afterAll(async () => {
  await session?.close();
});

const facts = (): Promise<ListingFacts> => page.evaluate(listingFactsInPage);
const settled = () => poll(facts, (f) => f.settled);
const storedRules = () => popup.evaluate(async () => (await (globalThis as any).browser.storage.local.get('filterRules')).filterRules);

describe('Firefox ESR: rules on the reading history', () => {
  test('the popup adds "Works you have read" with Collapse, named as a sentence', async () => {
    await popup.click('::-p-aria([name="Filters"][role="tab"])');
    await popup.waitForSelector(`${FORM} select`, { visible: true, timeout: 10_000 });
    await popup.select(control('combobox', 'Field'), 'history');
    await popup.waitForSelector(control('combobox', 'Works'), { timeout: 10_000 });
    const hint = await popup.$eval(FORM, (form) => form.textContent ?? '');
    expect(hint).toContain('Applies in lists of works only');
    await popup.select(control('combobox', 'Works'), 'finished');
    await popup.select(control('combobox', 'Action'), 'collapse');
    await popup.click(control('button', 'Add rule'));
    const names = () => popup.$$eval('.rule-list .rule-name', (n) => n.map((e) => e.textContent ?? ''));
    expect(await poll(names, (n) => n.length > 0)).toEqual(['Works you have read']);
    expect(await storedRules()).toMatchObject([{ field: 'history', status: 'finished', action: 'collapse', enabled: true }]);
  });

  test('on the listing, the work already read is collapsed with its reason, and no frame showed it or any blurb un-judged', async () => {
    await openFirefoxFixture(page, LISTING);
    const state = await settled();
    expect(state.settled).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const recording = await page.evaluate(() => (window as unknown as { __lamplightStopRecording: () => Recording }).__lamplightStopRecording());
    const frames = recording.frames as RecordedFrame[];
    expect(state.placeholders).toHaveLength(1);
    expect(state.placeholders[0]!.blurb).toBe(READ_ID);
    expect(state.placeholders[0]!.text).toMatch(/^Filtered \(already read\): “-ANATA-/);
    expect(state.visible).not.toContain(READ_ID);
    expect(state.visible).toHaveLength(19);
    expect(frames.length).toBeGreaterThan(3);
    expect(frames.some((f) => f.present.includes(READ_ID))).toBe(true);
    expect(frames.filter((f) => f.visible.includes(READ_ID))).toEqual([]);
    expect(frames.filter((f) => f.visible.some((id) => f.unjudged.includes(id)))).toEqual([]);
  });

  test('a work read, opened directly, is not held back: history rules apply on listings only', async () => {
    await openFirefoxFixture(page, READ_WORK);
    await page.waitForFunction(() => document.querySelector('#workskin')?.hasAttribute('data-lamplight-judged'), { timeout: 15_000 });
    expect(await page.$('[data-lamplight-shield]')).toBeNull();
    const shown = await page.$eval('#workskin', (el) => getComputedStyle(el).visibility !== 'hidden' && el.getClientRects().length > 0);
    expect(shown).toBe(true);
  });

  test('"dim started" leaves the works started in place, faded, with a readable line saying why; focus brings one back', async () => {
    await popup.evaluate((items) => (globalThis as any).browser.storage.local.set(items), rulesOf({ status: 'started', action: 'dim' }));
    await openFirefoxFixture(page, LISTING);
    const state = await poll(facts, (f) => f.settled && f.notes.length === 2);
    expect(state.visible).toHaveLength(20);
    expect(state.placeholders).toEqual([]);
    expect(Object.keys(state.faded).sort()).toEqual([...STARTED_IDS].sort());
    for (const opacity of Object.values(state.faded)) expect(opacity).toBeLessThan(1);
    expect(state.notes.map((n) => n.blurb).sort()).toEqual([...STARTED_IDS].sort());
    for (const note of state.notes) {
      expect(note.text).toBe('Dimmed: started');
      expect(note.opacity).toBe(1);
    }
    await page.focus(`#${STARTED_IDS[0]} h4 a`);
    const back = await poll(facts, (f) => f.faded[STARTED_IDS[0]!] === undefined);
    expect(back.faded[STARTED_IDS[0]!]).toBeUndefined();
    expect(back.faded[STARTED_IDS[1]!]).toBeLessThan(1);
  });

  test('page CSS cannot undo the dim, and a mark the page forges fades nothing', async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.evaluate(pageUndoesDimInPage, READ_ID);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const state = await facts();
    expect(Object.keys(state.faded).sort()).toEqual([...STARTED_IDS].sort());
    expect(state.notes).toHaveLength(2);
  });

  test('nothing was fetched but the pages the test opened', () => {
    expect(firefoxAudit(session)).toEqual([]);
  });
});
