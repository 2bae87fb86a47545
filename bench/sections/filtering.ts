/**
 * Filtering in Chromium: compileRules + matchWork over 20 and 1,000 blurbs with 200 and 2,000
 * rules, and the naive matcher (lib/filters/naive.ts) on the same input, in a blank page of the
 * browser without the extension (bench/in-page/lib.ts, bundled with esbuild). The page is
 * cross-origin isolated, so performance.now() has 5 µs resolution instead of 100 µs.
 */
import type { Bench } from '../context';
import { generateMetas } from '../data';
import type { FilterCase, FilterTiming } from '../in-page/lib';
import { ms, ratioOf, stats } from '../stats';
import { LISTING_URL } from './listing';

export const BLANK_URL = 'https://bench.lamplight.invalid/blank';

export async function filteringSection(bench: Bench): Promise<void> {
  bench.served.pages.set(BLANK_URL, {
    body: '<!doctype html><title>bench</title>',
    headers: { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' },
  });
  const real20 = bench.realBlurbs.get(LISTING_URL) ?? [];
  if (real20.length !== 20) throw new Error(`expected 20 blurbs on ${LISTING_URL}, read ${real20.length}`);
  const allReal = [...bench.realBlurbs.values()].flat();
  const metaSets = [real20, generateMetas(allReal, bench.pool, 1000, 1000)];
  const metaLabels = ['20 blurbs (the listing fixture)', '1,000 blurbs (synthetic, real tags)'];
  const ruleSets = [bench.rules['200'], bench.rules['2000']];
  const cases: FilterCase[] = [
    { rules: 0, metas: 0 },
    { rules: 0, metas: 1 },
    { rules: 1, metas: 0 },
    { rules: 1, metas: 1 },
  ];
  const targets: Record<string, { text: string; limit: number }> = {
    '0|0': { text: '< 2 ms', limit: 2 },
    '1|1': { text: '< 30 ms', limit: 30 },
  };
  // A microbenchmark: warm-up rounds until the JIT has settled (cheap next to page loads).
  const minWarmup = bench.quick ? 5 : 20;
  const warmupMs = bench.quick ? 500 : 2000;

  const page = await bench.bare.context.newPage();
  try {
    await page.goto(BLANK_URL);
    const isolated = await page.evaluate(() => crossOriginIsolated);
    await page.addScriptTag({ content: bench.inPageLib });
    bench.log(`filtering: ${cases.length} cases, round-robin`);
    const timings = await page.evaluate(
      (args) =>
        (globalThis as unknown as { __lamplightBench: { timeFilters: (...a: unknown[]) => FilterTiming[] } }).__lamplightBench.timeFilters(
          ...args,
        ),
      [ruleSets, metaSets, cases, minWarmup, warmupMs, bench.runs, bench.quick ? 150 : 400] as const,
    );
    const section = `Filtering in Chromium: compileRules, then matchWork on every blurb (warm JIT: ≥${minWarmup} rounds, ≥${warmupMs} ms; ${isolated ? '5 µs' : '100 µs'} timer)`;
    const raw: Record<string, unknown> = { crossOriginIsolated: isolated };
    cases.forEach((c, i) => {
      const timing = timings[i]!;
      const rules = ruleSets[c.rules]!;
      const metas = metaSets[c.metas]!;
      raw[`${rules.length}x${metas.length}`] = timing;
      const engine = ms(timing.engine);
      // The naive matcher's cost is linear in the works: when it ran on fewer, scale to all of them.
      const scale = metas.length / timing.naiveWorks;
      const naive = ms(timing.naive.map((t) => t * scale));
      const target = targets[`${c.rules}|${c.metas}`];
      const median = stats(timing.engine).median;
      bench.rows.push({
        section,
        name: `${rules.length.toLocaleString('en')} rules × ${metaLabels[c.metas]}`,
        lamplight: engine,
        baseline: { label: scale === 1 ? 'naive' : `naive (${timing.naiveWorks} timed, ×${scale.toFixed(1)})`, figure: naive },
        ratio: ratioOf(engine, naive),
        ...(target ? { target: { text: target.text, met: median < target.limit } } : {}),
        note:
          `compileRules alone ${stats(timing.compile).median.toFixed(3)} ms; ${timing.filtered} of ${metas.length} filtered; ` +
          `engine and naive disagree on ${timing.disagreements} of ${timing.naiveWorks}` +
          (scale === 1 ? '' : `; naive timed on the first ${timing.naiveWorks} works, scaled linearly`),
      });
      if (timing.disagreements > 0) bench.log(`WARNING: engine and naive disagree on ${timing.disagreements} works`);
    });
    bench.raw.filtering = raw;
  } finally {
    await page.close();
  }
}
