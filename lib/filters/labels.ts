/** The words a reader sees for a rule that matched ("Major Character Death", "author: X"). */

import { t, tn, type MessageKey } from '../i18n';
import { tidyPattern } from './pattern';
import type { Reason, Rule, TextField } from './types';
import { seriesLabel } from './series';
import { findWarning } from './warnings';

/** The message naming a rule on each text field ("additional tag: $PATTERN$"). */
const FIELD_LABELS: Record<Exclude<TextField, 'work' | 'series'>, MessageKey> = {
  warning: 'ruleLabelWarning',
  rating: 'ruleLabelRating',
  category: 'ruleLabelCategory',
  fandom: 'ruleLabelFandom',
  relationship: 'ruleLabelRelationship',
  character: 'ruleLabelCharacter',
  freeform: 'ruleLabelFreeform',
  tag: 'ruleLabelTag',
  author: 'ruleLabelAuthor',
  title: 'ruleLabelTitle',
  summary: 'ruleLabelSummary',
  language: 'ruleLabelLanguage',
};

/** 100000 → "100,000" (locale-free, so every browser and test says the same). */
export function formatCount(n: number): string {
  const [whole = '', fraction] = String(n).split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return sign + grouped + (fraction === undefined ? '' : `.${fraction}`);
}

export function ruleLabel(rule: Rule): string {
  switch (rule.field) {
    case 'words': {
      const { min, max } = rule;
      // The count decides the plural form; the formatted number ("100,000") is what is shown.
      if (min !== undefined && max !== undefined) {
        return min === max
          ? tn('ruleLabelWordsExactly', min, formatCount(min))
          : tn('ruleLabelWordsRange', max, formatCount(min), formatCount(max));
      }
      if (min !== undefined) return tn('ruleLabelWordsAtLeast', min, formatCount(min));
      if (max !== undefined) return tn('ruleLabelWordsAtMost', max, formatCount(max));
      return t('ruleLabelWords');
    }
    case 'fandomCount':
      return tn('ruleLabelFandomCount', rule.max, formatCount(rule.max));
    case 'complete':
      return t(rule.value ? 'ruleLabelComplete' : 'ruleLabelInProgress');
    case 'work':
      return t('ruleLabelThisWork');
    case 'history':
      return t(rule.status === 'finished' ? 'historyRuleLabelFinished' : 'historyRuleLabelStarted');
    case 'series':
      return seriesLabel(rule);
    case 'warning': {
      // A rule naming a warning by any spelling is labelled as AO3 displays it today.
      const warning = findWarning(rule.pattern);
      return warning ? warning.label : t('ruleLabelWarning', tidyPattern(rule.pattern));
    }
    default:
      return t(FIELD_LABELS[rule.field], tidyPattern(rule.pattern));
  }
}

/**
 * The reason a matching rule gives. Its label is read only when shown, in the reader's language:
 * matching itself never needs the browser's i18n (the engine also runs in benchmarks outside it).
 */
export function reasonFor(rule: Rule): Reason {
  return Object.freeze({
    ruleId: rule.id,
    field: rule.field,
    get label() {
      return ruleLabel(rule);
    },
    ...(rule.note ? { note: rule.note } : {}),
  });
}
