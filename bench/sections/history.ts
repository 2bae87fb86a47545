/**
 * Reading history: the page main-thread time of (a) marking the 20 blurbs of the Worldbuilding
 * listing against a 50,000-work history (one read of the 20 records, a marker on each), and (b)
 * recording one visit of a work page (read the work, one write). Both run the content script's own
 * code (bench/in-page/history.ts) in an extension page of the browser with the extension, where
 * storage is real; CDP Performance.getMetrics TaskDuration of that renderer around each call, less
 * the median of the same around an empty call (the measuring's own cost).
 * Two pages: a quiet one (a text file the build already ships, fonts/OpenDyslexic-LICENSE.txt: no
 * app, no stylesheet, no storage listener; the target rows) and options.html (a live Preact app whose
 * storage listeners run in the same renderer), and a CPU profile of a few more calls in each
 * (./history-profile.ts) says where the time goes. Popup and listing at 0 and 50,000: ./history-scale.ts.
 */
import type { CDPSession, Page } from 'playwright-core';
import { build } from 'esbuild';
import path from 'node:path';
import { FIXTURE_URLS, type FixtureFile } from '../../tests/e2e/fixtures';
import { fixtureText } from '../../tests/support/fixtures';
import { setExtensionStorage, taskDurationMs, type Bench } from '../context';
import { historyItems } from '../history-data';
import { ms, stats } from '../stats';
import { BENCH_SOURCE_URL, describeBreakdown, profiled, type Breakdown } from './history-profile';
import { historyScale } from './history-scale';

const COUNT = 50_000;
const TARGET_MS = 2;
const LISTING: FixtureFile = 'ao3/listing-tag-works-worldbuilding.html';
const WORK: FixtureFile = 'ao3/work-wip-14ch-chapter1-17793689.html';

type Api = {
  loadListing(html: string, href: string): number;
  resetListing(): void;
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
  return `${result.outputFiles[0]!.text}\n//# sourceURL=${BENCH_SOURCE_URL}\n`;
}

/** 50,000 stored records (lib/storage/history-codec.ts), the listing's 20 works among them, and their fandom names. */
const history = (listingIds: readonly string[]) => historyItems(COUNT, listingIds);

async function mainThread(cdp: CDPSession, run: () => Promise<unknown>): Promise<number> {
  const before = await taskDurationMs(cdp);
  await run();
  return (await taskDurationMs(cdp)) - before;
}

/** The quiet page: a file of the build, shown as text, with the extension's APIs and nothing else. */
const QUIET_PAGE = 'fonts/OpenDyslexic-LICENSE.txt';
const PROFILED_RUNS = 3;

interface Measured {
  marks: number[];
  records: number[];
  empties: number[];
  readWork: number[];
  loops: number[];
  layouts: number[];
  markProfiles: Breakdown[];
  recordProfiles: Breakdown[];
}


