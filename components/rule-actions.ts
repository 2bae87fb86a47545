/**
 * The rule changes the pages make, each one read-modify-write through lib/storage (so a change
 * made meanwhile in another tab is kept). Every function resolves to the stored list.
 */
import type { Rule } from '../lib/filters/types';
import { newRuleId, ruleKey } from '../lib/filters/validate';
import { t } from '../lib/i18n';
import { updateRules } from '../lib/storage/rules';
import { setToggle, type ToggleField } from './rules';

/** The message for a rule that is already in the list (ignoring `except`, the rule being edited). */
export function duplicateOf(rules: readonly Rule[], rule: Rule, except?: string): string | null {
  const key = ruleKey(rule);
  return rules.some((r) => r.id !== except && ruleKey(r) === key) ? t('rulesDuplicate') : null;
}

export const addRuleAt = (rule: Rule, index?: number): Promise<Rule[]> =>
  updateRules((rules) => {
    if (rules.some((r) => ruleKey(r) === ruleKey(rule))) return rules;
    const at = index === undefined ? rules.length : Math.min(index, rules.length);
    return [...rules.slice(0, at), rule, ...rules.slice(at)];
  });

export const replaceRule = (rule: Rule): Promise<Rule[]> =>
  updateRules((rules) => rules.map((r) => (r.id === rule.id ? rule : r)));

export const setRulesEnabled = (ids: ReadonlySet<string>, enabled: boolean): Promise<Rule[]> =>
  updateRules((rules) => rules.map((r) => (ids.has(r.id) && r.enabled !== enabled ? { ...r, enabled } : r)));

export const deleteRules = (ids: ReadonlySet<string>): Promise<Rule[]> =>
  updateRules((rules) => rules.filter((r) => !ids.has(r.id)));

export const switchToggle = (field: ToggleField, name: string, on: boolean): Promise<Rule[]> =>
  updateRules((rules) => setToggle(rules, field, name, on, newRuleId));
