/**
 * Validators for the settings shapes (rules: lib/filters/validate.ts; bookmarks:
 * lib/bookmarks/validate.ts). Pure.
 */
import type { ReaderSettings } from '../reader/settings';
import { DEFAULT_READER_SETTINGS, READER_SETTINGS_SCHEMA } from '../reader/settings';
import { boolean, checkRecord, isPlainObject, mustBe, type Check } from '../check';

export interface AppSettings {
  /** Filtering switched off for now, without losing the rules. */
  filteringPaused: boolean;
  /** Keep bookmarks in the browser's sync storage as well as locally. */
  syncBookmarks: boolean;
  /** A collapsed work's placeholder names it (title and creator); off: only the rules it matched. */
  showFilteredTitles: boolean;
  /**
   * On AO3 tag listings and search results, add the exclusions Lamplight would certainly hide to
   * AO3's own filter address, so a page still shows a full page of works (lib/sites/ao3-filter-url.ts).
   */
  filterOnAo3: boolean;
}

export const DEFAULT_APP_SETTINGS: AppSettings = {
  filteringPaused: false,
  syncBookmarks: false,
  showFilteredTitles: true,
  filterOnAo3: false,
};

export interface HistorySettings {
  /** Record no visits for now, keeping the history. */
  paused: boolean;
}

export const DEFAULT_HISTORY_SETTINGS: HistorySettings = { paused: false };

export const HISTORY_SETTINGS_SCHEMA: Record<keyof HistorySettings, Check> = { paused: boolean };

export { READER_SETTINGS_SCHEMA };

export const APP_SETTINGS_SCHEMA: Record<keyof AppSettings, Check> = {
  filteringPaused: boolean,
  syncBookmarks: boolean,
  showFilteredTitles: boolean,
  filterOnAo3: boolean,
};

export type SettingsValidation<T> = { ok: true; value: T } | { ok: false; error: string };

/** A fresh object with the schema's key order. */
function ordered<T extends object>(schema: Record<keyof T, Check>, source: Partial<T>): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(schema) as (keyof T)[]) {
    if (source[key] !== undefined) out[key] = source[key];
  }
  return out;
}

/** Some settings (a backup's `settings.reader`): every present field valid, no unknown field. */
export function validateSettingsPatch<T extends object>(
  input: unknown,
  schema: Record<keyof T, Check>,
): SettingsValidation<Partial<T>> {
  const error = checkRecord(input, schema, []);
  if (error !== null) return { ok: false, error };
  return { ok: true, value: ordered(schema, input as Partial<T>) };
}

/** Complete settings: every field present and valid. */
export function validateSettings<T extends object>(
  input: unknown,
  schema: Record<keyof T, Check>,
): SettingsValidation<T> {
  const error = checkRecord(input, schema, 'all');
  if (error !== null) return { ok: false, error };
  return { ok: true, value: ordered(schema, input as Partial<T>) as T };
}

export const validateReaderSettings = (input: unknown) =>
  validateSettings<ReaderSettings>(input, READER_SETTINGS_SCHEMA);
export const validateAppSettings = (input: unknown) =>
  validateSettings<AppSettings>(input, APP_SETTINGS_SCHEMA);
export const validateHistorySettings = (input: unknown) =>
  validateSettings<HistorySettings>(input, HISTORY_SETTINGS_SCHEMA);

export interface Repair<T> {
  value: T;
  /** What was wrong with the stored value; empty when nothing was lost. */
  problems: string[];
}

/**
 * The stored settings made usable, field by field: a bad field takes its default and is
 * reported; good fields are kept; a missing field takes its default silently (nothing lost);
 * unknown fields are reported (they would be lost).
 */
export function repairSettings<T extends object>(
  input: unknown,
  schema: Record<keyof T, Check>,
  defaults: T,
): Repair<T> {
  if (!isPlainObject(input)) {
    return { value: { ...defaults }, problems: [`must be an object, not ${JSON.stringify(input) ?? 'nothing'}`] };
  }
  const problems: string[] = [];
  for (const key of Object.keys(input)) {
    if (!Object.hasOwn(schema, key)) problems.push(`unknown field "${key}"`);
  }
  const value = { ...defaults };
  for (const [key, check] of Object.entries(schema) as [keyof T & string, Check][]) {
    const v = input[key];
    if (v === undefined) continue;
    const expected = check(v);
    if (expected === null) value[key] = v as T[keyof T & string];
    else problems.push(mustBe(key, expected, v));
  }
  return { value: ordered(schema, value) as T, problems };
}

export { DEFAULT_READER_SETTINGS };
