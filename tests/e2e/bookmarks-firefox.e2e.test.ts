/**
 * Bookmarks in Firefox ESR (the MV2 build): the page's Bookmark button saves the chapter, progress
 * follows the reader, and a URL with the resume marker (what the popup's Resume opens) brings the
 * same paragraph back to the top of the view; the popup lists the bookmark with Resume.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import {
  FIXTURE_URLS,
  launchFirefox,
  newInterceptedPage,
  poll,
  openExtensionPageAndWait,
  openFirefoxFixture,
  type FirefoxSession,
  firefoxAudit,
  openPopup,
} from './firefox';
import type { FixtureFile } from './fixtures';

const CH1: FixtureFile = 'ao3/work-wip-14ch-chapter1-17793689.html';
const ELSEWHERE: FixtureFile = 'ao3/work-oneshot-323217.html';
const KEY = 'bookmark:ao3:17793689';

let session: FirefoxSession;
let page: Page;
/** An extension page, to read the extension's storage. */
let extensionPage: Page;

beforeAll(async () => {
  session = await launchFirefox();
  page = await newInterceptedPage(session.browser);
  extensionPage = await session.browser.newPage();
  await openPopup(extensionPage);
});

afterAll(async () => {
  await session?.close();
});

const stored = (): Promise<{ paragraph?: number | null; chapterUrl?: string } | undefined> =>
  extensionPage.evaluate(async (k) => (await (globalThis as any).browser.storage.local.get(k))[k], KEY);


/** The index and text of the chapter paragraph at the top of the view (site's page). */
const topParagraph = (p: Page) =>
  p.evaluate(() => {
    const container = document.querySelector('#chapters div.userstuff');
    const kids = Array.from(container?.children ?? []);
    if (kids[0] && /^H[1-6]$/.test(kids[0].tagName)) kids.shift();
    const index = kids.findIndex((el) => el.getBoundingClientRect().bottom > 0);
    return { index, text: (kids[index]?.textContent ?? '').trim().slice(0, 80) };
  });

describe('Firefox ESR: bookmarks', () => {
  test('Bookmark, read to the middle, leave, resume: the same paragraph is at the top', async () => {
    await openFirefoxFixture(page, CH1);
    const button = await page.waitForSelector('::-p-aria([name="Bookmark"][role="button"])', { timeout: 15_000 });
    expect(await button?.evaluate((b) => b.getAttribute('aria-pressed'))).toBe('false');
    await button?.click();
    await poll(
      () => page.evaluate(() => document.querySelector('button[data-lamplight-bookmark-toggle]')?.getAttribute('aria-pressed')),
      (v) => v === 'true',
    );
    expect(await stored()).toMatchObject({ chapterUrl: FIXTURE_URLS[CH1], chapter: 1 });

    await page.evaluate(() => {
      const kids = Array.from(document.querySelector('#chapters div.userstuff')?.children ?? []);
      const middle = kids[Math.floor(kids.length / 2)]!;
      window.scrollTo({ top: window.scrollY + middle.getBoundingClientRect().top + 5, behavior: 'instant' });
    });
    const before = await topParagraph(page);
    expect(before.index).toBeGreaterThan(10);
    expect((await poll(stored, (s) => s?.paragraph === before.index))?.paragraph).toBe(before.index);

    await openFirefoxFixture(page, ELSEWHERE);
    // What the popup's Resume opens for this bookmark (reader mode was off).
    await openFirefoxFixture(page, CH1, `${FIXTURE_URLS[CH1]}#lamplight-resume`);
    const after = await poll(
      () => topParagraph(page),
      (v) => v.index === before.index,
    );
    expect(after).toEqual(before);
    expect(await poll(() => page.evaluate(() => location.hash), (h) => h === '')).toBe('');
  });

  test('the popup lists the bookmark with Resume', async () => {
    const popup = await session.browser.newPage();
    try {
      await openExtensionPageAndWait(popup, 'popup.html', 'li.shelf-item');
      const text = await popup.evaluate(() => document.body.textContent ?? '');
      expect(text).toContain('Chapter 1 of 14 so far');
      await popup.waitForSelector('::-p-aria([name="Resume"][role="button"])', { timeout: 5_000 });
    } finally {
      await popup.close();
    }
  });

  test('the popup lists the shelf from the background’s index in storage.session', async () => {
    type Index = { format: string; titles: string };
    const title = ((await extensionPage.evaluate(async (k) => (await (globalThis as any).browser.storage.local.get(k))[k], KEY)) as {
      title: string;
    }).title;
    const readIndex = () =>
      extensionPage.evaluate(async () => (await (globalThis as any).browser.storage.session.get('shelfIndex')).shelfIndex as Index | undefined);
    const writeIndex = (index: Index) =>
      extensionPage.evaluate(async (value) => (globalThis as any).browser.storage.session.set({ shelfIndex: value }), index);
    const index = await poll(readIndex, (i) => i?.titles.includes(title) === true);
    expect(index?.format).toMatch(/^shelf-index\//);
    // A title changed in the index alone: the popup shows it, so it listed from the index, not the records.
    await writeIndex({ ...index!, titles: index!.titles.replace(title, 'Listed from the index') });
    const popup = await session.browser.newPage();
    try {
      await openExtensionPageAndWait(popup, 'popup.html', 'li.shelf-item .shelf-title');
      const shown = await poll(
        () => popup.evaluate(() => Array.from(document.querySelectorAll('li.shelf-item .shelf-title'), (a) => a.textContent)),
        (titles) => titles.length > 0,
      );
      expect(shown).toEqual(['Listed from the index']);
    } finally {
      await popup.close();
      await writeIndex(index!);
    }
  });

  test('nothing was fetched but the pages the test opened', () => {
    expect(firefoxAudit(session)).toEqual([]);
  });
});
