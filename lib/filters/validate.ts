/**
 * The only door into the rule list: anything the reader types or a backup file holds passes
 * through `validateRule` before it is stored. Messages are short and
 * meant for people.
 */

import { t, type MessageKey } from '../i18n';
import { isHistoryStatus } from './history-condition';
import { checkExtras } from './extras';
import { scopeKey } from './scope';
import { hasLiteral, normalizePattern, tidyPattern } from './pattern';
import type { Rule, RuleAction, RuleField, TextField, TextRule } from './types';
import { checkCoveredNames } from './synonyms';
import { findWarning } from './warnings';

export const MAX_PATTERN_LENGTH = 500;

export type Validation = { ok: true; rule: Rule } | { ok: false; error: string };

const ACTIONS: readonly RuleAction[] = ['hide', 'collapse', 'dim', 'allow'];
const TEXT_FIELDS: readonly TextField[] = [
  'warning',
  'rating',
  'category',
  'fandom',
  'relationship',
  'character',
  'freeform',
  'tag',
  'author',
  'title',
  'summary',
  'language',
  'work',
  'series',
];
const COMMON_KEYS = ['id', 'field', 'action', 'enabled', 'scope', 'note'];
/** A work's title or creators kept on a one-work rule, for its name in lists. */
const MAX_WORK_NAME_LENGTH = 500;
const KEYS: Record<'text' | 'words' | 'fandomCount' | 'complete' | 'history', readonly string[]> = {
  text: [...COMMON_KEYS, 'pattern', 'workTitle', 'workCreator', 'alsoCovers', 'seriesTitle'],
  words: [...COMMON_KEYS, 'min', 'max'],
  fandomCount: [...COMMON_KEYS, 'max'],
  complete: [...COMMON_KEYS, 'value'],
  history: [...COMMON_KEYS, 'status'],
};

