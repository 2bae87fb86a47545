/** "also covers: A, B, C" under a tag rule that covers other names (popup and options lists). */
import type { Rule, TextRule } from '../../lib/filters/types';
import { listOf, t } from '../../lib/i18n';

export const isTextRule = (rule: Rule): rule is TextRule => 'pattern' in rule;

export function CoveredNames(props: { rule: Rule }) {
  const { rule } = props;
  if (!isTextRule(rule) || !rule.alsoCovers?.length) return null;
  return <span class="rule-covers">{t('synonymsAlsoCovers', listOf(rule.alsoCovers))}</span>;
}
