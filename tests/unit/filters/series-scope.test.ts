/** Issue 18: series rules, fandom scopes, and the reader's note on a rule. */
import { describe, expect, it } from 'vitest';
import { compileRules, matchWork } from '../../../lib/filters/engine';
import { MAX_NOTE_LENGTH, parseFandomList } from '../../../lib/filters/extras';
import { ruleLabel } from '../../../lib/filters/labels';
import { ruleSentence } from '../../../lib/filters/rule-sentence';
import { seriesPatternFromInput } from '../../../lib/filters/series';
import type { Rule, RuleScope } from '../../../lib/filters/types';
import { ruleKey, validateRule } from '../../../lib/filters/validate';
import type { SeriesRef } from '../../../lib/sites/types';
import { completeRule, filtered, judge, makeWork, textRule } from './factory';

const series = (id: string, title: string, part = 1): SeriesRef => ({
  id,
  title,
  part,
  url: `https://archiveofourown.org/series/${id}`,
});
const FADE = series('3312403', 'Fade to Black', 3);
const PYRE = series('5391296', "Grief's Pyre", 2);

describe('series rules', () => {
  it('a rule on one series (ao3:id) filters every work of it, and works of other series or none stay', () => {
    const rules = [textRule('series', 'ao3:3312403', 'hide', { seriesTitle: 'Fade to Black' })];
    expect(filtered(rules, makeWork({ id: '1', series: [FADE] }))).toBe(true);
    expect(filtered(rules, makeWork({ id: '2', series: [PYRE, FADE] }))).toBe(true);
    expect(filtered(rules, makeWork({ id: '3', series: [PYRE] }))).toBe(false);
    expect(filtered(rules, makeWork({ id: '4', series: [] }))).toBe(false);
  });

  it('the id is of the same site only: an FFN work never matches an AO3 series', () => {
    const rules = [textRule('series', 'ao3:3312403')];
    expect(filtered(rules, makeWork({ site: 'ffn', series: [FADE] }))).toBe(false);
  });

  it('a name pattern matches series names (case-insensitive, * wildcard)', () => {
    expect(filtered([textRule('series', 'fade to BLACK')], makeWork({ series: [FADE] }))).toBe(true);
    expect(filtered([textRule('series', '*pyre')], makeWork({ series: [FADE, PYRE] }))).toBe(true);
    expect(filtered([textRule('series', 'Fade*Red')], makeWork({ series: [FADE] }))).toBe(false);
  });

  it('a series name does not count as a tag or a title', () => {
    const work = makeWork({ series: [FADE] });
    expect(filtered([textRule('tag', 'Fade to Black')], work)).toBe(false);
    expect(filtered([textRule('title', 'Fade to Black')], work)).toBe(false);
  });

  it('its reason names the series: "series: Name", or its number when the name is not known', () => {
    const named = judge([textRule('series', 'ao3:3312403', 'collapse', { seriesTitle: 'Fade to Black' })], makeWork({ series: [FADE] }));
    expect(named.reasons.map((r) => r.label)).toEqual(['series: Fade to Black']);
    expect(ruleLabel(textRule('series', 'ao3:3312403'))).toBe('series: 3312403');
    expect(ruleLabel(textRule('series', '*Pyre'))).toBe('series: *Pyre');
  });

  it('reads as a sentence in rule lists', () => {
    expect(ruleSentence(textRule('series', 'ao3:3312403', 'hide', { seriesTitle: 'Fade to Black' }))).toBe('Series “Fade to Black”');
    expect(ruleSentence(textRule('series', 'ao3:3312403'))).toBe('Series 3312403 on AO3');
    expect(ruleSentence(textRule('series', '*drabbles*'))).toBe('Series “*drabbles*”');
  });

  it('a series link typed in the form becomes the one-series pattern; other text stays', () => {
    expect(seriesPatternFromInput(' https://archiveofourown.org/series/2270465 ')).toBe('ao3:2270465');
    expect(seriesPatternFromInput('https://www.archiveofourown.org/series/2270465/')).toBe('ao3:2270465');
    expect(seriesPatternFromInput('https://archiveofourown.org/series/2270465/bookmarks')).toBe(
      'https://archiveofourown.org/series/2270465/bookmarks',
    );
    expect(seriesPatternFromInput('https://example.org/series/1')).toBe('https://example.org/series/1');
    expect(seriesPatternFromInput('OG Titan')).toBe('OG Titan');
  });

  it('validation keeps seriesTitle on series rules only, trimmed and capped', () => {
    const ok = validateRule({ field: 'series', pattern: 'ao3:1', seriesTitle: '  OG Titan ', action: 'hide' });
    expect(ok.ok && ok.rule).toMatchObject({ field: 'series', pattern: 'ao3:1', seriesTitle: 'OG Titan' });
    expect(validateRule({ field: 'tag', pattern: 'x', seriesTitle: 'OG Titan', action: 'hide' }).ok).toBe(false);
    expect(validateRule({ field: 'series', pattern: 'ao3:1', seriesTitle: 'x'.repeat(501), action: 'hide' }).ok).toBe(false);
    expect(validateRule({ field: 'series', pattern: 'ao3:1', seriesTitle: 5, action: 'hide' }).ok).toBe(false);
  });
});

