import { describe, expect, it } from 'vitest';
import { compileRules, matchWork } from '../../../lib/filters/engine';
import {
  completeRule,
  fandomCountRule,
  filtered,
  judge,
  makeWork,
  matches,
  textRule,
  wordsRule,
} from './factory';

describe('wildcards and whole-value matching', () => {
  const work = makeWork({
    freeforms: ['Angst with a Happy Ending', 'Fluff and Angst', 'Hurt/Comfort', 'Alternate Reality Universe'],
  });

  it('matches the whole value only: "Angst" is not "Angst with a Happy Ending"', () => {
    expect(matches('freeform', 'Angst', work)).toBe(false);
    expect(matches('freeform', 'Angst', makeWork({ freeforms: ['Angst'] }))).toBe(true);
    expect(matches('freeform', 'Angst with a Happy', work)).toBe(false);
  });

  it('contains: *Angst* matches Angst anywhere, and Angst itself', () => {
    expect(matches('freeform', '*Angst*', work)).toBe(true);
    expect(matches('freeform', '*Angst*', makeWork({ freeforms: ['Angst'] }))).toBe(true);
    expect(matches('freeform', '*Angst*', makeWork({ freeforms: ['Fluff'] }))).toBe(false);
  });

  it('prefix: Angst* matches values that start with Angst', () => {
    const onlySuffix = makeWork({ freeforms: ['Fluff and Angst'] });
    expect(matches('freeform', 'Angst*', onlySuffix)).toBe(false);
    expect(matches('freeform', 'Angst*', makeWork({ freeforms: ['Angst with a Happy Ending'] }))).toBe(true);
    expect(matches('freeform', 'Angst*', makeWork({ freeforms: ['Angst'] }))).toBe(true);
  });

  it('suffix: *Angst matches values that end with Angst', () => {
    expect(matches('freeform', '*Angst', makeWork({ freeforms: ['Fluff and Angst'] }))).toBe(true);
    expect(matches('freeform', '*Angst', makeWork({ freeforms: ['Angst with a Happy Ending'] }))).toBe(false);
  });

  it('middle: Alternate*Universe needs both ends', () => {
    expect(matches('freeform', 'Alternate*Universe', work)).toBe(true);
    expect(matches('freeform', 'Alternate*Universe', makeWork({ freeforms: ['Alternate Universe'] }))).toBe(true);
    const modern = makeWork({ freeforms: ['Alternate Universe - Modern Setting'] });
    expect(matches('freeform', 'Alternate*Universe', modern)).toBe(false);
  });

  it('several stars keep their order', () => {
    expect(matches('freeform', '*Hurt*Comfort*', work)).toBe(true);
    expect(matches('freeform', '*Comfort*Hurt*', work)).toBe(false);
    expect(matches('freeform', 'A*e*U*e', work)).toBe(true);
    expect(matches('freeform', 'A*z*U*e', work)).toBe(false);
  });

  it('the two ends of a star pattern may not overlap', () => {
    const tony = makeWork({ characters: ['Tony'] });
    expect(matches('character', 'Tony*Tony', tony)).toBe(false);
    expect(matches('character', 'Tony*Tony', makeWork({ characters: ['Tony & Tony'] }))).toBe(true);
    expect(matches('character', 'To*ony', tony)).toBe(false);
    expect(matches('character', 'To*ny', tony)).toBe(true);
  });

  it('a run of stars is one star', () => {
    expect(matches('freeform', '**Angst**', work)).toBe(true);
    expect(matches('freeform', 'Fluff***Angst', work)).toBe(true);
  });

  it.each([
    ['Sherlock (TV)', 'Sherlock (TV)', true],
    ['Sherlock (TV)', 'Sherlock TV', false],
    ['F.F', 'F/F', false],
    ['F.F', 'F.F', true],
    ['a+b', 'aab', false],
    ['a+b', 'a+b', true],
    ['What?', 'Wha', false],
    ['What?', 'What?', true],
    ['[Redacted]', 'R', false],
    ['[Redacted]', '[Redacted]', true],
    ['.*', 'anything at all', false],
    ['*(TV)*', 'Doctor Who (2005) (TV)', true],
    ['*(TV)*', 'Doctor Who TV', false],
    ['C++ {code} | $100 ^ \\o/', 'C++ {code} | $100 ^ \\o/', true],
    ['C++ {code} | $100 ^ \\o/', 'C {code} | $100 ^ \\o/', false],
  ])('regex characters are literal: %j against %j → %s', (pattern, value, expected) => {
    expect(matches('freeform', pattern, makeWork({ freeforms: [value] }))).toBe(expected);
  });

  it('ignores case and collapses whitespace on both sides', () => {
    const spaced = makeWork({ freeforms: ['Angst  with\ta Happy\nEnding'] });
    expect(matches('freeform', '  angst   WITH a happy ENDING ', work)).toBe(true);
    expect(matches('freeform', 'angst with a happy ending', spaced)).toBe(true);
    expect(matches('freeform', 'ANGST WITH*', spaced)).toBe(true);
    expect(matches('freeform', 'angstwith a happy ending', work)).toBe(false);
  });

  it('compares in Unicode NFKC form (full-width, ligatures, no-break spaces)', () => {
    expect(matches('freeform', 'Ａｎｇｓｔ', makeWork({ freeforms: ['angst'] }))).toBe(true);
    expect(matches('freeform', 'Fix-It', makeWork({ freeforms: ['ﬁx-it'] }))).toBe(true);
    expect(matches('freeform', 'slow burn', makeWork({ freeforms: ['Slow\u00a0Burn'] }))).toBe(true);
    // a full-width star is a star once normalized
    expect(matches('freeform', '＊Angst＊', work)).toBe(true);
    // composed and decomposed accents are the same text
    expect(matches('character', 'Zoë', makeWork({ characters: ['Zoe\u0308'] }))).toBe(true);
    expect(matches('character', 'Zoë', makeWork({ characters: ['Zoe'] }))).toBe(false);
  });
});

