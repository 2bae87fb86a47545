/**
 * Backup: export and import of 10,000 bookmarks, 2,000 rules and 50,000 works of reading history
 * (format version 2) on the options page.
 *  - export: storage holds the bookmarks (as the shelf section seeds them) and the 2,000-rule set;
 *    wall-clock time in Node from the click on **Export backup** until Playwright's `download` event.
 *    The in-page time from the click until the button is enabled again (the export done) is in the notes.
 *  - import: storage (local and sync) cleared, the options page reloaded, the exported file picked in
 *    **Import backup** and its summary shown; then, in the page, the click's event timestamp until the
 *    role=status region says "Imported …" (a MutationObserver), for **Merge**, and for **Replace**
 *    timed from its confirmation (**Replace everything**, the click that starts the import).
 * Fewer runs than the title says (the `n=` in the table): each run reloads 10,000 bookmarks and 50,000 works.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { clearExtensionStorage, setExtensionStorage, type Bench } from '../context';
import { ruleKey } from '../../lib/filters/validate';
import { generateBookmarks, storedRules } from '../data';
import { historyItems } from '../history-data';
import { ms, na, stats, type Row } from '../stats';

const BOOKMARKS = 10_000;
/** Works in the reading history (format version 2 and later). */
const HISTORY = 50_000;
const TARGET_MS = 1000;
const WAIT_MS = 30_000;

type Mode = 'merge' | 'replace';

const median = (xs: readonly number[]) => stats(xs).median;

async function openOptions(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
  await page.getByRole('button', { name: 'Export backup', exact: true }).waitFor({ state: 'visible', timeout: WAIT_MS });
}

const region = (page: Page) => page.getByRole('region', { name: 'Backup', exact: true });

/**
 * Arms the page: the next click on `button` records its event timestamp; `done` is then recorded
 * (performance.now()) the first time, after the click, the Backup region's role=status text starts
 * with `prefix` (import), or the button, disabled while the panel is busy, is enabled again (export:
 * two exports in a row leave the same status text, so the text cannot tell).
 */
async function arm(page: Page, button: Locator, until: { status: string } | 'enabled'): Promise<void> {
  const buttonHandle = await button.elementHandle({ timeout: WAIT_MS });
  const statusHandle = await region(page).getByRole('status').elementHandle({ timeout: WAIT_MS });
  await page.evaluate(
    ([el, status, wanted]) => {
      const w = window as unknown as { __backup: { clickAt: number | null; doneAt: number | null; text: string } };
      const state = { clickAt: null as number | null, doneAt: null as number | null, text: '' };
      w.__backup = state;
      let wasDisabled = false;
      el.addEventListener('click', (e) => (state.clickAt = e.timeStamp), { capture: true, once: true });
      const check = () => {
        if (state.clickAt === null || state.doneAt !== null) return;
        const text = (status.textContent ?? '').trim();
        const disabled = (el as HTMLButtonElement).disabled;
        if (disabled) wasDisabled = true;
        if (wanted === null ? wasDisabled && !disabled : text.startsWith(wanted)) {
          state.doneAt = performance.now();
          state.text = text;
          observer.disconnect();
        }
      };
      const observer = new MutationObserver(check);
      observer.observe(status, { childList: true, subtree: true, characterData: true });
      observer.observe(el, { attributes: true, attributeFilter: ['disabled'] });
    },
    [buttonHandle, statusHandle, until === 'enabled' ? null : until.status] as const,
  );
  await buttonHandle.dispose();
  await statusHandle.dispose();
}

async function armed(page: Page): Promise<{ clickAt: number; doneAt: number; text: string }> {
  const handle = await page.waitForFunction(
    () => {
      const s = (window as unknown as { __backup?: { clickAt: number | null; doneAt: number | null; text: string } }).__backup;
      return s && s.clickAt !== null && s.doneAt !== null ? s : null;
    },
    null,
    { timeout: WAIT_MS, polling: 20 },
  );
  return (await handle.jsonValue()) as { clickAt: number; doneAt: number; text: string };
}

