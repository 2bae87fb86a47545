/**
 * Pure helpers behind the rule editors (popup and options): the words shown for fields and
 * actions, the form's draft ↔ rule conversion, and the one-click warning/rating toggles.
 * No DOM, no browser API.
 */
import { normalizePattern } from '../lib/filters/pattern';
import type { Rule, RuleAction, RuleField, TextField } from '../lib/filters/types';
import type { HistoryStatus } from '../lib/history/types';
import { ruleSentence } from '../lib/filters/rule-sentence';
import { findWarning } from '../lib/filters/warnings';
import { t, type MessageKey } from '../lib/i18n';
import {
  EMPTY_EXTRAS,
  extrasDraftOf,
  extrasErrorTarget,
  extrasInput,
  seriesInput,
  type ExtrasInput,
  type ScopeMode,
} from './rule-extras';

const ACTION_KEYS: Record<RuleAction, MessageKey> = {
  collapse: 'rulesActionCollapse',
  hide: 'rulesActionHide',
  dim: 'dimRuleAction',
  allow: 'rulesActionAllow',
};

/** "Collapse", "Hide", "Always show" (in the reader's language). */
export const actionLabel = (action: RuleAction): string => t(ACTION_KEYS[action]);

/** In the order the form offers them; Collapse is the default. */
export const ACTIONS: readonly RuleAction[] = ['collapse', 'hide', 'dim', 'allow'];

export interface FieldOption {
  field: RuleField;
  /** The field's name, as a message. */
  key: MessageKey;
}

export const TEXT_FIELD_OPTIONS: readonly (FieldOption & { field: TextField })[] = [
  { field: 'tag', key: 'rulesFieldTag' },
  { field: 'warning', key: 'rulesFieldWarning' },
  { field: 'rating', key: 'rulesFieldRating' },
  { field: 'category', key: 'rulesFieldCategory' },
  { field: 'fandom', key: 'rulesFieldFandom' },
  { field: 'relationship', key: 'rulesFieldRelationship' },
  { field: 'character', key: 'rulesFieldCharacter' },
  { field: 'freeform', key: 'rulesFieldFreeform' },
  { field: 'author', key: 'rulesFieldAuthor' },
  { field: 'title', key: 'rulesFieldTitle' },
  { field: 'summary', key: 'rulesFieldSummary' },
  { field: 'language', key: 'rulesFieldLanguage' },
  { field: 'work', key: 'rulesFieldWork' },
  { field: 'series', key: 'seriesField' },
];

export const NUMBER_FIELD_OPTIONS: readonly FieldOption[] = [
  { field: 'words', key: 'ruleSentenceFormLength' },
  { field: 'fandomCount', key: 'rulesFieldFandomCount' },
  { field: 'complete', key: 'rulesFieldComplete' },
];

/** Conditions on the reader's own reading history (lib/filters/history-condition.ts). */
export const HISTORY_FIELD_OPTIONS: readonly FieldOption[] = [{ field: 'history', key: 'historyRuleField' }];

const FIELD_KEYS = new Map([...TEXT_FIELD_OPTIONS, ...NUMBER_FIELD_OPTIONS, ...HISTORY_FIELD_OPTIONS].map((o) => [o.field, o.key]));

/** "Any tag", "Length in words"… (an unknown field as it is). */
export function fieldLabel(field: RuleField): string {
  const key = FIELD_KEYS.get(field);
  return key ? t(key) : field;
}

export const isTextField = (field: RuleField): field is TextField =>
  TEXT_FIELD_OPTIONS.some((o) => o.field === field);

/** What the form holds while the reader types: strings, as the inputs give them. */
export interface RuleDraft {
  field: RuleField;
  pattern: string;
  min: string;
  max: string;
  /** complete rules: 'true' = complete works, 'false' = works in progress */
  value: 'true' | 'false';
  /** history rules */
  status: HistoryStatus;
  action: RuleAction;
  /** Where the rule applies ('all': no scope), and the fandoms as typed (./rule-extras.ts). */
  scopeMode: ScopeMode;
  scopeFandoms: string;
  note: string;
  /** An edited series rule's kept name, for as long as its pattern is unchanged. */
  keptSeries?: { pattern: string; title: string };
}

export const EMPTY_DRAFT: RuleDraft = {
  field: 'tag',
  pattern: '',
  min: '',
  max: '',
  value: 'false',
  status: 'finished',
  action: 'collapse',
  ...EMPTY_EXTRAS,
};

/** The draft that edits `rule`. */
export function draftOf(rule: Rule): RuleDraft {
  const draft: RuleDraft = { ...EMPTY_DRAFT, field: rule.field, action: rule.action, ...extrasDraftOf(rule) };
  switch (rule.field) {
    case 'words':
      return { ...draft, min: rule.min === undefined ? '' : String(rule.min), max: rule.max === undefined ? '' : String(rule.max) };
    case 'fandomCount':
      return { ...draft, max: String(rule.max) };
    case 'complete':
      return { ...draft, value: rule.value ? 'true' : 'false' };
    case 'history':
      return { ...draft, status: rule.status };
    default:
      return { ...draft, pattern: rule.pattern };
  }
}