describe('actions', () => {
  const work = makeWork({
    authors: [{ pseud: 'Favourite', login: 'favourite', url: '' }],
    warnings: ['Major Character Death'],
    freeforms: ['Angst'],
  });

  it('shows a work no rule matches, with no reasons', () => {
    expect(judge([textRule('freeform', 'Fluff')], work)).toEqual({ action: 'show', reasons: [] });
    expect(judge([], work)).toEqual({ action: 'show', reasons: [] });
  });

  it('allow wins over hide and collapse, and lists no hide or collapse reason', () => {
    const hide = textRule('warning', 'Major Character Death', 'hide');
    const collapse = textRule('freeform', 'Angst', 'collapse');
    const allow = textRule('author', 'Favourite', 'allow');
    const j = judge([hide, collapse, allow], work);
    expect(j.action).toBe('show');
    expect(j.reasons).toEqual([{ ruleId: allow.id, field: 'author', label: 'author: Favourite' }]);
  });

  it('an allow rule that does not match changes nothing', () => {
    const hide = textRule('warning', 'Major Character Death', 'hide');
    const j = judge([hide, textRule('author', 'someone else', 'allow')], work);
    expect(j.action).toBe('hide');
    expect(j.reasons.map((r) => r.ruleId)).toEqual([hide.id]);
  });

  it('hide beats collapse, and lists the reasons of both, in rule order', () => {
    const collapse = textRule('freeform', '*Angst*', 'collapse');
    const hide = textRule('warning', 'Major Character Death', 'hide');
    const j = judge([collapse, hide], work);
    expect(j.action).toBe('hide');
    expect(j.reasons).toEqual([
      { ruleId: collapse.id, field: 'freeform', label: 'additional tag: *Angst*' },
      { ruleId: hide.id, field: 'warning', label: 'Major Character Death' },
    ]);
  });

  it('collapse alone collapses, with every collapse reason', () => {
    const a = textRule('freeform', 'Angst', 'collapse');
    const b = textRule('warning', '*Death*', 'collapse');
    const j = judge([a, b], work);
    expect(j.action).toBe('collapse');
    expect(j.reasons.map((r) => r.ruleId)).toEqual([a.id, b.id]);
  });

  it('a rule that matches through several values is listed once', () => {
    const many = makeWork({ freeforms: ['Angst', 'More Angst', 'Angst!'] });
    const rule = textRule('freeform', '*Angst*');
    expect(judge([rule], many).reasons).toHaveLength(1);
  });

  it('ignores disabled rules, whatever their action', () => {
    const hide = textRule('freeform', 'Angst', 'hide', { enabled: false });
    expect(judge([hide], work).action).toBe('show');
    const liveHide = textRule('freeform', 'Angst', 'hide');
    const deadAllow = textRule('author', 'Favourite', 'allow', { enabled: false });
    expect(judge([liveHide, deadAllow], work).action).toBe('hide');
    expect(judge([wordsRule({ min: 0 }, 'hide', { enabled: false })], work).action).toBe('show');
  });

  it('reuses one compiled rule set for many works, each judged on its own', () => {
    const compiled = compileRules([textRule('freeform', 'Angst'), wordsRule({ min: 1000 }, 'collapse')]);
    expect(matchWork(work, compiled).action).toBe('hide');
    expect(matchWork(makeWork({ freeforms: [], words: 10 }), compiled).action).toBe('show');
    expect(matchWork(makeWork({ freeforms: [], words: 5000 }), compiled).action).toBe('collapse');
    expect(matchWork(work, compiled).reasons).toHaveLength(2);
  });

  it('stays right after seeing more distinct tags than it remembers', () => {
    const compiled = compileRules([textRule('freeform', 'needle 7'), textRule('freeform', '*haystack 9999')]);
    for (let i = 0; i < 12_000; i++) {
      const j = matchWork(makeWork({ freeforms: [`haystack ${i}`] }), compiled);
      expect(j.action).toBe(i === 9999 ? 'hide' : 'show');
    }
    expect(matchWork(makeWork({ freeforms: ['Needle 7'] }), compiled).action).toBe('hide');
    expect(matchWork(makeWork({ freeforms: ['haystack 9999'] }), compiled).action).toBe('hide');
  });
});

