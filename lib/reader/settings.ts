/**
 * How the reader likes to read. Stored and synced; see lib/storage/items.ts.
 * Pure: no DOM, no browser API. Everything read from storage goes through `normalizeReaderSettings`.
 * The settings form (its fields, labels and ranges) is described in ./settings-form.ts.
 */
import { boolean, isPlainObject, number, oneOf, type Check } from '../check';

export type ReaderTheme = 'auto' | 'light' | 'sepia' | 'dark' | 'black';
export type ReaderFont = 'serif' | 'sans' | 'dyslexic' | 'system';
export type ReaderAlign = 'start' | 'justify';

export interface ReaderSettings {
  font: ReaderFont;
  /** CSS pixels. */
  fontSize: number;
  /** Unitless multiple of the font size. */
  lineHeight: number;
  /** Column width in `ch`. */
  width: number;
  /** Space between paragraphs, in `em`. */
  paragraphSpacing: number;
  align: ReaderAlign;
  /** 'auto' follows the system's prefers-color-scheme. */
  theme: ReaderTheme;
  wordsPerMinute: number;
  /** Open every work in reader mode. */
  openAutomatically: boolean;
  /** Continue past the site's adult-content gate without asking. */
  skipAdultGate: boolean;
}

export const DEFAULT_READER_SETTINGS: ReaderSettings = {
  font: 'serif',
  fontSize: 19,
  lineHeight: 1.6,
  width: 68,
  paragraphSpacing: 1,
  align: 'start',
  theme: 'auto',
  wordsPerMinute: 250,
  openAutomatically: false,
  skipAdultGate: false,
};

export type NumericSettingKey = 'fontSize' | 'lineHeight' | 'width' | 'paragraphSpacing' | 'wordsPerMinute';
export type ChoiceSettingKey = 'font' | 'align' | 'theme';
export type ToggleSettingKey = 'openAutomatically' | 'skipAdultGate';

export interface NumericRange {
  min: number;
  max: number;
  step: number;
}

/** The accepted range of every number setting; values outside are clamped, then snapped to the step. */
export const READER_RANGES: Readonly<Record<NumericSettingKey, NumericRange>> = {
  fontSize: { min: 12, max: 40, step: 1 },
  lineHeight: { min: 1, max: 2.5, step: 0.05 },
  width: { min: 30, max: 120, step: 2 },
  paragraphSpacing: { min: 0, max: 3, step: 0.25 },
  wordsPerMinute: { min: 50, max: 1000, step: 10 },
};

export const READER_CHOICES: {
  readonly font: readonly ReaderFont[];
  readonly align: readonly ReaderAlign[];
  readonly theme: readonly ReaderTheme[];
} = {
  font: ['serif', 'sans', 'dyslexic', 'system'],
  align: ['start', 'justify'],
  theme: ['auto', 'light', 'sepia', 'dark', 'black'],
};

/** Clamp to the range and snap to its step (from `min`), without floating-point dust. */
export function clampToRange(value: number, range: NumericRange): number {
  const clamped = Math.min(range.max, Math.max(range.min, value));
  const steps = Math.round((clamped - range.min) / range.step);
  const snapped = Math.min(range.max, range.min + steps * range.step);
  return Number(snapped.toFixed(4));
}

const isNumericKey = (key: keyof ReaderSettings): key is NumericSettingKey => Object.hasOwn(READER_RANGES, key);

/**
 * The one schema of the reader's settings: what storage accepts (lib/storage/validate.ts) and what
 * `normalizeReaderSettings` keeps. Off-step numbers pass (the reader snaps them); out-of-range ones do not.
 */
export const READER_SETTINGS_SCHEMA: Record<keyof ReaderSettings, Check> = {
  font: oneOf(READER_CHOICES.font),
  fontSize: range('fontSize'),
  lineHeight: range('lineHeight'),
  width: range('width'),
  paragraphSpacing: range('paragraphSpacing'),
  align: oneOf(READER_CHOICES.align),
  theme: oneOf(READER_CHOICES.theme),
  wordsPerMinute: range('wordsPerMinute'),
  openAutomatically: boolean,
  skipAdultGate: boolean,
};

function range(key: NumericSettingKey): Check {
  return number(READER_RANGES[key].min, READER_RANGES[key].max);
}

/** A number setting as a control may hand it over (a numeric string too), clamped and snapped; else unchanged. */
function clamped(value: unknown, key: NumericSettingKey): unknown {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? clampToRange(n, READER_RANGES[key]) : value;
}

/**
 * Whatever storage (or an old version, a backup file, another device) hands us, a valid ReaderSettings:
 * unknown keys dropped, numbers clamped to READER_RANGES (numeric strings ("20") accepted as numbers), and
 * what the schema still refuses replaced by its default. Never throws.
 */
export function normalizeReaderSettings(input: unknown): ReaderSettings {
  const raw = isPlainObject(input) ? input : {};
  const settings: Record<string, unknown> = { ...DEFAULT_READER_SETTINGS };
  for (const [key, check] of Object.entries(READER_SETTINGS_SCHEMA) as [keyof ReaderSettings, Check][]) {
    const value = isNumericKey(key) ? clamped(raw[key], key) : raw[key];
    if (value !== undefined && check(value) === null) settings[key] = value;
  }
  return settings as unknown as ReaderSettings;
}

/** One change from a settings control, validated: a new settings object, or the same one when invalid. */
export function updateReaderSetting(
  settings: ReaderSettings,
  key: keyof ReaderSettings,
  value: unknown,
): ReaderSettings {
  return normalizeReaderSettings({ ...settings, [key]: value });
}

export function sameReaderSettings(a: ReaderSettings, b: ReaderSettings): boolean {
  return (Object.keys(DEFAULT_READER_SETTINGS) as (keyof ReaderSettings)[]).every((key) => a[key] === b[key]);
}
