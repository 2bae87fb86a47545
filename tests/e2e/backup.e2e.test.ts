/**
 * Backup in Chromium (docs/ARCHITECTURE.md section 6): the built extension's options page exports an
 * ordinary download named lamplight-backup-YYYY-MM-DD.json; after storage is cleared, importing that
 * file (Merge) brings back the same rules and bookmarks, and the popup lists them. Every bad file is
 * refused with parseBackup's own message in role="alert", and leaves storage byte-for-byte as it was.
 * Two exports with nothing changed in between differ only in exportedAt.
 *
 * Storage is written and read from an extension page, as the extension's own pages do. The
 * background script syncs rules to storage.sync on its own timer (lib/storage/sync.ts), so before
 * comparing storage the test waits until storage has been still for longer than that timer's
 * longest wait.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ruleName } from '../../components/rules';
import { parseBackup } from '../../lib/backup/parse';
import type { Bookmark } from '../../lib/bookmarks/types';
import type { Rule } from '../../lib/filters/types';
import { readMirror } from '../../lib/sync';
import { chromiumAudit, launchChromium, type ChromiumSession } from './chromium';

const RULES: Rule[] = [
  { id: 'e2e-1', field: 'warning', pattern: 'Major Character Death', action: 'collapse', enabled: true },
  { id: 'e2e-2', field: 'author', pattern: 'someone', action: 'hide', enabled: true },
  { id: 'e2e-3', field: 'words', max: 1000, action: 'hide', enabled: false },
];

const bookmark = (workId: string, title: string, readAt: string): Bookmark => ({
  site: 'ao3',
  workId,
  url: `https://archiveofourown.org/works/${workId}`,
  title,
  authors: ['someone'],
  fandoms: ['A Fandom'],
  chapter: 2,
  chapterCount: 5,
  chapterTotal: null,
  progress: 0.4,
  paragraph: 7,
  paragraphOffset: 0.25,
  newChapters: 0,
  status: 'reading',
  readerMode: false,
  addedAt: '2026-01-01T10:00:00.000Z',
  readAt,
  note: 'a note',
});
const BOOKMARKS: Bookmark[] = [
  bookmark('111', 'The First Work', '2026-02-01T10:00:00.000Z'),
  bookmark('222', 'The Second Work', '2026-02-02T10:00:00.000Z'),
];

/** Longer than the sync engine can wait after a change before it writes (2 s debounce, 6 s between writes). */
const STILL_MS = 7_000;
const POLL = { timeout: 10_000, interval: 100 };

let session: ChromiumSession;
/** An extension page kept open to read and write the extension's storage. */
let storagePage: Page;
let options: Page;
let dir: string;

const chromeStorage = {
  set: (area: 'local' | 'sync', items: Record<string, unknown>) =>
    storagePage.evaluate(([a, i]) => (globalThis as any).chrome.storage[a!].set(i), [area, items] as const),
  clear: () =>
    storagePage.evaluate(async () => {
      const chrome = (globalThis as any).chrome;
      await Promise.all([chrome.storage.local.clear(), chrome.storage.sync.clear()]);
    }),
  /** Both areas, as text: equal text is byte-for-byte equal storage. */
  text: () =>
    storagePage.evaluate(async () => {
      const chrome = (globalThis as any).chrome;
      const [local, sync] = await Promise.all([chrome.storage.local.get(null), chrome.storage.sync.get(null)]);
      return JSON.stringify({ local, sync });
    }),
};

/** Waits until storage has not changed for STILL_MS, and returns it as text. */
async function settledStorage(): Promise<string> {
  let text = await chromeStorage.text();
  let since = Date.now();
  while (Date.now() - since < STILL_MS) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = await chromeStorage.text();
    if (now !== text) {
      text = now;
      since = Date.now();
    }
  }
  return text;
}

async function openOptions(): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  await page.getByRole('heading', { name: 'Lamplight settings', exact: true }).waitFor({ state: 'visible', timeout: 10_000 });
  await page.getByRole('button', { name: 'Export backup', exact: true }).waitFor({ state: 'visible' });
  return page;
}

const backupRegion = (page: Page) => page.getByRole('region', { name: 'Backup', exact: true });

/** Clicks Export backup and returns the download's file name and text. */
async function exportBackup(page: Page): Promise<{ name: string; text: string; file: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 10_000 }),
    page.getByRole('button', { name: 'Export backup', exact: true }).click(),
  ]);
  const name = download.suggestedFilename();
  const file = path.join(mkdtempSync(path.join(dir, 'export-')), name);
  await download.saveAs(file);
  return { name, text: readFileSync(file, 'utf8'), file };
}