describe('numeric rules', () => {
  it.each([
    [999, false],
    [1000, true],
    [3000, true],
    [5000, true],
    [5001, false],
  ])('words between 1,000 and 5,000 (inclusive): %i words → %s', (words, expected) => {
    expect(filtered([wordsRule({ min: 1000, max: 5000 })], makeWork({ words }))).toBe(expected);
  });

  it('words with only a minimum or only a maximum', () => {
    const long = wordsRule({ min: 100_000 });
    const short = wordsRule({ max: 1000 });
    expect(filtered([long], makeWork({ words: 100_000 }))).toBe(true);
    expect(filtered([long], makeWork({ words: 99_999 }))).toBe(false);
    expect(filtered([short], makeWork({ words: 1000 }))).toBe(true);
    expect(filtered([short], makeWork({ words: 1001 }))).toBe(false);
    expect(filtered([short], makeWork({ words: 0 }))).toBe(true);
  });

  it('a work without a word count never matches a words rule', () => {
    expect(filtered([wordsRule({ min: 0 }), wordsRule({ max: 10 ** 9 })], makeWork({ words: null }))).toBe(false);
  });

  it('fandomCount matches more fandoms than its maximum', () => {
    const crossover = fandomCountRule(3);
    const fandoms = (n: number) => makeWork({ fandoms: Array.from({ length: n }, (_, i) => `Fandom ${i}`) });
    expect(filtered([crossover], fandoms(3))).toBe(false);
    expect(filtered([crossover], fandoms(4))).toBe(true);
    expect(filtered([crossover], fandoms(0))).toBe(false);
    expect(filtered([fandomCountRule(1)], fandoms(2))).toBe(true);
    expect(filtered([fandomCountRule(1)], fandoms(1))).toBe(false);
  });

  it('several fandomCount rules: each that is exceeded matches', () => {
    const two = fandomCountRule(2, 'collapse');
    const five = fandomCountRule(5, 'hide');
    const four = makeWork({ fandoms: ['A', 'B', 'C', 'D'] });
    expect(judge([five, two], four).reasons.map((r) => r.ruleId)).toEqual([two.id]);
    const six = makeWork({ fandoms: ['A', 'B', 'C', 'D', 'E', 'F'] });
    expect(judge([five, two], six)).toMatchObject({ action: 'hide' });
    expect(judge([five, two], six).reasons.map((r) => r.ruleId)).toEqual([five.id, two.id]);
  });

  it('complete: true matches complete works, false works in progress, never an unknown state', () => {
    const done = completeRule(true);
    const wip = completeRule(false);
    expect(filtered([done], makeWork({ complete: true }))).toBe(true);
    expect(filtered([done], makeWork({ complete: false }))).toBe(false);
    expect(filtered([wip], makeWork({ complete: false }))).toBe(true);
    expect(filtered([wip], makeWork({ complete: true }))).toBe(false);
    expect(filtered([done, wip], makeWork({ complete: null }))).toBe(false);
  });
});

