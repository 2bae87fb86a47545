/** Series rules: which typed texts become `ao3:ID`, and how a one-series rule reads. */
import { describe, expect, it } from 'vitest';
import { seriesPatternFromInput, seriesSentence } from '../../../lib/filters/series';

describe('seriesPatternFromInput', () => {
  it.each<[string, string]>([
    ['https://archiveofourown.org/series/123', 'ao3:123'],
    ['http://archiveofourown.org/series/456', 'ao3:456'],
    ['  HTTPS://www.archiveofourown.org/series/789/  ', 'ao3:789'],
    // Only http(s) links are read as links; other texts stay as typed, even when they would parse as a URL.
    ['ftp://archiveofourown.org/series/123', 'ftp://archiveofourown.org/series/123'],
    ['ftp://archiveofourown.org/series/123?from=https://x', 'ftp://archiveofourown.org/series/123?from=https://x'],
    ['Fade to Black', 'Fade to Black'],
    // An http(s) start that is no URL at all, and a link to something else, stay as typed.
    ['https://', 'https://'],
    ['http://[oops', 'http://[oops'],
    ['https://archiveofourown.org/works/1', 'https://archiveofourown.org/works/1'],
  ])('%j → %j', (input, pattern) => {
    expect(seriesPatternFromInput(input)).toBe(pattern);
  });
});

describe('seriesSentence', () => {
  it.each<[{ pattern: string; seriesTitle?: string }, string]>([
    [{ pattern: 'ao3:3312403' }, 'Series 3312403 on AO3'],
    [{ pattern: ' AO3:12 ' }, 'Series 12 on AO3'],
    [{ pattern: 'ao3:3312403', seriesTitle: 'Fade to Black' }, 'Series “Fade to Black”'],
    [{ pattern: 'Fade to *' }, 'Series “Fade to *”'],
  ])('%o → %j', (rule, sentence) => {
    expect(seriesSentence(rule)).toBe(sentence);
  });
});
