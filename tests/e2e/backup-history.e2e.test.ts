/**
 * The reading history survives a backup, in Chromium: a chapter opened on a saved AO3 page is
 * recorded; Export backup's file holds it; the options page's Forget everything removes it; Import
 * backup (Merge) of the file brings the same stored record back, and the import says so.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, openedFixtures, openFixture, requestLog, withInitiators, type ChromiumSession } from './chromium';
import { auditRequests } from './fixtures';
import { CH1, key, type StoredRecord } from './history-facts';

const POLL = { timeout: 15_000, interval: 100 };
const WORK = '17793689';

let session: ChromiumSession;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'lamplight-backup-history-e2e-'));
  session = await launchChromium();
});

afterAll(async () => {
  await session?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const local = (): Promise<Record<string, unknown>> =>
  session.serviceWorker.evaluate(async () => (globalThis as any).chrome.storage.local.get(null));

async function openOptions(): Promise<Page> {
  const options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  await options.getByRole('button', { name: 'Export backup', exact: true }).waitFor({ state: 'visible', timeout: 10_000 });
  return options;
}

describe('Chromium: the reading history in a backup', () => {
  test('a work read survives export → forget all history → import', async () => {
    const page = await session.context.newPage();
    await openFixture(page, CH1);
    await expect.poll(async () => (await local())[key(WORK)], POLL).toBeDefined();
    await page.close();
    const before = Object.fromEntries(Object.entries(await local()).filter(([k]) => k.startsWith('history:') || k.startsWith('historyFandom:')));
    const record = before[key(WORK)] as StoredRecord;
    expect(record.slice(4, 7)).toEqual([1, 14, 0]);

    const options = await openOptions();
    const region = options.getByRole('region', { name: 'Backup', exact: true });
    // Export: the file holds the work, as stored.
    const [download] = await Promise.all([
      options.waitForEvent('download', { timeout: 10_000 }),
      options.getByRole('button', { name: 'Export backup', exact: true }).click(),
    ]);
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    expect(exported.version).toBe(2);
    expect(exported.history.works).toHaveLength(1);
    const [site, workId, title, , fandoms, ...rest] = exported.history.works[0];
    expect([site, workId, title]).toEqual(['ao3', WORK, record[1]]);
    expect(fandoms.map((i: number) => exported.history.fandoms[i])).toEqual((record[3].match(/.{4}/g) ?? []).map((id) => before[`historyFandom:${id}`]));
    expect(rest).toEqual(record.slice(4));
    await expect.poll(() => region.getByRole('status').textContent(), POLL).toMatch(/, 1 work of reading history\)$/);

    // Forget everything, as a reader does it.
    await options.getByRole('button', { name: 'Forget everything' }).click();
    await options.getByRole('group', { name: 'Forget the reading history' }).getByRole('button', { name: 'Forget everything' }).click();
    await options.getByText('Forgot 1 work.').waitFor({ timeout: 10_000 });
    expect(Object.keys(await local()).filter((k) => k.startsWith('history:') || k.startsWith('historyFandom:'))).toEqual([]);

    // Import (Merge): the preview and the status count the work; the stored record is back as it was.
    await options.getByLabel('Import backup', { exact: true }).setInputFiles(file);
    await expect.poll(() => region.textContent(), POLL).toContain('holds 0 rules, 0 bookmarks, settings, 1 work of reading history');
    await region.getByRole('button', { name: 'Merge', exact: true }).click();
    await expect
      .poll(() => region.getByRole('status').textContent(), POLL)
      .toBe('Imported 0 rules and 0 bookmarks, and settings, with 1 work of reading history');
    const after = Object.fromEntries(Object.entries(await local()).filter(([k]) => k.startsWith('history:') || k.startsWith('historyFandom:')));
    expect(after).toEqual(before);
    await options.close();
  });

  test('nothing was fetched: only the pages the tests opened (and their own assets, refused)', () => {
    expect(auditRequests(withInitiators(requestLog), openedFixtures)).toEqual([]);
  });
});