/** Picks `file` in the input labelled Import backup. */
async function pick(page: Page, file: string): Promise<void> {
  await page.getByLabel('Import backup', { exact: true }).setInputFiles(file);
}

function localDate(d = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'lamplight-backup-e2e-'));
  session = await launchChromium();
  storagePage = await session.context.newPage();
  await storagePage.goto(`chrome-extension://${session.extensionId}/popup.html`);
  await chromeStorage.clear();
  await chromeStorage.set('local', {
    filterRules: RULES,
    'filterRules$': { v: 1 },
    ...Object.fromEntries(BOOKMARKS.map((b) => [`bookmark:ao3:${b.workId}`, { v: 1, ...b }])),
  });
  options = await openOptions();
});

afterAll(async () => {
  await session?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

let exported: { name: string; text: string; file: string };

describe('Chromium: backup export and import', () => {
  test('Export backup downloads lamplight-backup-YYYY-MM-DD.json holding the rules and bookmarks', async () => {
    exported = await exportBackup(options);
    expect(exported.name).toMatch(/^lamplight-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect([localDate(), localDate(new Date(Date.now() - 60_000))]).toContain(exported.name.slice(17, 27));
    const file = JSON.parse(exported.text);
    expect(file).toMatchObject({ format: 'lamplight-backup', version: 2, history: { fandoms: [], works: [] } });
    expect(file.filters).toEqual(RULES.map(({ id: _id, ...rest }) => rest));
    expect(file.bookmarks).toEqual(BOOKMARKS);
    await expect
      .poll(() => backupRegion(options).getByRole('status').textContent(), POLL)
      .toBe(`Saved ${exported.name} (3 rules, 2 bookmarks, settings)`);
  });

  test('two exports with nothing changed in between differ only in exportedAt', async () => {
    await new Promise((resolve) => setTimeout(resolve, 20)); // a later millisecond
    const again = await exportBackup(options);
    const first = exported.text.split('\n');
    const second = again.text.split('\n');
    expect(second.length).toBe(first.length);
    const differing = first.flatMap((line, i) => (line === second[i] ? [] : [[line, second[i]]]));
    expect(differing).toHaveLength(1);
    expect(differing[0]![0]).toMatch(/^ {2}"exportedAt": "[^"]+",$/);
    expect(differing[0]![1]).toMatch(/^ {2}"exportedAt": "[^"]+",$/);
  });

  test('cleared storage, then Import backup + Merge: "Imported 3 rules and 2 bookmarks"; the popup lists them', async () => {
    await settledStorage(); // the background's sync of the seeded rules is done
    await chromeStorage.clear();
    await options.reload();
    await options.getByRole('button', { name: 'Export backup', exact: true }).waitFor({ state: 'visible' });

    await pick(options, exported.file);
    const region = backupRegion(options);
    await expect.poll(() => region.textContent(), POLL).toContain('holds 3 rules, 2 bookmarks, settings');
    await region.getByRole('button', { name: 'Merge', exact: true }).click();
    await expect
      .poll(() => region.getByRole('status').textContent(), POLL)
      .toBe('Imported 3 rules and 2 bookmarks, and settings');
    expect(await region.getByRole('alert').count()).toBe(0);

    const popup = await session.context.newPage();
    try {
      await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
      await popup.getByRole('heading', { name: 'Lamplight', exact: true }).waitFor({ state: 'visible', timeout: 10_000 });
      // The Reading tab: the bookmarks, each with Resume.
      const rows = popup.locator('li.shelf-item');
      await expect.poll(() => rows.count(), POLL).toBe(2);
      expect((await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-bookmark')))).sort()).toEqual([
        'ao3:111',
        'ao3:222',
      ]);
      for (const b of BOOKMARKS) {
        const row = rows.filter({ hasText: b.title });
        expect(await row.getByRole('button', { name: 'Resume', exact: true }).count()).toBe(1);
      }
      // The Filters tab: the rules, on or off as in the file.
      await popup.getByRole('tab', { name: 'Filters', exact: true }).click();
      for (const rule of RULES) {
        const toggle = popup.getByRole('switch', { name: `Enable rule ${ruleName(rule)}`, exact: true });
        await toggle.waitFor({ state: 'visible', timeout: 10_000 });
        expect(await toggle.getAttribute('aria-checked')).toBe(String(rule.enabled));
      }
    } finally {
      await popup.close();
    }
    // And the stored copies are the ones exported, field for field.
    const stored = JSON.parse(await chromeStorage.text()).local;
    for (const b of BOOKMARKS) expect(stored[`bookmark:ao3:${b.workId}`]).toEqual({ v: 1, ...b });
    expect(stored.filterRules.map(({ id: _id, ...rest }: Rule) => rest)).toEqual(RULES.map(({ id: _id, ...rest }) => rest));
  });

  describe('bad files change nothing and say exactly what is wrong', () => {
    const good = () => JSON.parse(exported.text) as Record<string, any>;
    const cases: { name: string; make: () => string; expect: RegExp }[] = [
      { name: 'not JSON', make: () => '{ "format": "lamplight-backup", "version": 1,, }', expect: /^Not a valid JSON file: / },
      { name: 'JSON that is not a Lamplight backup', make: () => '{ "hello": "world" }\n', expect: /^Not a Lamplight backup: / },
      { name: 'a newer version (3)', make: () => JSON.stringify({ ...good(), version: 3 }), expect: /newer Lamplight \(version 3\)/ },
      {
        name: 'a work of the history naming a fandom the file does not list',
        make: () => JSON.stringify({ ...good(), history: { fandoms: ['A'], works: [['ao3', '7', 'Seven', [], [1], 1, 1, 0, 29000000, 0, 1]] } }),
        expect: /^history\.works\[0\]: the fandoms \[1\] are not a list of positions in history\.fandoms, which holds 1 names$/,
      },
      {
        name: 'a bookmark without a work id',
        make: () => {
          const file = good();
          delete file.bookmarks[1].workId;
          return JSON.stringify(file);
        },
        expect: /^bookmarks\[1\]: missing workId$/,
      },
      {
        name: 'a rule with an unknown field',
        make: () => {
          const file = good();
          file.filters[0].colour = 'red';
          return JSON.stringify(file);
        },
        expect: /^filters\[0\]: unknown field "colour"$/,
      },
      {
        name: 'a 50 MB file',
        make: () => {
          // A real backup padded with one enormous note: JSON and Lamplight-shaped, only too big.
          const file = good();
          const text = JSON.stringify(file);
          file.bookmarks[0].note = 'x'.repeat(50 * 1024 * 1024 - text.length + 'a note'.length);
          return JSON.stringify(file);
        },
        expect: /^File is 50\.0 MB; a Lamplight backup is at most 20 MB$/,
      },
    ];

    let before: string;
    beforeAll(async () => {
      before = await settledStorage(); // the background's sync of the imported rules is done
    }, 60_000);

    test('meanwhile the background synced the rules to storage.sync; bookmarks stay on this device', async () => {
      const { local, sync } = JSON.parse(before) as { local: Record<string, unknown>; sync: Record<string, unknown> };
      expect(local.syncStatus).toMatchObject({ syncedRules: 3, syncedBookmarks: 0, bookmarks: false, lastError: null });
      const mirror = readMirror(sync);
      expect(mirror.rules.map((r) => r.value && { ...r.value, id: 'x' })).toEqual(RULES.map((r) => ({ ...r, id: 'x' })));
      expect(Object.keys(sync).some((k) => k.startsWith('bookmarks.'))).toBe(false);
      const status = options.getByRole('region', { name: 'Sync', exact: true }).getByRole('status');
      await expect.poll(() => status.textContent(), POLL).toMatch(/^3 filter rules are synced\.Bookmarks stay on this device\.Last synced /);
    });

    test.each(cases)('$name', async ({ name, make, expect: pattern }) => {
      const content = make();
      const file = path.join(dir, `${name.replace(/[^a-z0-9]+/gi, '-')}.json`);
      writeFileSync(file, content);
      const size = statSync(file).size;
      if (name === 'a 50 MB file') expect(size).toBe(50 * 1024 * 1024);
      const parsed = parseBackup(content, size);
      expect(parsed.ok).toBe(false);
      const message = parsed.ok ? '' : parsed.error;
      expect(message).toMatch(pattern);

      await pick(options, file);
      const alert = backupRegion(options).getByRole('alert');
      await expect.poll(() => alert.textContent(), POLL).toBe(message);
      expect(await backupRegion(options).getByRole('button', { name: 'Merge', exact: true }).count()).toBe(0);
      // Give a write every chance to happen, then compare.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await chromeStorage.text()).toBe(before);
      rmSync(file, { force: true });
    });

    test('and after all of them, storage is still exactly as it was', async () => {
      expect(await settledStorage()).toBe(before);
    }, 30_000);
  });
});

describe('Chromium: requests', () => {
  test('nothing was requested but the fixture pages the tests opened (and their own assets, refused)', () => {
    expect(chromiumAudit()).toEqual([]);
  });
});
