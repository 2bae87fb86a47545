/**
 * Rules on the reading history ("already read", "started") and the dim action: the status a rule
 * sees is lib/history/marker.ts's `historyStatus` of the stored entry and the chapters the blurb
 * shows posted now; the engine, the naive baseline and the independent reference agree.
 */
import { describe, expect, it } from 'vitest';
import { decide, type Match } from '../../../lib/filters/decide';
import { compileRules, matchWork } from '../../../lib/filters/engine';
import { naiveMatchWork } from '../../../lib/filters/naive';
import type { HistoryRule, Judgement, Reason, Rule, RuleAction } from '../../../lib/filters/types';
import { ruleKey, validateRule } from '../../../lib/filters/validate';
import { historyStatus } from '../../../lib/history/marker';
import type { HistoryStatus } from '../../../lib/history/types';
import { entry, T0 } from '../history/helpers';
import { historyCorpus } from './corpus';
import { makeWork, textRule } from './factory';
import { referenceMatchWork } from './reference-matcher';

const historyRule = (status: HistoryStatus, action: RuleAction = 'hide', id = `h-${status}-${action}`): HistoryRule => ({
  id,
  field: 'history',
  status,
  action,
  enabled: true,
});

/** Engine, naive and reference on one work; returns the engine's judgement. */
function judged(rules: Rule[], status: HistoryStatus | null | undefined, work = makeWork()): Judgement {
  const judgement = matchWork(work, compileRules(rules), status);
  expect(naiveMatchWork(work, rules, status)).toEqual(judgement);
  expect(referenceMatchWork(work, rules, status)).toEqual({
    action: judgement.action,
    ruleIds: judgement.reasons.map((r) => r.ruleId),
  });
  return judgement;
}

describe('history conditions: which works they match', () => {
  const read = historyRule('finished', 'hide', 'read');
  const started = historyRule('started', 'dim', 'started');
  const both = [read, started];
  const ao3Reading = (visits: number) => ({ lastVisit: T0, visits, updateAvailable: false, markedForLater: visits === 0 });

  it.each<[string, ReturnType<typeof entry> | null, number | null, 'hide' | 'dim' | 'show']>([
    ['read to the end, same chapters posted', entry({ seen: [1, 2, 3], chapterCount: 3, finished: true }), 3, 'hide'],
    ['read to the end, blurb gives no count', entry({ seen: [1, 2, 3], chapterCount: 3, finished: true }), null, 'hide'],
    ['read to the end, one chapter posted since: started again', entry({ seen: [1, 2, 3], chapterCount: 3, finished: true }), 4, 'dim'],
    ['read to the end of an unknown count', entry({ seen: [1], chapterCount: null, finished: true }), 2, 'hide'],
    ['stopped at chapter 2 of 5', entry({ seen: [1, 2], chapterCount: 5, finished: false }), 5, 'dim'],
    ['every chapter seen, the end of the last never reached', entry({ seen: [1, 2, 3], chapterCount: 3, finished: false }), 3, 'dim'],
    ['known from AO3 History only (visited, chapters unknown)', entry({ seen: [], visits: 0, finished: false, ao3: ao3Reading(2) }), 5, 'dim'],
    ['AO3 History only, marked for later, never visited', entry({ seen: [], visits: 0, finished: false, ao3: ao3Reading(0) }), 5, 'show'],
    ['not in the history', null, 5, 'show'],
  ])('%s → %s', (_name, stored, postedNow, action) => {
    const status = historyStatus(stored, postedNow);
    const judgement = judged(both, status);
    expect(judgement.action).toBe(action);
    if (action === 'hide') expect(judgement.reasons.map((r) => r.ruleId)).toEqual(['read']);
    if (action === 'dim') expect(judgement.reasons.map((r) => r.ruleId)).toEqual(['started']);
  });

  it('matches nothing when the status is not given (a work page): history rules apply on listings only', () => {
    expect(judged(both, undefined).action).toBe('show');
    const compiled = compileRules(both);
    expect(compiled.needsHistory).toBe(true);
    expect(matchWork(makeWork(), compiled).action).toBe('show');
  });

  it('says when the history is needed: only for an enabled, usable history rule', () => {
    expect(compileRules([textRule('freeform', 'Angst')]).needsHistory).toBe(false);
    expect(compileRules([{ ...read, enabled: false }]).needsHistory).toBe(false);
    expect(compileRules([{ ...read, status: 'read' as HistoryStatus }]).needsHistory).toBe(false);
    expect(compileRules([textRule('freeform', 'Angst'), started]).needsHistory).toBe(true);
  });

  it('ignores a damaged stored status in every matcher, like validation would', () => {
    const bad = { ...read, status: 'read' as HistoryStatus };
    expect(judged([bad], 'finished').action).toBe('show');
  });

  it('gives short labels for placeholders', () => {
    expect(judged([read], 'finished').reasons[0]!.label).toBe('already read');
    expect(judged([started], 'started').reasons[0]!.label).toBe('started');
  });
});

