/**
 * A reference matcher written from the rules' documented meaning alone, sharing no code with
 * lib/filters (only its types): a second opinion that can catch a bug in `decide`, in the warning
 * spellings or in normalisation, which the naive baseline shares with the engine.
 *
 * What a rule means:
 * - text: case-insensitive, Unicode NFKC, whitespace runs as one space, trimmed; the pattern matches
 *   the whole value, `*` any run of characters (several stars as one); a pattern of only stars
 *   never matches; summaries match a word sequence inside the summary (not starting or ending
 *   inside a word, where letters, digits, marks and `_` make words);
 * - `tag`: fandoms, warnings, relationships, characters, additional tags (not rating, categories);
 * - `author`: pseud, login, and "pseud (login)" when they differ; `work`: "site:id";
 * - a warning is matched under each of its names: "Creator Chose Not To Use Archive Warnings" is
 *   "Choose Not To Use Archive Warnings", "Underage" is "Underage Sex", both ways;
 * - words: min ≤ words ≤ max (either bound alone; a work without a count never matches);
 *   fandomCount: more fandoms than max; complete: the work's completion equals value;
 * - history: the work's reading status, when given, equals the rule's status; not given, never;
 * - outcome: any matching allow rule shows the work, its reasons the allow rules; else any hide
 *   rule hides it (reasons: the hide and collapse rules), else any collapse rule collapses it
 *   (reasons: the collapse rules), else the dim rules dim it; reasons in rule order.
 */
import type { Rule } from '../../../lib/filters/types';
import type { HistoryStatus } from '../../../lib/history/types';
import type { WorkMeta } from '../../../lib/sites/types';

export interface ReferenceJudgement {
  action: 'show' | 'hide' | 'collapse' | 'dim';
  ruleIds: string[];
}

const fold = (text: string) => text.normalize('NFKC').toLowerCase().split(/\s+/u).filter(Boolean).join(' ');

const WARNING_NAMES: readonly (readonly string[])[] = [
  ['Choose Not To Use Archive Warnings', 'Creator Chose Not To Use Archive Warnings'],
  ['Underage Sex', 'Underage'],
].map((names) => names.map(fold));

function namesOfWarning(value: string): string[] {
  const folded = fold(value);
  return [...(WARNING_NAMES.find((names) => names.includes(folded)) ?? [folded])];
}

function regexBody(pattern: string): string {
  return fold(pattern)
    .split('*')
    .map((part) => part.replace(/[\\^$.*+?()[\]{}|/]/g, (c) => `\\${c}`))
    .join('.*');
}

function wholeValue(pattern: string, value: string): boolean {
  return new RegExp(`^${regexBody(pattern)}$`, 'su').test(fold(value));
}

const WORD = String.raw`[\p{L}\p{N}\p{M}_]`;

function insideSummary(pattern: string, summary: string): boolean {
  const text = fold(summary);
  const isWord = (c: string | undefined) => c !== undefined && new RegExp(WORD, 'u').test(c);
  // Every start and every end the pattern can take, as its own check (no lookbehind trickery).
  for (let start = 0; start <= text.length; start++) {
    for (let end = text.length; end >= start; end--) {
      if (!new RegExp(`^${regexBody(pattern)}$`, 'su').test(text.slice(start, end))) continue;
      const before = Array.from(text.slice(0, start)).pop();
      const first = Array.from(text.slice(start))[0];
      const last = Array.from(text.slice(0, end)).pop();
      const after = Array.from(text.slice(end))[0];
      const startsInsideWord = isWord(before) && isWord(first);
      const endsInsideWord = isWord(last) && isWord(after);
      if (!startsInsideWord && !endsInsideWord) return true;
    }
  }
  return false;
}

function valuesFor(field: string, work: WorkMeta): string[] {
  const authors = work.authors.flatMap((a) => (a.pseud === a.login ? [a.pseud, a.login] : [a.pseud, a.login, `${a.pseud} (${a.login})`]));
  const warnings = work.warnings.flatMap(namesOfWarning);
  switch (field) {
    case 'warning':
      return warnings;
    case 'rating':
      return work.rating === null ? [] : [work.rating];
    case 'category':
      return work.categories;
    case 'fandom':
      return work.fandoms;
    case 'relationship':
      return work.relationships;
    case 'character':
      return work.characters;
    case 'freeform':
      return work.freeforms;
    case 'tag':
      return [...work.fandoms, ...warnings, ...work.relationships, ...work.characters, ...work.freeforms];
    case 'author':
      return authors;
    case 'title':
      return work.title === '' ? [] : [work.title];
    case 'language':
      return work.language === null ? [] : [work.language];
    case 'work':
      return [`${work.site}:${work.id}`];
    default:
      throw new Error(`reference matcher: unknown field ${field}`);
  }
}

function matches(rule: Rule, work: WorkMeta, history: HistoryStatus | null | undefined): boolean {
  switch (rule.field) {
    case 'words': {
      const min = typeof rule.min === 'number' && !Number.isNaN(rule.min) ? rule.min : null;
      const max = typeof rule.max === 'number' && !Number.isNaN(rule.max) ? rule.max : null;
      if (work.words === null || (min === null && max === null)) return false;
      return (min === null || work.words >= min) && (max === null || work.words <= max);
    }
    case 'fandomCount':
      return work.fandoms.length > rule.max;
    case 'complete':
      return work.complete === rule.value;
    case 'history':
      return history !== undefined && history !== null && history === rule.status;
    default: {
      if (fold(rule.pattern).replace(/\*/g, '') === '') return false;
      if (rule.field === 'summary') return work.summary !== '' && insideSummary(rule.pattern, work.summary);
      // A warning rule written with either name matches a work carrying the other.
      const patterns = rule.field === 'warning' || rule.field === 'tag' ? namesOfWarning(rule.pattern) : [rule.pattern];
      return valuesFor(rule.field, work).some((value) => patterns.some((pattern) => wholeValue(pattern, value)));
    }
  }
}

export function referenceMatchWork(work: WorkMeta, rules: readonly Rule[], history?: HistoryStatus | null): ReferenceJudgement {
  const hits = rules.filter((rule) => rule.enabled && matches(rule, work, history));
  const ids = (...actions: string[]) => hits.filter((rule) => actions.includes(rule.action)).map((rule) => rule.id);
  if (ids('allow').length > 0) return { action: 'show', ruleIds: ids('allow') };
  if (hits.length === 0) return { action: 'show', ruleIds: [] };
  if (ids('hide').length > 0) return { action: 'hide', ruleIds: ids('hide', 'collapse') };
  if (ids('collapse').length > 0) return { action: 'collapse', ruleIds: ids('collapse') };
  return { action: 'dim', ruleIds: ids('dim') };
}
