/**
 * Reading history: the page main-thread time of (a) marking the 20 blurbs of the Worldbuilding
 * listing against a 50,000-work history (one read of the 20 records, a marker on each), and (b)
 * recording one visit of a work page (one read, one write, of the work as the page's filters
 * already read it: the content script reads a page's work once, entrypoints/content/page.ts). Both
 * run the content script's own code (bench/in-page/history.ts) in an extension page of the browser
 * with the extension, where storage is real, less the median of the same around an empty call (the
 * measuring's own cost): CDP Performance.getMetrics TaskDuration around each call. (a) runs on the
 * listing hidden, so its figure is the marking's own; the frame that draws the markers (style,
 * layout, paint: the same whatever the history's size) is traced apart, on the listing shown
 * (./history-trace.ts), and has a row of its own.
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
import { afterNextFrame } from '../browser';
import { machineQuiet, setExtensionStorage, taskDurationMs, type Bench } from '../context';
import { historyItems } from '../history-data';
import { ms, stats } from '../stats';
import { frameIdOf, tracedCall, type CallTime } from './history-trace';
import { BENCH_SOURCE_URL, describeBreakdown, profiled, type Breakdown } from './history-profile';
import { historyScale } from './history-scale';

const COUNT = 50_000;
const TARGET_MS = 2;
const LISTING: FixtureFile = 'ao3/listing-tag-works-worldbuilding.html';
const WORK: FixtureFile = 'ao3/work-wip-14ch-chapter1-17793689.html';

type Api = {
  loadListing(html: string, href: string): number;
  resetListing(shown: boolean): void;
  markListing(): Promise<number>;
  loadWork(html: string, href: string): number;
  recordVisit(at: number): Promise<boolean>;
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


async function mainThread(cdp: CDPSession, run: () => Promise<unknown>): Promise<number> {
  const before = await taskDurationMs(cdp);
  await run();
  return (await taskDurationMs(cdp)) - before;
}

/** The quiet page: a file of the build, shown as text, with the extension's APIs and nothing else. */
const QUIET_PAGE = 'fonts/OpenDyslexic-LICENSE.txt';
const PROFILED_RUNS = 3;

interface Measured {
  /** Marking with the page hidden (nothing to draw), TaskDuration. */
  marks: number[];
  /** Marking on the shown page, and an empty call, each traced with the frame after it. */
  markFrames: CallTime[];
  emptyFrames: CallTime[];
  records: number[];
  empties: number[];
  /** Reading the work page once (the filters' read, which recording reuses), ms. */
  readWork: number;
  markProfiles: Breakdown[];
  recordProfiles: Breakdown[];
}

