/** Lamplight's filter engine: pure functions over `WorkMeta`. */

export type {
  CompleteRule,
  FandomCountRule,
  HistoryRule,
  Judgement,
  JudgementAction,
  Reason,
  Rule,
  RuleAction,
  RuleField,
  TextField,
  TextRule,
  WordsRule,
} from './types';
export { compileRules, matchWork, type CompiledRules } from './engine';
export { validateRule, newRuleId, ruleKey, MAX_PATTERN_LENGTH, type Validation } from './validate';
export { ARCHIVE_WARNINGS, RATINGS, findWarning, type ArchiveWarning, type TagChoice } from './warnings';
export { ruleLabel, formatCount } from './labels';
export { normalize, normalizePattern, compilePattern, type CompiledPattern } from './pattern';
