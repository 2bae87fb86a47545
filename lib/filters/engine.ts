/**
 * The filter engine: compile the reader's rules once, then judge each work in time that grows
 * with the work's tags, not with the number of rules. Pure: no DOM, no browser API.
 *
 * Tags repeat from blurb to blurb (a listing is usually one fandom), so each compiled rule set
 * remembers, per kind of value, which rules a raw value matched: a tag seen before costs one
 * Map lookup. The memo is bounded and invisible (same answers with or without it).
 */

import type { WorkMeta } from '../sites/types';
import { decide, type Match } from './decide';
import { SOURCES, SOURCES_OF_FIELD, sourceValues, type Source } from './fields';
import type { HistoryStatus } from '../history/types';
import { addHistoryHits, addHistoryRule, type HistoryIndex } from './history-condition';
import { HitSet } from './hits';
import { reasonFor } from './labels';
import { normalize } from './pattern';
import { PatternIndex } from './pattern-index';
import { compileScope, scopeApplies, type CompiledScope } from './scope';
import { SummaryIndex } from './summary-index';
import { rulePatterns } from './synonyms';
import type { Judgement, Rule } from './types';
import { warningSpellings } from './warnings';

/** Values per source remembered before the memo starts over. */
const MEMO_LIMIT = 10_000;
/** Sources whose values repeat across works (titles, work ids and summaries do not). */
const MEMO_SOURCES: ReadonlySet<Source> = new Set([
  'warnings',
  'rating',
  'categories',
  'fandoms',
  'relationships',
  'characters',
  'freeforms',
  'authors',
  'language',
  'series',
]);

interface TextMatcher {
  index: PatternIndex;
  memo: Map<string, readonly number[]> | null;
}

interface Range {
  rule: number;
  min: number;
  max: number;
}

interface Threshold {
  rule: number;
  max: number;
}

/** Rules compiled by `compileRules`; opaque, reuse it for every work until the rules change. */
export interface CompiledRules {
  /** Enabled rules that can match (what validation would reject never matches). */
  readonly size: number;
  /** Some enabled rule asks for the reading history: give `matchWork` each work's status. */
  readonly needsHistory: boolean;
  /** @internal */
  readonly matches: readonly Match[];
  /** @internal */
  readonly text: ReadonlyMap<Exclude<Source, 'summary'>, TextMatcher>;
  /** @internal */
  readonly summary: SummaryIndex | null;
  /** @internal */
  readonly words: readonly Range[];
  /** @internal sorted by `max`, ascending */
  readonly fandomCount: readonly Threshold[];
  /** @internal */
  readonly complete: readonly number[];
  /** @internal */
  readonly inProgress: readonly number[];
  /** @internal */
  readonly history: HistoryIndex | null;
  /** @internal */
  readonly hits: HitSet;
  /** @internal per rule index: its scope, checked only once the rule matched; null when no rule has one */
  readonly scopes: readonly (CompiledScope | null)[] | null;
}

const isCount = (n: unknown): n is number => typeof n === 'number' && !Number.isNaN(n);

export function compileRules(rules: readonly Rule[]): CompiledRules {
  const matches: Match[] = [];
  const text = new Map<Exclude<Source, 'summary'>, PatternIndex>();
  let summary: SummaryIndex | null = null;
  const words: Range[] = [];
  const fandomCount: Threshold[] = [];
  const complete: number[] = [];
  const inProgress: number[] = [];
  let history: HistoryIndex | null = null;
  const scopes: (CompiledScope | null)[] = [];
  let scoped = false;

  for (const rule of rules) {
    if (!rule.enabled) continue;
    const index = matches.length;
    let usable = true;
    switch (rule.field) {
      case 'words': {
        const hasMin = isCount(rule.min);
        const hasMax = isCount(rule.max);
        if (!hasMin && !hasMax) usable = false;
        else {
          words.push({
            rule: index,
            min: hasMin ? rule.min! : -Infinity,
            max: hasMax ? rule.max! : Infinity,
          });
        }
        break;
      }
      case 'fandomCount':
        if (isCount(rule.max)) fandomCount.push({ rule: index, max: rule.max });
        else usable = false;
        break;
      case 'complete':
        if (rule.value === true) complete.push(index);
        else if (rule.value === false) inProgress.push(index);
        else usable = false;
        break;
      case 'history':
        history ??= { finished: [], started: [] };
        usable = addHistoryRule(history, rule, index);
        break;
      case 'summary':
        summary ??= new SummaryIndex();
        usable = summary.add(rule.pattern, index);
        break;
      default: {
        const patterns = rulePatterns(rule);
        if (patterns[0]!.kind === 'none') {
          usable = false;
          break;
        }
        for (const source of SOURCES_OF_FIELD[rule.field]) {
          if (source === 'summary') continue;
          let idx = text.get(source);
          if (!idx) text.set(source, (idx = new PatternIndex()));
          for (const compiled of patterns) idx.add(compiled, index);
        }
      }
    }
    if (usable) {
      matches.push({
        action: rule.action,
        reason: reasonFor(rule),
      });
      const scope = compileScope(rule.scope);
      scopes.push(scope);
      if (scope) scoped = true;
    }
  }

  const matchers = new Map<Exclude<Source, 'summary'>, TextMatcher>();
  for (const [source, index] of text) {
    index.build();
    matchers.set(source, { index, memo: MEMO_SOURCES.has(source) ? new Map() : null });
  }
  summary?.build();
  fandomCount.sort((a, b) => a.max - b.max);
  return {
    size: matches.length,
    needsHistory: history !== null && history.finished.length + history.started.length > 0,
    matches,
    text: matchers,
    summary,
    words,
    fandomCount,
    complete,
    inProgress,
    history,
    hits: new HitSet(matches.length),
    scopes: scoped ? scopes : null,
  };
}

