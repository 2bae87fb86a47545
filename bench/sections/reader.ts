/**
 * Reader: main-thread time from a click on "Reader mode" until the reader is on screen (the frame
 * after the click has been rendered), and the same for the reader's own off switch, on a single
 * chapter and on a 300,000-word Entire Work built from the fixture chapter. Beside it, Mozilla
 * Readability parsing the same page in the same browser (`new Readability(document.cloneNode(true))
 * .parse()`), the extraction-speed anchor. Main-thread time: CDP Performance.getMetrics TaskDuration
 * of the page's renderer, before and after. Memory: heap with the reader open vs the same page
 * without the extension.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { CDPSession, Page } from 'playwright-core';
import { FIXTURE_URLS, readFixture } from '../../tests/e2e/fixtures';
import { heapAfterGc, taskDurationMs, type Bench, type HeapUsage } from '../context';
import { buildEntireWork } from '../data';
import { ms, na, ratioOf, stats } from '../stats';
import { mb, mbText } from './listing';

const CHAPTER_FIXTURE = 'ao3/work-wip-14ch-chapter1-17793689.html' as const;
export const ENTIRE_WORK_URL = 'https://archiveofourown.org/works/17793689?view_full_work=true';

interface Sample {
  /** main-thread ms */
  main: number;
  /** wall-clock ms in the page, click to the frame after */
  wall: number;
}

function readabilitySource(root: string): string {
  const require = createRequire(`${root}/package.json`);
  return readFileSync(require.resolve('@mozilla/readability/Readability.js'), 'utf8');
}

/** Clicks `selector` (in the reader's shadow root when `inShadow`) and resolves after the next rendered frame. */
async function clickAndFrame(cdp: CDPSession, page: Page, selector: string, inShadow: boolean, expectOn: boolean): Promise<Sample> {
  const before = await taskDurationMs(cdp);
  const wall = await page.evaluate(
    ([sel, shadow, on]) =>
      new Promise<number>((resolve, reject) => {
        const root = shadow ? document.getElementById('lamplight-reader-host')?.shadowRoot : document;
        const button = root?.querySelector<HTMLElement>(sel);
        if (!button) return reject(new Error(`no ${sel}`));
        const t0 = performance.now();
        button.click();
        requestAnimationFrame(() =>
          setTimeout(() => {
            const state = document.documentElement.getAttribute('data-lamplight-reader') === 'on';
            if (state !== on) reject(new Error(`reader is ${state ? 'on' : 'off'} after the click`));
            else resolve(performance.now() - t0);
          }, 0),
        );
      }),
    [selector, inShadow, expectOn] as const,
  );
  const after = await taskDurationMs(cdp);
  return { main: after - before, wall };
}

const idle = (page: Page, ms: number) => page.evaluate((t) => new Promise((r) => setTimeout(r, t)), ms);

