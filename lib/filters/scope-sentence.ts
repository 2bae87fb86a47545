/** A rule's sentence with its scope: "Additional tag is Angst, except in Star Wars". */
import { listOf, t } from '../i18n';
import type { RuleScope } from './types';

export function withScope(sentence: string, scope: RuleScope | undefined): string {
  if (!scope) return sentence;
  return t(scope.mode === 'only' ? 'scopeSentenceOnly' : 'scopeSentenceExcept', sentence, listOf(scope.fandoms));
}
