/**
 * Bookmarks and reading progress in Chromium: the built extension on saved AO3 pages served at their
 * real URLs. A reader bookmarks a chapter from the page's Bookmark button, reads to the middle, goes
 * elsewhere, and comes back with the popup's Resume: the same paragraph is at the top of the view
 * (on the site's page, and in reader mode). A listing that shows more chapters than the bookmark
 * recorded marks the work "N new chapters", and the popup says so too.
 *
 * Accessible names (docs/ARCHITECTURE.md section 7) find every control: Bookmark, Reader mode, Resume.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, openedFixtures, openFixture, requestLog, withInitiators, type ChromiumSession } from './chromium';
import { auditRequests, FIXTURE_URLS, type FixtureFile } from './fixtures';

const CH1: FixtureFile = 'ao3/work-wip-14ch-chapter1-17793689.html';
const CH2: FixtureFile = 'ao3/work-wip-14ch-chapter2-17793689.html';
const ELSEWHERE: FixtureFile = 'ao3/work-oneshot-323217.html';
const LISTING: FixtureFile = 'ao3/listing-tag-works-worldbuilding.html';
const WORK_ID = '17793689';
const KEY = `bookmark:ao3:${WORK_ID}`;
const POLL = { timeout: 15_000, interval: 100 };

let session: ChromiumSession;
let page: Page;

beforeAll(async () => {
  session = await launchChromium();
  page = await session.context.newPage();
});

afterAll(async () => {
  await session?.close();
});

type Stored = Record<string, unknown> & { chapter?: number; paragraph?: number | null; chapterUrl?: string; readerMode?: boolean };

const stored = (key = KEY): Promise<Stored | undefined> =>
  session.serviceWorker.evaluate(async (k) => (await (globalThis as any).chrome.storage.local.get(k))[k], key);

interface TopParagraph {
  reader: boolean;
  index: number;
  text: string;
  /** How far the paragraph's top is above the top of the view, as a fraction of its height. */
  offset: number;
  count: number;
}

/**
 * The story paragraph at the top of the view: in the reader's shadow root when reader mode is on,
 * else in the site's chapter text. Paragraphs are the chapter text's element children, the leading
 * "Chapter Text" landmark heading left out (as Lamplight counts them).
 */
function topParagraph(p: Page): Promise<TopParagraph | null> {
  return p.evaluate(() => {
    const reader = document.documentElement.getAttribute('data-lamplight-reader') === 'on';
    const root = reader ? document.getElementById('lamplight-reader-host')?.shadowRoot : null;
    const container = root
      ? root.querySelector('section.chapter > .text')
      : document.querySelector('#chapters div.userstuff');
    if (!container) return null;
    const kids = Array.from(container.children).filter((el) => !/^(SCRIPT|STYLE|TEMPLATE|NOSCRIPT|LINK|META)$/.test(el.tagName));
    if (kids[0] && /^H[1-6]$/.test(kids[0].tagName)) kids.shift();
    const index = kids.findIndex((el) => el.getBoundingClientRect().bottom > 0);
    const el = kids[index];
    if (!el) return null;
    const rect = el.getBoundingClientRect();
    return {
      reader,
      index,
      text: (el.textContent ?? '').trim().slice(0, 80),
      offset: rect.height > 0 ? Math.max(0, -rect.top) / rect.height : 0,
      count: kids.length,
    };
  });
}

/** Scrolls so that the paragraph in the middle of the chapter is near the top, partly read. */
async function scrollToMiddle(p: Page): Promise<void> {
  await p.evaluate(() => {
    const reader = document.documentElement.getAttribute('data-lamplight-reader') === 'on';
    const root = reader ? document.getElementById('lamplight-reader-host')?.shadowRoot : null;
    const container = root ? root.querySelector('section.chapter > .text') : document.querySelector('#chapters div.userstuff');
    const kids = Array.from(container?.children ?? []);
    const middle = kids[Math.floor(kids.length / 2)];
    if (!middle) throw new Error('no chapter text');
    const rect = middle.getBoundingClientRect();
    window.scrollTo({ top: window.scrollY + rect.top + Math.min(rect.height / 3, 12), behavior: 'instant' });
  });
}

async function openPopup(): Promise<Page> {
  const popup = await session.context.newPage();
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
  await popup.getByRole('heading', { name: 'Lamplight', exact: true }).waitFor({ state: 'visible', timeout: 10_000 });
  return popup;
}