export async function backupSection(bench: Bench): Promise<void> {
  const section = `Backup: ${BOOKMARKS.toLocaleString('en')} bookmarks + ${bench.rules['2000'].length.toLocaleString('en')} rules + ${HISTORY.toLocaleString('en')} works of reading history (options page)`;
  const warmup = 1;
  const runs = bench.quick ? 2 : 5;
  const total = warmup + runs;
  const url = `chrome-extension://${bench.extensionId}/options.html`;
  const items = { ...generateBookmarks(bench.pool, BOOKMARKS, 10_000), ...storedRules(bench.rules['2000']), ...historyItems(HISTORY) };
  // The import keeps one rule per ruleKey (lib/backup/validate.ts); the generated set may repeat a few.
  const uniqueRules = new Set(bench.rules['2000'].map(ruleKey)).size;
  const dir = mkdtempSync(path.join(tmpdir(), 'lamplight-bench-backup-'));

  const exportMs: number[] = [];
  const savedMs: number[] = [];
  const importMs: Record<Mode, number[]> = { merge: [], replace: [] };
  const statusText: Record<Mode, string | null> = { merge: null, replace: null };
  let file: string | null = null;
  let held: { rules: number; bookmarks: number; history: number; bytes: number } | null = null;
  let exportProblem: string | null = null;
  const importProblem: Record<Mode, string | null> = { merge: null, replace: null };
  const page = await bench.ext.context.newPage();
  try {
    // Export.
    await setExtensionStorage(bench, items);
    await openOptions(page, url);
    const exportButton = page.getByRole('button', { name: 'Export backup', exact: true });
    for (let i = 0; i < total && !exportProblem; i++) {
      bench.log(`backup: export ${i + 1}/${total}${i < warmup ? ' (warm-up)' : ''}`);
      await arm(page, exportButton, 'enabled');
      const t0 = performance.now();
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: WAIT_MS }), exportButton.click()]);
      const elapsed = performance.now() - t0;
      const state = await armed(page).catch(() => null);
      if (!file) {
        file = path.join(dir, download.suggestedFilename());
        await download.saveAs(file);
        const text = readFileSync(file, 'utf8');
        const parsed = JSON.parse(text) as { filters?: unknown[]; bookmarks?: unknown[]; history?: { works?: unknown[] } };
        held = {
          rules: parsed.filters?.length ?? 0,
          bookmarks: parsed.bookmarks?.length ?? 0,
          history: parsed.history?.works?.length ?? 0,
          bytes: Buffer.byteLength(text),
        };
        if (held.bookmarks !== BOOKMARKS || held.history !== HISTORY || (held.rules !== bench.rules['2000'].length && held.rules !== uniqueRules)) {
          exportProblem = `the export held ${held.rules} rules, ${held.bookmarks} bookmarks and ${held.history} works of history, not ${bench.rules['2000'].length}, ${BOOKMARKS} and ${HISTORY}`;
        }
      } else {
        await download.delete();
      }
      if (i >= warmup) {
        exportMs.push(elapsed);
        if (state) savedMs.push(state.doneAt - state.clickAt);
      }
    }

    // Import, into cleared storage: Merge, then Replace (confirmed), alternating run by run.
    for (let i = 0; i < total && file && !exportProblem; i++) {
      for (const mode of ['merge', 'replace'] as const) {
        if (importProblem[mode]) continue;
        bench.log(`backup: import (${mode}) ${i + 1}/${total}${i < warmup ? ' (warm-up)' : ''}`);
        await clearExtensionStorage(bench);
        await openOptions(page, url);
        await page.getByLabel('Import backup', { exact: true }).setInputFiles(file);
        const choice = region(page).getByRole('group', { name: 'Import this backup', exact: true });
        await choice.getByText(/holds /).waitFor({ state: 'visible', timeout: WAIT_MS });
        let button = choice.getByRole('button', { name: 'Merge', exact: true });
        if (mode === 'replace') {
          await choice.getByRole('button', { name: 'Replace', exact: true }).click();
          button = choice.getByRole('button', { name: 'Replace everything', exact: true });
        }
        await arm(page, button, { status: 'Imported ' });
        await button.click();
        const state = await armed(page).catch(async () => {
          const alert = await region(page).getByRole('alert').textContent({ timeout: 1000 }).catch(() => null);
          importProblem[mode] = alert ? `import failed: ${alert}` : `no "Imported …" status within ${WAIT_MS / 1000} s`;
          return null;
        });
        if (!state) continue;
        statusText[mode] = state.text;
        const expected = `Imported ${uniqueRules} rules and ${held!.bookmarks} bookmarks`;
        const history = `with ${held!.history} works of reading history`;
        if (!state.text.startsWith(expected) || !state.text.includes(history)) importProblem[mode] = `the status said "${state.text}", not "${expected}, … ${history}"`;
        else if (i >= warmup) importMs[mode].push(state.doneAt - state.clickAt);
      }
    }
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    exportProblem ??= file ? null : `bench error: ${message}`;
    for (const mode of ['merge', 'replace'] as const) importProblem[mode] ??= `bench error: ${message}`;
  } finally {
    await page.close();
    await clearExtensionStorage(bench).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }

  bench.raw.backup = { bookmarks: BOOKMARKS, history: HISTORY, rules: bench.rules['2000'].length, uniqueRules, file: held, warmup, runs, exportMs, savedMs, importMs, statusText, exportProblem, importProblem };
  const target = (xs: number[], problem: string | null) =>
    problem || xs.length === 0 ? { text: '< 1 s', met: null } : { text: '< 1 s', met: median(xs) < TARGET_MS };
  const fig = (xs: number[], problem: string | null) => (problem ? na(problem) : xs.length ? ms(xs) : na('no sample'));
  const rows: Row[] = [
    {
      section,
      name: 'export (click Export backup → download event)',
      lamplight: fig(exportMs, exportProblem),
      target: target(exportMs, exportProblem),
      note: held
        ? `file ${(held.bytes / 1024 / 1024).toFixed(1)} MB; in page, click → button enabled again (export done): ${savedMs.length ? `median ${median(savedMs).toFixed(0)} ms` : 'n/a'}`
        : undefined,
    },
    {
      section,
      name: 'import, Merge into cleared storage (click → "Imported" status)',
      lamplight: fig(importMs.merge, importProblem.merge ?? exportProblem),
      note:
        uniqueRules === bench.rules['2000'].length
          ? undefined
          : `the ${bench.rules['2000'].length} generated rules include ${bench.rules['2000'].length - uniqueRules} repeats of another (same ruleKey); the file held ${held?.rules ?? '?'}, ${uniqueRules} imported, as the status says`,
      target: target(importMs.merge, importProblem.merge ?? exportProblem),
    },
    {
      section,
      name: 'import, Replace into cleared storage (Replace everything → status)',
      lamplight: fig(importMs.replace, importProblem.replace ?? exportProblem),
      target: target(importMs.replace, importProblem.replace ?? exportProblem),
    },
  ];
  bench.rows.push(...rows);
}

