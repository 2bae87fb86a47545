/** The words a reader sees for a rule that matched ("Major Character Death", "author: X"). */

import { tidyPattern } from './pattern';
import type { Rule, TextField } from './types';
import { findWarning } from './warnings';

const FIELD_NAMES: Record<Exclude<TextField, 'work'>, string> = {
  warning: 'warning',
  rating: 'rating',
  category: 'category',
  fandom: 'fandom',
  relationship: 'relationship',
  character: 'character',
  freeform: 'additional tag',
  tag: 'tag',
  author: 'author',
  title: 'title',
  summary: 'summary',
  language: 'language',
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
      if (min !== undefined && max !== undefined) {
        return min === max
          ? `exactly ${formatCount(min)} words`
          : `${formatCount(min)} to ${formatCount(max)} words`;
      }
      if (min !== undefined) return `at least ${formatCount(min)} words`;
      if (max !== undefined) return `at most ${formatCount(max)} words`;
      return 'words';
    }
    case 'fandomCount':
      return `more than ${formatCount(rule.max)} ${rule.max === 1 ? 'fandom' : 'fandoms'}`;
    case 'complete':
      return rule.value ? 'complete' : 'in progress';
    case 'work':
      return 'this work';
    case 'warning': {
      // A rule naming a warning by any spelling is labelled as AO3 displays it today.
      const warning = findWarning(rule.pattern);
      return warning ? warning.label : `warning: ${tidyPattern(rule.pattern)}`;
    }
    default:
      return `${FIELD_NAMES[rule.field]}: ${tidyPattern(rule.pattern)}`;
  }
}
