/**
 * "Hide this work" (entrypoints/content/filtering/hide-action.ts) on blurbs of real AO3 listings made
 * the window's document, with WXT's fake storage: the button, the one-work rule a person's click adds
 * (a page script's click adds none), the notice with Undo, and taking it all away.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { addHideAction, HIDE_ACTION } from '../../../entrypoints/content/filtering/hide-action';
import { HID_NOTICE } from '../../../entrypoints/content/filtering/placeholder';
import { TOKEN } from '../../../entrypoints/content/marks';
import type { Rule } from '../../../lib/filters/types';
import { ao3 } from '../../../lib/sites/ao3';
import { loadRules, saveRules } from '../../../lib/storage';
import { trustedClick } from '../../support/trusted-click';
import { buttonNamed, LISTING, loadPage, settle } from './live-page';

const CHOOSE_NOT_TO_WARN = {
  file: 'ao3/listing-tag-works-choose-not-to-warn.html',
  url: 'https://archiveofourown.org/tags/Choose%20Not%20To%20Use%20Archive%20Warnings/works',
};

// A real listing parsed in happy-dom: slower than the default 5 s on a busy machine.
const SLOW = 30_000;

const removers: (() => void)[] = [];

/** The blurb of that work on the page, with its "Hide this work" button. */
function withHideAction(workId: string, url = LISTING.url): { blurb: HTMLElement; button: HTMLButtonElement } {
  const blurb = document.getElementById(`work_${workId}`)!;
  const meta = ao3.readBlurb(blurb, new URL(url))!.meta;
  removers.push(addHideAction(blurb, meta));
  return { blurb, button: buttonNamed(blurb, 'Hide this work')! };
}

const noticeAfter = (blurb: Element): HTMLElement | null => {
  const next = blurb.nextElementSibling as HTMLElement | null;
  return next?.getAttribute(HID_NOTICE) === TOKEN ? next : null;
};

/** The stored rules' patterns, in order. */
const storedPatterns = async () => (await loadRules()).map((rule) => ('pattern' in rule ? rule.pattern : rule.field));

/** The stored rules without their generated ids. */
const storedRules = async () => (await loadRules()).map(({ id: _id, ...rule }) => rule);

beforeEach(() => {
  fakeBrowser.reset();
  loadPage(LISTING.file, LISTING.url);
});
afterEach(() => {
  for (const remove of removers.splice(0)) remove();
});

