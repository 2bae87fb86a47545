/**
 * AO3's archive warnings and ratings, and the warning spellings that
 * name the same warning: tag name vs displayed text, and the 2024 rename (AO3-6831).
 */

import { normalize } from './pattern';

export interface TagChoice {
  /** Canonical tag name, as `WorkMeta.warnings` / `WorkMeta.rating` carry it and rules store it. */
  name: string;
  /** Text AO3 displays for it; what a toggle should say. */
  label: string;
}

export interface ArchiveWarning extends TagChoice {
  /** Every spelling that means this warning, canonical name and label included. */
  aliases: readonly string[];
}

// i18n-ignore-start: AO3's own names for its warnings and ratings, as its pages show them (not translated).
/**
 * The six archive warnings: the four that warn of something first (AO3's filter form order), then the
 * two that say there is none or that the creator chose not to say, so lists put what a reader
 * avoids before what is not a warning.
 */
export const ARCHIVE_WARNINGS: readonly ArchiveWarning[] = [
  {
    name: 'Graphic Depictions Of Violence',
    label: 'Graphic Depictions Of Violence',
    aliases: ['Graphic Depictions Of Violence'],
  },
  { name: 'Major Character Death', label: 'Major Character Death', aliases: ['Major Character Death'] },
  { name: 'Rape/Non-Con', label: 'Rape/Non-Con', aliases: ['Rape/Non-Con'] },
  // Named "Underage" until 2024-11; older pages and older rules still say so.
  { name: 'Underage Sex', label: 'Underage Sex', aliases: ['Underage Sex', 'Underage'] },
  {
    name: 'No Archive Warnings Apply',
    label: 'No Archive Warnings Apply',
    aliases: ['No Archive Warnings Apply'],
  },
  {
    name: 'Choose Not To Use Archive Warnings',
    label: 'Creator Chose Not To Use Archive Warnings',
    aliases: ['Choose Not To Use Archive Warnings', 'Creator Chose Not To Use Archive Warnings'],
  },
];

/** The five ratings, mildest first. */
export const RATINGS: readonly TagChoice[] = [
  { name: 'General Audiences', label: 'General Audiences' },
  { name: 'Teen And Up Audiences', label: 'Teen And Up Audiences' },
  { name: 'Mature', label: 'Mature' },
  { name: 'Explicit', label: 'Explicit' },
  { name: 'Not Rated', label: 'Not Rated' },
];
// i18n-ignore-end

/** normalized spelling → the warning it names */
const BY_SPELLING = new Map<string, ArchiveWarning>();
/** normalized spelling → normalized spellings of the same warning (itself first) */
const SPELLINGS = new Map<string, readonly string[]>();
for (const warning of ARCHIVE_WARNINGS) {
  const all = warning.aliases.map(normalize);
  for (const spelling of all) {
    BY_SPELLING.set(spelling, warning);
    SPELLINGS.set(spelling, [spelling, ...all.filter((s) => s !== spelling)]);
  }
}

/** The archive warning any spelling names (case and whitespace ignored), or undefined. */
export function findWarning(spelling: string): ArchiveWarning | undefined {
  return BY_SPELLING.get(normalize(spelling));
}

/**
 * Every normalized spelling to match for a work's normalized warning value: the value itself,
 * then its aliases. A value that is not an archive warning gives just itself.
 */
export function warningSpellings(normalizedValue: string): readonly string[] {
  return SPELLINGS.get(normalizedValue) ?? [normalizedValue];
}