/** A new rule id: a UUID where `crypto.randomUUID` exists, a random enough string otherwise. */
export function newRuleId(): string {
  const c = (globalThis as { crypto?: Partial<Crypto> }).crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  return `r-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * Two rules with the same key do the same thing: deduplicate by it (backup import).
 * Patterns compare normalized; a warning written with any of its spellings is one warning.
 * `enabled`, `id` and the note are not part of the key; the scope is.
 */
export function ruleKey(rule: Rule): string {
  const scope = scopeKey(rule.scope);
  return scope ? `${conditionKey(rule)}\u0000${scope}` : conditionKey(rule);
}

function conditionKey(rule: Rule): string {
  switch (rule.field) {
    case 'words':
      return ['words', rule.min ?? '', rule.max ?? '', rule.action].join('\u0000');
    case 'fandomCount':
      return ['fandomCount', rule.max, rule.action].join('\u0000');
    case 'complete':
      return ['complete', rule.value, rule.action].join('\u0000');
    case 'history':
      return ['history', rule.status, rule.action].join('\u0000');
    default: {
      const warning = rule.field === 'warning' ? findWarning(rule.pattern) : undefined;
      const pattern = warning ? normalizePattern(warning.name) : normalizePattern(rule.pattern);
      return [rule.field, pattern, rule.action].join('\u0000');
    }
  }
}

const fail = (error: string): Validation => ({ ok: false, error });

function describe(value: unknown): string {
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return String(value);
}

/** The messages about one count: "Minimum words must be a number", "… (-1) can't be negative"… */
interface CountMessages {
  notNumber: MessageKey;
  notFinite: MessageKey;
  negative: MessageKey;
  notWhole: MessageKey;
}
const MIN_WORDS: CountMessages = {
  notNumber: 'filterInvalidMinWordsNotNumber',
  notFinite: 'filterInvalidMinWordsNotFinite',
  negative: 'filterInvalidMinWordsNegative',
  notWhole: 'filterInvalidMinWordsNotWhole',
};
const MAX_WORDS: CountMessages = {
  notNumber: 'filterInvalidMaxWordsNotNumber',
  notFinite: 'filterInvalidMaxWordsNotFinite',
  negative: 'filterInvalidMaxWordsNegative',
  notWhole: 'filterInvalidMaxWordsNotWhole',
};
const MAX_FANDOMS: CountMessages = {
  notNumber: 'filterInvalidMaxFandomsNotNumber',
  notFinite: 'filterInvalidMaxFandomsNotFinite',
  negative: 'filterInvalidMaxFandomsNegative',
  notWhole: 'filterInvalidMaxFandomsNotWhole',
};

/** Why `value` is not a usable count, or null when it is one. */
function countProblem(messages: CountMessages, value: unknown): string | null {
  if (typeof value !== 'number') return t(messages.notNumber);
  if (!Number.isFinite(value)) return t(messages.notFinite);
  if (value < 0) return t(messages.negative, value);
  if (!Number.isInteger(value)) return t(messages.notWhole, value);
  return null;
}

/** Check a rule and its scope and note; the valid rule comes back tidied. */
export function validateRule(input: unknown): Validation {
  const checked = validateCondition(input);
  if (!checked.ok) return checked;
  const extras = checkExtras(input as Record<string, unknown>);
  if (!extras.ok) return fail(extras.error);
  return { ok: true, rule: { ...checked.rule, ...extras.value } };
}

function validateCondition(input: unknown): Validation {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return fail(t('filterInvalidNotObject'));
  }
  const raw = input as Record<string, unknown>;

  if (raw.field === undefined) return fail(t('filterInvalidFieldMissing'));
  if (typeof raw.field !== 'string') return fail(t('filterInvalidFieldNotText'));
  const field = raw.field as RuleField;
  const isText = (TEXT_FIELDS as readonly string[]).includes(field);
  const kind = isText
    ? 'text'
    : field === 'words' || field === 'fandomCount' || field === 'complete' || field === 'history'
      ? field
      : null;
  if (kind === null) return fail(t('filterInvalidUnknownField', describe(raw.field)));

  for (const key of Object.keys(raw)) {
    if (!KEYS[kind].includes(key)) {
      return fail(t('filterInvalidUnknownProperty', describe(key), field));
    }
  }

  if (raw.action === undefined) return fail(t('filterInvalidActionMissing'));
  if (typeof raw.action !== 'string' || !(ACTIONS as readonly string[]).includes(raw.action)) {
    return fail(t('filterInvalidUnknownAction', describe(raw.action)));
  }
  const action = raw.action as RuleAction;

  let id: string;
  if (raw.id === undefined) id = newRuleId();
  else if (typeof raw.id === 'string' && raw.id.trim() !== '') id = raw.id;
  else return fail(t('filterInvalidId'));

  let enabled = true;
  if (raw.enabled !== undefined) {
    if (typeof raw.enabled !== 'boolean') return fail(t('filterInvalidEnabled'));
    enabled = raw.enabled;
  }

  switch (kind) {
    case 'text': {
      if (raw.pattern === undefined) return fail(t('filterInvalidPatternMissing'));
      if (typeof raw.pattern !== 'string') return fail(t('filterInvalidPatternNotText'));
      const pattern = tidyPattern(raw.pattern);
      if (pattern === '') return fail(t('filterInvalidPatternEmpty'));
      if (pattern.length > MAX_PATTERN_LENGTH) {
        return fail(t('filterInvalidPatternTooLong', pattern.length, MAX_PATTERN_LENGTH));
      }
      if (!hasLiteral(pattern)) return fail(t('filterInvalidPatternOnlyWildcards'));
      const rule: TextRule = { id, field: field as TextField, pattern, action, enabled };
      for (const key of ['workTitle', 'workCreator', 'seriesTitle'] as const) {
        const value = raw[key];
        if (value === undefined) continue;
        const owner = key === 'seriesTitle' ? 'series' : 'work';
        if (field !== owner || typeof value !== 'string' || value.length > MAX_WORK_NAME_LENGTH) {
          return fail(t('filterInvalidWorkName', key));
        }
        if (value.trim() !== '') rule[key] = value.trim();
      }
      const covered = checkCoveredNames(raw.alsoCovers, rule.field, pattern);
      if (!covered.ok) return fail(covered.error);
      if (covered.names.length > 0) rule.alsoCovers = covered.names;
      return { ok: true, rule };
    }
    case 'words': {
      // null counts as "not set" (a JSON file cannot write undefined).
      const min = raw.min ?? undefined;
      const max = raw.max ?? undefined;
      if (min === undefined && max === undefined) {
        return fail(t('filterInvalidWordsBounds'));
      }
      const problem =
        (min === undefined ? null : countProblem(MIN_WORDS, min)) ??
        (max === undefined ? null : countProblem(MAX_WORDS, max));
      if (problem) return fail(problem);
      const lo = min as number | undefined;
      const hi = max as number | undefined;
      if (lo !== undefined && hi !== undefined && lo > hi) {
        return fail(t('filterInvalidWordsOrder', lo, hi));
      }
      const rule: Rule = { id, field: 'words', action, enabled };
      if (lo !== undefined) rule.min = lo;
      if (hi !== undefined) rule.max = hi;
      return { ok: true, rule };
    }
    case 'fandomCount': {
      if (raw.max === undefined || raw.max === null) return fail(t('filterInvalidMaxFandomsMissing'));
      const problem = countProblem(MAX_FANDOMS, raw.max);
      if (problem) return fail(problem);
      return { ok: true, rule: { id, field: 'fandomCount', max: raw.max as number, action, enabled } };
    }
    case 'complete': {
      if (typeof raw.value !== 'boolean') {
        return fail(t('filterInvalidCompleteValue'));
      }
      return { ok: true, rule: { id, field: 'complete', value: raw.value, action, enabled } };
    }
    case 'history': {
      if (!isHistoryStatus(raw.status)) return fail(t('historyRuleInvalidStatus', describe(raw.status)));
      return { ok: true, rule: { id, field: 'history', status: raw.status, action, enabled } };
    }
  }
}