/**
 * A count as typed: "" → not set; "100,000" or "100 000" → 100000; anything else that is not
 * a number is passed on as text, so validateRule says what is wrong with it.
 */
export function parseCount(text: string): number | string | undefined {
  const compact = text.trim().replace(/[,\s\u00a0\u202f_]/g, '');
  if (compact === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(compact) ? Number(compact) : text.trim();
}

/** The object handed to validateRule for this draft (no id: the caller adds it). */
export function draftToInput(draft: RuleDraft): Record<string, unknown> {
  const base = { field: draft.field, action: draft.action, ...extrasInput(draft) };
  switch (draft.field) {
    case 'words': {
      const out: Record<string, unknown> = { ...base };
      const min = parseCount(draft.min);
      const max = parseCount(draft.max);
      if (min !== undefined) out.min = min;
      if (max !== undefined) out.max = max;
      return out;
    }
    case 'fandomCount': {
      const max = parseCount(draft.max);
      return max === undefined ? base : { ...base, max };
    }
    case 'complete':
      return { ...base, value: draft.value === 'true' };
    case 'history':
      return { ...base, status: draft.status };
    case 'series':
      return { ...base, ...seriesInput(draft) };
    default:
      return { ...base, pattern: draft.pattern };
  }
}

/** The form control a validation message belongs to. */
export type DraftInput = 'field' | 'pattern' | 'min' | 'max' | 'value' | 'status' | 'action' | ExtrasInput;

export function errorTarget(field: RuleField, error: string): DraftInput {
  const extras = extrasErrorTarget(error);
  if (extras) return extras;
  if (/^(Unknown field|Field)/.test(error)) return 'field';
  if (/^(Unknown action|Action)/.test(error)) return 'action';
  switch (field) {
    case 'words':
      return error.startsWith('Maximum') ? 'max' : 'min';
    case 'fandomCount':
      return 'max';
    case 'complete':
      return 'value';
    case 'history':
      return 'status';
    default:
      return 'pattern';
  }
}

/** The hint under the pattern input. */
export function patternHint(field: RuleField): string {
  return t(field === 'work' ? 'rulesPatternHintWork' : field === 'series' ? 'seriesPatternHint' : 'rulesPatternHint');
}

/**
 * A rule's name in lists, as a sentence (`ruleSentence`: "Rating is Explicit"), except that a one-work
 * rule says which work by title and creator when the rule kept them.
 */
export function ruleName(rule: Rule): string {
  if (rule.field !== 'work' || !rule.workTitle) return ruleSentence(rule);
  return rule.workCreator ? t('rulesWorkNamed', rule.workTitle, rule.workCreator) : t('rulesWorkTitled', rule.workTitle);
}

/** Text the options page's search box looks through. */
export function ruleSearchText(rule: Rule): string {
  const pattern = 'pattern' in rule ? [rule.pattern, ...(rule.alsoCovers ?? [])].join(' ') : '';
  return `${ruleName(rule)} ${pattern} ${rule.field} ${actionLabel(rule.action)} ${rule.note ?? ''}`.toLowerCase();
}

// ---- One-click toggles: a warning or rating is "on" when an enabled collapse rule names it.

export type ToggleField = 'warning' | 'rating';

/** Whether `rule` is the collapse rule a toggle stands for (any spelling of a warning counts). */
export function isToggleRule(rule: Rule, field: ToggleField, name: string): boolean {
  if (rule.field !== field || rule.action !== 'collapse') return false;
  if (field === 'warning') {
    const a = findWarning(rule.pattern);
    const b = findWarning(name);
    if (a && b) return a.name === b.name;
  }
  return normalizePattern(rule.pattern) === normalizePattern(name);
}

export function toggleIsOn(rules: readonly Rule[], field: ToggleField, name: string): boolean {
  return rules.some((r) => r.enabled && isToggleRule(r, field, name));
}

/**
 * The rules after switching a toggle. On: the first matching collapse rule is enabled, or a new
 * one is added at the end. Off: every matching collapse rule is removed. Idempotent, so a
 * double click never leaves two copies.
 */
export function setToggle(
  rules: readonly Rule[],
  field: ToggleField,
  name: string,
  on: boolean,
  newId: () => string,
): Rule[] {
  if (!on) return rules.filter((r) => !isToggleRule(r, field, name));
  if (toggleIsOn(rules, field, name)) return [...rules];
  const index = rules.findIndex((r) => isToggleRule(r, field, name));
  if (index >= 0) return rules.map((r, i) => (i === index ? { ...r, enabled: true } : r));
  return [...rules, { id: newId(), field, pattern: name, action: 'collapse', enabled: true }];
}
