/**
 * Profile: where the content script's main-thread time goes while a page loads, by part of
 * Lamplight (i18n, storage, the polyfill, adapters, the filter engine, filtering, bookmarks,
 * reader), by phase (its top level at document_start, then everything after: observer callbacks,
 * events, storage replies) and by entry point, from V8's CPU samples in a Chromium trace, mapped
 * back to source files through a source-mapped copy of the very same build. Also: compiling the
 * script, and HTML parsing with and without the extension.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Rule } from '../../lib/filters/types';
import { FIXTURE_URLS } from '../../tests/e2e/fixtures';
import { launch, snapshotExtension, traceDuring, type BenchBrowser, type TraceEvent } from '../browser';
import { rendererMainThread, setExtensionStorage, settle, TRACE_CATEGORIES, unionMs, type Bench } from '../context';
import { storedRules } from '../data';
import { attribute, type Breakdown } from '../profile/attribute';
import { threadProfile } from '../profile/cpu-profile';
import { SourceMap } from '../profile/source-map';
import { ms, stats } from '../stats';
import { LISTING_URL, waitJudged } from './listing';

/** Each AO3 page loads one script: work pages the work script (with the reader), the others the listing script. */
const CONTENT_SCRIPT = 'content-scripts/ao3.js';
const WORK_SCRIPT = 'content-scripts/ao3-work.js';
const CATEGORIES = [...TRACE_CATEGORIES, 'v8', 'disabled-by-default-v8.cpu_profiler'];
const WORK_URL = FIXTURE_URLS['ao3/work-wip-14ch-chapter1-17793689.html'];

interface Condition {
  label: string;
  url: string;
  script: string;
  rules: (bench: Bench) => readonly Rule[];
  ready: (page: Page) => Promise<void>;
}

const CONDITIONS: Condition[] = [
  { label: 'AO3 listing, no rules', url: LISTING_URL, script: CONTENT_SCRIPT, rules: () => [], ready: waitJudged },
  { label: 'AO3 listing, 200 rules', url: LISTING_URL, script: CONTENT_SCRIPT, rules: (b) => b.rules['200'], ready: waitJudged },
  {
    label: 'AO3 work page (chapter 1 of 14), no rules',
    url: WORK_URL,
    script: WORK_SCRIPT,
    rules: () => [],
    ready: (page) => page.getByRole('button', { name: 'Reader mode', exact: true }).first().waitFor({ timeout: 15_000 }),
  },
];

interface Load {
  breakdown: Breakdown;
  compile: number;
  parseHtml: number;
}