/** The rules a raw value of `source` matches; warnings also match by their other spellings. */
function matchValue(index: PatternIndex, source: Source, raw: string): readonly number[] {
  const value = normalize(raw);
  if (source !== 'warnings') return index.match(value);
  const spellings = warningSpellings(value);
  if (spellings.length === 1) return index.match(value);
  const all = new Set<number>();
  for (const spelling of spellings) for (const rule of index.match(spelling)) all.add(rule);
  return [...all];
}

/**
 * Decide what happens to one work. `history` is the work's reading status when the caller knows it
 * (listings, when `compiled.needsHistory`); left out, no history rule matches. The Reason objects
 * are shared between judgements and frozen: read them, never change them. Not re-entrant (it is
 * synchronous, so it never needs to be).
 */
export function matchWork(meta: WorkMeta, compiled: CompiledRules, history?: HistoryStatus | null): Judgement {
  if (compiled.size === 0) return { action: 'show', reasons: [] };
  const hits = compiled.hits;
  hits.reset();

  for (const source of SOURCES) {
    if (source === 'summary') {
      if (compiled.summary && meta.summary !== '') compiled.summary.match(meta.summary, hits);
      continue;
    }
    const matcher = compiled.text.get(source);
    if (!matcher) continue;
    const values = sourceValues(meta, source);
    for (let v = 0; v < values.length; v++) {
      const value = values[v]!;
      let rules = matcher.memo?.get(value);
      if (rules === undefined) {
        rules = matchValue(matcher.index, source, value);
        if (matcher.memo) {
          if (matcher.memo.size >= MEMO_LIMIT) matcher.memo.clear();
          matcher.memo.set(value, rules);
        }
      }
      for (let r = 0; r < rules.length; r++) hits.add(rules[r]!);
    }
  }

  const words = meta.words;
  if (words !== null) {
    for (let i = 0; i < compiled.words.length; i++) {
      const r = compiled.words[i]!;
      if (words >= r.min && words <= r.max) hits.add(r.rule);
    }
  }
  const fandoms = meta.fandoms.length;
  for (let i = 0; i < compiled.fandomCount.length; i++) {
    const t = compiled.fandomCount[i]!;
    if (fandoms <= t.max) break;
    hits.add(t.rule);
  }
  const byCompletion =
    meta.complete === true ? compiled.complete : meta.complete === false ? compiled.inProgress : null;
  if (byCompletion) for (let i = 0; i < byCompletion.length; i++) hits.add(byCompletion[i]!);
  addHistoryHits(compiled.history, history, hits);

  const found = hits.list;
  if (compiled.scopes && found.length > 0) dropOutOfScope(found, compiled.scopes, meta.fandoms);
  const n = found.length;
  if (n === 0) return { action: 'show', reasons: [] };
  // Reasons in rule order. Few rules match one work: insertion sort beats a comparator call.
  for (let i = 1; i < n; i++) {
    const x = found[i]!;
    let j = i - 1;
    while (j >= 0 && found[j]! > x) {
      found[j + 1] = found[j]!;
      j--;
    }
    found[j + 1] = x;
  }
  const matched: Match[] = new Array<Match>(n);
  for (let i = 0; i < n; i++) matched[i] = compiled.matches[found[i]!]!;
  return decide(matched);
}

/** Keeps, in place, the matched rules whose scope (if any) takes in a work of these fandoms. */
function dropOutOfScope(found: number[], scopes: readonly (CompiledScope | null)[], fandoms: readonly string[]): void {
  let kept = 0;
  for (let i = 0; i < found.length; i++) {
    const rule = found[i]!;
    const scope = scopes[rule];
    if (!scope || scopeApplies(scope, fandoms)) found[kept++] = rule;
  }
  found.length = kept;
}
