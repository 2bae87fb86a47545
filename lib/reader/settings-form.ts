/**
 * The reader's settings form, described once: its fields in order, each with its setting's key,
 * its label (a message key), its kind of control, the range of a slider and how its value reads
 * ("19 px"), the choices of a choice. Both forms are drawn from it by thin renderers: the reader's
 * in-page panel (entrypoints/content/reader/settings-panel.ts, plain DOM: the work script carries
 * no Preact) and the options page's form (components/ReaderSettingsForm.tsx). A field added or
 * changed here appears in both. Pure: no DOM, no browser API (but the values' words, from lib/i18n).
 */
import { tn, t, type MessageKey } from '../i18n';
import {
  READER_CHOICES,
  READER_RANGES,
  type ChoiceSettingKey,
  type NumericRange,
  type NumericSettingKey,
  type ToggleSettingKey,
} from './settings';

interface FieldBase {
  /** The message that labels the control. */
  label: MessageKey;
  /** Shown on the options page only (the reader's panel is about reading; see `panelFields`). */
  optionsOnly?: true;
}
export interface RangeField extends FieldBase {
  kind: 'range';
  key: NumericSettingKey;
  range: NumericRange;
  /** How the current value reads next to the slider, e.g. "19 px". */
  format: (value: number) => string;
}
export interface ChoiceField extends FieldBase {
  kind: 'choice';
  key: ChoiceSettingKey;
  choices: readonly { value: string; label: MessageKey }[];
}
export interface ToggleField extends FieldBase {
  kind: 'toggle';
  key: ToggleSettingKey;
}
export type ReaderSettingField = RangeField | ChoiceField | ToggleField;

const trim = (value: number, digits: number) => String(Number(value.toFixed(digits)));

/** The label of each choice; the choices themselves, and their order, are the settings' own (READER_CHOICES). */
const CHOICE_LABELS: Record<(typeof READER_CHOICES)[ChoiceSettingKey][number], MessageKey> = {
  serif: 'readerFontSerif',
  sans: 'readerFontSans',
  dyslexic: 'readerFontDyslexic',
  system: 'readerFontSystem',
  start: 'readerAlignStart',
  justify: 'readerAlignJustify',
  auto: 'readerThemeAuto',
  light: 'readerThemeLight',
  sepia: 'readerThemeSepia',
  dark: 'readerThemeDark',
  black: 'readerThemeBlack',
};

const choice = (key: ChoiceSettingKey, label: MessageKey): ChoiceField => ({
  kind: 'choice',
  key,
  label,
  choices: READER_CHOICES[key].map((value) => ({ value, label: CHOICE_LABELS[value] })),
});

/** Every field of the form, in order. */
export const READER_SETTINGS_FORM: readonly ReaderSettingField[] = [
  choice('font', 'readerSettingFont'),
  { kind: 'range', key: 'fontSize', label: 'readerSettingTextSize', range: READER_RANGES.fontSize, format: (v) => t('readerValuePixels', v) },
  { kind: 'range', key: 'lineHeight', label: 'readerSettingLineHeight', range: READER_RANGES.lineHeight, format: (v) => trim(v, 2) },
  { kind: 'range', key: 'width', label: 'readerSettingWidth', range: READER_RANGES.width, format: (v) => tn('readerValueCharacters', v) },
  {
    kind: 'range',
    key: 'paragraphSpacing',
    label: 'readerSettingParagraphSpacing',
    range: READER_RANGES.paragraphSpacing,
    format: (v) => (v === 0 ? t('readerValueNone') : t('readerValueEm', trim(v, 2))),
  },
  choice('align', 'readerSettingAlign'),
  choice('theme', 'readerSettingTheme'),
  {
    kind: 'range',
    key: 'wordsPerMinute',
    label: 'readerSettingSpeed',
    range: READER_RANGES.wordsPerMinute,
    format: (v) => tn('readerValueWordsPerMinute', v),
  },
  { kind: 'toggle', key: 'openAutomatically', label: 'readerSettingOpenAutomatically' },
  // Behaviour before the reader opens: on the options page, not in the panel over the story.
  { kind: 'toggle', key: 'skipAdultGate', label: 'readerSettingsSkipAdultGate', optionsOnly: true },
];

/** The reader's in-page panel: the form without the options-page-only fields. */
export const panelFields = (): readonly ReaderSettingField[] => READER_SETTINGS_FORM.filter((field) => !field.optionsOnly);

/** What both renderers read from a control: an input (slider, radio, checkbox) or a select. */
export interface Control {
  value: string;
  checked?: boolean;
}

/** The value a field's control holds, for `updateReaderSetting` (which validates it). */
export function controlValue(field: ReaderSettingField, control: Control): number | boolean | string {
  if (field.kind === 'range') return Number(control.value);
  if (field.kind === 'toggle') return control.checked === true;
  return control.value;
}