describe('archive warnings', () => {
  it.each([
    ['Underage', 'Underage Sex'],
    ['Underage Sex', 'Underage'],
    ['Underage', 'Underage'],
    ['Underage Sex', 'Underage Sex'],
    ['Creator Chose Not To Use Archive Warnings', 'Choose Not To Use Archive Warnings'],
    ['Choose Not To Use Archive Warnings', 'Creator Chose Not To Use Archive Warnings'],
    ['creator chose not to use archive warnings', 'Choose Not To Use Archive Warnings'],
    ['Rape/Non-Con', 'Rape/Non-Con'],
  ])('a %j rule matches a work carrying %j', (pattern, warning) => {
    expect(matches('warning', pattern, makeWork({ warnings: [warning] }))).toBe(true);
    // `tag` looks at warnings with the same aliases
    expect(matches('tag', pattern, makeWork({ warnings: [warning] }))).toBe(true);
  });

  it('an alias names one warning, not its neighbours', () => {
    expect(matches('warning', 'Underage', makeWork({ warnings: ['No Archive Warnings Apply'] }))).toBe(false);
    expect(matches('warning', 'Rape/Non-Con', makeWork({ warnings: ['Underage Sex'] }))).toBe(false);
    expect(
      matches('warning', 'Choose Not To Use Archive Warnings', makeWork({ warnings: ['No Archive Warnings Apply'] })),
    ).toBe(false);
  });

  it('aliases are for archive warnings only, not for freeform tags that look alike', () => {
    const freeform = makeWork({ warnings: [], freeforms: ['Underage Sex'] });
    expect(matches('tag', 'Underage', freeform)).toBe(false);
    expect(matches('tag', 'Underage Sex', freeform)).toBe(true);
  });

  it('wildcards see every spelling of a warning', () => {
    const cntw = makeWork({ warnings: ['Choose Not To Use Archive Warnings'] });
    expect(matches('warning', 'Creator Chose*', cntw)).toBe(true);
    expect(matches('warning', 'Underage', makeWork({ warnings: ['Graphic Depictions Of Violence'] }))).toBe(false);
  });

  it('labels a warning rule as AO3 displays the warning today', () => {
    const work = makeWork({ warnings: ['Underage', 'Choose Not To Use Archive Warnings'] });
    const underage = textRule('warning', 'underage');
    const cntw = textRule('warning', 'choose not to use archive warnings');
    const other = textRule('warning', '*Violence*');
    const violent = makeWork({ warnings: ['Graphic Depictions Of Violence'] });
    expect(judge([underage, cntw], work).reasons.map((r) => r.label)).toEqual([
      'Underage Sex',
      'Creator Chose Not To Use Archive Warnings',
    ]);
    expect(judge([other], violent).reasons[0]?.label).toBe('warning: *Violence*');
  });
});

