/**
 * The reader's note on a rule (issue 18) shows in the placeholder, the work-page shield and the
 * revealed mark, as text: markup in a note stays characters, never elements.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { compileRules } from '../../../lib/filters/engine';
import type { Reason, Rule } from '../../../lib/filters/types';
import { createJudge, type Judge } from '../../../entrypoints/content/filtering/judge';
import { PLACEHOLDER, placeholderText } from '../../../entrypoints/content/filtering/placeholder';
import { createRevealedMark } from '../../../entrypoints/content/filtering/revealed';
import { createShield } from '../../../entrypoints/content/filtering/shield';
import { makeWork } from '../filters/factory';

const NOTE = 'not <img src=x onerror=alert(1)> before bed';
const rule: Rule = { id: 'r1', field: 'freeform', pattern: 'Angst', action: 'collapse', enabled: true, note: NOTE };
const why: Reason[] = [
  { ruleId: 'r1', field: 'freeform', label: 'additional tag: Angst', note: NOTE },
  { ruleId: 'r2', field: 'rating', label: 'rating: Mature' },
];
const judges: Judge[] = [];

afterEach(() => {
  for (const judge of judges.splice(0)) judge.clear();
  document.body.innerHTML = '';
});

describe("a rule's note where it filters", () => {
  it('placeholder text gives each rule with its note, the others as before', () => {
    expect(placeholderText(why, null)).toBe(`Filtered: additional tag: Angst (“${NOTE}”), rating: Mature`);
  });

  it('a collapsed blurb’s placeholder shows the note from the rule, as text', () => {
    document.body.innerHTML = '<ol><li id="work_1" class="work blurb">A story</li></ol>';
    const blurb = document.getElementById('work_1')!;
    const judge = createJudge(null, () => {});
    judges.push(judge);
    judge.rejudge(compileRules([rule]), { showTitles: true });
    judge.judgeBlurb(blurb, makeWork({ freeforms: ['Angst'], title: 'T' }), false);
    const placeholder = blurb.previousElementSibling!;
    expect(placeholder.hasAttribute(PLACEHOLDER)).toBe(true);
    expect(placeholder.textContent).toContain(`(“${NOTE}”)`);
    expect(placeholder.querySelector('img')).toBeNull();
  });

  it('the shield and the revealed mark show it too, as text', () => {
    const shield = createShield(document, why, { onShow() {}, onAlwaysShow() {} });
    expect(shield.textContent).toContain(`additional tag: Angst (“${NOTE}”)`);
    expect(shield.querySelector('img')).toBeNull();
    const work = document.createElement('div');
    document.body.append(work);
    const mark = createRevealedMark(work, why, true, () => {});
    expect(mark.textContent).toContain(`(“${NOTE}”)`);
    expect(mark.querySelector('img')).toBeNull();
  });
});
