import { describe, expect, it, vi } from 'vitest';

/**
 * The settings tables (defaults, ranges, choices, schema) are built when the module loads. Each test
 * loads a fresh copy while it runs, so a wrong table fails the test that reads it (mutation testing
 * only judges a mutant of module-level code by the tests that were running when that code ran).
 */
async function load(): Promise<typeof import('../../../lib/reader/settings')> {
  vi.resetModules();
  return import('../../../lib/reader/settings');
}

const DEFAULTS = {
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

describe('reader settings edges', () => {
  it('an empty object, and only unknown keys, normalise to the defaults', async () => {
    const { normalizeReaderSettings, DEFAULT_READER_SETTINGS, updateReaderSetting } = await load();
    expect(normalizeReaderSettings({})).toEqual(DEFAULTS);
    expect(normalizeReaderSettings({ colour: 'red', fontsize: 30 })).toEqual(DEFAULTS);
    expect(DEFAULT_READER_SETTINGS).toEqual(DEFAULTS);
    // @ts-expect-error: a key the settings do not have, as an old or foreign backup may hold
    expect(updateReaderSetting(DEFAULT_READER_SETTINGS, 'nope', 3)).toEqual(DEFAULTS);
  });

  it.each([
    ['fontSize', 11, 12],
    ['fontSize', 41, 40],
    ['fontSize', 19.4, 19],
    ['fontSize', 19.5, 20],
    ['fontSize', '20', 20],
    ['fontSize', ' 21 ', 21],
    ['fontSize', '  ', 19],
    ['fontSize', '', 19],
    ['fontSize', 'big', 19],
    ['fontSize', true, 19],
    ['fontSize', null, 19],
    ['fontSize', Infinity, 19],
    ['fontSize', Number.NaN, 19],
    ['lineHeight', 0.5, 1],
    ['lineHeight', 3, 2.5],
    ['lineHeight', 1.62, 1.6],
    ['lineHeight', 1.63, 1.65],
    ['lineHeight', '2', 2],
    ['width', 20, 30],
    ['width', 121, 120],
    ['width', 31, 32],
    ['width', 69, 70],
    ['width', 100, 100],
    ['paragraphSpacing', -1, 0],
    ['paragraphSpacing', 4, 3],
    ['paragraphSpacing', 0.3, 0.25],
    ['paragraphSpacing', 0.4, 0.5],
    ['paragraphSpacing', '0', 0],
    ['wordsPerMinute', 10, 50],
    ['wordsPerMinute', 2000, 1000],
    ['wordsPerMinute', 254, 250],
    ['wordsPerMinute', 255, 260],
    ['wordsPerMinute', '300', 300],
  ] as const)('%s set to %j becomes %j', async (key, value, expected) => {
    const { normalizeReaderSettings, updateReaderSetting, DEFAULT_READER_SETTINGS } = await load();
    expect(normalizeReaderSettings({ [key]: value })).toEqual({ ...DEFAULTS, [key]: expected });
    expect(updateReaderSetting(DEFAULT_READER_SETTINGS, key, value)[key]).toBe(expected);
  });

  it.each([
    ['font', ['serif', 'sans', 'dyslexic', 'system'], ['Serif', 'comic', '', 1]],
    ['align', ['start', 'justify'], ['left', 'center', '']],
    ['theme', ['auto', 'light', 'sepia', 'dark', 'black'], ['night', 'Dark', '']],
    ['openAutomatically', [true, false], ['true', 1, 0, null]],
    ['skipAdultGate', [true, false], ['yes', 1]],
  ] as const)('%s accepts exactly %j', async (key, accepted, refused) => {
    const { READER_SETTINGS_SCHEMA, normalizeReaderSettings, READER_CHOICES } = await load();
    for (const value of accepted) {
      expect(READER_SETTINGS_SCHEMA[key](value), `${key} = ${String(value)}`).toBeNull();
      expect(normalizeReaderSettings({ [key]: value })[key]).toBe(value);
    }
    for (const value of refused) {
      expect(READER_SETTINGS_SCHEMA[key](value), `${key} = ${String(value)}`).not.toBeNull();
      expect(normalizeReaderSettings({ [key]: value })[key]).toBe(DEFAULTS[key]);
    }
    if (key in READER_CHOICES) expect(READER_CHOICES[key as keyof typeof READER_CHOICES]).toEqual(accepted);
  });

  it.each([
    ['fontSize', 12, 40],
    ['lineHeight', 1, 2.5],
    ['width', 30, 120],
    ['paragraphSpacing', 0, 3],
    ['wordsPerMinute', 50, 1000],
  ] as const)('storage accepts %s from %d to %d and refuses beyond', async (key, min, max) => {
    const { READER_SETTINGS_SCHEMA, READER_RANGES } = await load();
    const check = READER_SETTINGS_SCHEMA[key];
    expect(check(min)).toBeNull();
    expect(check(max)).toBeNull();
    expect(check(min - 0.01)).not.toBeNull();
    expect(check(max + 0.01)).not.toBeNull();
    expect(READER_RANGES[key].min).toBe(min);
    expect(READER_RANGES[key].max).toBe(max);
  });
});