/** Builds the source-mapped copy (same bytes as .output/chrome-mv3, maps beside them). */
function buildSourceMapped(bench: Bench): string {
  const dir = path.join(bench.root, '.output', 'chrome-mv3-sourcemapped');
  const result = spawnSync('npx', ['wxt', 'build'], {
    cwd: bench.root,
    env: { ...process.env, LAMPLIGHT_SOURCEMAP: 'hidden' },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`the source-mapped build failed: ${result.stderr || result.stdout}`);
  for (const script of [CONTENT_SCRIPT, WORK_SCRIPT]) {
    const measured = readFileSync(path.join(bench.extensionDir, script));
    if (!measured.equals(readFileSync(path.join(dir, script)))) {
      throw new Error('the source-mapped build is not the measured build: run `npm run bench -- --rebuild`');
    }
  }
  return dir;
}

async function profiledLoad(browser: BenchBrowser, condition: Condition, map: SourceMap | null): Promise<Load> {
  const page = await browser.context.newPage();
  try {
    const cdp = await browser.context.newCDPSession(page);
    const events = await traceDuring(cdp, CATEGORIES, async () => {
      await page.goto(condition.url, { waitUntil: 'load' });
      if (map) await condition.ready(page);
      await settle(page, 150);
    });
    const main = rendererMainThread(events, condition.url);
    const parseHtml = unionMs(main.filter((e) => e.name === 'ParseHTML'));
    if (!map) return { breakdown: emptyBreakdown(), compile: 0, parseHtml };
    const scriptUrl = `chrome-extension://${browser.extensionId}/${condition.script}`;
    const named = (e: TraceEvent) => JSON.stringify(e.args ?? {}).includes(scriptUrl);
    const evaluate = main.find((e) => e.name === 'EvaluateScript' && named(e));
    const compile = unionMs(main.filter((e) => e.name === 'v8.compile' && named(e)));
    const { pid, tid } = main[0]!;
    const profile = threadProfile(events, pid, tid);
    if (!profile) throw new Error('the trace holds no CPU profile of the page');
    const window = evaluate ? { start: evaluate.ts, end: evaluate.ts + (evaluate.dur ?? 0) } : null;
    return { breakdown: attribute(profile, scriptUrl, map, window), compile, parseHtml };
  } finally {
    await page.close();
  }
}

function emptyBreakdown(): Breakdown {
  return { total: 0, startUp: 0, afterStartUp: 0, parts: new Map(), entries: new Map() };
}

/** Median per load of a keyed figure, over every key seen, largest first. */
function medians(loads: readonly Load[], pick: (b: Breakdown) => Map<string, number>): [string, number[]][] {
  const keys = new Set(loads.flatMap((l) => [...pick(l.breakdown).keys()]));
  return [...keys]
    .map((key) => [key, loads.map((l) => pick(l.breakdown).get(key) ?? 0)] as [string, number[]])
    .sort((a, b) => stats(b[1]).median - stats(a[1]).median);
}

function report(bench: Bench, condition: Condition, loads: Load[], bare: Load[]): void {
  const section = `Profile: ${condition.label}, content script main-thread time per load (CPU samples, source-mapped)`;
  const row = (name: string, samples: number[], extra: Partial<(typeof bench.rows)[number]> = {}) =>
    bench.rows.push({ section, name, lamplight: ms(samples), ...extra });
  row('all sampled content script time', loads.map((l) => l.breakdown.total));
  row('  start-up: the top level at document_start', loads.map((l) => l.breakdown.startUp));
  row('  after start-up: observer callbacks, events, storage replies', loads.map((l) => l.breakdown.afterStartUp));
  row('compiling the script (trace v8.compile)', loads.map((l) => l.compile));
  for (const [part, samples] of medians(loads, (b) => b.parts)) {
    if (stats(samples).median >= 0.2) row(`part: ${part}`, samples);
  }
  for (const [entry, samples] of medians(loads, (b) => b.entries).slice(0, 5)) row(`entry: ${entry}`, samples);
  const baseline = ms(bare.map((l) => l.parseHtml));
  row('HTML parsing (ParseHTML, with the scripts run inside it)', loads.map((l) => l.parseHtml), {
    baseline: { label: 'no extension', figure: baseline },
  });
}

export async function profileSection(bench: Bench): Promise<void> {
  bench.log('profile: building the source-mapped copy of the measured build');
  const built = buildSourceMapped(bench);
  const maps = new Map([CONTENT_SCRIPT, WORK_SCRIPT].map((script) => [script, SourceMap.read(path.join(built, `${script}.map`), /^(\.\.\/)+/)]));
  const extension = snapshotExtension(built);
  const browser = await launch({ extensionDir: extension.dir, served: bench.served, streamPort: bench.streamPort });
  const profiled: Bench = { ...bench, ext: browser, extensionId: browser.extensionId! };
  const raw: Record<string, { loads: Load[]; bare: Load[] }> = {};
  try {
    for (const condition of CONDITIONS) {
      await setExtensionStorage(profiled, storedRules(condition.rules(bench)));
      const loads: Load[] = [];
      const bare: Load[] = [];
      for (let i = 0; i < bench.warmup + bench.runs; i++) {
        bench.log(`profile: ${condition.label}, load ${i + 1}/${bench.warmup + bench.runs}`);
        const load = await profiledLoad(browser, condition, maps.get(condition.script)!);
        const without = await profiledLoad(bench.bare, condition, null);
        if (i < bench.warmup) continue;
        loads.push(load);
        bare.push(without);
      }
      raw[condition.label] = { loads, bare };
      report(bench, condition, loads, bare);
    }
  } finally {
    await browser.close();
    extension.remove();
  }
  bench.raw.profile = Object.fromEntries(
    Object.entries(raw).map(([label, { loads }]) => [
      label,
      loads.map((l) => ({ ...l, breakdown: { ...l.breakdown, parts: Object.fromEntries(l.breakdown.parts), entries: Object.fromEntries(l.breakdown.entries) } })),
    ]),
  );
}
