/**
 * How the reader likes to read. Stored and synced; see lib/storage/items.ts.
 * Pure: no DOM, no browser API. Everything read from storage goes through `normalizeReaderSettings`.
 * The settings form (its fields, labels and ranges) is described in ./settings-form.ts.
 */
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

function numberOr(value: unknown, key: NumericSettingKey): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) return DEFAULT_READER_SETTINGS[key];
  return clampToRange(n, READER_RANGES[key]);
}

function choiceOr<K extends ChoiceSettingKey>(value: unknown, key: K): ReaderSettings[K] {
  const allowed = READER_CHOICES[key] as readonly unknown[];
  return (allowed.includes(value) ? value : DEFAULT_READER_SETTINGS[key]) as ReaderSettings[K];
}

function booleanOr(value: unknown, key: ToggleSettingKey): boolean {
  return typeof value === 'boolean' ? value : DEFAULT_READER_SETTINGS[key];
}

/**
 * Whatever storage (or an old version, a backup file, another device) hands us, a valid ReaderSettings:
 * unknown keys dropped, missing or malformed values replaced by defaults, numbers clamped to READER_RANGES.
 * Numeric strings ("20") are accepted as numbers. Never throws.
 */
export function normalizeReaderSettings(input: unknown): ReaderSettings {
  const raw: Record<string, unknown> =
    typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
  return {
    font: choiceOr(raw.font, 'font'),
    fontSize: numberOr(raw.fontSize, 'fontSize'),
    lineHeight: numberOr(raw.lineHeight, 'lineHeight'),
    width: numberOr(raw.width, 'width'),
    paragraphSpacing: numberOr(raw.paragraphSpacing, 'paragraphSpacing'),
    align: choiceOr(raw.align, 'align'),
    theme: choiceOr(raw.theme, 'theme'),
    wordsPerMinute: numberOr(raw.wordsPerMinute, 'wordsPerMinute'),
    openAutomatically: booleanOr(raw.openAutomatically, 'openAutomatically'),
    skipAdultGate: booleanOr(raw.skipAdultGate, 'skipAdultGate'),
  };
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
