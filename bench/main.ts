/**
 * Lamplight's benchmarks (`npm run bench`; bench/README.md). Every figure is measured in this run,
 * in headless Chromium with the built extension, against a baseline measured in the same run.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import type { WorkMeta } from '../lib/sites/types';
import { CHROME_EXTENSION_DIR } from '../tests/e2e/chromium';
import { FIXTURE_URLS, type FixtureFile } from '../tests/e2e/fixtures';
import { browserVersion, launch, snapshotExtension, type BenchBrowser, type Served } from './browser';
import type { Bench } from './context';
import { generateRules, tagPool, type RuleSpec } from './data';
import { backupSection } from './sections/backup';
import { filteringSection } from './sections/filtering';
import { historySection } from './sections/history';
import { flashPage, flashSection } from './sections/flash';
import { LISTING_URL, listingSection } from './sections/listing';
import { profileSection } from './sections/profile';
import { progressSection } from './sections/progress';
import { readerSection } from './sections/reader';
import { shelfSection } from './sections/shelf';
import { sizeSection } from './sections/size';
import { na, renderTable, type Row } from './stats';
import { startStreamedServer, type StreamedServer } from '../tests/e2e/streamed-server';

const SECTIONS = ['size', 'filtering', 'listing', 'profile', 'flash', 'reader', 'shelf', 'progress', 'history', 'backup'] as const;
type Section = (typeof SECTIONS)[number];

/** Fixture pages whose blurbs feed the generated rules and works. */
const BLURB_FIXTURES = (Object.keys(FIXTURE_URLS) as FixtureFile[]).filter((f) => /^ao3\/(listing|series|bookmarks)-/.test(f));

