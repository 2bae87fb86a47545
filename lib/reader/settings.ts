/**
 * How the reader likes to read. Stored and synced; see lib/storage/items.ts.
 * Pure: no DOM, no browser API (but the controls' words, from lib/i18n). Everything read from
 * storage goes through `normalizeReaderSettings`.
 */
import { t, tn, type MessageKey } from '../i18n';

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

// ---------------------------------------------------------------------------------------------
// Descriptions of the controls, shared by the in-page settings panel and (later) the options page.

export interface RangeField {
  kind: 'range';
  key: NumericSettingKey;
  label: string;
  range: NumericRange;
  /** How the current value reads next to the slider, e.g. "19 px". */
  format: (value: number) => string;
}
export interface ChoiceField {
  kind: 'choice';
  key: ChoiceSettingKey;
  label: string;
  options: readonly { value: string; label: string }[];
}
export interface ToggleField {
  kind: 'toggle';
  key: ToggleSettingKey;
  label: string;
}
export type ReaderSettingField = RangeField | ChoiceField | ToggleField;

const trim = (value: number, digits: number) => String(Number(value.toFixed(digits)));

/**
 * Words are read when shown (getters), in the reader's language (lib/i18n), so this module can be
 * loaded before the browser's i18n is at hand (tests, benchmarks).
 */
const labelled = <T extends object>(key: MessageKey, item: T): T & { readonly label: string } =>
  Object.defineProperty(item, 'label', { get: () => t(key), enumerable: true }) as T & { readonly label: string };

const option = (value: string, key: MessageKey) => labelled(key, { value });

/** A control, labelled with the message `key`. */
const field = <F extends ReaderSettingField>(key: MessageKey, rest: Omit<F, 'label'>): F => labelled(key, rest) as F;

/** The reader's settings panel, in order. (skipAdultGate belongs to the adult-gate feature's UI.) */
export const READER_SETTING_FIELDS: readonly ReaderSettingField[] = [
  field<ChoiceField>('readerSettingFont', {
    kind: 'choice',
    key: 'font',
    options: [
      option('serif', 'readerFontSerif'),
      option('sans', 'readerFontSans'),
      option('dyslexic', 'readerFontDyslexic'),
      option('system', 'readerFontSystem'),
    ],
  }),
  field<RangeField>('readerSettingTextSize', {
    kind: 'range',
    key: 'fontSize',
    range: READER_RANGES.fontSize,
    format: (v) => t('readerValuePixels', v),
  }),
  field<RangeField>('readerSettingLineHeight', {
    kind: 'range',
    key: 'lineHeight',
    range: READER_RANGES.lineHeight,
    format: (v) => trim(v, 2),
  }),
  field<RangeField>('readerSettingWidth', {
    kind: 'range',
    key: 'width',
    range: READER_RANGES.width,
    format: (v) => tn('readerValueCharacters', v),
  }),
  field<RangeField>('readerSettingParagraphSpacing', {
    kind: 'range',
    key: 'paragraphSpacing',
    range: READER_RANGES.paragraphSpacing,
    format: (v) => (v === 0 ? t('readerValueNone') : t('readerValueEm', trim(v, 2))),
  }),
  field<ChoiceField>('readerSettingAlign', {
    kind: 'choice',
    key: 'align',
    options: [option('start', 'readerAlignStart'), option('justify', 'readerAlignJustify')],
  }),
  field<ChoiceField>('readerSettingTheme', {
    kind: 'choice',
    key: 'theme',
    options: [
      option('auto', 'readerThemeAuto'),
      option('light', 'readerThemeLight'),
      option('sepia', 'readerThemeSepia'),
      option('dark', 'readerThemeDark'),
      option('black', 'readerThemeBlack'),
    ],
  }),
  field<RangeField>('readerSettingSpeed', {
    kind: 'range',
    key: 'wordsPerMinute',
    range: READER_RANGES.wordsPerMinute,
    format: (v) => tn('readerValueWordsPerMinute', v),
  }),
  field<ToggleField>('readerSettingOpenAutomatically', { kind: 'toggle', key: 'openAutomatically' }),
];
