/**
 * A rule's name as a sentence, for the rule editors and lists (popup and options): "Rating is
 * Explicit", "Additional tag is Angst", "Up to 1,000 words", "Crossovers". The words a filtered
 * work's note gives are `ruleLabel` (./labels.ts): short, and in the content script.
 */
import { t, tn, type MessageKey } from '../i18n';
import { formatCount } from './labels';
import { tidyPattern } from './pattern';
import type { Rule, RuleAction, TextField, WordsRule } from './types';
import { withScope } from './scope-sentence';
import { seriesSentence } from './series';
import { findWarning } from './warnings';

const SENTENCES: Record<Exclude<TextField, 'work' | 'series'>, MessageKey> = {
  warning: 'ruleSentenceWarning',
  rating: 'ruleSentenceRating',
  category: 'ruleSentenceCategory',
  fandom: 'ruleSentenceFandom',
  relationship: 'ruleSentenceRelationship',
  character: 'ruleSentenceCharacter',
  freeform: 'ruleSentenceFreeform',
  tag: 'ruleSentenceTag',
  author: 'ruleSentenceAuthor',
  title: 'ruleSentenceTitle',
  summary: 'ruleSentenceSummary',
  language: 'ruleSentenceLanguage',
};

const SITE_NAMES: Record<string, MessageKey> = { ao3: 'shelfFactSiteAo3', ffn: 'shelfFactSiteFfn' };

/** "AO3", "FanFiction.net"; an unknown site as it is. */
export function siteName(site: string): string {
  const key = SITE_NAMES[site];
  return key ? t(key) : site;
}

/** "Work 123456 on AO3" for `ao3:123456`; any other pattern as written. */
function workSentence(pattern: string): string {
  const parts = /^\s*([a-z0-9]+):(\d+)\s*$/i.exec(pattern);
  const site = parts && SITE_NAMES[parts[1]!.toLowerCase()];
  return parts && site ? t('ruleSentenceWorkOn', parts[2]!, t(site)) : t('ruleSentenceWork', tidyPattern(pattern));
}

function wordsSentence({ min, max }: Pick<WordsRule, 'min' | 'max'>): string {
  // The count picks the plural form; the formatted number ("100,000") is what is shown.
  if (min !== undefined && max !== undefined) {
    return min === max
      ? tn('ruleSentenceWordsExactly', min, formatCount(min))
      : tn('ruleSentenceWordsRange', max, formatCount(min), formatCount(max));
  }
  if (min !== undefined) return tn('ruleSentenceWordsAtLeast', min, formatCount(min));
  if (max !== undefined) return tn('ruleSentenceWordsUpTo', max, formatCount(max));
  return t('ruleSentenceAnyLength');
}

/**
 * The rule as a sentence, with its scope ("… except in Star Wars"). A one-work rule is named by its
 * work id here; lists that know its title say that.
 */
export function ruleSentence(rule: Rule): string {
  return withScope(conditionSentence(rule), rule.scope);
}

function conditionSentence(rule: Rule): string {
  switch (rule.field) {
    case 'words':
      return wordsSentence(rule);
    case 'fandomCount':
      return rule.max === 1 ? t('ruleSentenceCrossovers') : tn('ruleSentenceMoreFandoms', rule.max, formatCount(rule.max));
    case 'complete':
      return t(rule.value ? 'ruleSentenceComplete' : 'ruleSentenceInProgress');
    case 'work':
      return workSentence(rule.pattern);
    case 'history':
      return t(rule.status === 'finished' ? 'historyRuleSentenceFinished' : 'historyRuleSentenceStarted');
    case 'series':
      return seriesSentence(rule);
    case 'warning': {
      // A warning named by any spelling reads as AO3 displays it today.
      const warning = findWarning(rule.pattern);
      return t('ruleSentenceWarning', warning ? warning.label : tidyPattern(rule.pattern));
    }
    default:
      return t(SENTENCES[rule.field], tidyPattern(rule.pattern));
  }
}

const VERBS: Record<RuleAction, MessageKey> = {
  collapse: 'ruleSentenceVerbCollapse',
  hide: 'ruleSentenceVerbHide',
  dim: 'dimRuleSentenceVerb',
  allow: 'ruleSentenceVerbAllow',
};

/**
 * What a length rule does, under the form's inputs: "Hides works of up to 1,000 words.". Bounds
 * that are not counts yet (empty, or text the form will refuse) are left out.
 */
export function wordsRuleEffect(action: RuleAction, min: number | undefined, max: number | undefined): string {
  const verb = t(VERBS[action]);
  if (min !== undefined && max !== undefined) return tn('ruleSentenceFormRange', max, verb, formatCount(min), formatCount(max));
  if (min !== undefined) return tn('ruleSentenceFormAtLeast', min, verb, formatCount(min));
  if (max !== undefined) return tn('ruleSentenceFormUpTo', max, verb, formatCount(max));
  return t('ruleSentenceFormNoBound');
}
