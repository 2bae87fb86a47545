/**
 * Series rules: the words naming them, and the pattern a reader's input becomes. A rule on one
 * series stores `site:seriesId` (reliable; AO3 renames nothing by id) and keeps the series name in
 * `seriesTitle` for display only; any other pattern matches series names (fields.ts `series`).
 */
import { t } from '../i18n';
import { seriesPatternFromUrl } from '../sites/ao3-urls';
import { tidyPattern } from './pattern';
import type { TextRule } from './types';

const ONE_SERIES = /^\s*(ao3):(\d+)\s*$/i;

/** `ao3:123` → { site: 'ao3', id: '123' }; a name pattern → null. */
export function parseSeriesPattern(pattern: string): { site: string; id: string } | null {
  const parts = ONE_SERIES.exec(pattern);
  return parts ? { site: parts[1]!.toLowerCase(), id: parts[2]! } : null;
}

/** What the rule form stores for what the reader typed: a series link becomes `ao3:ID`, the rest stays. */
export function seriesPatternFromInput(text: string): string {
  const trimmed = text.trim();
  if (!/^https?:\/\//i.test(trimmed)) return text;
  try {
    return seriesPatternFromUrl(new URL(trimmed)) ?? text;
  } catch {
    return text;
  }
}

/** The series' name as the rule knows it: its kept title, "123" for a bare id, or the name pattern. */
function seriesName(rule: Pick<TextRule, 'pattern' | 'seriesTitle'>): string {
  if (rule.seriesTitle) return rule.seriesTitle;
  const one = parseSeriesPattern(rule.pattern);
  return one ? one.id : tidyPattern(rule.pattern);
}

/** Short, for a filtered work's note: "series: Fade to Black". */
export function seriesLabel(rule: Pick<TextRule, 'pattern' | 'seriesTitle'>): string {
  return t('seriesRuleLabel', seriesName(rule));
}

/** For rule lists: "Series “Fade to Black”", or "Series 3312403 on AO3" when only its id is known. */
export function seriesSentence(rule: Pick<TextRule, 'pattern' | 'seriesTitle'>): string {
  const one = parseSeriesPattern(rule.pattern);
  if (one && !rule.seriesTitle && one.site === 'ao3') return t('seriesRuleSentenceOn', one.id, t('shelfFactSiteAo3'));
  return t('seriesRuleSentence', seriesName(rule));
}
