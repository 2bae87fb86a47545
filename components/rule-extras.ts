/**
 * The rule form's draft for what any rule may carry (scope, note) and for series rules: to and from
 * the stored rule. Pure; validation stays in lib/filters (extras.ts).
 */
import { parseFandomList } from '../lib/filters/extras';
import { seriesPatternFromInput } from '../lib/filters/series';
import type { Rule } from '../lib/filters/types';

export type ScopeMode = 'all' | 'only' | 'except';
export type ExtrasInput = 'scopeMode' | 'scopeFandoms' | 'note';

interface ExtrasDraft {
  scopeMode: ScopeMode;
  scopeFandoms: string;
  note: string;
  keptSeries?: { pattern: string; title: string };
}

export const EMPTY_EXTRAS: ExtrasDraft = { scopeMode: 'all', scopeFandoms: '', note: '' };

export function extrasDraftOf(rule: Rule): ExtrasDraft {
  const draft: ExtrasDraft = {
    scopeMode: rule.scope?.mode ?? 'all',
    scopeFandoms: rule.scope?.fandoms.join('\n') ?? '',
    note: rule.note ?? '',
  };
  if (rule.field === 'series' && rule.seriesTitle) draft.keptSeries = { pattern: rule.pattern, title: rule.seriesTitle };
  return draft;
}

/** Scope and note for validateRule: an empty fandom list with a scope chosen is passed on, to be refused. */
export function extrasInput(draft: ExtrasDraft): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (draft.scopeMode !== 'all') out.scope = { mode: draft.scopeMode, fandoms: parseFandomList(draft.scopeFandoms) };
  if (draft.note.trim() !== '') out.note = draft.note;
  return out;
}

/** A series link becomes `ao3:ID`; an edited rule keeps its series name while its pattern is unchanged. */
export function seriesInput(draft: ExtrasDraft & { pattern: string }): Record<string, unknown> {
  const pattern = seriesPatternFromInput(draft.pattern);
  const kept = draft.keptSeries;
  return kept && kept.pattern === pattern ? { pattern, seriesTitle: kept.title } : { pattern };
}

/** The control a scope or note message belongs to, or null for the rule's own fields. */
export function extrasErrorTarget(error: string): ExtrasInput | null {
  if (error.startsWith('The note')) return 'note';
  if (/scope|fandom name/i.test(error)) return 'scopeFandoms';
  return null;
}
