/**
 * Which of the reader's rules a site may apply itself ("Filter on AO3 too"): only exclusions whose every
 * work Lamplight would certainly hide, so asking the site to leave them out changes nothing but how many
 * works a page shows. Names only (canonical spellings); the site adapter turns them into its URL.
 */
import { compilePattern, matchCompiled, normalize, tidyPattern } from './pattern';
import type { Rule } from './types';
import { findWarning, RATINGS } from './warnings';

/** What a site is asked to leave out, each list in rule order without repeats. */
export interface SiteExclusions {
  /** Canonical archive warning names (`ARCHIVE_WARNINGS[].name`). */
  warnings: string[];
  /** Canonical rating names (`RATINGS[].name`). */
  ratings: string[];
  categories: string[];
  /** Other tags by exact name, from `tag` rules (fandoms, relationships, characters, freeforms). */
  tags: string[];
}

// i18n-ignore-start: AO3's own category names, as its pages show them (not translated).
export const CATEGORIES: readonly string[] = ['F/F', 'F/M', 'Gen', 'M/M', 'Multi', 'Other'];
// i18n-ignore-end

/**
 * The fields of a rule this file understands: a note or other names covered change nothing of what
 * the rule's own name hides. A rule with any other (a scope narrows it) is never sent.
 */
const KNOWN_KEYS = new Set(['id', 'field', 'pattern', 'action', 'enabled', 'workTitle', 'workCreator', 'note', 'alsoCovers']);

const byName = (names: readonly string[], pattern: string) => names.find((name) => normalize(name) === normalize(pattern));
const ratingName = (pattern: string) => byName(RATINGS.map((r) => r.name), pattern);
const categoryName = (pattern: string) => byName(CATEGORIES, pattern);

type Kind = keyof SiteExclusions;

/** The one exclusion an enabled hide rule certainly stands for, or null. */
function exclusionOf(rule: Rule): { kind: Kind; name: string } | null {
  if (!rule.enabled || rule.action !== 'hide' || !('pattern' in rule)) return null;
  if (Object.keys(rule).some((key) => !KNOWN_KEYS.has(key))) return null;
  const pattern = tidyPattern(rule.pattern);
  // A star is a wildcard; a comma would split the name in the site's list (no site tag has one).
  if (pattern === '' || pattern.includes('*') || pattern.includes(',')) return null;
  const warning = findWarning(pattern)?.name;
  const rating = ratingName(pattern);
  const category = categoryName(pattern);
  switch (rule.field) {
    case 'warning':
      return warning ? { kind: 'warnings', name: warning } : null;
    case 'rating':
      return rating ? { kind: 'ratings', name: rating } : null;
    case 'category':
      return category ? { kind: 'categories', name: category } : null;
    case 'tag':
      // `tag` rules look at warnings but never at the rating or categories.
      if (warning) return { kind: 'warnings', name: warning };
      return rating || category ? null : { kind: 'tags', name: pattern };
    default:
      // A fandom, character… rule matches its name only as that kind of tag; the site would leave out
      // the tag whatever its kind. Only `tag` rules (every kind) say the same as the site.
      return null;
  }
}

/**
 * Could this allow rule show again a work that has the exclusion? Conservatively yes, except a rating
 * rule that names another rating: a work has exactly one.
 */
function mayOverlap(allow: Rule, exclusion: { kind: Kind; name: string }): boolean {
  if (exclusion.kind !== 'ratings' || allow.field !== 'rating' || !('pattern' in allow)) return true;
  return matchCompiled(compilePattern(allow.pattern), normalize(exclusion.name));
}

/** What the site may leave out for these rules; nothing at all while filtering is paused. */
export function siteExclusions(rules: readonly Rule[], paused: boolean): SiteExclusions {
  const out: SiteExclusions = { warnings: [], ratings: [], categories: [], tags: [] };
  if (paused) return out;
  const allows = rules.filter((rule) => rule.enabled && rule.action === 'allow');
  const seen = new Set<string>();
  for (const rule of rules) {
    const exclusion = exclusionOf(rule);
    if (!exclusion || allows.some((allow) => mayOverlap(allow, exclusion))) continue;
    const key = `${exclusion.kind}:${normalize(exclusion.name)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out[exclusion.kind].push(exclusion.name);
  }
  return out;
}