export async function bundleInPageLib(root: string): Promise<string> {
  const result = await build({
    entryPoints: [path.join(root, 'bench', 'in-page', 'lib.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'warning',
  });
  return result.outputFiles[0]!.text;
}

export async function readRealBlurbs(browser: BenchBrowser, lib: string): Promise<Map<string, WorkMeta[]>> {
  const out = new Map<string, WorkMeta[]>();
  const page = await browser.context.newPage();
  try {
    for (const file of BLURB_FIXTURES) {
      const url = FIXTURE_URLS[file];
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      await page.addScriptTag({ content: lib });
      const metas = await page.evaluate(() =>
        (globalThis as unknown as { __lamplightBench: { readBlurbMetas(): WorkMeta[] } }).__lamplightBench.readBlurbMetas(),
      );
      out.set(url, metas);
    }
  } finally {
    await page.close();
  }
  return out;
}

/** Rules meant to match blurbs of the measured listing, both halves (so the flash check means something). */
export function anchorRules(metas: readonly WorkMeta[]): RuleSpec[] {
  const at = (i: number) => metas[i];
  const anchors: RuleSpec[] = [];
  const add = (i: number, field: 'freeform' | 'relationship' | 'author' | 'character', action: 'hide' | 'collapse') => {
    const m = at(i);
    if (!m) return;
    const value =
      field === 'freeform' ? m.freeforms[0] : field === 'relationship' ? m.relationships[0] : field === 'character' ? m.characters[0] : m.authors[0]?.pseud;
    anchors.push(value ? { field, pattern: value, action } : { field: 'work', pattern: `${m.site}:${m.id}`, action });
  };
  add(1, 'freeform', 'hide');
  add(4, 'relationship', 'collapse');
  add(7, 'author', 'hide');
  add(15, 'character', 'collapse');
  return anchors;
}

function parseArgs(args: string[]) {
  const quick = args.includes('--quick');
  const onlyArg = args.find((a) => a.startsWith('--only='));
  const only = onlyArg ? (onlyArg.slice(7).split(',') as Section[]) : [...SECTIONS];
  const unknown = only.filter((s) => !SECTIONS.includes(s));
  if (unknown.length) throw new Error(`unknown section(s): ${unknown.join(', ')} (known: ${SECTIONS.join(', ')})`);
  const jsonArg = args.find((a) => a.startsWith('--json='));
  return { quick, only, json: jsonArg?.slice(7) };
}

/** Rows grouped by section, in the order sections first appear; Memory and Size last. */
function ordered(rows: readonly Row[]): Row[] {
  const order: string[] = [];
  for (const r of rows) if (!order.includes(r.section)) order.push(r.section);
  const rank = (s: string) => order.indexOf(s) + (s.startsWith('Memory') ? 1000 : s.startsWith('Size') ? 2000 : 0);
  return [...rows].sort((a, b) => rank(a.section) - rank(b.section));
}

export async function main(args: string[]): Promise<number> {
  const started = Date.now();
  const root = process.env.LAMPLIGHT_ROOT ?? process.cwd();
  const options = parseArgs(args);
  const warmup = options.quick ? 1 : 2;
  const runs = options.quick ? 3 : 10;
  const log = (message: string) => process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${message}\n`);

  const inPageLib = await bundleInPageLib(root);
  const extension = snapshotExtension(CHROME_EXTENSION_DIR);
  const served: Served = { pages: new Map(), passThrough: new Set() };
  let server: StreamedServer | null = null;
  const streamed = flashPage();
  let ext: BenchBrowser | null = null;
  let bare: BenchBrowser | null = null;
  const rows: Row[] = [];
  const raw: Record<string, unknown> = {};
  let failures = 0;
  let version = 'unknown';
  try {
    server = await startStreamedServer([streamed]);
    log('launching Chromium with and without the extension');
    const port = server.port;
    const launched = await Promise.allSettled([launch({ extensionDir: extension.dir, served, streamPort: port }), launch({ extensionDir: null, served, streamPort: port })]);
    ext = launched[0].status === 'fulfilled' ? launched[0].value : null;
    bare = launched[1].status === 'fulfilled' ? launched[1].value : null;
    for (const r of launched) if (r.status === 'rejected') throw r.reason;
    if (!ext || !bare) throw new Error('Chromium did not start');
    version = await browserVersion(bare.context);
    log(`${version}; reading the fixture blurbs`);
    const realBlurbs = await readRealBlurbs(bare, inPageLib);
    const all = [...realBlurbs.values()].flat();
    const pool = tagPool(all);
    const anchors = anchorRules(realBlurbs.get(LISTING_URL) ?? []);
    const bench: Bench = {
      root,
      quick: options.quick,
      warmup,
      runs,
      ext,
      bare,
      served,
      streamPort: server.port,
      extensionId: ext.extensionId!,
      extensionDir: extension.dir,
      inPageLib,
      realBlurbs,
      pool,
      rules: { '200': generateRules(pool, 200, 200, anchors), '2000': generateRules(pool, 2000, 2000, anchors) },
      rows,
      raw,
      log,
    };
    raw.data = { realBlurbs: all.length, fixtures: BLURB_FIXTURES, anchors };

    const run: Record<Section, () => Promise<void>> = {
      size: async () => sizeSection(bench),
      filtering: () => filteringSection(bench),
      listing: () => listingSection(bench),
      profile: () => profileSection(bench),
      flash: () => flashSection(bench, server!, streamed),
      reader: () => readerSection(bench),
      shelf: () => shelfSection(bench),
      progress: () => progressSection(bench),
      history: () => historySection(bench),
      backup: () => backupSection(bench),
    };
    for (const section of SECTIONS) {
      if (!options.only.includes(section)) continue;
      const t0 = Date.now();
      try {
        await run[section]();
      } catch (error) {
        failures++;
        const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
        log(`${section} failed: ${error instanceof Error ? (error.stack ?? message) : message}`);
        rows.push({ section: `${section} (failed)`, name: section, lamplight: na(`bench error: ${message}`) });
      }
      log(`${section}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
  } finally {
    await ext?.close();
    await bare?.close();
    await server?.close();
    extension.remove();
  }

  const date = new Date().toISOString();
  const seconds = (Date.now() - started) / 1000;
  const title =
    `Lamplight bench — ${date.slice(0, 10)} — ${version} (${process.env.CHROMIUM_PATH ?? 'chromium on PATH'}, headless) — ` +
    `${options.quick ? 'quick: ' : ''}${warmup} warm-up, ${runs} measured runs per row unless n says otherwise — ` +
    `${os.cpus().length} CPUs, load ${os.loadavg()[0]!.toFixed(1)} — ${seconds.toFixed(0)} s`;
  const table = renderTable(ordered(rows), runs);
  console.log(`\n${title}\n\n${table}\n`);
  const jsonPath = path.resolve(root, options.json ?? path.join('bench', 'results.json'));
  writeFileSync(
    jsonPath,
    `${JSON.stringify({ date, chromium: version, quick: options.quick, warmup, runs, seconds, machine: { cpus: os.cpus().length, loadavg: os.loadavg() }, rows: ordered(rows), raw }, null, 1)}\n`,
  );
  console.log(`Results: ${path.relative(process.cwd(), jsonPath)}`);
  return failures ? 1 : 0;
}