const STAR_WARS = 'Star Wars - All Media Types';
const MARVEL = 'Marvel Cinematic Universe';
const scoped = (mode: RuleScope['mode'], fandoms: string[], rule: Rule = textRule('freeform', 'Angst')): Rule => ({
  ...rule,
  scope: { mode, fandoms },
});
const angst = (fandoms: string[]) => makeWork({ fandoms, freeforms: ['Angst'] });

describe('scopes', () => {
  it('except: the rule applies everywhere but in the named fandom', () => {
    const rules = [scoped('except', ['Star Wars*'])];
    expect(filtered(rules, angst([STAR_WARS]))).toBe(false);
    expect(filtered(rules, angst([MARVEL]))).toBe(true);
    expect(filtered(rules, angst([]))).toBe(true);
  });

  it('only: the rule applies in the named fandom and nowhere else', () => {
    const rules = [scoped('only', ['star wars - all media types'])];
    expect(filtered(rules, angst([STAR_WARS]))).toBe(true);
    expect(filtered(rules, angst([MARVEL]))).toBe(false);
    expect(filtered(rules, angst([]))).toBe(false);
  });

  it('several fandoms and wildcards: any one of them puts a work in the scope', () => {
    const rules = [scoped('only', ['*Marvel*', 'Sherlock (TV)', 'Star Wars*'])];
    expect(filtered(rules, angst(['Sherlock (TV)']))).toBe(true);
    expect(filtered(rules, angst(['The Avengers (Marvel Movies)']))).toBe(true);
    expect(filtered(rules, angst(['Star Wars: The Clone Wars (2008)']))).toBe(true);
    expect(filtered(rules, angst(['Sherlock Holmes - Arthur Conan Doyle']))).toBe(false);
  });

  it('a crossover with one fandom inside and one outside is in the scope', () => {
    expect(filtered([scoped('except', ['Star Wars*'])], angst([MARVEL, STAR_WARS]))).toBe(false);
    expect(filtered([scoped('only', ['Star Wars*'])], angst([MARVEL, STAR_WARS]))).toBe(true);
  });

  it('a scope never makes a rule match: the condition must match first', () => {
    const rules = [scoped('only', ['Star Wars*'])];
    expect(filtered(rules, makeWork({ fandoms: [STAR_WARS], freeforms: ['Fluff'] }))).toBe(false);
  });

  it('only the rules in scope give reasons and decide', () => {
    const hide = scoped('except', ['Star Wars*'], textRule('freeform', 'Angst', 'hide'));
    const collapse = completeRule(true, 'collapse');
    const allowInMarvel = scoped('only', [MARVEL], textRule('freeform', 'Angst', 'allow'));
    const rules = [hide, collapse, allowInMarvel];
    expect(judge(rules, angst([STAR_WARS]))).toMatchObject({ action: 'collapse', reasons: [{ ruleId: collapse.id }] });
    expect(judge(rules, angst(['Sherlock (TV)']))).toMatchObject({ action: 'hide', reasons: [{ ruleId: hide.id }, { ruleId: collapse.id }] });
    expect(judge(rules, angst([MARVEL]))).toMatchObject({ action: 'show', reasons: [{ ruleId: allowInMarvel.id }] });
  });

  it('a compiled rule set gives the same answers when judged again (scope memo is invisible)', () => {
    const compiled = compileRules([scoped('except', ['Star Wars*'])]);
    for (let i = 0; i < 3; i++) {
      expect(matchWork(angst([STAR_WARS]), compiled).action).toBe('show');
      expect(matchWork(angst([MARVEL]), compiled).action).toBe('hide');
    }
  });

  it('reads as a sentence: "…, except in Star Wars", "…, only in A, B"', () => {
    expect(ruleSentence(scoped('except', ['Star Wars']))).toBe('Additional tag is Angst, except in Star Wars');
    expect(ruleSentence(scoped('only', ['Star Wars', 'Marvel']))).toBe('Additional tag is Angst, only in Star Wars, Marvel');
  });

  it('validation: tidied and deduplicated; bad scopes refused with a message', () => {
    const ok = validateRule({ field: 'freeform', pattern: 'Angst', action: 'hide', scope: { mode: 'except', fandoms: [' Star  Wars ', 'star wars', 'Marvel'] } });
    expect(ok.ok && ok.rule.scope).toEqual({ mode: 'except', fandoms: ['Star Wars', 'Marvel'] });
    const bad: unknown[] = [
      'Star Wars',
      ['Star Wars'],
      { mode: 'within', fandoms: ['Star Wars'] },
      { mode: 'only', fandoms: [] },
      { mode: 'only', fandoms: ['*'] },
      { mode: 'only', fandoms: [' '] },
      { mode: 'only', fandoms: [3] },
      { mode: 'only', fandoms: Array.from({ length: 21 }, (_, i) => `F${i}`) },
      { mode: 'only', fandoms: ['x'.repeat(501)] },
      { mode: 'only', fandoms: ['A'], colour: 'red' },
    ];
    for (const scope of bad) {
      const result = validateRule({ field: 'freeform', pattern: 'Angst', action: 'hide', scope });
      expect(result.ok, JSON.stringify(scope)).toBe(false);
      expect(result.ok ? '' : result.error).toMatch(/scope|fandom/i);
    }
  });

  it('any kind of rule may have a scope; the scope is part of the rule key, the note is not', () => {
    const words = validateRule({ field: 'words', max: 1000, action: 'hide', scope: { mode: 'only', fandoms: ['A'] } });
    expect(words.ok).toBe(true);
    const plain = textRule('freeform', 'Angst');
    const a = scoped('except', ['Star Wars', 'Marvel']);
    const b = scoped('except', ['marvel', 'STAR WARS']);
    expect(ruleKey(a)).toBe(ruleKey(b));
    expect(ruleKey(a)).not.toBe(ruleKey(plain));
    expect(ruleKey(a)).not.toBe(ruleKey(scoped('only', ['Star Wars', 'Marvel'])));
    expect(ruleKey({ ...plain, note: 'why' })).toBe(ruleKey(plain));
  });

  it('the form reads fandoms one per line or separated by semicolons', () => {
    expect(parseFandomList('Star Wars\n  Marvel ;Sherlock (TV);\n\n')).toEqual(['Star Wars', 'Marvel', 'Sherlock (TV)']);
  });
});

