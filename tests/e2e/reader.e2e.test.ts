/**
 * Reader mode in Chromium: the built extension on saved AO3 pages served at their real URLs.
 *
 * What the tests expect of the story is read from the fixture files in Node (happy-dom, scripts off),
 * never through the extension: the chapter's first and last paragraphs must show in the reader.
 * Controls are found by their accessible names (docs/ARCHITECTURE.md section 7); Playwright's CSS and text
 * locators pierce the reader's open shadow root.
 *
 * Also writes the README's screenshots (docs/screenshots/reader-light.png, reader-dark.png).
 */
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, openedFixtures, openFixture, requestLog, withInitiators, type ChromiumSession } from './chromium';
import { auditRequests, FIXTURE_URLS, normaliseUrl, readFixture, REPO_ROOT, type FixtureFile } from './fixtures';
import { DYSLEXIC_FAMILY_NAME, DYSLEXIC_LOADED, dyslexicFontState } from './reader-font';

const CH1: FixtureFile = 'ao3/work-wip-14ch-chapter1-17793689.html';
const CH2: FixtureFile = 'ao3/work-wip-14ch-chapter2-17793689.html';
const ADULT_GATE: FixtureFile = 'ao3/adult-interstitial-2022-38044144.html';
const LISTING: FixtureFile = 'ao3/listing-tag-works-worldbuilding.html';
const MARKER = '#lamplight-reader';
const SCREENSHOTS = path.join(REPO_ROOT, 'docs', 'screenshots');
const POLL = { timeout: 10_000, interval: 100 };

/** The light and dark palettes' page background (lib/reader/style.ts PALETTES), as computed styles report it. */
const LIGHT_BG = 'rgb(251, 250, 247)'; // #fbfaf7
const DARK_BG = 'rgb(28, 27, 25)'; // #1c1b19

let session: ChromiumSession;
let page: Page;

beforeAll(async () => {
  session = await launchChromium();
  page = await session.context.newPage();
});

afterAll(async () => {
  await session?.close();
});

// ---- The fixtures, read independently of the extension -----------------------------------------

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The first and last non-empty paragraphs of the chapter text (`#chapters div.userstuff`) in a fixture. */
async function storyEnds(file: FixtureFile): Promise<{ first: string; last: string; count: number }> {
  const win = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
    },
  });
  try {
    const html = readFixture(file).toString('utf8');
    const doc = new win.DOMParser().parseFromString(html, 'text/html');
    const containers = doc.querySelectorAll('#chapters div.userstuff');
    if (containers.length !== 1) throw new Error(`${file}: expected one chapter text, found ${containers.length}`);
    const paragraphs = Array.from(containers[0]!.querySelectorAll('p'))
      .map((p) => normalise(p.textContent ?? ''))
      .filter((text) => text.length > 0);
    if (paragraphs.length < 2) throw new Error(`${file}: too few paragraphs`);
    return { first: paragraphs[0]!, last: paragraphs.at(-1)!, count: paragraphs.length };
  } finally {
    await win.happyDOM.close();
  }
}

// ---- Helpers ------------------------------------------------------------------------------------

const host = (p: Page) => p.locator('#lamplight-reader-host');
/** The in-page toggle (on the site's page, outside the reader). */
const pageToggle = (p: Page) => p.locator('button[data-lamplight-reader-toggle]');
/** A story paragraph in the reader (inside its shadow root) with this text. */
const readerParagraph = (p: Page, text: string): Locator => host(p).locator('section.chapter .text p').filter({ hasText: text });

const readerAttribute = (p: Page) => p.evaluate(() => document.documentElement.getAttribute('data-lamplight-reader'));

async function waitForReader(p: Page, on: boolean): Promise<void> {
  await p
    .waitForFunction((want) => (document.documentElement.getAttribute('data-lamplight-reader') === 'on') === want, on, {
      timeout: 10_000,
    })
    .catch(() => {}); // the caller's assertion reports what is there
}

