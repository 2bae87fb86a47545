/**
 * The filter rules in storage: read them validated (bad ones quarantined, good ones kept),
 * write them only valid.
 */
import { storage } from 'wxt/utils/storage';
import { newRuleId, ruleKey, validateRule } from '../filters/validate';
import type { Rule } from '../filters/types';
import { watchKey } from './changes';
import { jsonEqual, show } from '../check';
import { filterRulesItem, versionedWrites } from './items';
import { withKeyLock } from './lock';
import { MIGRATIONS } from './migrations';
import type { QuarantineInput } from './quarantine';
import { quarantineAndRepair } from './safe';

const KEY = filterRulesItem.key;

export interface RulesCheck {
  /** The valid rules, in stored order, each with a unique id. */
  rules: Rule[];
  /** What must be quarantined (the bad entries, or the whole value if it is not a list). */
  bad: QuarantineInput[];
  /** The valid rules differ from what is stored (tidied, ids added, bad ones left out). */
  changed: boolean;
}

/** Pure: split a stored rules value into valid rules and quarantine material. */
export function checkStoredRules(raw: unknown): RulesCheck {
  if (!Array.isArray(raw)) {
    return {
      rules: [],
      bad: [{ key: KEY, reason: `filterRules must be a list, not ${show(raw)}`, value: raw }],
      changed: true,
    };
  }
  const rules: Rule[] = [];
  const invalid: unknown[] = [];
  const reasons: string[] = [];
  const ids = new Set<string>();
  let changed = false;
  raw.forEach((entry: unknown, index) => {
    const result = validateRule(entry);
    if (!result.ok) {
      invalid.push(entry);
      reasons.push(`filterRules[${index}]: ${result.error}`);
      changed = true;
      return;
    }
    let rule = result.rule;
    if (ids.has(rule.id)) rule = { ...rule, id: newRuleId() };
    ids.add(rule.id);
    if (!jsonEqual(rule, entry)) changed = true;
    rules.push(rule);
  });
  const bad =
    invalid.length > 0 ? [{ key: KEY, reason: reasons.join('; '), value: invalid }] : [];
  return { rules, bad, changed };
}

/** The reader's rules: valid ones only; invalid ones are quarantined and removed from storage. */
export async function loadRules(): Promise<Rule[]> {
  const raw: unknown = await filterRulesItem.getValue();
  const check = checkStoredRules(raw);
  if (check.changed) {
    await quarantineAndRepair({
      key: KEY,
      found: raw,
      bad: check.bad,
      repaired: { value: check.rules, version: MIGRATIONS.filterRules.version },
    });
  }
  return check.rules;
}

/** Pure: validate a whole list for saving. Ids must be unique. */
export function checkRulesForSave(
  rules: readonly unknown[],
): { ok: true; rules: Rule[] } | { ok: false; error: string } {
  const out: Rule[] = [];
  const ids = new Set<string>();
  for (const [index, entry] of rules.entries()) {
    const result = validateRule(entry);
    if (!result.ok) return { ok: false, error: `Rule ${index + 1}: ${result.error}` };
    if (ids.has(result.rule.id)) return { ok: false, error: `Rule ${index + 1}: the id is used twice` };
    ids.add(result.rule.id);
    out.push(result.rule);
  }
  return { ok: true, rules: out };
}

/** Internal: write rules that are already valid. */
export function rulesWrite(rules: readonly Rule[]) {
  return versionedWrites([{ key: KEY, value: rules, version: MIGRATIONS.filterRules.version }]);
}

/** Replace the whole list. Throws (and writes nothing) when a rule is invalid. */
export async function saveRules(rules: readonly Rule[]): Promise<Rule[]> {
  return withKeyLock(KEY, async () => {
    const check = checkRulesForSave(rules);
    if (!check.ok) throw new Error(check.error);
    await storage.setItems(rulesWrite(check.rules));
    return check.rules;
  });
}

/**
 * Read-modify-write of the list (add, remove, reorder one rule) without losing a concurrent
 * change made from this context. Throws (and writes nothing) when the result is invalid.
 */
export async function updateRules(change: (rules: Rule[]) => Rule[]): Promise<Rule[]> {
  return withKeyLock(KEY, async () => {
    const current = await loadRules();
    const check = checkRulesForSave(change([...current]));
    if (!check.ok) throw new Error(check.error);
    if (!jsonEqual(check.rules, current)) await storage.setItems(rulesWrite(check.rules));
    return check.rules;
  });
}

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
/** A rule as the reader writes it: no id yet. */
export type NewRule = WithoutId<Rule>;

/**
 * Add one rule at the end (it gets a new id). If the same rule is already there (same
 * `ruleKey`), nothing is added and that rule is returned. Throws, writing nothing, when the
 * rule is invalid.
 */
export async function addRule(rule: NewRule | Rule): Promise<Rule> {
  const result = validateRule({ ...rule, id: newRuleId() });
  if (!result.ok) throw new Error(result.error);
  const added = result.rule;
  let kept = added;
  await updateRules((rules) => {
    const same = rules.find((r) => ruleKey(r) === ruleKey(added));
    if (same) {
      kept = same;
      return rules;
    }
    return [...rules, added];
  });
  return kept;
}

/** Calls back with the valid rules whenever they change (from any context). */
export function watchRules(cb: (rules: Rule[]) => void): () => void {
  return watchKey(filterRulesItem.key, (value) => cb(checkStoredRules(value).rules), () => filterRulesItem.getValue());
}