export async function readerSection(bench: Bench): Promise<void> {
  const chapterHtml = readFixture(CHAPTER_FIXTURE).toString('utf8');
  const built = buildEntireWork(chapterHtml, 300_000);
  bench.served.pages.set(ENTIRE_WORK_URL, { body: built.html });
  const readability = readabilitySource(bench.root);
  const pages = [
    { key: 'chapter', label: 'single chapter', url: FIXTURE_URLS[CHAPTER_FIXTURE] },
    { key: 'entire', label: `Entire Work, ${built.words.toLocaleString('en')} words (${built.chapters} chapters)`, url: ENTIRE_WORK_URL },
  ];
  const section = 'Reader: main-thread time, click → frame rendered';
  const memSection = 'Memory: heap added by the extension, after GC (with − without, same page)';
  const raw: Record<string, unknown> = { entireWork: { words: built.words, chapters: built.chapters, bytes: built.html.length } };

  for (const target of pages) {
    const open: Sample[] = [];
    const close: Sample[] = [];
    const parse: Sample[] = [];
    const heapOpen: HeapUsage[] = [];
    const page = await bench.ext.context.newPage();
    try {
      const cdp = await bench.ext.context.newCDPSession(page);
      await page.goto(target.url, { waitUntil: 'load', timeout: 60_000 });
      await page.waitForSelector('button[data-lamplight-reader-toggle]', { timeout: 15_000 });
      await page.waitForFunction(() => document.querySelector('#workskin[data-lamplight-judged]') !== null, null, { timeout: 15_000 });
      await page.addScriptTag({ content: readability });
      // What the content script sees: the adapter (bundled in the bench's own lib) reads the page the same way.
      await page.addScriptTag({ content: bench.inPageLib });
      const seen = await page.evaluate(() =>
        (globalThis as unknown as { __lamplightBench: { readWorkSummary(): { entireWork: boolean; chapters: number } | null } }).__lamplightBench.readWorkSummary(),
      );
      const expected = target.key === 'entire' ? { entireWork: true, chapters: built.chapters } : { entireWork: false, chapters: 1 };
      if (!seen || seen.entireWork !== expected.entireWork || seen.chapters !== expected.chapters) {
        throw new Error(`${target.url} reads as ${JSON.stringify(seen)}, expected ${JSON.stringify(expected)}`);
      }
      await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
      const total = bench.warmup + bench.runs;
      let articleLength = 0;
      for (let i = 0; i < total; i++) {
        bench.log(`reader (${target.key}): run ${i + 1}/${total}${i < bench.warmup ? ' (warm-up)' : ''}`);
        await idle(page, 100);
        const o = await clickAndFrame(cdp, page, 'button[data-lamplight-reader-toggle]', false, true);
        if (i >= bench.warmup) {
          open.push(o);
          heapOpen.push(await heapAfterGc(cdp));
        }
        await idle(page, 100);
        const c = await clickAndFrame(cdp, page, '[data-action="exit"]', true, false);
        if (i >= bench.warmup) close.push(c);
        await idle(page, 100);
        const before = await taskDurationMs(cdp);
        const r = await page.evaluate(() => {
          const R = (window as unknown as { Readability: new (doc: Document) => { parse(): { length?: number } | null } }).Readability;
          const t0 = performance.now();
          const article = new R(document.cloneNode(true) as Document).parse();
          return { wall: performance.now() - t0, length: article?.length ?? 0 };
        });
        const after = await taskDurationMs(cdp);
        articleLength = r.length;
        if (i >= bench.warmup) parse.push({ main: after - before, wall: r.wall });
      }
      raw[target.key] = { open, close, readability: parse, readabilityTextLength: articleLength, heapReaderOpen: heapOpen };

      const parseFigure = ms(parse.map((s) => s.main));
      const openFigure = ms(open.map((s) => s.main));
      const closeFigure = ms(close.map((s) => s.main));
      const wall = (xs: Sample[]) => stats(xs.map((s) => s.wall)).median.toFixed(1);
      const openMedian = stats(open.map((s) => s.main)).median;
      const closeMedian = stats(close.map((s) => s.main)).median;
      bench.rows.push({
        section,
        name: `open, ${target.label}`,
        lamplight: openFigure,
        baseline: { label: 'Readability parse', figure: parseFigure },
        ratio: ratioOf(openFigure, parseFigure),
        target: { text: '< 100 ms', met: openMedian < 100 },
        note: `wall-clock click → frame ${wall(open)} ms; Readability wall ${wall(parse)} ms, ${articleLength.toLocaleString('en')} characters extracted (parse only, no rendering)`,
      });
      bench.rows.push({
        section,
        name: `close, ${target.label}`,
        lamplight: closeFigure,
        target: { text: '< 50 ms', met: closeMedian < 50 },
        note: `wall-clock click → frame ${wall(close)} ms`,
      });
    } finally {
      await page.close();
    }

    // Baseline heap: the same page without the extension (fewer loads: the figure barely moves), with the
    // bench's own scripts (Readability, the adapter) injected and run as in the measured page.
    const bareHeap: HeapUsage[] = [];
    const loads = bench.quick ? 1 : 3;
    for (let i = 0; i < loads; i++) {
      const bare = await bench.bare.context.newPage();
      try {
        const cdp = await bench.bare.context.newCDPSession(bare);
        await bare.goto(target.url, { waitUntil: 'load', timeout: 60_000 });
        // The same scripts as in the measured page, run the same way, so they weigh the same on both sides.
        await bare.addScriptTag({ content: readability });
        await bare.addScriptTag({ content: bench.inPageLib });
        await bare.evaluate(() => {
          const R = (window as unknown as { Readability: new (doc: Document) => { parse(): unknown } }).Readability;
          new R(document.cloneNode(true) as Document).parse();
          (globalThis as unknown as { __lamplightBench: { readWorkSummary(): unknown } }).__lamplightBench.readWorkSummary();
        });
        await idle(bare, 100);
        bareHeap.push(await heapAfterGc(cdp));
      } finally {
        await bare.close();
      }
    }
    raw[`${target.key}BareHeap`] = bareHeap;
    const baseJs = stats(bareHeap.map((h) => h.js)).median;
    const domKnown = bareHeap.every((h) => h.embedder !== null) && heapOpen.every((h) => h.embedder !== null);
    const baseDom = domKnown ? stats(bareHeap.map((h) => h.embedder!)).median : 0;
    bench.rows.push({
      section: memSection,
      name: `reader open, ${target.label}: JS heap`,
      lamplight: heapOpen.length ? mb(heapOpen.map((h) => h.js - baseJs)) : na('no samples'),
      baseline: { label: 'page JS heap without extension', figure: mb(bareHeap.map((h) => h.js)) },
      ...(domKnown ? { note: `Blink heap (DOM, layout) added: ${mbText(stats(heapOpen.map((h) => h.embedder! - baseDom)).median)}` } : {}),
    });
  }
  bench.raw.reader = raw;
}
