/**
 * Bundled by the bench (esbuild, IIFE) and evaluated in a blank Chromium page: the filter engine,
 * the naive baseline and the AO3 adapter, plus the timing loop, so a measured run crosses no
 * process boundary.
 */
import { compileRules, matchWork } from '../../lib/filters';
import type { Judgement, Rule } from '../../lib/filters';
import { naiveMatchWork } from '../../lib/filters/naive';
import { ao3 } from '../../lib/sites/ao3';
import type { WorkMeta } from '../../lib/sites/types';

export interface FilterTiming {
  /** ms per run: compileRules + matchWork on every work. */
  engine: number[];
  /** ms per run: compileRules alone (part of `engine`). */
  compile: number[];
  /** ms per run: naiveMatchWork on the first `naiveWorks` works (all of them when it is fast enough). */
  naive: number[];
  naiveWorks: number;
  /** Works the engine would hide or collapse. */
  filtered: number;
  /** Works where the engine and the naive matcher disagree (must be 0), among the first `naiveWorks`. */
  disagreements: number;
}

const verdict = (j: Judgement) => `${j.action}:${j.reasons.map((r) => r.ruleId).join(',')}`;

export interface FilterCase {
  rules: number;
  metas: number;
}

/** One judging pass: compile, then judge every work. Returns [total ms, compile ms]. */
function enginePass(rules: Rule[], metas: WorkMeta[]): [number, number, number] {
  let sink = 0;
  const t0 = performance.now();
  const compiled = compileRules(rules);
  const t1 = performance.now();
  for (const meta of metas) if (matchWork(meta, compiled).action !== 'show') sink++;
  const t2 = performance.now();
  return [t2 - t0, t1 - t0, sink];
}

/**
 * Times the engine on every case (`ruleSets[c.rules]` × `metaSets[c.metas]`): warm-up rounds over
 * all cases until at least `minWarmup` rounds and `warmupMs` have passed (the JIT is then warm for
 * all of them), then `runs` measured rounds, each case once per round (so machine noise spreads
 * evenly). Then the naive matcher on as many of the first works as fit in about `naiveBudgetMs`
 * per run (it is orders of magnitude slower; its cost grows linearly with the works).
 */
function timeFilters(
  ruleSets: Rule[][],
  metaSets: WorkMeta[][],
  cases: FilterCase[],
  minWarmup: number,
  warmupMs: number,
  runs: number,
  naiveBudgetMs: number,
): FilterTiming[] {
  let sink = 0;
  const out: FilterTiming[] = cases.map(() => ({ engine: [], compile: [], naive: [], naiveWorks: 0, filtered: 0, disagreements: 0 }));
  const warmStart = performance.now();
  for (let round = 0; round < minWarmup || performance.now() - warmStart < warmupMs; round++) {
    for (const c of cases) sink += enginePass(ruleSets[c.rules]!, metaSets[c.metas]!)[2];
  }
  for (let round = 0; round < runs; round++) {
    cases.forEach((c, i) => {
      const [total, compile, n] = enginePass(ruleSets[c.rules]!, metaSets[c.metas]!);
      out[i]!.engine.push(total);
      out[i]!.compile.push(compile);
      sink += n;
    });
  }
  cases.forEach((c, i) => {
    const rules = ruleSets[c.rules]!;
    const metas = metaSets[c.metas]!;
    const result = out[i]!;
    // How many works the naive matcher gets: from one untimed pass over a few.
    const probe = Math.min(metas.length, 5);
    const p0 = performance.now();
    for (const meta of metas.slice(0, probe)) if (naiveMatchWork(meta, rules).action !== 'show') sink++;
    const perWork = Math.max((performance.now() - p0) / probe, 0.001);
    result.naiveWorks = Math.min(metas.length, Math.max(probe, Math.ceil(naiveBudgetMs / perWork)));
    const subset = metas.slice(0, result.naiveWorks);
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      for (const meta of subset) if (naiveMatchWork(meta, rules).action !== 'show') sink++;
      result.naive.push(performance.now() - t0);
    }
    const compiled = compileRules(rules);
    metas.forEach((meta, w) => {
      const a = matchWork(meta, compiled);
      if (a.action !== 'show') result.filtered++;
      if (w < result.naiveWorks && verdict(a) !== verdict(naiveMatchWork(meta, rules))) result.disagreements++;
    });
  });
  (globalThis as { __sink?: number }).__sink = sink;
  return out;
}

/** WorkMeta of every work blurb on this page, as the content script reads them. */
function readBlurbMetas(): WorkMeta[] {
  return ao3.readBlurbs(document, new URL(location.href)).map((b) => b.meta);
}

/** How the AO3 adapter reads this work page (to check what the reader bench opens). */
function readWorkSummary(): { entireWork: boolean; chapters: number } | null {
  const work = ao3.readWork(document, new URL(location.href));
  return work ? { entireWork: work.entireWork, chapters: work.chapters.length } : null;
}

(globalThis as Record<string, unknown>).__lamplightBench = { timeFilters, readBlurbMetas, readWorkSummary };
