/**
 * Validation of what any rule may carry besides its condition (types.ts `RuleExtras`): a scope
 * of fandoms and the reader's note. Called by `validateRule` after the rule's own fields passed.
 */
import { t } from '../i18n';
import { hasLiteral, normalizePattern, tidyPattern } from './pattern';
import type { RuleExtras, RuleScope } from './types';

/** A note is a short reason, not a diary: longer ones are refused (a stored one is quarantined, not cut). */
export const MAX_NOTE_LENGTH = 200;
export const MAX_SCOPE_FANDOMS = 20;
/** Same limit as a rule's pattern (validate.ts MAX_PATTERN_LENGTH). */
const MAX_FANDOM_PATTERN_LENGTH = 500;

type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

/** The note as stored: whitespace tidied; undefined when empty. */
export function checkNote(raw: unknown): Checked<string | undefined> {
  if (raw === undefined || raw === null) return { ok: true, value: undefined };
  if (typeof raw !== 'string') return { ok: false, error: t('noteInvalidNotText') };
  const note = tidyPattern(raw);
  if (note.length > MAX_NOTE_LENGTH) return { ok: false, error: t('noteInvalidTooLong', note.length, MAX_NOTE_LENGTH) };
  return { ok: true, value: note === '' ? undefined : note };
}

export function checkScope(raw: unknown): Checked<RuleScope | undefined> {
  if (raw === undefined || raw === null) return { ok: true, value: undefined };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, error: t('scopeInvalidNotObject') };
  const input = raw as Record<string, unknown>;
  for (const key of Object.keys(input)) {
    if (key !== 'mode' && key !== 'fandoms') return { ok: false, error: t('scopeInvalidUnknownProperty', key) };
  }
  if (input.mode !== 'only' && input.mode !== 'except') return { ok: false, error: t('scopeInvalidMode') };
  const list = input.fandoms;
  if (!Array.isArray(list) || list.length === 0 || list.length > MAX_SCOPE_FANDOMS) {
    return { ok: false, error: t('scopeInvalidFandoms', MAX_SCOPE_FANDOMS) };
  }
  const fandoms: string[] = [];
  const seen = new Set<string>();
  for (const entry of list) {
    if (typeof entry !== 'string') return { ok: false, error: t('scopeInvalidFandoms', MAX_SCOPE_FANDOMS) };
    const fandom = tidyPattern(entry);
    if (!hasLiteral(fandom) || fandom.length > MAX_FANDOM_PATTERN_LENGTH) {
      return { ok: false, error: t('scopeInvalidFandom', fandom.slice(0, 40)) };
    }
    const key = normalizePattern(fandom);
    if (seen.has(key)) continue;
    seen.add(key);
    fandoms.push(fandom);
  }
  return { ok: true, value: { mode: input.mode, fandoms } };
}

export function checkExtras(raw: Record<string, unknown>): Checked<RuleExtras> {
  const scope = checkScope(raw.scope);
  if (!scope.ok) return scope;
  const note = checkNote(raw.note);
  if (!note.ok) return note;
  const extras: RuleExtras = {};
  if (scope.value) extras.scope = scope.value;
  if (note.value !== undefined) extras.note = note.value;
  return { ok: true, value: extras };
}

/** Fandom names as a reader types them into the scope box: one per line, or separated by semicolons. */
export function parseFandomList(text: string): string[] {
  return text
    .split(/[\n;]/)
    .map((f) => tidyPattern(f))
    .filter((f) => f !== '');
}
