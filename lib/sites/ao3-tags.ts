/** AO3's canonical ratings, archive warnings and categories, and how pages spell them. */

import { tagNameFromHref } from './ao3-urls';

export const RATINGS_BY_SEVERITY = [
  'Explicit',
  'Mature',
  'Teen And Up Audiences',
  'General Audiences',
  'Not Rated',
] as const;

/** Rating symbol classes (span.rating-X.rating) → canonical rating names. */
const RATING_BY_SYMBOL_CLASS: Record<string, string> = {
  'rating-general-audience': 'General Audiences',
  'rating-teen': 'Teen And Up Audiences',
  'rating-mature': 'Mature',
  'rating-explicit': 'Explicit',
  'rating-notrated': 'Not Rated',
};

/** Warning names as displayed (or as older pages and the 2024 rename spell them) → canonical names. */
const CANONICAL_WARNING: Record<string, string> = {
  'Creator Chose Not To Use Archive Warnings': 'Choose Not To Use Archive Warnings',
  Underage: 'Underage Sex',
};

/** The canonical name of an archive warning, given its tag name or display name. */
export function canonicalWarning(name: string): string {
  return CANONICAL_WARNING[name] ?? name;
}

/** Canonical warning names from warning tag links (their hrefs hold the tag names). */
export function warningsFromLinks(links: Iterable<Element>): string[] {
  const names: string[] = [];
  for (const link of links) {
    const name = tagNameFromHref(link.getAttribute('href'));
    if (name && !names.includes(canonicalWarning(name))) names.push(canonicalWarning(name));
  }
  return names;
}

/** Canonical warning names from a warning symbol's title ("A, B"). */
export function warningsFromSymbolTitle(title: string | null): string[] {
  if (!title) return [];
  return title
    .split(', ')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map(canonicalWarning);
}

/** The most severe of several rating names (normally there is exactly one); null for none. */
export function mostSevereRating(names: string[]): string | null {
  return RATINGS_BY_SEVERITY.find((rating) => names.includes(rating)) ?? names[0] ?? null;
}

/** Canonical rating name from a rating symbol span (class first, then title); null when unknown. */
export function ratingFromSymbol(symbol: Element | null): string | null {
  if (!symbol) return null;
  for (const token of Array.from(symbol.classList)) {
    const rating = RATING_BY_SYMBOL_CLASS[token];
    if (rating) return rating;
  }
  const title = symbol.getAttribute('title') ?? '';
  return RATINGS_BY_SEVERITY.find((rating) => rating === title) ?? null;
}

/** Category names from a category symbol's title ("Gen, F/M"); "No category" → []. */
export function categoriesFromSymbolTitle(title: string | null): string[] {
  if (!title || /^no category$/i.test(title.trim())) return [];
  return title
    .split(', ')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** Completion from the fourth symbol: complete-yes → true, complete-no → false, else null. */
export function completeFromSymbol(symbol: Element | null): boolean | null {
  if (!symbol) return null;
  if (symbol.classList.contains('complete-yes')) return true;
  if (symbol.classList.contains('complete-no')) return false;
  return null;
}