describe('fields', () => {
  const work = makeWork({
    site: 'ao3',
    id: '123',
    title: 'The Long Way Round',
    authors: [
      { pseud: 'Alias', login: 'anafabula', url: '' },
      { pseud: 'samename', login: 'samename', url: '' },
    ],
    fandoms: ['Star Trek', 'Doctor Who'],
    rating: 'Explicit',
    warnings: ['Major Character Death'],
    categories: ['M/M'],
    relationships: ['Kirk/Spock'],
    characters: ['James T. Kirk'],
    freeforms: ['Slow Burn'],
    language: 'English',
    summary: 'Tony has a very bad day.\n\nAngst, then fluff. The end.',
  });

  it('tag matches fandoms, warnings, relationships, characters and freeforms', () => {
    for (const value of ['Star Trek', 'Major Character Death', 'Kirk/Spock', 'James T. Kirk', 'Slow Burn']) {
      expect(matches('tag', value, work), value).toBe(true);
    }
  });

  it('tag does not match the rating or the categories', () => {
    expect(matches('tag', 'Explicit', work)).toBe(false);
    expect(matches('tag', 'M/M', work)).toBe(false);
    expect(matches('rating', 'Explicit', work)).toBe(true);
    expect(matches('category', 'M/M', work)).toBe(true);
  });

  it('each tag field looks at its own values only', () => {
    expect(matches('fandom', 'Star Trek', work)).toBe(true);
    expect(matches('fandom', 'Kirk/Spock', work)).toBe(false);
    expect(matches('relationship', 'Kirk/Spock', work)).toBe(true);
    expect(matches('relationship', 'James T. Kirk', work)).toBe(false);
    expect(matches('character', 'James T. Kirk', work)).toBe(true);
    expect(matches('character', 'Slow Burn', work)).toBe(false);
    expect(matches('freeform', 'Slow Burn', work)).toBe(true);
    expect(matches('freeform', 'Star Trek', work)).toBe(false);
    expect(matches('warning', 'Star Trek', work)).toBe(false);
  });

  it('author matches a pseud, a login, or "pseud (login)"', () => {
    expect(matches('author', 'Alias', work)).toBe(true);
    expect(matches('author', 'anafabula', work)).toBe(true);
    expect(matches('author', 'Alias (anafabula)', work)).toBe(true);
    expect(matches('author', 'samename', work)).toBe(true);
    expect(matches('author', 'samename (samename)', work)).toBe(false);
    expect(matches('author', 'Alias (samename)', work)).toBe(false);
  });

  it('an anonymous work has no author to match', () => {
    const anon = makeWork({ authors: [], anonymous: true });
    expect(matches('author', 'Anonymous', anon)).toBe(false);
    expect(matches('author', '*a*', anon)).toBe(false);
  });

  it('work matches "site:id" exactly', () => {
    expect(matches('work', 'ao3:123', work)).toBe(true);
    expect(matches('work', 'AO3:123', work)).toBe(true);
    expect(matches('work', 'ao3:1234', work)).toBe(false);
    expect(matches('work', 'ao3:12', work)).toBe(false);
    expect(matches('work', 'ffn:123', work)).toBe(false);
    expect(matches('work', '123', work)).toBe(false);
    expect(matches('work', 'ffn:123', makeWork({ site: 'ffn', id: '123' }))).toBe(true);
  });

  it('title and language are whole values', () => {
    expect(matches('title', 'the long way round', work)).toBe(true);
    expect(matches('title', 'Long Way', work)).toBe(false);
    expect(matches('title', '*Long Way*', work)).toBe(true);
    expect(matches('language', 'english', work)).toBe(true);
    expect(matches('language', 'Eng', work)).toBe(false);
  });

  it('a field the work lacks never matches', () => {
    const bare = makeWork({ rating: null, language: null, title: '', summary: '', fandoms: [], warnings: [] });
    expect(matches('rating', '*a*', bare)).toBe(false);
    expect(matches('rating', 'Not Rated', bare)).toBe(false);
    expect(matches('language', '*e*', bare)).toBe(false);
    expect(matches('title', '*e*', bare)).toBe(false);
    expect(matches('summary', '*e*', bare)).toBe(false);
    expect(matches('fandom', '*e*', bare)).toBe(false);
    expect(matches('warning', '*e*', bare)).toBe(false);
  });

  describe('summary: a word sequence inside the summary', () => {
    it.each([
      ['bad day', true],
      ['BAD', true],
      ['very bad*', true],
      ['*ngst', true],
      ['angst, then', true],
      ['day. angst', true], // the blank line between paragraphs is one space
      ['the end.', true],
      ['tony*fluff', true],
      ['*', false],
      ['ad da', false], // starts and ends inside words
      ['ngst', false],
      ['bad da', false],
      ['ba*ay', true],
      ['ba*a', false], // would end inside "day"
      ['very*good', false],
      ['fluff then', false],
    ])('%j → %s', (pattern, expected) => {
      expect(matches('summary', pattern, work)).toBe(expected);
    });

    it('the whole summary matches itself', () => {
      expect(matches('summary', 'Tony has a very bad day. Angst, then fluff. The end.', work)).toBe(true);
    });

    it('word edges know letters beyond ASCII', () => {
      const accents = makeWork({ summary: 'Un café crème, déjà vu.' });
      expect(matches('summary', 'café', accents)).toBe(true);
      expect(matches('summary', 'caf', accents)).toBe(false);
      expect(matches('summary', 'déjà', accents)).toBe(true);
      expect(matches('summary', 'éjà', accents)).toBe(false);
    });
  });
});

