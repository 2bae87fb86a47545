import { describe, expect, it } from 'vitest';
import { CATEGORIES, siteExclusions, type SiteExclusions } from '../../../lib/filters/site-exclusions';
import type { Rule } from '../../../lib/filters/types';
import { RATINGS } from '../../../lib/filters/warnings';
import type { WorkMeta } from '../../../lib/sites/types';
import { completeRule, judge, makeWork, seededRandom, textRule, wordsRule } from './factory';

const NONE: SiteExclusions = { warnings: [], ratings: [], categories: [], tags: [] };
const ex = (parts: Partial<SiteExclusions>): SiteExclusions => ({ ...NONE, ...parts });

describe('siteExclusions: what AO3 may leave out', () => {
  it('sends enabled hide rules on warnings, ratings, categories and exact tags, by their canonical names', () => {
    const rules = [
      textRule('warning', 'major character death'),
      textRule('warning', 'Underage'),
      textRule('warning', 'Creator Chose Not To Use Archive Warnings'),
      textRule('rating', 'explicit'),
      textRule('category', 'm/m'),
      textRule('tag', '  Angst   and Hurt '),
      textRule('tag', 'Star Wars - All Media Types'),
      textRule('tag', 'Ålesund & Tromsø/Bergen'),
    ];
    expect(siteExclusions(rules, false)).toEqual({
      warnings: ['Major Character Death', 'Underage Sex', 'Choose Not To Use Archive Warnings'],
      ratings: ['Explicit'],
      categories: ['M/M'],
      tags: ['Angst and Hurt', 'Star Wars - All Media Types', 'Ålesund & Tromsø/Bergen'],
    });
  });

  it('leaves out collapse rules (the reader chose a placeholder), disabled rules and other kinds of rule', () => {
    const rules: Rule[] = [
      textRule('warning', 'Major Character Death', 'collapse'),
      textRule('rating', 'Explicit', 'hide', { enabled: false }),
      textRule('author', 'someone'),
      textRule('title', 'A Title'),
      textRule('summary', 'angst'),
      textRule('language', 'English'),
      textRule('work', 'ao3:123'),
      wordsRule({ max: 1000 }),
      completeRule(false),
    ];
    expect(siteExclusions(rules, false)).toEqual(NONE);
  });

  it('leaves out wildcard patterns and names AO3 could not take as one tag', () => {
    const rules = [
      textRule('tag', '*Angst*'),
      textRule('warning', 'Major*'),
      textRule('rating', '*'),
      textRule('tag', 'One, Two'),
      textRule('warning', 'Not A Warning'),
      textRule('category', 'Slash'),
    ];
    expect(siteExclusions(rules, false)).toEqual(NONE);
  });

  it('sends nothing while filtering is paused', () => {
    expect(siteExclusions([textRule('rating', 'Explicit'), textRule('tag', 'Angst')], true)).toEqual(NONE);
  });

  it('maps a tag rule naming a warning to the warning, and never sends a tag rule naming a rating or category', () => {
    // `tag` rules look at warnings, not at the rating or categories: "Explicit" as a tag hides nothing.
    const rules = [textRule('tag', 'Rape/Non-Con'), textRule('tag', 'Explicit'), textRule('tag', 'Gen')];
    expect(siteExclusions(rules, false)).toEqual(ex({ warnings: ['Rape/Non-Con'] }));
  });

  it('never sends a fandom, character, relationship or freeform rule: the site would leave out the tag whatever its kind', () => {
    const rules = [
      textRule('freeform', 'Angst'),
      textRule('fandom', 'Star Wars'),
      textRule('character', 'Rey'),
      textRule('relationship', 'Rey/Ben Solo'),
      textRule('freeform', 'Major Character Death'),
    ];
    expect(siteExclusions(rules, false)).toEqual(NONE);
  });

  it('sends each exclusion once', () => {
    const rules = [textRule('rating', 'Explicit'), textRule('rating', 'EXPLICIT'), textRule('tag', 'Angst'), textRule('tag', 'angst')];
    expect(siteExclusions(rules, false)).toEqual(ex({ ratings: ['Explicit'], tags: ['Angst'] }));
  });

  it('skips a scoped rule (it hides only in some fandoms) and any field it does not know', () => {
    const scoped: Rule = { ...textRule('tag', 'Angst'), scope: { mode: 'except', fandoms: ['Star Wars'] } };
    const unknown = { ...textRule('tag', 'Fluff'), someday: true } as Rule;
    expect(siteExclusions([scoped, unknown, textRule('rating', 'Explicit')], false)).toEqual(ex({ ratings: ['Explicit'] }));
  });

  it('sends a rule with a note or other names covered by its own name', () => {
    const noted: Rule = { ...textRule('tag', 'Angst'), note: 'not before bed', alsoCovers: ['Angsty'] };
    expect(siteExclusions([noted], false)).toEqual(ex({ tags: ['Angst'] }));
  });

  describe('with allow rules', () => {
    const hides = [
      textRule('warning', 'Major Character Death'),
      textRule('rating', 'Explicit'),
      textRule('category', 'F/F'),
      textRule('tag', 'Angst'),
    ];

    it('sends nothing any allow rule could bring back', () => {
      for (const allow of [textRule('author', 'someone', 'allow'), textRule('work', 'ao3:1', 'allow'), wordsRule({ min: 1 }, 'allow'), textRule('tag', 'Fluff', 'allow')]) {
        expect(siteExclusions([...hides, allow], false)).toEqual(NONE);
      }
    });

    it('keeps a rating exclusion when every allow rule names another rating (a work has one)', () => {
      expect(siteExclusions([...hides, textRule('rating', 'Mature', 'allow')], false)).toEqual(ex({ ratings: ['Explicit'] }));
      expect(siteExclusions([...hides, textRule('rating', 'Expl*', 'allow')], false)).toEqual(NONE);
    });

    it('ignores disabled allow rules', () => {
      const allow = textRule('author', 'someone', 'allow', { enabled: false });
      expect(siteExclusions([...hides, allow], false)).toEqual({
        warnings: ['Major Character Death'],
        ratings: ['Explicit'],
        categories: ['F/F'],
        tags: ['Angst'],
      });
    });
  });

  it('is sound: Lamplight hides every work that has anything it sends', () => {
    const random = seededRandom(18);
    const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const warnings = ['Major Character Death', 'Underage', 'No Archive Warnings Apply', 'Rape/Non-Con'];
    // As on AO3, a tag name is one kind of tag only.
    const freeforms = ['Angst', 'Fluff', 'Hurt/Comfort'];
    const fandoms = ['Star Wars', 'Original Work'];
    const tags = [...freeforms, ...fandoms];
    const rulePool: (() => Rule)[] = [
      () => textRule('warning', pick(warnings), pick(['hide', 'collapse', 'allow'] as const)),
      () => textRule('rating', pick(RATINGS).name, pick(['hide', 'allow'] as const)),
      () => textRule('category', pick(CATEGORIES), pick(['hide', 'collapse'] as const)),
      () => textRule(pick(['tag', 'freeform', 'fandom'] as const), pick(tags), pick(['hide', 'collapse', 'allow'] as const)),
      () => textRule('author', 'someone', 'allow'),
    ];
    let checked = 0;
    for (let round = 0; round < 2000; round++) {
      const rules = Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(rulePool)());
      const sent = siteExclusions(rules, false);
      const work: WorkMeta = makeWork({
        authors: [{ pseud: pick(['someone', 'other']), login: 'x', url: '' }],
        warnings: [pick(warnings), pick(warnings)],
        rating: pick(RATINGS).name,
        categories: [pick(CATEGORIES)],
        freeforms: [pick(freeforms)],
        fandoms: [pick(fandoms)],
      });
      const has =
        sent.warnings.some((w) => work.warnings.some((v) => v === w || (w === 'Underage Sex' && v === 'Underage'))) ||
        sent.ratings.includes(work.rating ?? '') ||
        sent.categories.some((c) => work.categories.includes(c)) ||
        sent.tags.some((tag) => [...work.freeforms, ...work.fandoms].includes(tag));
      if (!has) continue;
      checked++;
      expect(judge(rules, work).action, JSON.stringify({ rules, work, sent })).toBe('hide');
    }
    expect(checked).toBeGreaterThan(50);
  });
});
