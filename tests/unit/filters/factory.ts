/** Builders shared by the filter tests (not a test file itself). */

import { expect } from 'vitest';
import { compileRules, matchWork } from '../../../lib/filters/engine';
import { naiveMatchWork } from '../../../lib/filters/naive';
import type {
  CompleteRule,
  FandomCountRule,
  Judgement,
  Rule,
  RuleAction,
  TextField,
  TextRule,
  WordsRule,
} from '../../../lib/filters/types';
import type { WorkMeta } from '../../../lib/sites/types';

export function makeWork(overrides: Partial<WorkMeta> = {}): WorkMeta {
  return {
    site: 'ao3',
    id: '1000',
    url: 'https://archiveofourown.org/works/1000',
    title: 'A Quiet Place',
    authors: [{ pseud: 'quietwriter', login: 'quietwriter', url: 'https://archiveofourown.org/users/quietwriter' }],
    anonymous: false,
    fandoms: ['Original Work'],
    rating: 'General Audiences',
    warnings: ['No Archive Warnings Apply'],
    categories: ['Gen'],
    relationships: [],
    characters: [],
    freeforms: [],
    language: 'English',
    words: 1200,
    chapters: { posted: 1, expected: 1 },
    complete: true,
    updated: '2024-05-01',
    summary: 'A short story.',
    series: [],
    ...overrides,
  };
}

let counter = 0;
const nextId = (): string => `rule-${++counter}`;

export function textRule(
  field: TextField,
  pattern: string,
  action: RuleAction = 'hide',
  extra: Partial<TextRule> = {},
): TextRule {
  return { id: nextId(), field, pattern, action, enabled: true, ...extra };
}

export function wordsRule(
  bounds: { min?: number; max?: number },
  action: RuleAction = 'hide',
  extra: Partial<WordsRule> = {},
): WordsRule {
  return { id: nextId(), field: 'words', ...bounds, action, enabled: true, ...extra };
}

export function fandomCountRule(max: number, action: RuleAction = 'hide'): FandomCountRule {
  return { id: nextId(), field: 'fandomCount', max, action, enabled: true };
}

export function completeRule(value: boolean, action: RuleAction = 'hide'): CompleteRule {
  return { id: nextId(), field: 'complete', value, action, enabled: true };
}

/** Judges with the engine, and checks the naive baseline says exactly the same. */
export function judge(rules: Rule[], meta: WorkMeta): Judgement {
  const judgement = matchWork(meta, compileRules(rules));
  expect(naiveMatchWork(meta, rules)).toEqual(judgement);
  return judgement;
}

/** True when the rule set hides or collapses the work. */
export function filtered(rules: Rule[], meta: WorkMeta): boolean {
  return judge(rules, meta).action !== 'show';
}

/** Does this one text rule match the work? */
export function matches(field: TextField, pattern: string, meta: WorkMeta): boolean {
  return filtered([textRule(field, pattern)], meta);
}

/** A small seeded PRNG (mulberry32): the same corpus on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
