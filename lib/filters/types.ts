/** Filter rules as the reader writes them and as they are stored. */

import type { HistoryStatus } from '../history/types';

/** `dim`: the work stays in place, faded, with a line saying why (never hides, never shields). */
export type RuleAction = 'hide' | 'collapse' | 'dim' | 'allow';

/** Fields whose rules match a text pattern against one or more values of a work. */
export type TextField =
  | 'warning'
  | 'rating'
  | 'category'
  | 'fandom'
  | 'relationship'
  | 'character'
  | 'freeform'
  /**
   * Any tag of the work: fandoms, archive warnings, relationships, characters, freeforms.
   * Not the rating or the categories (a `*M*` tag rule must not catch "Mature" or "M/M").
   */
  | 'tag'
  | 'author'
  | 'title'
  | 'summary'
  | 'language'
  /** one work, pattern `site:id` */
  | 'work'
  /** a series: pattern `site:seriesId` (one series) or a pattern on series names */
  | 'series';

export interface TextRule {
  id: string;
  field: TextField;
  /** Case-insensitive, whitespace-collapsed, whole-value match; `*` matches any run of characters. */
  pattern: string;
  action: RuleAction;
  enabled: boolean;
  /**
   * A one-work rule's work, as its page named it when the rule was made ("Hide this work"), so lists
   * can name the rule by title and creator. Shown only, never matched.
   */
  workTitle?: string;
  workCreator?: string;
  /** Other names the rule also covers, matched whole (a tag's AO3 synonyms: `synonyms.ts`). */
  alsoCovers?: string[];
  /** A series rule's series name as its page gave it, for lists and placeholders. Shown only. */
  seriesTitle?: string;
}

export interface WordsRule {
  id: string;
  field: 'words';
  min?: number;
  max?: number;
  action: RuleAction;
  enabled: boolean;
}

export interface FandomCountRule {
  id: string;
  field: 'fandomCount';
  /** Works with more fandoms than this match (crossovers). */
  max: number;
  action: RuleAction;
  enabled: boolean;
}

export interface CompleteRule {
  id: string;
  field: 'complete';
  /** true: complete works match; false: works in progress match. */
  value: boolean;
  action: RuleAction;
  enabled: boolean;
}

/**
 * Where a rule applies (./scope.ts): `only` within works of these fandoms, or everywhere `except`
 * them. Fandom patterns as elsewhere. A crossover is within a scope when any of its fandoms is.
 */
export interface RuleScope {
  mode: 'only' | 'except';
  fandoms: string[];
}

/** What any rule may carry besides its condition: a scope and the reader's own note. */
export interface RuleExtras {
  scope?: RuleScope;
  /** The reader's reason, shown with the rule wherever it acts (text only, trimmed, capped). */
  note?: string;
}

/**
 * A condition on the reading history (lib/history): `finished` = already read to the end with
 * nothing posted since, `started` = opened but not (or no longer) finished. Applies on listings only.
 */
export interface HistoryRule {
  id: string;
  field: 'history';
  status: HistoryStatus;
  action: RuleAction;
  enabled: boolean;
}

export type Rule = (TextRule | WordsRule | FandomCountRule | CompleteRule | HistoryRule) & RuleExtras;
export type RuleField = Rule['field'];

/** What to do with a work once every rule has been weighed. */
export type JudgementAction = 'show' | 'hide' | 'collapse' | 'dim';

/** One rule that matched a work, with words a reader can be shown. */
export interface Reason {
  ruleId: string;
  field: RuleField;
  /** e.g. "Major Character Death", "author: X", "tag: *Angst*", "over 100,000 words", "this work". */
  label: string;
  /** The rule's note, the reader's own words, when it has one. */
  note?: string;
}

export interface Judgement {
  action: JudgementAction;
  /**
   * show: the allow rules that matched (empty when no rule matched at all);
   * hide: every matching hide and collapse rule; collapse: every matching collapse rule;
   * dim: every matching dim rule.
   * Always in rule order. Never hide/collapse reasons on a shown work.
   */
  reasons: Reason[];
}
