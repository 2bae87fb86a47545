/**
 * The only door into the rule list: anything the reader types or a backup file holds passes
 * through `validateRule` before it is stored (DESIGN.md section 4). Messages are short and
 * meant for people.
 */

import { hasLiteral, normalizePattern, tidyPattern } from './pattern';
import type { Rule, RuleAction, RuleField, TextField } from './types';
import { findWarning } from './warnings';

export const MAX_PATTERN_LENGTH = 500;

export type Validation = { ok: true; rule: Rule } | { ok: false; error: string };

const ACTIONS: readonly RuleAction[] = ['hide', 'collapse', 'allow'];
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
];
const COMMON_KEYS = ['id', 'field', 'action', 'enabled'];
const KEYS: Record<'text' | 'words' | 'fandomCount' | 'complete', readonly string[]> = {
  text: [...COMMON_KEYS, 'pattern'],
  words: [...COMMON_KEYS, 'min', 'max'],
  fandomCount: [...COMMON_KEYS, 'max'],
  complete: [...COMMON_KEYS, 'value'],
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
 * `enabled` and `id` are not part of the key.
 */
export function ruleKey(rule: Rule): string {
  switch (rule.field) {
    case 'words':
      return ['words', rule.min ?? '', rule.max ?? '', rule.action].join('\u0000');
    case 'fandomCount':
      return ['fandomCount', rule.max, rule.action].join('\u0000');
    case 'complete':
      return ['complete', rule.value, rule.action].join('\u0000');
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

/** Why `value` is not a usable count, or null when it is one. `name` starts the message. */
function countProblem(name: string, value: unknown): string | null {
  if (typeof value !== 'number') return `${name} must be a number`;
  if (!Number.isFinite(value)) return `${name} must be a finite number`;
  if (value < 0) return `${name} (${value}) can't be negative`;
  if (!Number.isInteger(value)) return `${name} (${value}) must be a whole number`;
  return null;
}

export function validateRule(input: unknown): Validation {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return fail('A rule must be an object');
  }
  const raw = input as Record<string, unknown>;

  if (raw.field === undefined) return fail('Field is missing');
  if (typeof raw.field !== 'string') return fail('Field must be text');
  const field = raw.field as RuleField;
  const isText = (TEXT_FIELDS as readonly string[]).includes(field);
  const kind = isText
    ? 'text'
    : field === 'words' || field === 'fandomCount' || field === 'complete'
      ? field
      : null;
  if (kind === null) return fail(`Unknown field ${describe(raw.field)}`);

  for (const key of Object.keys(raw)) {
    if (!KEYS[kind].includes(key)) {
      return fail(`Unknown property ${describe(key)} in a ${field} rule`);
    }
  }

  if (raw.action === undefined) return fail('Action is missing');
  if (typeof raw.action !== 'string' || !(ACTIONS as readonly string[]).includes(raw.action)) {
    return fail(`Unknown action ${describe(raw.action)} (use hide, collapse or allow)`);
  }
  const action = raw.action as RuleAction;

  let id: string;
  if (raw.id === undefined) id = newRuleId();
  else if (typeof raw.id === 'string' && raw.id.trim() !== '') id = raw.id;
  else return fail('Rule id must be non-empty text');

  let enabled = true;
  if (raw.enabled !== undefined) {
    if (typeof raw.enabled !== 'boolean') return fail('Enabled must be true or false');
    enabled = raw.enabled;
  }

  switch (kind) {
    case 'text': {
      if (raw.pattern === undefined) return fail('Pattern is missing');
      if (typeof raw.pattern !== 'string') return fail('Pattern must be text');
      const pattern = tidyPattern(raw.pattern);
      if (pattern === '') return fail('Pattern is empty');
      if (pattern.length > MAX_PATTERN_LENGTH) {
        return fail(
          `Pattern is too long (${pattern.length} characters; the limit is ${MAX_PATTERN_LENGTH})`,
        );
      }
      if (!hasLiteral(pattern)) return fail('Pattern needs more than * (it would match everything)');
      return { ok: true, rule: { id, field: field as TextField, pattern, action, enabled } };
    }
    case 'words': {
      // null counts as "not set" (a JSON file cannot write undefined).
      const min = raw.min ?? undefined;
      const max = raw.max ?? undefined;
      if (min === undefined && max === undefined) {
        return fail('Words rule needs a minimum or a maximum');
      }
      const problem =
        (min === undefined ? null : countProblem('Minimum words', min)) ??
        (max === undefined ? null : countProblem('Maximum words', max));
      if (problem) return fail(problem);
      const lo = min as number | undefined;
      const hi = max as number | undefined;
      if (lo !== undefined && hi !== undefined && lo > hi) {
        return fail(`Minimum words (${lo}) is more than maximum (${hi})`);
      }
      const rule: Rule = { id, field: 'words', action, enabled };
      if (lo !== undefined) rule.min = lo;
      if (hi !== undefined) rule.max = hi;
      return { ok: true, rule };
    }
    case 'fandomCount': {
      if (raw.max === undefined || raw.max === null) return fail('Maximum fandoms is missing');
      const problem = countProblem('Maximum fandoms', raw.max);
      if (problem) return fail(problem);
      return { ok: true, rule: { id, field: 'fandomCount', max: raw.max as number, action, enabled } };
    }
    case 'complete': {
      if (typeof raw.value !== 'boolean') {
        return fail('Complete rule needs value true (complete) or false (in progress)');
      }
      return { ok: true, rule: { id, field: 'complete', value: raw.value, action, enabled } };
    }
  }
}
