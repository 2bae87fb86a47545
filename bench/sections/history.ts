/**
 * Reading history: the page main-thread time of (a) marking the 20 blurbs of the Worldbuilding
 * listing against a 50,000-work history (one read of the 20 records, a marker on each), and (b)
 * recording one visit of a work page (read the work, one write). Both run the content script's own
 * code (bench/in-page/history.ts) in an extension page of the browser with the extension, where
 * storage is real; CDP Performance.getMetrics TaskDuration of that renderer around each call, less
 * the median of the same around an empty call (the measuring's own cost).
 */
import type { CDPSession, Page } from 'playwright-core';
import { build } from 'esbuild';
import path from 'node:path';
import { FIXTURE_URLS, type FixtureFile } from '../../tests/e2e/fixtures';
import { fixtureText } from '../../tests/support/fixtures';
import { setExtensionStorage, taskDurationMs, type Bench } from '../context';
import { historyItems } from '../history-data';
import { ms, stats } from '../stats';

const COUNT = 50_000;
const TARGET_MS = 2;
const LISTING: FixtureFile = 'ao3/listing-tag-works-worldbuilding.html';
const WORK: FixtureFile = 'ao3/work-wip-14ch-chapter1-17793689.html';

type Api = {
  loadListing(html: string, href: string): number;
  markListing(): Promise<{ shown: number; loop: number; layout: number }>;
  loadWork(html: string, href: string): void;
  recordVisit(at: number): Promise<boolean>;
  readWorkMs(): number[];
};

async function bundle(root: string): Promise<string> {
  const result = await build({
    entryPoints: [path.join(root, 'bench', 'in-page', 'history.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'warning',
  });
  return result.outputFiles[0]!.text;
}

/** 50,000 stored records (lib/storage/history-codec.ts), the listing's 20 works among them, and their fandom names. */
const history = (listingIds: readonly string[]) => historyItems(COUNT, listingIds);

async function mainThread(cdp: CDPSession, run: () => Promise<unknown>): Promise<number> {
  const before = await taskDurationMs(cdp);
  await run();
  return (await taskDurationMs(cdp)) - before;
}

export async function historySection(bench: Bench): Promise<void> {
  const section = `Reading history: ${COUNT.toLocaleString('en')} works in storage (the content script's code, in an extension page)`;
  const listingIds = (bench.realBlurbs.get(FIXTURE_URLS[LISTING]) ?? []).map((m) => m.id);
  if (listingIds.length !== 20) throw new Error(`expected 20 blurbs on the listing, read ${listingIds.length}`);
  await setExtensionStorage(bench, history(listingIds));
  const code = await bundle(bench.root);
  let page: Page | null = null;
  const marks: number[] = [];
  const records: number[] = [];
  const empties: number[] = [];
  let readWork: number[] = [];
  const loops: number[] = [];
  const layouts: number[] = [];
  try {
    page = await bench.ext.context.newPage();
    await page.goto(`chrome-extension://${bench.extensionId}/options.html`, { waitUntil: 'load' });
    await page.evaluate(code);
    const read = await page.evaluate(([html, href]) => (globalThis as unknown as { __lamplightHistoryBench: Api }).__lamplightHistoryBench.loadListing(html, href), [fixtureText(LISTING), FIXTURE_URLS[LISTING]] as const);
    if (read !== 20) throw new Error(`the listing's blurbs were not read (${read})`);
    await page.evaluate(([html, href]) => (globalThis as unknown as { __lamplightHistoryBench: Api }).__lamplightHistoryBench.loadWork(html, href), [fixtureText(WORK), FIXTURE_URLS[WORK]] as const);
    const cdp = await bench.ext.context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
    const p = page;
    const total = bench.warmup + bench.runs;
    let start = Date.now();
    for (let i = 0; i < total; i++) {
      bench.log(`history: run ${i + 1}/${total}${i < bench.warmup ? ' (warm-up)' : ''}`);
      let run = { shown: 0, loop: 0, layout: 0 };
      const mark = await mainThread(cdp, async () => {
        run = await p.evaluate(() => (globalThis as unknown as { __lamplightHistoryBench: Api }).__lamplightHistoryBench.markListing());
      });
      if (run.shown !== 20) throw new Error(`${run.shown} markers shown, not 20`);
      // A new visit each time (31 minutes apart), so each run writes.
      start += 31 * 60_000;
      const record = await mainThread(cdp, () => p.evaluate((at) => (globalThis as unknown as { __lamplightHistoryBench: Api }).__lamplightHistoryBench.recordVisit(at), start));
      const empty = await mainThread(cdp, () => p.evaluate(() => 0));
      if (i >= bench.warmup) {
        marks.push(mark);
        loops.push(run.loop);
        layouts.push(run.layout);
        records.push(record);
        empties.push(empty);
      }
    }
    readWork = (await page.evaluate(() => (globalThis as unknown as { __lamplightHistoryBench: Api }).__lamplightHistoryBench.readWorkMs())).slice(bench.warmup);
  } finally {
    await page?.close();
    await setExtensionStorage(bench, {});
  }
  const empty = stats(empties).median;
  const rows = [
    { name: 'mark 20 blurbs: one read, 20 markers (page main-thread time)', raw: marks },
    { name: 'record a visit of a work page: read it, one write (page main-thread time)', raw: records },
  ];
  bench.raw.history = { works: COUNT, marks, records, empties, readWork, loops, layouts };
  for (const row of rows) {
    const net = row.raw.map((v) => v - empty);
    bench.rows.push({
      section,
      name: row.name,
      lamplight: ms(net),
      baseline: { label: 'empty call (median subtracted)', figure: ms(empties) },
      target: { text: `< ${TARGET_MS} ms`, met: stats(net).median < TARGET_MS },
      note:
        `before subtracting the empty call ${stats(row.raw).median.toFixed(2)} ms` +
        (row.raw === records
          ? `; reading the work page (adapter) ${stats(readWork).median.toFixed(2)} ms of it`
          : `; of it, placing the markers ${stats(loops).median.toFixed(2)} ms and the layout they cause ${stats(layouts).median.toFixed(2)} ms (this page: the listing adopted into options.html)`),
    });
  }
}
