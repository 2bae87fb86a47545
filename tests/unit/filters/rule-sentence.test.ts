import { describe, expect, it } from 'vitest';
import { ruleSentence, siteName, wordsRuleEffect } from '../../../lib/filters/rule-sentence';
import type { Rule, RuleField, TextField } from '../../../lib/filters/types';
import { ruleName } from '../../../components/rules';

const base = { id: 'r', action: 'collapse', enabled: true } as const;
const text = (field: TextField, pattern: string): Rule => ({ ...base, field, pattern });

describe('rule names read as sentences (issue 16 friction 6)', () => {
  // Every text field, spelled as the reader would read it.
  const TEXT_CASES: [TextField, string, string][] = [
    ['warning', 'major character death', 'Warning is Major Character Death'],
    ['warning', 'Underage', 'Warning is Underage Sex'],
    ['warning', '*Violence*', 'Warning is *Violence*'],
    ['rating', 'Explicit', 'Rating is Explicit'],
    ['category', 'F/M', 'Category is F/M'],
    ['fandom', 'Sherlock (TV)', 'Fandom is Sherlock (TV)'],
    ['relationship', 'Sherlock Holmes/John Watson', 'Relationship is Sherlock Holmes/John Watson'],
    ['character', 'John Watson', 'Character is John Watson'],
    ['freeform', 'Angst', 'Additional tag is Angst'],
    ['tag', '*Angst*', 'Any tag is *Angst*'],
    ['author', 'anafabula', 'Creator is anafabula'],
    ['title', '*Hogwarts*', 'Title is *Hogwarts*'],
    ['summary', '*time travel*', 'Summary is *time travel*'],
    ['language', 'Deutsch', 'Language is Deutsch'],
    ['work', 'ao3:123', 'Work 123 on AO3'],
    ['work', 'ffn:4567', 'Work 4567 on FanFiction.net'],
    ['work', 'ao3:*', 'Work ao3:*'],
  ];
  it.each(TEXT_CASES)('%s %j → %j', (field, pattern, sentence) => {
    expect(ruleSentence(text(field, pattern))).toBe(sentence);
  });

  const OTHER_CASES: [string, Rule, string][] = [
    ['words, at most', { ...base, field: 'words', max: 1000 }, 'Up to 1,000 words'],
    ['words, at most one', { ...base, field: 'words', max: 1 }, 'Up to 1 word'],
    ['words, at least', { ...base, field: 'words', min: 100000 }, '100,000 words or more'],
    ['words, a range', { ...base, field: 'words', min: 1000, max: 5000 }, '1,000 to 5,000 words'],
    ['words, exactly', { ...base, field: 'words', min: 500, max: 500 }, 'Exactly 500 words'],
    ['words, no bound', { ...base, field: 'words' }, 'Any length'],
    ['crossovers', { ...base, field: 'fandomCount', max: 1 }, 'Crossovers'],
    ['more fandoms', { ...base, field: 'fandomCount', max: 3 }, 'More than 3 fandoms'],
    ['complete', { ...base, field: 'complete', value: true }, 'Complete works'],
    ['in progress', { ...base, field: 'complete', value: false }, 'Works in progress'],
  ];
  it.each(OTHER_CASES)('%s → %j', (_, rule, sentence) => {
    expect(ruleSentence(rule)).toBe(sentence);
  });

  it('covers every rule kind, and none reads like code (no "field:" prefix, no bare site:id)', () => {
    const kinds = new Set<RuleField>([...TEXT_CASES.map(([field]) => field), ...OTHER_CASES.map(([, rule]) => rule.field)]);
    const ALL: RuleField[] = ['warning', 'rating', 'category', 'fandom', 'relationship', 'character', 'freeform', 'tag',
      'author', 'title', 'summary', 'language', 'work', 'words', 'fandomCount', 'complete'];
    expect([...kinds].sort()).toEqual([...ALL].sort());
    for (const [field, pattern] of TEXT_CASES.filter(([, p]) => !p.includes('*'))) {
      const sentence = ruleSentence(text(field, pattern));
      expect(sentence).toMatch(/^[A-Z]/);
      expect(sentence).not.toMatch(/^[a-z]+:|\bao3:\d|\bffn:\d/i);
    }
  });

  it('lists name a one-work rule by the title and creator it kept, else by the sentence', () => {
    const work = { ...text('work', 'ao3:123'), workTitle: 'The Long Way Round', workCreator: 'anafabula' } as Rule;
    expect(ruleName(work)).toBe('“The Long Way Round” by anafabula');
    expect(ruleName(text('work', 'ao3:123'))).toBe('Work 123 on AO3');
    expect(ruleName(text('freeform', 'Angst'))).toBe('Additional tag is Angst');
  });

  it('says what a length rule does to which works, with the action', () => {
    expect(wordsRuleEffect('hide', undefined, 1000)).toBe('Hides works of up to 1,000 words.');
    expect(wordsRuleEffect('collapse', 100000, undefined)).toBe('Collapses works of 100,000 words or more.');
    expect(wordsRuleEffect('allow', 1000, 5000)).toBe('Always shows works of 1,000 to 5,000 words.');
    expect(wordsRuleEffect('hide', undefined, undefined)).toBe('Give the shortest or the longest length the rule is about, or both.');
  });

  it('names the sites', () => {
    expect([siteName('ao3'), siteName('ffn')]).toEqual(['AO3', 'FanFiction.net']);
  });
});
