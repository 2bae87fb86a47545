/** Filter rules as the reader writes them and as they are stored (DESIGN.md section 4). */

export type RuleAction = 'hide' | 'collapse' | 'allow';

/** Fields whose rules match a text pattern against one or more values of a work. */
export type TextField =
  | 'warning'
  | 'rating'
  | 'category'
  | 'fandom'
  | 'relationship'
  | 'character'
  | 'freeform'
  /** any of the tag fields above */
  | 'tag'
  | 'author'
  | 'title'
  | 'summary'
  | 'language'
  /** one work, pattern `site:id` */
  | 'work';

export interface TextRule {
  id: string;
  field: TextField;
  /** Case-insensitive, whitespace-collapsed, whole-value match; `*` matches any run of characters. */
  pattern: string;
  action: RuleAction;
  enabled: boolean;
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

export type Rule = TextRule | WordsRule | FandomCountRule | CompleteRule;
export type RuleField = Rule['field'];
