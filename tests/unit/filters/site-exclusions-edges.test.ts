/** siteExclusions: a tag rule with no usable name (empty, a wildcard, a comma) is never sent to the site. */
import { describe, expect, it } from 'vitest';
import { siteExclusions } from '../../../lib/filters/site-exclusions';
import { textRule } from './factory';

const NONE = { warnings: [], ratings: [], categories: [], tags: [] };

describe('siteExclusions: names the site could not take', () => {
  it.each(['', '   ', '*', 'Angst*', '*Angst', 'Hurt*Comfort', 'Angst, Hurt'])('tag rule %j sends nothing', (pattern) => {
    expect(siteExclusions([textRule('tag', pattern)], false)).toEqual(NONE);
  });

  it('while the usable ones around them are sent', () => {
    const rules = [textRule('tag', ''), textRule('tag', 'Angst'), textRule('tag', 'Fluff*'), textRule('tag', 'Hurt/Comfort')];
    expect(siteExclusions(rules, false)).toEqual({ ...NONE, tags: ['Angst', 'Hurt/Comfort'] });
  });

  it('fandom, character and other single-kind rules are never sent', () => {
    const rules = [textRule('fandom', 'Star Wars'), textRule('character', 'Rey'), textRule('freeform', 'Angst')];
    expect(siteExclusions(rules, false)).toEqual(NONE);
  });
});