/** Everything the site's page is made of, for before/after comparisons. */
function pageSnapshot(p: Page) {
  return p.evaluate(() => ({
    body: document.body.outerHTML,
    head: document.head.outerHTML,
    htmlAttributes: Array.from(document.documentElement.attributes)
      .map((a) => `${a.name}=${a.value}`)
      .sort(),
    url: location.href,
    scroll: { x: window.scrollX, y: window.scrollY },
  }));
}

/** Style facts from inside the reader's shadow root. */
function readerStyle(p: Page) {
  return p.evaluate(() => {
    const root = document.getElementById('lamplight-reader-host')?.shadowRoot;
    const paragraph = root?.querySelector('section.chapter .text p');
    const reader = root?.querySelector('.reader');
    return {
      fontSize: paragraph ? getComputedStyle(paragraph).fontSize : null,
      background: reader ? getComputedStyle(reader).backgroundColor : null,
    };
  });
}

/** The text size and theme in the extension's synced storage. */
const storedLook = () =>
  session.serviceWorker.evaluate(async () => {
    const { readerSettings } = await (globalThis as any).chrome.storage.sync.get('readerSettings');
    return readerSettings ? { fontSize: readerSettings.fontSize, theme: readerSettings.theme } : null;
  });

/** Opens a work fixture and waits for the page's Reader mode button. */
async function openWork(p: Page, file: FixtureFile, url?: string): Promise<Locator> {
  // A fresh load even when only the fragment differs from the page already open.
  await p.goto('about:blank');
  await openFixture(p, file, url);
  const toggle = pageToggle(p);
  await toggle.waitFor({ state: 'attached', timeout: 10_000 });
  return toggle;
}

/**
 * The popup page, loaded the way the toolbar popup sees the world: in the work tab's window but not
 * its active tab, so `tabs.query({ active: true, currentWindow: true })` finds the work tab.
 * (A Playwright `newPage()` would itself become the active tab.)
 */
async function openPopupBeside(work: Page): Promise<Page> {
  await work.bringToFront();
  const tab = await workTab(work);
  expect(tab.active, 'the work tab is the active tab of its window').toBe(true);
  const opened = session.context.waitForEvent('page', { timeout: 10_000 });
  await session.serviceWorker.evaluate(async (windowId) => {
    const chrome = (globalThis as any).chrome;
    await chrome.tabs.create({ url: chrome.runtime.getURL('popup.html'), windowId, active: false });
  }, tab.windowId);
  const popup = await opened;
  await popup.waitForURL(/\/popup\.html$/, { timeout: 10_000 });
  await popup.getByRole('heading', { name: 'Lamplight', exact: true }).waitFor({ state: 'visible', timeout: 10_000 });
  // The premise: the work tab is still the active tab of its window.
  const stillActive = await session.serviceWorker.evaluate(
    async (id) => ((await (globalThis as any).chrome.tabs.get(id)) as { active: boolean }).active,
    tab.id,
  );
  expect(stillActive).toBe(true);
  return popup;
}

/**
 * The browser's tab for `p`. The extension has no "tabs" permission, so tab URLs are hidden from it:
 * the tab is the one whose Lamplight content script answers `page:status` (the only site page open).
 */
async function workTab(p: Page): Promise<{ id: number; windowId: number; active: boolean }> {
  const tabs = await session.serviceWorker.evaluate(async () => {
    const chrome = (globalThis as any).chrome;
    const all: { id: number; windowId: number; active: boolean }[] = await chrome.tabs.query({});
    const answering = [];
    for (const tab of all) {
      const status = await chrome.tabs.sendMessage(tab.id, { type: 'page:status' }).catch(() => null);
      if (status) answering.push({ id: tab.id, windowId: tab.windowId, active: tab.active });
    }
    return answering;
  });
  expect(tabs, `one tab with Lamplight's content script (${p.url()})`).toHaveLength(1);
  return tabs[0]!;
}

