/**
 * Reader mode in Firefox ESR (the MV2 build): the page's Reader mode button turns the reader on (the
 * story in the reader's open shadow root, the site's page hidden) and the reader's own off switch
 * turns it off again. The expected story text is read from the fixture in Node, not through the extension.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  launchFirefox,
  newInterceptedPage,
  poll,
  openFirefoxFixture,
  type FirefoxSession,
  firefoxAudit,
  FIREFOX_EXTENSION_DIR,
  FIREFOX_EXTENSION_ORIGIN,
} from './firefox';
import { DYSLEXIC_FAMILY_NAME, DYSLEXIC_LOADED, dyslexicFontState } from './reader-font';
import { readFixture, type FixtureFile } from './fixtures';

const CH1: FixtureFile = 'ao3/work-wip-14ch-chapter1-17793689.html';

let session: FirefoxSession;
let page: Page;

beforeAll(async () => {
  session = await launchFirefox();
  page = await newInterceptedPage(session.browser);
});

afterAll(async () => {
  await session?.close();
});

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The first and last non-empty paragraphs of the chapter text (`#chapters div.userstuff`) in a fixture. */
async function storyEnds(file: FixtureFile): Promise<{ first: string; last: string }> {
  const win = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
    },
  });
  try {
    const doc = new win.DOMParser().parseFromString(readFixture(file).toString('utf8'), 'text/html');
    const containers = doc.querySelectorAll('#chapters div.userstuff');
    if (containers.length !== 1) throw new Error(`${file}: expected one chapter text, found ${containers.length}`);
    const paragraphs = Array.from(containers[0]!.querySelectorAll('p'))
      .map((p) => normalise(p.textContent ?? ''))
      .filter((text) => text.length > 0);
    if (paragraphs.length < 2) throw new Error(`${file}: too few paragraphs`);
    return { first: paragraphs[0]!, last: paragraphs.at(-1)! };
  } finally {
    await win.happyDOM.close();
  }
}

/** What a reader of the tab meets: reader state, and whether these story paragraphs and the site's header show. */
function seen(p: Page, texts: string[]) {
  return p.evaluate((wanted: string[]) => {
    const shows = (el: Element | null | undefined) => {
      if (!el) return false;
      const rect = el.getBoundingClientRect();
      return el.checkVisibility({ visibilityProperty: true, opacityProperty: true }) && rect.width > 0 && rect.height > 0;
    };
    const norm = (t: string) => t.replace(/\s+/g, ' ').trim();
    const root = document.getElementById('lamplight-reader-host')?.shadowRoot ?? null;
    const paragraphs = root ? Array.from(root.querySelectorAll('section.chapter .text p')) : [];
    return {
      reader: document.documentElement.getAttribute('data-lamplight-reader'),
      toggle: document.querySelector('button[data-lamplight-reader-toggle]')?.getAttribute('aria-pressed') ?? null,
      paragraphsShown: wanted.map((text) => shows(paragraphs.find((p) => norm(p.textContent ?? '') === text))),
      siteHeaderShown: shows(document.getElementById('header')),
      siteStoryShown: shows(document.querySelector('#chapters div.userstuff')),
    };
  }, texts);
}


describe('Firefox ESR: reader mode', () => {
  test('the page’s Reader mode button turns the reader on; the reader’s own switch turns it off', async () => {
    const ends = await storyEnds(CH1);
    const texts = [ends.first, ends.last];
    await openFirefoxFixture(page, CH1);
    const toggle = await page.waitForSelector('ul.work.navigation.actions button[data-lamplight-reader-toggle]', {
      timeout: 15_000,
    });
    expect(await toggle?.evaluate((b) => b.textContent)).toBe('Reader mode');
    expect(await seen(page, texts)).toEqual({
      reader: null,
      toggle: 'false',
      paragraphsShown: [false, false],
      siteHeaderShown: true,
      siteStoryShown: true,
    });

    await toggle?.click();
    expect(await poll(() => seen(page, texts), (s) => s.reader === 'on' && s.paragraphsShown.every(Boolean))).toEqual({
      reader: 'on',
      toggle: 'true',
      paragraphsShown: [true, true],
      siteHeaderShown: false,
      siteStoryShown: false,
    });
    expect(new URL(page.url()).hash).toBe('#lamplight-reader');

    const off = await page.waitForSelector('#lamplight-reader-host >>> button[data-action="exit"]', { timeout: 5_000 });
    expect(await off?.evaluate((b) => [b.textContent?.trim(), b.getAttribute('aria-pressed')])).toEqual(['✕Reader mode', 'true']);
    await off?.click();
    expect(await poll(() => seen(page, texts), (s) => s.reader === null)).toEqual({
      reader: null,
      toggle: 'false',
      paragraphsShown: [false, false],
      siteHeaderShown: true,
      siteStoryShown: true,
    });
    expect(await page.evaluate(() => document.getElementById('lamplight-reader-host'))).toBeNull();
    expect(new URL(page.url()).hash).toBe('');
  });

  test('choosing OpenDyslexic loads the shipped font, which is not web-accessible in Firefox', async () => {
    const manifest = JSON.parse(readFileSync(path.join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.web_accessible_resources).toBeUndefined();
    await openFirefoxFixture(page, CH1);
    const toggle = await page.waitForSelector('ul.work.navigation.actions button[data-lamplight-reader-toggle]', { timeout: 15_000 });
    await toggle?.click();
    const settings = await page.waitForSelector('#lamplight-reader-host >>> button[data-action="settings"]', { timeout: 10_000 });
    await settings?.click();
    const dyslexic = await page.waitForSelector('#lamplight-reader-host >>> input[name="font"][value="dyslexic"]', { timeout: 5_000 });
    await dyslexic?.click();
    const loaded = (s: Awaited<ReturnType<typeof fontState>>) => s.faces.length === 4 && s.faces.every((f) => f.endsWith('loaded'));
    const fontState = () => page.evaluate(dyslexicFontState, DYSLEXIC_FAMILY_NAME);
    expect(await poll(fontState, loaded)).toEqual(DYSLEXIC_LOADED);
    // And the page cannot load it: the file is not web-accessible.
    const url = `${FIREFOX_EXTENSION_ORIGIN}/fonts/opendyslexic-latin-400-normal.woff2`;
    expect(await page.evaluate((u) => fetch(u).then(() => 'loaded', () => 'refused'), url)).toBe('refused');
  });

  test('nothing was fetched but the page the test opened', () => {
    expect(firefoxAudit(session)).toEqual([]);
  });
});
