/**
 * The engine and the naive baseline agree on rules with scopes and series rules: the generated
 * corpus of agreement.test.ts, with series on its works and, from a second seeded stream, scopes
 * (only/except, one to three fandom patterns, some with wildcards) and series rules added.
 */
import { describe, expect, it } from 'vitest';
import { compileRules, matchWork } from '../../../lib/filters/engine';
import { naiveMatchWork } from '../../../lib/filters/naive';
import type { Rule } from '../../../lib/filters/types';
import type { SeriesRef, WorkMeta } from '../../../lib/sites/types';
import { corpus } from './corpus';
import { seededRandom } from './factory';

const SERIES: SeriesRef[] = ['Fade to Black', "Grief's Pyre", 'OG Titan', 'The Subterraneum', 'Drabbles 2022'].map(
  (title, i) => ({ id: String(1000 + i), title, part: 1, url: '' }),
);

function decorate(seed: number, works: WorkMeta[], rules: Rule[]): { works: WorkMeta[]; rules: Rule[]; scoped: number } {
  const random = seededRandom(seed * 7919);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  const allFandoms = [...new Set(works.flatMap((w) => w.fandoms))];
  const fandomPattern = () => {
    const f = pick(allFandoms).trim();
    const r = random();
    if (r < 0.5) return f;
    if (r < 0.75) return `${f.slice(0, 4)}*`;
    return `*${f.slice(-4)}*`;
  };
  const withSeries = works.map((w) => (random() < 0.4 ? { ...w, series: [pick(SERIES), ...(random() < 0.2 ? [pick(SERIES)] : [])] } : w));
  let scoped = 0;
  const extra: Rule[] = Array.from({ length: 20 }, (_, i): Rule => {
    const s = pick(SERIES);
    const pattern = random() < 0.5 ? `ao3:${s.id}` : random() < 0.5 ? s.title.toUpperCase() : `*${s.title.slice(2, 6)}*`;
    return { id: `s${i}`, field: 'series', pattern, action: random() < 0.1 ? 'allow' : random() < 0.5 ? 'hide' : 'collapse', enabled: true };
  });
  const all = [...rules, ...extra].map((rule): Rule => {
    if (random() > 0.35 || rule.field === 'work') return rule;
    scoped++;
    const fandoms = Array.from({ length: 1 + int(3) }, fandomPattern).filter((f) => /[^*\s]/.test(f));
    if (fandoms.length === 0) return rule;
    return { ...rule, scope: { mode: random() < 0.5 ? 'only' : 'except', fandoms }, ...(random() < 0.3 ? { note: `note ${rule.id}` } : {}) };
  });
  return { works: withSeries, rules: all, scoped };
}

describe('engine and naive baseline agree on scopes and series', () => {
  it.each([
    [11, 200, 300],
    [12, 200, 100],
    [13, 150, 30],
  ])('seed %i: %i works × %i rules', (seed, workCount, ruleCount) => {
    const base = corpus(seed, workCount, ruleCount);
    const { works, rules, scoped } = decorate(seed, base.works, base.rules);
    expect(scoped).toBeGreaterThan(5);
    const compiled = compileRules(rules);
    const unscoped = compileRules(rules.map(({ scope: _scope, ...rule }) => rule as Rule));
    let scopeDecided = 0;
    let seriesReasons = 0;
    for (const work of works) {
      const judgement = matchWork(work, compiled);
      expect(naiveMatchWork(work, rules), `work ${JSON.stringify(work)}`).toEqual(judgement);
      if (JSON.stringify(matchWork(work, unscoped)) !== JSON.stringify(judgement)) scopeDecided++;
      seriesReasons += judgement.reasons.filter((r) => r.field === 'series').length;
    }
    // The scopes changed some outcomes, and series rules gave reasons: agreement is not vacuous.
    expect(scopeDecided).toBeGreaterThan(0);
    expect(seriesReasons).toBeGreaterThan(0);
  }, 60_000);
});