describe('Hide this work', () => {
  it('puts a "Hide this work" button, named for the work, at the end of the blurb', () => {
    const { blurb, button } = withHideAction('77074816');
    expect(button.textContent).toBe('Hide this work');
    expect(button.getAttribute('aria-label')).toBe('Hide this work: Disarmed');
    expect(button.type).toBe('button');
    const holder = blurb.lastElementChild!;
    expect(holder.getAttribute(HIDE_ACTION)).toBe(TOKEN);
    expect(holder.contains(button)).toBe(true);
  }, SLOW);

  it("a page script's click adds no rule and leaves no notice", async () => {
    const { blurb, button } = withHideAction('77074816');
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await settle();
    expect(await loadRules()).toEqual([]);
    expect(noticeAfter(blurb)).toBeNull();
    expect(button.disabled).toBe(false);
  }, SLOW);

  it("a person's click adds one rule for that work, named by title and creator, and a notice with Undo after the blurb", async () => {
    const { blurb, button } = withHideAction('77074816');
    trustedClick(button);
    expect(button.disabled).toBe(true);
    await settle();
    expect(await storedRules()).toEqual([
      { field: 'work', pattern: 'ao3:77074816', action: 'hide', enabled: true, workTitle: 'Disarmed', workCreator: 'lostwichu' },
    ]);
    const notice = noticeAfter(blurb)!;
    expect(notice).not.toBeNull();
    expect(notice.tagName).toBe('LI');
    expect(notice.getAttribute('role')).toBe('status');
    expect(notice.textContent).toBe(
      'Hidden: “Disarmed” by lostwichu. It stays hidden everywhere until you undo or remove the rule. Undo',
    );
    const undo = buttonNamed(notice, 'Undo')!;
    expect(undo.getAttribute('aria-label')).toBe('Undo hiding “Disarmed”');
    // The Undo button takes the focus the vanishing "Hide this work" button had.
    expect(document.activeElement).toBe(undo);
  }, SLOW);

  it('Undo, clicked by a person only, removes that rule and no other, takes the notice away and gives the button back', async () => {
    const other: Rule = { id: 'keep', field: 'author', pattern: 'SadRaven1', action: 'collapse', enabled: true };
    await saveRules([other]);
    const { blurb, button } = withHideAction('77074816');
    trustedClick(button);
    await settle();
    expect(await storedPatterns()).toEqual(['SadRaven1', 'ao3:77074816']);
    const undo = buttonNamed(noticeAfter(blurb), 'Undo')!;

    undo.click();
    await settle();
    expect(await storedPatterns()).toEqual(['SadRaven1', 'ao3:77074816']);
    expect(noticeAfter(blurb)).not.toBeNull();

    trustedClick(undo);
    await settle();
    expect(await loadRules()).toEqual([other]);
    expect(noticeAfter(blurb)).toBeNull();
    expect(button.disabled).toBe(false);
    expect(document.activeElement).toBe(button);
  }, SLOW);

  it('an anonymous work: the rule has no creator and the notice names the title only', async () => {
    const { blurb, button } = withHideAction('77853551');
    trustedClick(button);
    await settle();
    expect(await storedRules()).toEqual([
      {
        field: 'work',
        pattern: 'ao3:77853551',
        action: 'hide',
        enabled: true,
        workTitle: 'Dragon Ball Super: Groundbreaking - Supplemental Materials Volume Six',
      },
    ]);
    expect(noticeAfter(blurb)?.textContent).toBe(
      'Hidden: “Dragon Ball Super: Groundbreaking - Supplemental Materials Volume Six”. It stays hidden everywhere until you undo or remove the rule. Undo',
    );
  }, SLOW);

  it('a work by two creators names both, as the blurb shows them', async () => {
    loadPage(CHOOSE_NOT_TO_WARN.file, CHOOSE_NOT_TO_WARN.url);
    const { blurb, button } = withHideAction('78966681', CHOOSE_NOT_TO_WARN.url);
    trustedClick(button);
    await settle();
    expect(await storedRules()).toEqual([
      {
        field: 'work',
        pattern: 'ao3:78966681',
        action: 'hide',
        enabled: true,
        workTitle: 'Art Collection',
        workCreator: 'AaliyahSparrow, ThePirateStorm',
      },
    ]);
    expect(noticeAfter(blurb)?.textContent).toBe(
      'Hidden: “Art Collection” by AaliyahSparrow, ThePirateStorm. It stays hidden everywhere until you undo or remove the rule. Undo',
    );
  }, SLOW);

  it('hiding the same work twice keeps one rule, and Undo then removes it', async () => {
    const { blurb, button } = withHideAction('77074816');
    trustedClick(button);
    await settle();
    button.disabled = false;
    trustedClick(button);
    await settle();
    expect(await storedPatterns()).toEqual(['ao3:77074816']);
    expect(blurb.parentElement!.querySelectorAll(`[${HID_NOTICE}]`)).toHaveLength(1);
    trustedClick(buttonNamed(noticeAfter(blurb), 'Undo'));
    await settle();
    expect(await loadRules()).toEqual([]);
  }, SLOW);

  it('what it returns takes the button and the notice away, leaving the blurb as it was', async () => {
    const blurb = document.getElementById('work_77074816')!;
    const before = blurb.parentElement!.innerHTML;
    const { button } = withHideAction('77074816');
    trustedClick(button);
    await settle();
    expect(noticeAfter(blurb)).not.toBeNull();
    removers.pop()!();
    expect(blurb.querySelector(`[${HIDE_ACTION}]`)).toBeNull();
    expect(noticeAfter(blurb)).toBeNull();
    expect(blurb.parentElement!.innerHTML).toBe(before);
  }, SLOW);
});