describe('reasons', () => {
  it('say in plain words what matched', () => {
    const work = makeWork({
      authors: [{ pseud: 'X', login: 'x', url: '' }],
      rating: 'Explicit',
      fandoms: ['Y', 'Z', 'W', 'V'],
      warnings: ['Major Character Death'],
      freeforms: ['Angst', 'Slow Burn'],
      words: 150_000,
      complete: true,
    });
    const rules = [
      textRule('warning', 'Major Character Death'),
      textRule('author', 'X'),
      textRule('rating', 'Explicit'),
      textRule('fandom', 'Y'),
      textRule('tag', '*Angst*'),
      textRule('freeform', '  Slow   Burn '),
      textRule('work', 'ao3:1000'),
      wordsRule({ min: 100_000 }),
      wordsRule({ max: 1_000_000 }),
      wordsRule({ min: 1000, max: 200_000 }),
      fandomCountRule(3),
      fandomCountRule(1),
      completeRule(true),
    ];
    const j = judge(rules, work);
    expect(j.reasons.map((r) => r.label)).toEqual([
      'Major Character Death',
      'author: X',
      'rating: Explicit',
      'fandom: Y',
      'tag: *Angst*',
      'additional tag: Slow Burn',
      'this work',
      'at least 100,000 words',
      'at most 1,000,000 words',
      '1,000 to 200,000 words',
      'more than 3 fandoms',
      'more than 1 fandom',
      'complete',
    ]);
    expect(j.reasons.map((r) => r.field)).toEqual(rules.map((r) => r.field));
    expect(j.reasons.map((r) => r.ruleId)).toEqual(rules.map((r) => r.id));
    const wip = judge([completeRule(false)], makeWork({ complete: false }));
    expect(wip.reasons.map((r) => r.label)).toEqual(['in progress']);
  });
});

describe('rules validation would reject never match', () => {
  it('only-star patterns, empty patterns and words rules without bounds', () => {
    const work = makeWork({ freeforms: ['Angst'], summary: 'Something.' });
    expect(filtered([textRule('freeform', '*')], work)).toBe(false);
    expect(filtered([textRule('freeform', '***')], work)).toBe(false);
    expect(filtered([textRule('freeform', '')], work)).toBe(false);
    expect(filtered([textRule('summary', '**')], work)).toBe(false);
    expect(filtered([wordsRule({})], work)).toBe(false);
    expect(filtered([fandomCountRule(Number.NaN)], work)).toBe(false);
  });
});