describe('notes', () => {
  it('are trimmed and whitespace-tidied; an empty note is dropped', () => {
    const ok = validateRule({ field: 'freeform', pattern: 'Angst', action: 'hide', note: '  not\n before   bed ' });
    expect(ok.ok && ok.rule.note).toBe('not before bed');
    const empty = validateRule({ field: 'freeform', pattern: 'Angst', action: 'hide', note: '   ' });
    expect(empty.ok && 'note' in empty.rule).toBe(false);
  });

  it('are capped: a note over the limit is refused (a stored one is quarantined whole, not cut)', () => {
    expect(validateRule({ field: 'complete', value: true, action: 'hide', note: 'x'.repeat(MAX_NOTE_LENGTH) }).ok).toBe(true);
    const long = validateRule({ field: 'complete', value: true, action: 'hide', note: 'x'.repeat(MAX_NOTE_LENGTH + 1) });
    expect(long.ok ? '' : long.error).toBe(`The note is too long (${MAX_NOTE_LENGTH + 1} characters; the limit is ${MAX_NOTE_LENGTH})`);
    expect(validateRule({ field: 'complete', value: true, action: 'hide', note: 42 }).ok).toBe(false);
  });

  it('travel with the reason of the rule that matched, and only that rule', () => {
    const withNote = { ...textRule('freeform', 'Angst', 'collapse'), note: 'not before bed' };
    const without = textRule('rating', 'General Audiences', 'collapse');
    const judgement = judge([withNote, without], angst(['X']));
    expect(judgement.reasons.map((r) => [r.label, r.note])).toEqual([
      ['additional tag: Angst', 'not before bed'],
      ['rating: General Audiences', undefined],
    ]);
  });
});