describe('decide: allow > hide > collapse > dim', () => {
  const match = (action: RuleAction, id: string): Match => ({ action, reason: { ruleId: id, field: 'tag', label: id } as Reason });
  const ids = (j: Judgement) => j.reasons.map((r) => r.ruleId);

  it('dims when only dim rules match, naming them all', () => {
    const j = decide([match('dim', 'a'), match('dim', 'b')]);
    expect(j.action).toBe('dim');
    expect(ids(j)).toEqual(['a', 'b']);
  });
  it('collapse beats dim, and a dim rule is no reason for a collapse', () => {
    const j = decide([match('dim', 'a'), match('collapse', 'b')]);
    expect(j.action).toBe('collapse');
    expect(ids(j)).toEqual(['b']);
  });
  it('hide beats dim: the reasons are the hide and collapse rules, in rule order', () => {
    const j = decide([match('collapse', 'a'), match('dim', 'b'), match('hide', 'c')]);
    expect(j.action).toBe('hide');
    expect(ids(j)).toEqual(['a', 'c']);
  });
  it('allow beats dim', () => {
    const j = decide([match('dim', 'a'), match('allow', 'b')]);
    expect(j).toMatchObject({ action: 'show' });
    expect(ids(j)).toEqual(['b']);
  });
  it('the same through the engine, with a tag rule and a history rule', () => {
    const work = makeWork({ freeforms: ['Angst'] });
    expect(judged([textRule('freeform', 'angst', 'dim'), historyRule('finished', 'collapse')], 'finished', work).action).toBe('collapse');
    expect(judged([textRule('freeform', 'angst', 'dim'), historyRule('finished', 'collapse')], 'started', work).action).toBe('dim');
    expect(judged([textRule('freeform', 'angst', 'allow'), historyRule('finished', 'hide')], 'finished', work).action).toBe('show');
  });
});

describe('validateRule: history rules and dim', () => {
  it('accepts both statuses and dim on any kind of rule', () => {
    for (const status of ['finished', 'started'] as const) {
      const result = validateRule({ id: 'x', field: 'history', status, action: 'dim', enabled: true });
      expect(result).toEqual({ ok: true, rule: { id: 'x', field: 'history', status, action: 'dim', enabled: true } });
    }
    expect(validateRule({ field: 'words', min: 5, action: 'dim' }).ok).toBe(true);
    expect(validateRule({ field: 'tag', pattern: 'Angst', action: 'dim' }).ok).toBe(true);
  });

  it.each<[string, unknown, string]>([
    ['no status', { field: 'history', action: 'hide' }, 'A reading-history rule needs "finished" or "started", not undefined'],
    ['an unknown status', { field: 'history', status: 'read', action: 'hide' }, 'A reading-history rule needs "finished" or "started", not "read"'],
    ['a status that is not text', { field: 'history', status: true, action: 'hide' }, 'A reading-history rule needs "finished" or "started", not true'],
    ['a pattern on a history rule', { field: 'history', status: 'started', pattern: 'x', action: 'hide' }, 'Unknown property "pattern" in a history rule'],
    ['a status on a tag rule', { field: 'tag', pattern: 'x', status: 'started', action: 'hide' }, 'Unknown property "status" in a tag rule'],
    ['an unknown action', { field: 'history', status: 'started', action: 'fade' }, 'Unknown action "fade" (use hide, collapse, dim or allow)'],
  ])('refuses %s', (_name, input, message) => {
    const result = validateRule(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toBe(message);
  });

  it('keys history rules on status and action', () => {
    const key = (status: HistoryStatus, action: RuleAction) => ruleKey(historyRule(status, action, Math.random().toString()));
    expect(key('finished', 'hide')).toBe(key('finished', 'hide'));
    expect(key('finished', 'hide')).not.toBe(key('started', 'hide'));
    expect(key('finished', 'hide')).not.toBe(key('finished', 'dim'));
  });
});

describe('engine, naive baseline and reference agree with history rules and dim', () => {
  it.each([
    [21, 200, 60],
    [22, 200, 60],
  ])('seed %i: %i works × %i rules', (seed, workCount, ruleCount) => {
    const { works, rules, statuses } = historyCorpus(seed, workCount, ruleCount);
    const compiled = compileRules(rules);
    expect(compiled.needsHistory).toBe(true);
    const seen = { show: 0, hide: 0, collapse: 0, dim: 0, history: 0 };
    works.forEach((work, i) => {
      const judgement = matchWork(work, compiled, statuses[i]);
      expect(naiveMatchWork(work, rules, statuses[i]), `work ${i}`).toEqual(judgement);
      expect(referenceMatchWork(work, rules, statuses[i]), `work ${i}`).toEqual({
        action: judgement.action,
        ruleIds: judgement.reasons.map((r) => r.ruleId),
      });
      seen[judgement.action]++;
      if (judgement.reasons.some((r) => r.field === 'history')) seen.history++;
    });
    // Every outcome happens, and history rules decide some of them.
    expect(seen.dim).toBeGreaterThan(3);
    expect(seen.hide).toBeGreaterThan(3);
    expect(seen.collapse).toBeGreaterThan(3);
    expect(seen.history).toBeGreaterThan(10);
  }, 120_000);
});