/** The timed runs, then a few profiled ones, in the extension page `file`. */
async function measureIn(bench: Bench, code: string, file: string): Promise<Measured> {
  const m: Measured = { marks: [], records: [], empties: [], readWork: [], loops: [], layouts: [], markProfiles: [], recordProfiles: [] };
  const page: Page = await bench.ext.context.newPage();
  try {
    await page.goto(`chrome-extension://${bench.extensionId}/${file}`, { waitUntil: 'load' });
    await page.evaluate(code);
    const read = await page.evaluate(([html, href]) => (globalThis as unknown as { __lamplightHistoryBench: Api }).__lamplightHistoryBench.loadListing(html, href), [fixtureText(LISTING), FIXTURE_URLS[LISTING]] as const);
    if (read !== 20) throw new Error(`the listing's blurbs were not read (${read})`);
    await page.evaluate(([html, href]) => (globalThis as unknown as { __lamplightHistoryBench: Api }).__lamplightHistoryBench.loadWork(html, href), [fixtureText(WORK), FIXTURE_URLS[WORK]] as const);
    const cdp = await bench.ext.context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
    const total = bench.warmup + bench.runs;
    let start = Date.now();
    // Each mark starts from a page without markers, laid out (the reset before the timed window).
    const reset = () => page.evaluate(() => (globalThis as unknown as { __lamplightHistoryBench: Api }).__lamplightHistoryBench.resetListing());
    const mark = async () => {
      const run = await page.evaluate(() => (globalThis as unknown as { __lamplightHistoryBench: Api }).__lamplightHistoryBench.markListing());
      if (run.shown !== 20) throw new Error(`${run.shown} markers shown, not 20`);
      return run;
    };
    // A new visit each time (31 minutes apart), so each run writes.
    const record = () => page.evaluate((at) => (globalThis as unknown as { __lamplightHistoryBench: Api }).__lamplightHistoryBench.recordVisit(at), (start += 31 * 60_000));
    for (let i = 0; i < total; i++) {
      bench.log(`history (${file}): run ${i + 1}/${total}${i < bench.warmup ? ' (warm-up)' : ''}`);
      let run = { shown: 0, loop: 0, layout: 0 };
      await reset();
      const marked = await mainThread(cdp, async () => (run = await mark()));
      const recorded = await mainThread(cdp, record);
      const empty = await mainThread(cdp, () => page.evaluate(() => 0));
      if (i >= bench.warmup) {
        m.marks.push(marked);
        m.loops.push(run.loop);
        m.layouts.push(run.layout);
        m.records.push(recorded);
        m.empties.push(empty);
      }
    }
    m.readWork = (await page.evaluate(() => (globalThis as unknown as { __lamplightHistoryBench: Api }).__lamplightHistoryBench.readWorkMs())).slice(bench.warmup);
    for (let i = 0; i < PROFILED_RUNS; i++) {
      await reset();
      m.markProfiles.push(await profiled(cdp, mark));
      m.recordProfiles.push(await profiled(cdp, record));
    }
  } finally {
    await page.close();
  }
  return m;
}

export async function historySection(bench: Bench): Promise<void> {
  const listingIds = (bench.realBlurbs.get(FIXTURE_URLS[LISTING]) ?? []).map((m) => m.id);
  if (listingIds.length !== 20) throw new Error(`expected 20 blurbs on the listing, read ${listingIds.length}`);
  await setExtensionStorage(bench, history(listingIds));
  const code = await bundle(bench.root);
  const pages: [string, string, boolean][] = [
    [QUIET_PAGE, 'a quiet extension page (a text file of the build)', true],
    ['options.html', 'options.html (a live app in the same renderer)', false],
  ];
  const raw: Record<string, Measured> = {};
  try {
    for (const [file, label, targeted] of pages) {
      const m = await measureIn(bench, code, file);
      raw[file] = m;
      const section = `Reading history: ${COUNT.toLocaleString('en')} works in storage (the content script's code, in ${label})`;
      const empty = stats(m.empties).median;
      const rows = [
        { name: 'mark 20 blurbs: one read, 20 markers (page main-thread time)', raw: m.marks, profiles: m.markProfiles },
        { name: 'record a visit of a work page: read it, one write (page main-thread time)', raw: m.records, profiles: m.recordProfiles },
      ];
      for (const row of rows) {
        const net = row.raw.map((v) => v - empty);
        bench.rows.push({
          section,
          name: row.name,
          lamplight: ms(net),
          baseline: { label: 'empty call (median subtracted)', figure: ms(m.empties) },
          target: targeted ? { text: `< ${TARGET_MS} ms`, met: stats(net).median < TARGET_MS } : undefined,
          note:
            `before subtracting the empty call ${stats(row.raw).median.toFixed(2)} ms` +
            (row.raw === m.records
              ? `; reading the work page (adapter) ${stats(m.readWork).median.toFixed(2)} ms of it`
              : `; of it, placing the markers ${stats(m.loops).median.toFixed(2)} ms and the layout they cause ${stats(m.layouts).median.toFixed(2)} ms`) +
            `; ${describeBreakdown(row.profiles)}`,
        });
      }
    }
  } finally {
    bench.raw.history = { works: COUNT, pages: raw };
  }
  await historyScale(bench, history(listingIds));
  await setExtensionStorage(bench, {});
}