/** The timed runs, then a few profiled ones, in the extension page `file`. */
async function measureIn(bench: Bench, code: string, file: string): Promise<Measured> {
  const m: Measured = { marks: [], markFrames: [], emptyFrames: [], records: [], empties: [], readWork: 0, markProfiles: [], recordProfiles: [] };
  const page: Page = await bench.ext.context.newPage();
  try {
    await page.goto(`chrome-extension://${bench.extensionId}/${file}`, { waitUntil: 'load' });
    await page.evaluate(code);
    const read = await page.evaluate(([html, href]) => (globalThis as unknown as { __lamplightHistoryBench: Api }).__lamplightHistoryBench.loadListing(html, href), [fixtureText(LISTING), FIXTURE_URLS[LISTING]] as const);
    if (read !== 20) throw new Error(`the listing's blurbs were not read (${read})`);
    m.readWork = await page.evaluate(([html, href]) => (globalThis as unknown as { __lamplightHistoryBench: Api }).__lamplightHistoryBench.loadWork(html, href), [fixtureText(WORK), FIXTURE_URLS[WORK]] as const);
    const cdp = await bench.ext.context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
    const frameId = await frameIdOf(cdp);
    const total = bench.warmup + bench.runs;
    let start = Date.now();
    // Each mark starts from a page without markers, drawn (the bench's own reset, not timed); hidden, the
    // marking's own time is measured with nothing to draw, shown, the frame that draws the markers.
    const reset = async (shown: boolean) => {
      await page.evaluate((s) => (globalThis as unknown as { __lamplightHistoryBench: Api }).__lamplightHistoryBench.resetListing(s), shown);
      await afterNextFrame(page);
    };
    const mark = async () => {
      const shown = await page.evaluate(() => (globalThis as unknown as { __lamplightHistoryBench: Api }).__lamplightHistoryBench.markListing());
      if (shown !== 20) throw new Error(`${shown} markers shown, not 20`);
    };
    // A new visit each time (31 minutes apart), so each run writes.
    const record = () => page.evaluate((at) => (globalThis as unknown as { __lamplightHistoryBench: Api }).__lamplightHistoryBench.recordVisit(at), (start += 31 * 60_000));
    for (let i = 0; i < total; i++) {
      bench.log(`history (${file}): run ${i + 1}/${total}${i < bench.warmup ? ' (warm-up)' : ''}`);
      await reset(false);
      const marked = await mainThread(cdp, mark);
      await reset(true);
      const markFrame = await tracedCall(cdp, page, frameId, mark);
      const emptyFrame = await tracedCall(cdp, page, frameId, () => page.evaluate(() => 0));
      const recorded = await mainThread(cdp, record);
      const empty = await mainThread(cdp, () => page.evaluate(() => 0));
      if (i >= bench.warmup) {
        m.marks.push(marked);
        m.markFrames.push(markFrame);
        m.emptyFrames.push(emptyFrame);
        m.records.push(recorded);
        m.empties.push(empty);
      }
    }
    for (let i = 0; i < PROFILED_RUNS; i++) {
      await reset(false);
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
  await setExtensionStorage(bench, historyItems(COUNT, listingIds));
  await machineQuiet();
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
      const emptyDrawing = stats(m.emptyFrames.map((f) => f.rendering)).median;
      const drawing = m.markFrames.map((f) => f.rendering - emptyDrawing);
      const emptyTask = stats(m.empties).median;
      const markOwn = m.marks.map((v) => v - emptyTask);
      const records = m.records.map((v) => v - emptyTask);
      const target = (xs: number[]) => (targeted ? { text: `< ${TARGET_MS} ms`, met: stats(xs).median < TARGET_MS } : undefined);
      const afterEmpty = { label: 'empty call (median subtracted)', figure: ms(m.empties) };
      bench.rows.push(
        {
          section,
          name: 'mark 20 blurbs: one read, 20 markers placed (page main-thread time, without the frame that draws them)',
          lamplight: ms(markOwn),
          baseline: afterEmpty,
          target: target(markOwn),
          note: `measured with the listing hidden, so nothing is drawn (the next row draws it); before subtracting the empty call ${stats(m.marks).median.toFixed(2)} ms; ${describeBreakdown(m.markProfiles)}`,
        },
        {
          section,
          name: 'the frame that draws the 20 markers: style, layout, paint (the browser, for any 20 lines added to this page)',
          lamplight: ms(drawing),
          baseline: { label: 'frame after an empty call (median subtracted)', figure: ms(m.emptyFrames.map((f) => f.rendering)) },
          note: `traced with the call before it (${stats(m.markFrames.map((f) => f.total)).median.toFixed(2)} ms in all); every blurb below the first moves down a line, so the page is laid out and painted again; the history is not read in it`,
        },
        {
          section,
          name: 'record a visit of a work page: one read, one write (page main-thread time)',
          lamplight: ms(records),
          baseline: afterEmpty,
          target: target(records),
          note:
            `before subtracting the empty call ${stats(m.records).median.toFixed(2)} ms; the work as the page already read it ` +
            `(reading it, ${m.readWork.toFixed(2)} ms, happens once per page load, for the filters, and is in the page-load rows); ${describeBreakdown(m.recordProfiles)}`,
        },
      );
    }
  } finally {
    bench.raw.history = { works: COUNT, pages: raw };
  }
  await historyScale(bench, (count) => historyItems(count, listingIds));
  await setExtensionStorage(bench, {});
}