/** Clicks Resume in the popup (for the bookmark titled `title`) and returns the tab it opens. */
async function resumeFromPopup(title: string, file: FixtureFile): Promise<Page> {
  const popup = await openPopup();
  try {
    const row = popup.locator('li.shelf-item').filter({ hasText: title });
    await row.first().waitFor({ state: 'visible', timeout: 10_000 });
    const opened = session.context.waitForEvent('page', { timeout: 10_000 });
    await row.first().getByRole('button', { name: 'Resume', exact: true }).click();
    const tab = await opened;
    // The tab is a fixture the test opened through the extension: record it for the request audit.
    await tab.waitForURL((u) => u.href.startsWith(FIXTURE_URLS[file]), { timeout: 10_000 });
    openedFixtures.push({ file, url: FIXTURE_URLS[file] });
    return tab;
  } finally {
    await popup.close();
  }
}

let title = '';

describe('Chromium: bookmarks and reading progress', () => {
  test('the page’s Bookmark button saves the chapter', async () => {
    await openFixture(page, CH1);
    const button = page.getByRole('button', { name: 'Bookmark', exact: true });
    await button.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    // It sits in the work's navigation bar, right after Reader mode.
    expect(
      await page.evaluate(() => {
        const b = document.querySelector('button[data-lamplight-bookmark-toggle]');
        return b?.closest('li')?.previousElementSibling?.querySelector('button')?.textContent ?? null;
      }),
    ).toBe('Reader mode');
    await button.click();
    await expect.poll(() => button.getAttribute('aria-pressed'), POLL).toBe('true');
    const saved = await stored();
    expect(saved).toMatchObject({
      site: 'ao3',
      workId: WORK_ID,
      url: `https://archiveofourown.org/works/${WORK_ID}`,
      chapterUrl: FIXTURE_URLS[CH1],
      chapter: 1,
      chapterCount: 14,
      chapterTotal: null,
      status: 'reading',
      readerMode: false,
    });
    title = String(saved?.title);
    expect(title.length).toBeGreaterThan(0);
  });

  test('reading to the middle, leaving, and Resume from the popup: the same paragraph is at the top', async () => {
    await scrollToMiddle(page);
    const before = await topParagraph(page);
    expect(before).not.toBeNull();
    expect(before!.index).toBeGreaterThan(10);
    // Saved once scrolling pauses (~1.5 s).
    await expect.poll(async () => (await stored())?.paragraph, POLL).toBe(before!.index);

    await openFixture(page, ELSEWHERE);
    expect(await topParagraph(page)).not.toMatchObject({ index: before!.index, text: before!.text });

    const tab = await resumeFromPopup(title, CH1);
    try {
      // The marker goes once the place is restored.
      await tab.waitForFunction(() => !location.hash.includes('resume'), undefined, { timeout: 10_000 });
      expect(new URL(tab.url()).hash).toBe('');
      await expect.poll(() => topParagraph(tab), POLL).toMatchObject({ reader: false, index: before!.index, text: before!.text });
      const after = await topParagraph(tab);
      expect(Math.abs(after!.offset - before!.offset)).toBeLessThan(0.1);
    } finally {
      await tab.close();
    }
  });

  test('in reader mode: progress follows the reader, and Resume reopens the reader at the same paragraph', async () => {
    await openFixture(page, CH2);
    const bookmark = page.getByRole('button', { name: 'Bookmark', exact: true });
    await bookmark.first().waitFor({ state: 'visible', timeout: 10_000 });
    await expect.poll(() => bookmark.first().getAttribute('aria-pressed'), POLL).toBe('true');
    await page.getByRole('button', { name: 'Reader mode', exact: true }).first().click();
    await page.waitForFunction(() => document.documentElement.getAttribute('data-lamplight-reader') === 'on');
    // The reader's toolbar has its own Bookmark button, pressed.
    const inReader = page.locator('#lamplight-reader-host').getByRole('button', { name: 'Bookmark', exact: true });
    expect(await inReader.getAttribute('aria-pressed')).toBe('true');

    await scrollToMiddle(page);
    const before = await topParagraph(page);
    expect(before).toMatchObject({ reader: true });
    expect(before!.index).toBeGreaterThan(10);
    await expect.poll(async () => {
      const s = await stored();
      return s && { chapter: s.chapter, paragraph: s.paragraph, readerMode: s.readerMode, chapterUrl: s.chapterUrl };
    }, POLL).toEqual({ chapter: 2, paragraph: before!.index, readerMode: true, chapterUrl: FIXTURE_URLS[CH2] });

    await openFixture(page, ELSEWHERE);
    const tab = await resumeFromPopup(title, CH2);
    try {
      await tab.waitForFunction(() => document.documentElement.getAttribute('data-lamplight-reader') === 'on', undefined, {
        timeout: 10_000,
      });
      await tab.waitForFunction(() => location.hash === '#lamplight-reader', undefined, { timeout: 10_000 });
      await expect.poll(() => topParagraph(tab), POLL).toMatchObject({ reader: true, index: before!.index, text: before!.text });
    } finally {
      await tab.close();
    }
  });

  test('a listing showing more chapters than recorded: "N new chapters" on the blurb and in the popup', async () => {
    // No listing fixture holds work 17793689, so a bookmark of a work that IS on the Worldbuilding
    // listing is stored directly: "Parlay In Reverse" shows 36/80 there; the bookmark saw 33.
    const id = '23306392';
    await session.serviceWorker.evaluate(
      (record) => (globalThis as any).chrome.storage.local.set({ [`bookmark:ao3:${record.workId}`]: record }),
      {
        v: 1,
        site: 'ao3',
        workId: id,
        url: `https://archiveofourown.org/works/${id}`,
        title: 'Parlay In Reverse',
        authors: ['someone'],
        fandoms: ['Star Wars'],
        chapter: 30,
        chapterCount: 33,
        chapterTotal: 80,
        progress: 0.5,
        addedAt: '2026-01-01T10:00:00.000Z',
        readAt: '2026-01-02T10:00:00.000Z',
        note: '',
        paragraph: 4,
        paragraphOffset: 0,
        newChapters: 0,
        status: 'reading',
        readerMode: false,
      },
    );
    await openFixture(page, LISTING);
    const marker = page.locator(`#work_${id} [data-lamplight-bookmark-marker]`);
    await expect.poll(() => marker.textContent().catch(() => null), POLL).toBe('Bookmarked · 3 new chapters');
    // Only bookmarked works are marked.
    expect(await page.locator('[data-lamplight-bookmark-marker]').count()).toBe(1);
    expect(await stored(`bookmark:ao3:${id}`)).toMatchObject({ chapterCount: 36, newChapters: 3, chapterTotal: 80 });

    const popup = await openPopup();
    try {
      const row = popup.locator('li.shelf-item').filter({ hasText: 'Parlay In Reverse' });
      await row.waitFor({ state: 'visible', timeout: 10_000 });
      expect(await row.textContent()).toContain('3 new chapters');
      expect(await row.getByRole('button', { name: 'Resume', exact: true }).count()).toBe(1);
    } finally {
      await popup.close();
    }
  });

  test('the popup lists the shelf from the background’s index in storage.session', async () => {
    type Index = { format: string; count: number; titles: string };
    const readIndex = () =>
      session.serviceWorker.evaluate(async () => (await (globalThis as any).chrome.storage.session.get('shelfIndex')).shelfIndex as Index);
    const writeIndex = (index: Index) =>
      session.serviceWorker.evaluate((value) => (globalThis as any).chrome.storage.session.set({ shelfIndex: value }), index);
    await expect.poll(async () => (await readIndex())?.titles.includes('Parlay In Reverse'), POLL).toBe(true);
    const index = await readIndex();
    expect(index.format).toMatch(/^shelf-index\//);
    // A title changed in the index alone: the popup shows it, so it listed from the index, not the records.
    await writeIndex({ ...index, titles: index.titles.replace('Parlay In Reverse', 'Parlay (from the index)') });
    const popup = await openPopup();
    try {
      await popup.locator('li.shelf-item').filter({ hasText: 'Parlay (from the index)' }).waitFor({ state: 'visible', timeout: 10_000 });
    } finally {
      await popup.close();
      await writeIndex(index);
    }
  });

  test('nothing was fetched: only the pages the tests opened (and their own assets, refused)', () => {
    expect(auditRequests(withInitiators(requestLog), openedFixtures)).toEqual([]);
  });
});
