import { describe, expect, it } from 'vitest';
import {
  clampToRange,
  DEFAULT_READER_SETTINGS,
  normalizeReaderSettings,
  READER_CHOICES,
  READER_RANGES,
  sameReaderSettings,
  updateReaderSetting,
} from '../../../lib/reader/settings';
import { panelFields, READER_SETTINGS_FORM } from '../../../lib/reader/settings-form';

describe('normalizeReaderSettings', () => {
  it.each([undefined, null, 42, 'serif', [], [1, 2], true])('turns %j into the defaults', (input) => {
    expect(normalizeReaderSettings(input)).toEqual(DEFAULT_READER_SETTINGS);
  });

  it('keeps valid values and fills in missing ones', () => {
    const settings = normalizeReaderSettings({ font: 'dyslexic', fontSize: 24, theme: 'sepia' });
    expect(settings).toEqual({ ...DEFAULT_READER_SETTINGS, font: 'dyslexic', fontSize: 24, theme: 'sepia' });
  });

  it('returns every field of the defaults and nothing else', () => {
    const settings = normalizeReaderSettings({ font: 'sans', extra: 'x', __proto__: { evil: 1 } });
    expect(Object.keys(settings).sort()).toEqual(Object.keys(DEFAULT_READER_SETTINGS).sort());
  });

  it('clamps numbers to their ranges', () => {
    const settings = normalizeReaderSettings({
      fontSize: 400,
      lineHeight: 0.2,
      width: 5,
      paragraphSpacing: -3,
      wordsPerMinute: 1e9,
    });
    expect(settings.fontSize).toBe(READER_RANGES.fontSize.max);
    expect(settings.lineHeight).toBe(READER_RANGES.lineHeight.min);
    expect(settings.width).toBe(READER_RANGES.width.min);
    expect(settings.paragraphSpacing).toBe(0);
    expect(settings.wordsPerMinute).toBe(READER_RANGES.wordsPerMinute.max);
  });

  it('snaps numbers to the step without floating-point dust', () => {
    expect(normalizeReaderSettings({ lineHeight: 1.6300001 }).lineHeight).toBe(1.65);
    expect(normalizeReaderSettings({ lineHeight: 1.1 + 0.2 }).lineHeight).toBe(1.3);
    expect(normalizeReaderSettings({ fontSize: 18.4 }).fontSize).toBe(18);
    expect(normalizeReaderSettings({ paragraphSpacing: 0.6 }).paragraphSpacing).toBe(0.5);
    expect(normalizeReaderSettings({ width: 71 }).width).toBe(72);
  });

  it.each([NaN, Infinity, -Infinity, '', 'big', {}, null, true])('replaces the number %j with the default', (bad) => {
    expect(normalizeReaderSettings({ fontSize: bad }).fontSize).toBe(DEFAULT_READER_SETTINGS.fontSize);
  });

  it('accepts numbers written as strings (old exports, form values)', () => {
    expect(normalizeReaderSettings({ fontSize: '22', lineHeight: ' 1.8 ' }).fontSize).toBe(22);
    expect(normalizeReaderSettings({ lineHeight: ' 1.8 ' }).lineHeight).toBe(1.8);
  });

  it('rejects unknown choices and non-boolean switches', () => {
    const settings = normalizeReaderSettings({
      font: 'Comic Sans',
      align: 'center',
      theme: 'DARK',
      openAutomatically: 'yes',
      skipAdultGate: 1,
    });
    expect(settings.font).toBe(DEFAULT_READER_SETTINGS.font);
    expect(settings.align).toBe(DEFAULT_READER_SETTINGS.align);
    expect(settings.theme).toBe(DEFAULT_READER_SETTINGS.theme);
    expect(settings.openAutomatically).toBe(false);
    expect(settings.skipAdultGate).toBe(false);
  });

  it('accepts every listed choice', () => {
    for (const font of READER_CHOICES.font) expect(normalizeReaderSettings({ font }).font).toBe(font);
    for (const theme of READER_CHOICES.theme) expect(normalizeReaderSettings({ theme }).theme).toBe(theme);
    for (const align of READER_CHOICES.align) expect(normalizeReaderSettings({ align }).align).toBe(align);
  });

  it('is idempotent, and the defaults are already normal', () => {
    expect(normalizeReaderSettings(DEFAULT_READER_SETTINGS)).toEqual(DEFAULT_READER_SETTINGS);
    const once = normalizeReaderSettings({ fontSize: 33.3, lineHeight: 9, font: 'x' });
    expect(normalizeReaderSettings(once)).toEqual(once);
  });
});

describe('clampToRange', () => {
  it('stays inside the range even when the step does not divide it', () => {
    expect(clampToRange(10, { min: 0, max: 10, step: 3 })).toBe(9);
    expect(clampToRange(100, { min: 0, max: 10, step: 3 })).toBe(9);
  });
});

describe('updateReaderSetting', () => {
  it('changes one key and validates it', () => {
    const next = updateReaderSetting(DEFAULT_READER_SETTINGS, 'fontSize', 99);
    expect(next).toEqual({ ...DEFAULT_READER_SETTINGS, fontSize: READER_RANGES.fontSize.max });
    expect(updateReaderSetting(DEFAULT_READER_SETTINGS, 'theme', 'neon').theme).toBe('auto');
  });
  it('does not change its input', () => {
    const before = { ...DEFAULT_READER_SETTINGS };
    updateReaderSetting(before, 'font', 'sans');
    expect(before).toEqual(DEFAULT_READER_SETTINGS);
  });
});

describe('sameReaderSettings', () => {
  it('compares every field', () => {
    expect(sameReaderSettings(DEFAULT_READER_SETTINGS, { ...DEFAULT_READER_SETTINGS })).toBe(true);
    expect(sameReaderSettings(DEFAULT_READER_SETTINGS, { ...DEFAULT_READER_SETTINGS, width: 70 })).toBe(false);
  });
});

describe('READER_SETTINGS_FORM', () => {
  it('describes every reader setting once, with valid defaults; the panel has all but the adult gate', () => {
    const keys = READER_SETTINGS_FORM.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort()).toEqual(Object.keys(DEFAULT_READER_SETTINGS).sort());
    expect(panelFields().map((f) => f.key)).toEqual(keys.filter((k) => k !== 'skipAdultGate'));
    for (const field of READER_SETTINGS_FORM) {
      if (field.kind === 'choice') {
        expect(field.choices.map((o) => o.value)).toEqual(READER_CHOICES[field.key]);
      }
      if (field.kind === 'range') {
        const value = DEFAULT_READER_SETTINGS[field.key];
        expect(value).toBeGreaterThanOrEqual(field.range.min);
        expect(value).toBeLessThanOrEqual(field.range.max);
        expect(field.format(value)).toMatch(/\d/);
      }
    }
  });
});
