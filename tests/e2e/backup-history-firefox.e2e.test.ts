/**
 * The reading history survives a backup, in Firefox ESR (the MV2 build), as
 * tests/e2e/backup-history.e2e.test.ts does in Chromium: a chapter opened is recorded; Export
 * backup's download (saved by Firefox into a folder of the test's, without asking) holds it;
 * Forget everything removes it; Import backup (Merge) of the file brings the same record back.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { firefoxAudit, launchFirefox, newInterceptedPage, openExtensionPageAndWait, openFirefoxFixture, poll, type FirefoxSession } from './firefox';
import { CH1, key, type StoredRecord } from './history-facts';

const WORK = '17793689';

let session: FirefoxSession;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'lamplight-backup-history-ff-'));
  session = await launchFirefox(undefined, {
    'browser.download.dir': dir,
    'browser.download.folderList': 2,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.start_downloads_in_tmp_dir': false,
    'browser.download.alwaysOpenPanel': false,
  });
});

afterAll(async () => {
  await session?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const historyItems = async (page: Page): Promise<Record<string, unknown>> =>
  Object.fromEntries(
    Object.entries(await page.evaluate(async () => (globalThis as any).browser.storage.local.get(null)) as Record<string, unknown>).filter(
      ([k]) => k.startsWith('history:') || k.startsWith('historyFandom:'),
    ),
  );

const text = (page: Page, selector: string) => page.evaluate((s) => document.querySelector(s)?.textContent ?? '', selector);

async function click(page: Page, selector: string): Promise<void> {
  const handle = (await page.waitForSelector(selector, { timeout: 10_000 })) as ElementHandle<Element>;
  await handle.click();
}

describe('Firefox ESR: the reading history in a backup', () => {
  test('a work read survives export → forget all history → import', async () => {
    const page = await newInterceptedPage(session.browser);
    await openFirefoxFixture(page, CH1);
    const options = await session.browser.newPage();
    await openExtensionPageAndWait(options, 'options.html', '::-p-aria([name="Export backup"][role="button"])');
    const before = await poll(() => historyItems(options), (items) => items[key(WORK)] !== undefined);
    await page.close();
    const record = before[key(WORK)] as StoredRecord;
    expect(record.slice(4, 7)).toEqual([1, 14, 0]);

    // Export: Firefox saves the download into `dir`.
    await click(options, '::-p-aria([name="Export backup"][role="button"])');
    const files = await poll(
      async () => readdirSync(dir).filter((f) => /^lamplight-backup-\d{4}-\d{2}-\d{2}\.json$/.test(f)),
      (f) => f.length === 1,
    );
    expect(files).toHaveLength(1);
    const file = path.join(dir, files[0]!);
    const exported = await poll(
      async () => {
        try {
          return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
        } catch {
          return null; // still being written
        }
      },
      (v) => v !== null,
    );
    expect(exported.version).toBe(2);
    expect(exported.history.works).toHaveLength(1);
    const [site, workId, title, , fandoms, ...rest] = exported.history.works[0];
    expect([site, workId, title]).toEqual(['ao3', WORK, record[1]]);
    expect(fandoms.map((i: number) => exported.history.fandoms[i])).toEqual((record[3].match(/.{4}/g) ?? []).map((id) => before[`historyFandom:${id}`]));
    expect(rest).toEqual(record.slice(4));
    const status = '#backup [role="status"]';
    expect(await poll(() => text(options, status), (s) => s.endsWith(', 1 work of reading history)'))).toMatch(/, 1 work of reading history\)$/);

    // Forget everything, as a reader does it.
    await click(options, '::-p-aria([name="Forget everything"][role="button"])');
    await click(options, '::-p-aria([name="Forget the reading history"][role="group"]) ::-p-aria([name="Forget everything"][role="button"])');
    expect(await poll(() => historyItems(options), (items) => Object.keys(items).length === 0)).toEqual({});

    // Import (Merge): the preview and the status count the work; the stored record is back as it was.
    const input = (await options.waitForSelector('#backup input[type="file"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
    expect(await poll(() => text(options, '#backup'), (s) => s.includes('1 work of reading history'))).toContain(
      'holds 0 rules, 0 bookmarks, settings, 1 work of reading history',
    );
    await click(options, '::-p-aria([name="Merge"][role="button"])');
    expect(await poll(() => text(options, status), (s) => s.startsWith('Imported'))).toBe(
      'Imported 0 rules and 0 bookmarks, and settings, with 1 work of reading history',
    );
    expect(await historyItems(options)).toEqual(before);
    await options.close();
  });

  test('nothing was fetched but the pages the test opened', () => {
    expect(firefoxAudit(session)).toEqual([]);
  });
});
