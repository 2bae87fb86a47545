/**
 * Other names a tag rule also covers (a tag's synonyms on AO3, added by the reader): each name is
 * matched whole, like a pattern without `*`, as the same rule with the same reason. Pure.
 */

import { t } from '../i18n';
import { compilePattern, normalize, tidyPattern, type CompiledPattern } from './pattern';
import type { Rule, TextField, TextRule } from './types';

/** Fields whose values are AO3 tags, so a rule on them can cover a tag's synonyms. */
export const SYNONYM_FIELDS: readonly TextField[] = ['tag', 'fandom', 'relationship', 'character', 'freeform'];
/** AO3's longest tag name (otwarchive `ArchiveConfig.TAG_MAX`). */
export const MAX_COVERED_NAME_LENGTH = 150;
export const MAX_COVERED_NAMES = 50;
/** All names together: a synced rule must fit in one 8 KB sync chunk. */
export const MAX_COVERED_TOTAL_LENGTH = 3000;

export const canCoverSynonyms = (field: string): boolean => (SYNONYM_FIELDS as readonly string[]).includes(field);

/** Whether a rule can look up its tag's synonyms: a tag field and one whole name (no `*`). */
export function canLookUpSynonyms(rule: TextRule): boolean {
  return canCoverSynonyms(rule.field) && !rule.pattern.includes('*');
}

export type CoveredCheck = { ok: true; names: string[] } | { ok: false; error: string };

/**
 * The names a rule may keep: tidied, without the rule's own pattern, each once (case-insensitive),
 * in the order given. Refuses a field without tags, a name with `*` (AO3 forbids it in tag names;
 * here it would be a wildcard), and lists over the caps.
 */
export function checkCoveredNames(value: unknown, field: TextField, pattern: string): CoveredCheck {
  if (value === undefined || value === null) return { ok: true, names: [] };
  if (!canCoverSynonyms(field)) return { ok: false, error: t('synonymsInvalidField', field) };
  if (!Array.isArray(value)) return { ok: false, error: t('synonymsInvalidNotList') };
  const seen = new Set<string>([normalize(pattern)]);
  const names: string[] = [];
  let total = 0;
  for (const item of value as unknown[]) {
    if (typeof item !== 'string') return { ok: false, error: t('synonymsInvalidNotText') };
    const name = tidyPattern(item);
    if (name === '') continue;
    if (name.length > MAX_COVERED_NAME_LENGTH) {
      return { ok: false, error: t('synonymsInvalidTooLong', name.slice(0, 40), MAX_COVERED_NAME_LENGTH) };
    }
    if (name.includes('*')) return { ok: false, error: t('synonymsInvalidStar', name.slice(0, 40)) };
    const key = normalize(name);
    if (seen.has(key)) continue;
    seen.add(key);
    names.push(name);
    total += name.length;
  }
  if (names.length > MAX_COVERED_NAMES) {
    return { ok: false, error: t('synonymsInvalidTooMany', names.length, MAX_COVERED_NAMES) };
  }
  if (total > MAX_COVERED_TOTAL_LENGTH) {
    return { ok: false, error: t('synonymsInvalidTooLongAll', MAX_COVERED_TOTAL_LENGTH) };
  }
  return { ok: true, names };
}

/** The rule's pattern and each covered name, compiled (the engine indexes them as one rule). */
export function rulePatterns(rule: TextRule): CompiledPattern[] {
  const own = compilePattern(rule.pattern);
  if (!rule.alsoCovers?.length || own.kind === 'none') return [own];
  return [own, ...rule.alsoCovers.map(compilePattern)];
}

/** Whether a normalized value is one of the rule's covered names (the naive matcher's way). */
export function coversName(rule: TextRule, value: string): boolean {
  return rule.alsoCovers?.some((name) => normalize(name) === value) ?? false;
}

/**
 * What an edited rule keeps of the rule it replaces: its covered names, while it is still a tag
 * rule on the same name (`input` is the edit form's raw rule).
 */
export function keptCoveredNames(before: Rule, input: Record<string, unknown>): { alsoCovers?: string[] } {
  if (!('alsoCovers' in before) || !before.alsoCovers?.length) return {};
  const same = typeof input.pattern === 'string' && normalize(input.pattern) === normalize(before.pattern);
  return same && typeof input.field === 'string' && canCoverSynonyms(input.field) ? { alsoCovers: before.alsoCovers } : {};
}
