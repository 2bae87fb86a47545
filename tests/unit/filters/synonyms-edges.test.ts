/**
 * Edges of lib/filters/synonyms: which fields can cover other names (a table built when the module
 * loads, so those tests load it afresh), which rules can look up synonyms, the exact refusals and
 * the total-length cap, the compiled patterns, and what an edited rule keeps.
 */
import { describe, expect, it, vi } from 'vitest';
import { canLookUpSynonyms, checkCoveredNames, keptCoveredNames, rulePatterns } from '../../../lib/filters/synonyms';
import type { Rule } from '../../../lib/filters/types';
import { textRule, wordsRule } from './factory';

type SynonymsModule = typeof import('../../../lib/filters/synonyms');

async function freshSynonyms(): Promise<SynonymsModule> {
  vi.resetModules();
  return import('../../../lib/filters/synonyms');
}

describe('the fields whose rules can cover other names', () => {
  it('are the five tag fields, in this order', async () => {
    const { SYNONYM_FIELDS } = await freshSynonyms();
    expect(SYNONYM_FIELDS).toEqual(['tag', 'fandom', 'relationship', 'character', 'freeform']);
  });

  it.each(['tag', 'fandom', 'relationship', 'character', 'freeform'])('canCoverSynonyms(%j) is true', async (field) => {
    const { canCoverSynonyms } = await freshSynonyms();
    expect(canCoverSynonyms(field)).toBe(true);
  });

  it.each(['', 'Tag', 'warning', 'rating', 'category', 'author', 'title', 'summary', 'language', 'words'])(
    'canCoverSynonyms(%j) is false',
    async (field) => {
      const { canCoverSynonyms } = await freshSynonyms();
      expect(canCoverSynonyms(field)).toBe(false);
    },
  );
});

describe('canLookUpSynonyms', () => {
  it('is true for a tag field and one whole name', () => {
    expect(canLookUpSynonyms(textRule('freeform', 'Slow Burn'))).toBe(true);
    expect(canLookUpSynonyms(textRule('relationship', 'Aziraphale/Crowley (Good Omens)'))).toBe(true);
  });

  it('is false for a pattern with a star, even on a tag field', () => {
    expect(canLookUpSynonyms(textRule('tag', '*Angst*'))).toBe(false);
    expect(canLookUpSynonyms(textRule('character', 'Harry*'))).toBe(false);
  });

  it('is false for a field that holds no tags, star or not', () => {
    expect(canLookUpSynonyms(textRule('title', 'Slow Burn'))).toBe(false);
    expect(canLookUpSynonyms(textRule('author', 'quiet*'))).toBe(false);
  });
});

describe('checkCoveredNames refusals name the start of the name', () => {
  it('a name over 150 characters: its first 40 in the message', () => {
    const name = `Alternate Universe - Canon Divergence${'X'.repeat(114)}`;
    expect(name).toHaveLength(151);
    expect(checkCoveredNames([name], 'freeform', 'Slow Burn')).toEqual({
      ok: false,
      error: 'The tag name “Alternate Universe - Canon DivergenceXXX” is longer than 150 characters (AO3’s limit).',
    });
  });

  it('a name with a star: its first 40 in the message', () => {
    expect(checkCoveredNames(['Alternate Universe - Canon Divergence*Everywhere'], 'freeform', 'Slow Burn')).toEqual({
      ok: false,
      error: 'The tag name “Alternate Universe - Canon Divergence*Ev” contains *, which AO3 tag names never do.',
    });
  });
});

describe('checkCoveredNames total length', () => {
  /** `count` different names of exactly 150 characters each. */
  const fullNames = (count: number): string[] => Array.from({ length: count }, (_, i) => `Name ${i + 10} `.padEnd(150, 'y'));

  it('accepts names of exactly 3000 characters together', () => {
    const names = fullNames(20);
    const result = checkCoveredNames(names, 'tag', 'Other');
    expect(result.ok).toBe(true);
    expect(result.ok && result.names.length).toBe(20);
    expect(result.ok && result.names.join('').length).toBe(3000);
  });

  it('refuses one character more', () => {
    const names = [...fullNames(20), 'z'];
    expect(checkCoveredNames(names, 'tag', 'Other')).toEqual({
      ok: false,
      error: 'The other names of one rule can take at most 3000 characters together.',
    });
  });
});

describe('rulePatterns', () => {
  it('a rule whose own pattern is only stars matches nothing, and its names are left out', () => {
    expect(rulePatterns(textRule('tag', '*', 'hide', { alsoCovers: ['Hurt/Comfort'] }))).toEqual([{ kind: 'none' }]);
    expect(rulePatterns(textRule('tag', '', 'hide', { alsoCovers: ['Hurt/Comfort'] }))).toEqual([{ kind: 'none' }]);
  });

  it('otherwise the rule’s own pattern comes first, then each name as an exact match', () => {
    expect(rulePatterns(textRule('tag', 'Angst', 'hide', { alsoCovers: ['Hurt/Comfort', 'Whump'] }))).toEqual([
      { kind: 'exact', text: 'angst' },
      { kind: 'exact', text: 'hurt/comfort' },
      { kind: 'exact', text: 'whump' },
    ]);
    expect(rulePatterns(textRule('tag', 'Angst', 'hide', { alsoCovers: [] }))).toEqual([{ kind: 'exact', text: 'angst' }]);
  });
});

describe('keptCoveredNames adds no key when there is nothing to keep', () => {
  const same = { field: 'freeform', pattern: 'Slow Burn', action: 'hide' };

  it('a rule without the key, with an empty list, or with the key left undefined', () => {
    expect(keptCoveredNames(textRule('freeform', 'Slow Burn'), same)).toStrictEqual({});
    expect(keptCoveredNames(textRule('freeform', 'Slow Burn', 'hide', { alsoCovers: [] }), same)).toStrictEqual({});
    expect(keptCoveredNames(textRule('freeform', 'Slow Burn', 'hide', { alsoCovers: undefined }), same)).toStrictEqual({});
  });

  it('a rule that is not a text rule', () => {
    const words: Rule = wordsRule({ max: 1000 });
    expect(keptCoveredNames(words, same)).toStrictEqual({});
  });

  it('an edit whose pattern is missing or not text', () => {
    const before = textRule('freeform', 'Slow Burn', 'hide', { alsoCovers: ['Slow Build'] });
    expect(keptCoveredNames(before, { field: 'freeform', action: 'hide' })).toStrictEqual({});
    expect(keptCoveredNames(before, { field: 'freeform', pattern: 42, action: 'hide' })).toStrictEqual({});
    expect(keptCoveredNames(before, same)).toStrictEqual({ alsoCovers: ['Slow Build'] });
  });
});