/** Records a page the reader navigated to (not opened by openFixture) for the request audit. */
const chapterNavigations: string[] = [];
function navigatedTo(file: FixtureFile): void {
  openedFixtures.push({ file, url: FIXTURE_URLS[file] });
  chapterNavigations.push(FIXTURE_URLS[file]);
}

// ---- Tests --------------------------------------------------------------------------------------

describe('Chromium: reader mode', () => {
  test('the in-page Reader mode button opens the reader over a hidden page; its own off switch restores the page exactly', async () => {
    const ends = await storyEnds(CH1);
    const toggle = await openWork(page, CH1);
    const siteNavigation = page.locator('ul.work.navigation.actions');
    expect(await siteNavigation.locator('button[data-lamplight-reader-toggle]').count()).toBe(1);
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await page.getByRole('button', { name: 'Reader mode', exact: true }).count()).toBe(1);
    expect(await page.locator('#header').isVisible()).toBe(true);
    // Let the other features settle (filters judge the work, the Bookmark button appears), then read the page mid-story.
    await page.locator('button[data-lamplight-bookmark-toggle]').waitFor({ state: 'attached', timeout: 10_000 });
    await page.waitForTimeout(300);
    await page.evaluate(() => window.scrollTo({ top: 2400, behavior: 'instant' }));
    const before = await pageSnapshot(page);
    expect(before.scroll.y).toBe(2400);

    // Keyboard: focus the toggle where it is (no scrolling) and press Enter.
    await toggle.evaluate((b: HTMLElement) => b.focus({ preventScroll: true }));
    await page.keyboard.press('Enter');
    await waitForReader(page, true);
    expect(await readerAttribute(page)).toBe('on');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(new URL(page.url()).hash).toBe(MARKER);

    // The story, first paragraph to last, is in the reader; the site's page is hidden, not covered.
    for (const text of [ends.first, ends.last]) {
      const paragraph = readerParagraph(page, text);
      expect(await paragraph.count(), text.slice(0, 60)).toBe(1);
      expect(await paragraph.isVisible(), text.slice(0, 60)).toBe(true);
    }
    expect(await page.locator('#header').isVisible()).toBe(false);
    expect(await page.locator('#chapters p').filter({ hasText: ends.first }).isVisible()).toBe(false);
    expect(await page.getByRole('region', { name: 'Reader' }).count()).toBe(1);

    // Focus moved into the reader.
    expect(
      await page.evaluate(() => {
        const active = document.activeElement;
        return { host: active?.id ?? null, inside: active?.shadowRoot?.activeElement?.className ?? null };
      }),
    ).toEqual({ host: 'lamplight-reader-host', inside: 'reader' });

    // Read a little in the reader, then leave with the reader's own off switch.
    await page.evaluate(() => window.scrollTo({ top: 900, behavior: 'instant' }));
    const off = host(page).getByRole('button', { name: 'Reader mode', exact: true });
    expect(await off.getAttribute('aria-pressed')).toBe('true');
    await off.click();
    await waitForReader(page, false);
    expect(await readerAttribute(page)).toBeNull();
    expect(await host(page).count()).toBe(0);
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await page.locator('#header').isVisible()).toBe(true);

    // The page is exactly as it was: markup, <html> attributes, URL and scroll position.
    const after = await pageSnapshot(page);
    expect(after.htmlAttributes).toEqual(before.htmlAttributes);
    expect(after.url).toBe(before.url);
    expect(after.scroll).toEqual(before.scroll);
    expect(after.head === before.head, 'document.head unchanged').toBe(true);
    expect(after.body === before.body, 'document.body unchanged').toBe(true);
    // Focus went back to the page's Reader mode button.
    expect(await toggle.evaluate((b) => b === document.activeElement)).toBe(true);
  });

  test('the popup’s Reader mode button turns the reader on and off in the active tab', async () => {
    const ends = await storyEnds(CH1);
    const toggle = await openWork(page, CH1);
    expect(await readerAttribute(page)).toBeNull();
    const popup = await openPopupBeside(page);
    try {
      const button = popup.getByRole('button', { name: 'Reader mode', exact: true });
      await button.waitFor({ state: 'visible', timeout: 10_000 });
      expect(await button.getAttribute('aria-pressed')).toBe('false');
      await button.click();
      await waitForReader(page, true);
      expect(await readerAttribute(page)).toBe('on');
      expect(await readerParagraph(page, ends.first).isVisible()).toBe(true);
      expect(await page.locator('#header').isVisible()).toBe(false);
      await expect.poll(() => button.getAttribute('aria-pressed'), POLL).toBe('true');
      expect(await toggle.getAttribute('aria-pressed')).toBe('true');

      await button.click();
      await waitForReader(page, false);
      expect(await readerAttribute(page)).toBeNull();
      expect(await host(page).count()).toBe(0);
      await expect.poll(() => button.getAttribute('aria-pressed'), POLL).toBe('false');
    } finally {
      await popup.close();
    }
  });

  test('Reader settings: text size and the dark theme change the reader’s computed style, and survive a reload', async () => {
    const toggle = await openWork(page, CH1);
    await toggle.click();
    await waitForReader(page, true);
    expect(await readerStyle(page)).toEqual({ fontSize: '19px', background: LIGHT_BG });

    const settingsButton = host(page).getByRole('button', { name: 'Reader settings', exact: true });
    expect(await settingsButton.getAttribute('aria-expanded')).toBe('false');
    await settingsButton.click();
    expect(await settingsButton.getAttribute('aria-expanded')).toBe('true');
    const panel = host(page).getByRole('dialog', { name: 'Reader settings' });
    await panel.waitFor({ state: 'visible', timeout: 5_000 });

    await panel.getByRole('slider', { name: 'Text size' }).fill('26');
    await panel.getByRole('radio', { name: 'Dark', exact: true }).check();
    await expect.poll(() => readerStyle(page), POLL).toEqual({ fontSize: '26px', background: DARK_BG });
    // The page around the reader follows the theme too (no light band past the reader's edge).
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(DARK_BG);

    // Reload straight away (the URL marker keeps reader mode on): the change, though still inside the
    // save debounce, is written as the page goes, and the reader comes back with it.
    expect(new URL(page.url()).hash).toBe(MARKER);
    await page.reload({ waitUntil: 'domcontentloaded' });
    await waitForReader(page, true);
    expect(await readerAttribute(page)).toBe('on');
    await expect.poll(() => readerStyle(page), POLL).toEqual({ fontSize: '26px', background: DARK_BG });
    expect(await storedLook()).toEqual({ fontSize: 26, theme: 'dark' });
    await host(page).getByRole('button', { name: 'Reader settings', exact: true }).click();
    const reloaded = host(page).getByRole('dialog', { name: 'Reader settings' });
    expect(await reloaded.getByRole('slider', { name: 'Text size' }).inputValue()).toBe('26');
    expect(await reloaded.getByRole('radio', { name: 'Dark', exact: true }).isChecked()).toBe(true);

    // Reset to defaults brings the default look back.
    await reloaded.getByRole('button', { name: 'Reset to defaults', exact: true }).click();
    await expect.poll(() => readerStyle(page), POLL).toEqual({ fontSize: '19px', background: LIGHT_BG });
    await expect.poll(storedLook, POLL).toEqual({ fontSize: 19, theme: 'auto' });
  });

  test('Next chapter goes to chapter 2 still in reader mode; the k key goes back to chapter 1', async () => {
    const one = await storyEnds(CH1);
    const two = await storyEnds(CH2);
    await openWork(page, CH1, FIXTURE_URLS[CH1] + MARKER);
    await waitForReader(page, true);
    expect(await readerAttribute(page)).toBe('on');
    const reader = page.getByRole('region', { name: 'Reader' });
    // Chapter 1 has no chapter before it.
    expect(await reader.getByRole('button', { name: 'Previous chapter', exact: true }).isVisible()).toBe(false);

    await reader.getByRole('button', { name: 'Next chapter', exact: true }).click();
    await page.waitForURL((url) => normaliseUrl(url.href) === FIXTURE_URLS[CH2], { timeout: 10_000 });
    navigatedTo(CH2);
    expect(new URL(page.url()).hash).toBe(MARKER);
    await waitForReader(page, true);
    expect(await readerAttribute(page)).toBe('on');
    await readerParagraph(page, two.first).waitFor({ state: 'visible', timeout: 10_000 });
    expect(await readerParagraph(page, two.first).isVisible()).toBe(true);
    expect(await readerParagraph(page, one.first).count()).toBe(0);
    expect(await page.locator('#header').isVisible()).toBe(false);
    const chapter2 = page.getByRole('region', { name: 'Reader' });
    expect(await chapter2.getByRole('button', { name: 'Previous chapter', exact: true }).isVisible()).toBe(true);
    expect(await chapter2.getByRole('button', { name: 'Next chapter', exact: true }).isVisible()).toBe(true);

    // Keyboard: the reader has focus on arrival, and k is "previous chapter".
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id ?? null), POLL)
      .toBe('lamplight-reader-host');
    await page.keyboard.press('k');
    await page.waitForURL((url) => normaliseUrl(url.href) === FIXTURE_URLS[CH1], { timeout: 10_000 });
    navigatedTo(CH1);
    await waitForReader(page, true);
    expect(await readerAttribute(page)).toBe('on');
    await readerParagraph(page, one.first).waitFor({ state: 'visible', timeout: 10_000 });
    expect(await readerParagraph(page, one.first).isVisible()).toBe(true);
  });

  test.each<[FixtureFile, string]>([
    ['ao3/work-restricted-login-required-15461226.html', 'restricted'],
    ['ao3/work-404-41237499.html', 'not-found'],
    ['ao3/listing-tag-works-worldbuilding.html', 'listing'],
    ['ao3/work-navigate-chapter-index-43703871.html', 'chapter-index'],
  ])('no Reader mode button on a page without a story: %s (%s)', async (file, kind) => {
    await openFixture(page, file);
    await page
      .waitForFunction((k) => document.documentElement.getAttribute('data-lamplight-page') === k, kind, { timeout: 10_000 })
      .catch(() => {});
    // The content script has run (it marks the page's kind right before it would add the button).
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-lamplight-page'))).toBe(kind);
    expect(await page.getByRole('button', { name: 'Reader mode', exact: true }).count()).toBe(0);
    expect(await pageToggle(page).count()).toBe(0);
  });

  test('the adult-content notice: no reader, not even from a marked URL or the popup; the popup says why', async () => {
    await openFixture(page, ADULT_GATE, FIXTURE_URLS[ADULT_GATE] + MARKER);
    await page
      .waitForFunction(() => document.documentElement.getAttribute('data-lamplight-page') === 'adult-gate', undefined, {
        timeout: 10_000,
      })
      .catch(() => {});
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-lamplight-page'))).toBe('adult-gate');
    expect(await page.getByRole('button', { name: 'Reader mode', exact: true }).count()).toBe(0);

    const popup = await openPopupBeside(page);
    try {
      await popup.getByText('This work asks you to confirm adult content first.').waitFor({ state: 'visible', timeout: 10_000 });
      expect(await popup.getByRole('button', { name: 'Reader mode', exact: true }).count()).toBe(0);
    } finally {
      await popup.close();
    }
    // The reader's message (keyboard command) finds no reader there either.
    const tab = await workTab(page);
    await session.serviceWorker.evaluate(async (id) => {
      await (globalThis as any).chrome.tabs.sendMessage(id, { type: 'reader:toggle' }).catch(() => undefined);
    }, tab.id);
    await page.waitForTimeout(300);
    expect(await readerAttribute(page)).toBeNull();
    expect(await host(page).count()).toBe(0);
    expect(await page.locator('#main').isVisible()).toBe(true);
  });

  test('screenshots for the README: the reader in the light and dark themes (1000×800)', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.setViewportSize({ width: 1000, height: 800 });
    await openWork(page, CH2, FIXTURE_URLS[CH2] + MARKER);
    await waitForReader(page, true);
    expect(await readerAttribute(page)).toBe('on');

    const settingsButton = host(page).getByRole('button', { name: 'Reader settings', exact: true });
    const panel = host(page).getByRole('dialog', { name: 'Reader settings' });
    for (const [theme, label, background] of [
      ['light', 'Light', LIGHT_BG],
      ['dark', 'Dark', DARK_BG],
    ] as const) {
      await settingsButton.click();
      await panel.getByRole('radio', { name: label, exact: true }).check();
      await settingsButton.click();
      await expect.poll(() => panel.isVisible()).toBe(false);
      await expect.poll(async () => (await readerStyle(page)).background, POLL).toBe(background);
      // A calm first screen: top of the reader, no focus ring, nothing hovered.
      await page.mouse.move(0, 799);
      await page.evaluate(() => {
        (document.activeElement as HTMLElement | null)?.blur();
        window.scrollTo({ top: 0, behavior: 'instant' });
      });
      await page.waitForTimeout(150); // the status line fills in after the word count
      const file = path.join(SCREENSHOTS, `reader-${theme}.png`);
      await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
      expect(statSync(file).size).toBeLessThan(300 * 1024);
    }
  });

  test('choosing OpenDyslexic loads the shipped font (web-accessible to the supported sites only)', async () => {
    const toggle = await openWork(page, CH1);
    if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
    await waitForReader(page, true);
    const settingsButton = host(page).getByRole('button', { name: 'Reader settings', exact: true });
    if ((await settingsButton.getAttribute('aria-expanded')) !== 'true') await settingsButton.click();
    await host(page).locator('input[name="font"][value="dyslexic"]').check();
    await expect.poll(() => page.evaluate(dyslexicFontState, DYSLEXIC_FAMILY_NAME), POLL).toEqual(DYSLEXIC_LOADED);
  });

  test("a listing loads its site's listing script without the reader; a work page loads only its site's work script, which has it", async () => {
    const probe = await session.context.newPage();
    try {
      const cdp = await session.context.newCDPSession(probe);
      const loaded: string[] = [];
      cdp.on('Debugger.scriptParsed', (event) => {
        const at = event.url.indexOf('/content-scripts/');
        if (event.url.startsWith('chrome-extension://') && at >= 0) loaded.push(event.url.slice(at + '/content-scripts/'.length));
      });
      await cdp.send('Debugger.enable');
      await openFixture(probe, LISTING);
      await probe.waitForFunction(() => document.documentElement.dataset.lamplightPage === 'listing', undefined, POLL);
      expect(loaded).toEqual(['ao3.js']);
      loaded.length = 0;
      await openFixture(probe, CH1);
      await pageToggle(probe).waitFor({ state: 'visible', timeout: 10_000 });
      expect(loaded).toEqual(['ao3-work.js']);
    } finally {
      await probe.close();
    }
  });

  test('nothing was fetched but the pages the tests opened and the chapters the reader went to', () => {
    // "Next chapter" and the k key are the reader navigating (location.assign from the content script);
    // the harness then counts every load of those chapter URLs as the extension's. Nothing else may be.
    const problems = new Set(auditRequests(withInitiators(requestLog), openedFixtures));
    expect(chapterNavigations.length).toBeGreaterThan(0);
    expect([...problems].sort()).toEqual(
      [...new Set(chapterNavigations)].map((url) => `the extension (extension) requested ${url}`).sort(),
    );
  });
});
