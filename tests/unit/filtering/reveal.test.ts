/**
 * The filters' judge on a small list and a work (happy-dom): placeholders name the collapsed work
 * unless titles are hidden; "Show anyway" leaves a mark with "Hide again", which puts the
 * placeholder or the shield back on a person's click only.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { compileRules } from '../../../lib/filters/engine';
import type { Reason, Rule } from '../../../lib/filters/types';
import { createJudge, type Judge } from '../../../entrypoints/content/filtering/judge';
import { COLLAPSED, SHIELDED } from '../../../entrypoints/content/filtering/hold';
import { PLACEHOLDER, placeholderText } from '../../../entrypoints/content/filtering/placeholder';
import { REVEALED } from '../../../entrypoints/content/filtering/revealed';
import { SHIELD } from '../../../entrypoints/content/filtering/shield';
import { verdictOf } from '../../../entrypoints/content/state/verdicts';
import { trustedClick } from '../../support/trusted-click';
import { makeWork } from '../filters/factory';

const MCD = 'Major Character Death';
const rules = compileRules([
  { id: 'r1', field: 'warning', pattern: MCD, action: 'collapse', enabled: true } satisfies Rule,
]);
const matching = makeWork({ title: 'The <b>Long</b> Way', warnings: [MCD] });
const judges: Judge[] = [];
const why: Reason[] = [{ ruleId: 'r1', field: 'warning', label: MCD }];

function listing(showTitles = true): { judge: Judge; blurb: HTMLElement; list: HTMLElement } {
  document.body.innerHTML = '<ol class="work index group"><li id="work_1" class="work blurb">A story</li></ol>';
  const list = document.querySelector<HTMLElement>('ol')!;
  const blurb = document.getElementById('work_1')!;
  const judge = createJudge(null, () => {});
  judges.push(judge);
  judge.rejudge(rules, { showTitles });
  judge.judgeBlurb(blurb, matching, false);
  return { judge, blurb, list };
}

const before = (el: Element) => el.previousElementSibling as HTMLElement | null;
const buttonNamed = (scope: Element | null, name: string) =>
  Array.from(scope?.querySelectorAll('button') ?? []).find((b) => b.textContent === name) ?? null;

afterEach(() => {
  for (const judge of judges.splice(0)) judge.clear();
  document.body.innerHTML = '';
});

describe('placeholder text', () => {
  it('names the work by title and creator, as text', () => {
    expect(placeholderText(why, matching)).toBe(
      `Filtered (${MCD}): “The <b>Long</b> Way” by quietwriter`,
    );
    expect(placeholderText(why, makeWork({ authors: [] }))).toBe(
      `Filtered (${MCD}): “A Quiet Place”`,
    );
    expect(placeholderText(why, null)).toBe(`Filtered: ${MCD}`);
  });

  it('a collapsed blurb’s placeholder names it, and not when titles are hidden', () => {
    const { blurb } = listing(true);
    const placeholder = before(blurb)!;
    expect(placeholder.hasAttribute(PLACEHOLDER)).toBe(true);
    expect(placeholder.textContent).toContain('“The <b>Long</b> Way” by quietwriter');
    expect(placeholder.querySelector('b')).toBeNull();

    const hidden = listing(false);
    expect(before(hidden.blurb)!.textContent).not.toContain('Long');
    expect(before(hidden.blurb)!.textContent).toContain(MCD);
  });
});

describe('Show anyway, then Hide again', () => {
  it('on a listing: the revealed blurb carries a mark with the reason; Hide again brings the placeholder back', () => {
    const { blurb, judge } = listing();
    trustedClick(buttonNamed(before(blurb), 'Show anyway'));
    expect(blurb.hasAttribute(COLLAPSED)).toBe(false);
    const mark = before(blurb)!;
    expect(mark.hasAttribute(REVEALED)).toBe(true);
    expect(mark.tagName).toBe('LI');
    expect(mark.textContent).toContain(MCD);
    expect(judge.filteredCount()).toBe(0);

    // A page script's click does nothing.
    buttonNamed(mark, 'Hide again')!.click();
    expect(before(blurb)).toBe(mark);
    expect(blurb.hasAttribute(COLLAPSED)).toBe(false);

    trustedClick(buttonNamed(mark, 'Hide again'));
    expect(mark.isConnected).toBe(false);
    expect(before(blurb)!.hasAttribute(PLACEHOLDER)).toBe(true);
    expect(blurb.hasAttribute(COLLAPSED)).toBe(true);
    expect(judge.filteredCount()).toBe(1);
  });

  it('the mark goes when the rules stop matching, and stays through a re-judge while they match', () => {
    const { blurb, judge } = listing();
    trustedClick(buttonNamed(before(blurb), 'Show anyway'));
    judge.rejudge(rules);
    expect(before(blurb)!.hasAttribute(REVEALED)).toBe(true);
    judge.rejudge(null);
    expect(before(blurb)).toBeNull();
  });

  it('on a work page: Hide again brings the shield back and tells reader mode', () => {
    document.body.innerHTML = '<div id="workskin">Story</div>';
    const work = document.getElementById('workskin')!;
    const judge = createJudge(rules, () => {});
    judges.push(judge);
    judge.judgeWork(work, matching, { onAlwaysShow: () => {} });
    expect(verdictOf(work)).toBe('shielded');
    trustedClick(buttonNamed(before(work), 'Show anyway'));
    expect(verdictOf(work)).toBe('shown');
    const mark = before(work)!;
    expect(mark.hasAttribute(REVEALED)).toBe(true);
    expect(mark.textContent).toContain(MCD);

    buttonNamed(mark, 'Hide again')!.click();
    expect(verdictOf(work)).toBe('shown');

    trustedClick(buttonNamed(mark, 'Hide again'));
    expect(before(work)!.hasAttribute(SHIELD)).toBe(true);
    expect(work.hasAttribute(SHIELDED)).toBe(true);
    expect(verdictOf(work)).toBe('shielded');
  });
});
