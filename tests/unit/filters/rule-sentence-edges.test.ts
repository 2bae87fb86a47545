/** Rule sentences: a one-work pattern only reads as "Work N on SITE" when it is exactly site:number; history rules. */
import { describe, expect, it } from 'vitest';
import { ruleSentence } from '../../../lib/filters/rule-sentence';
import type { Rule } from '../../../lib/filters/types';

const base = { id: 'r', action: 'hide', enabled: true } as const;

describe('one-work rule sentences', () => {
  it.each<[string, string]>([
    ['ao3:123', 'Work 123 on AO3'],
    ['  AO3:123  ', 'Work 123 on AO3'],
    ['ao3:123 ', 'Work 123 on AO3'],
    ['FFN:77', 'Work 77 on FanFiction.net'],
    ['fic ao3:123', 'Work fic ao3:123'],
    ['ao3:123 more', 'Work ao3:123 more'],
    ['ao3:123x', 'Work ao3:123x'],
    ['xyz:123', 'Work xyz:123'],
    ['wattpad:42', 'Work wattpad:42'],
  ])('%j → %j', (pattern, sentence) => {
    expect(ruleSentence({ ...base, field: 'work', pattern })).toBe(sentence);
  });
});

describe('history rule sentences', () => {
  it.each<[Rule, string]>([
    [{ ...base, field: 'history', status: 'finished' }, 'Works you have read'],
    [{ ...base, field: 'history', status: 'started' }, 'Works you started'],
  ])('%o → %j', (rule, sentence) => {
    expect(ruleSentence(rule)).toBe(sentence);
  });
});
