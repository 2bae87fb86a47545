import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing';
import { App } from '../../../entrypoints/popup/App';
import type { Rule } from '../../../lib/filters/types';
import type { PageStatus } from '../../../lib/messages';
import { saveRules } from '../../../lib/storage/rules';
import {
  allByRole,
  byRole,
  choose,
  click,
  local,
  mount,
  queryByRole,
  settle,
  storageText,
  submit,
  sync,
  text,
  type,
  unmountAll,
} from './dom';

beforeEach(() => fakeBrowser.reset());
afterEach(() => unmountAll());

const MCD: Rule = { id: 'r1', field: 'warning', pattern: 'Major Character Death', action: 'collapse', enabled: true };
const ANGST: Rule = { id: 'r2', field: 'freeform', pattern: '*Angst*', action: 'hide', enabled: true };

const storedRules = async () => ((await local('filterRules')) ?? []) as Rule[];

/** The active tab answers page:status with `status` and reader:toggle by flipping readerOn. */
function fakeTab(status: PageStatus | null) {
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7 } as never]);
  let readerOn = status?.readerOn ?? false;
  let bookmarked = status?.bookmarked ?? false;
  const sendMessage = vi.fn(async (_tabId: number, message: { type: string }) => {
    if (status === null) throw new Error('Could not establish connection. Receiving end does not exist.');
    if (message.type === 'page:status') return { ...status, readerOn, bookmarked };
    if (message.type === 'bookmark:toggle') {
      bookmarked = !bookmarked;
      return { bookmarked };
    }
    if (message.type === 'reader:toggle') {
      readerOn = !readerOn;
      return { readerOn };
    }
    return undefined;
  });
  (fakeBrowser.tabs as unknown as { sendMessage: unknown }).sendMessage = sendMessage;
  return sendMessage;
}

const WORK: PageStatus = {
  site: 'ao3',
  kind: 'work',
  filtered: 0,
  readerOn: false,
  work: { site: 'ao3', id: '123', title: 'A Quiet <b>Place</b>' },
};

describe('popup: This page', () => {
  it('has the Lamplight heading and says where Lamplight works when the tab is not a supported site', async () => {
    fakeTab(null);
    const root = await mount(<App />);
    expect(byRole(root, 'heading', 'Lamplight').tagName).toBe('H1');
    const section = byRole(root, 'region', 'This page');
    expect(text(section)).toContain('Lamplight works on AO3');
    expect(queryByRole(root, 'button', 'Reader mode')).toBeNull();
  });

  it('offers Reader mode on a work page; clicking sends reader:toggle and follows the reply', async () => {
    const send = fakeTab(WORK);
    const root = await mount(<App />);
    const button = byRole(root, 'button', 'Reader mode');
    expect(button.getAttribute('aria-pressed')).toBe('false');
    // The work title is page text: shown as text, never as markup.
    expect(text(byRole(root, 'region', 'This page'))).toContain('A Quiet <b>Place</b>');
    expect(root.querySelector('b')).toBeNull();

    await click(button);
    expect(send).toHaveBeenCalledWith(7, { type: 'reader:toggle' });
    expect(byRole(root, 'button', 'Reader mode').getAttribute('aria-pressed')).toBe('true');
    await click(byRole(root, 'button', 'Reader mode'));
    expect(byRole(root, 'button', 'Reader mode').getAttribute('aria-pressed')).toBe('false');
  });

  it('Bookmark this page: the button follows the reply from the page', async () => {
    const send = fakeTab({ ...WORK, bookmarked: false });
    const root = await mount(<App />);
    expect(byRole(root, 'button', 'Bookmark').getAttribute('aria-pressed')).toBe('false');
    await click(byRole(root, 'button', 'Bookmark'));
    expect(send).toHaveBeenCalledWith(7, { type: 'bookmark:toggle' });
    expect(byRole(root, 'button', 'Bookmark').getAttribute('aria-pressed')).toBe('true');
  });

  it('says how many works were filtered on a listing', async () => {
    fakeTab({ site: 'ao3', kind: 'listing', filtered: 3, readerOn: false, work: null });
    const root = await mount(<App />);
    expect(text(byRole(root, 'region', 'This page'))).toContain('3 works filtered on this page');
    expect(queryByRole(root, 'button', 'Reader mode')).toBeNull();
  });

  it('follows the count live: the page reports each change (rules ticked here), other tabs’ reports are not this page’s', async () => {
    fakeTab({ site: 'ao3', kind: 'listing', filtered: 0, readerOn: false, work: null });
    const root = await mount(<App />);
    const section = () => text(byRole(root, 'region', 'This page'));
    expect(section()).toContain('No works filtered on this page');
    const report = (count: number, tabId: number) =>
      fakeBrowser.runtime.onMessage.trigger({ type: 'badge:filtered', count }, { tab: { id: tabId } as never, id: fakeBrowser.runtime.id });
    await report(4, 8);
    await settle();
    expect(section()).toContain('No works filtered on this page');
    await report(4, 7);
    await settle();
    expect(section()).toContain('4 works filtered on this page');
    await report(0, 7);
    await settle();
    expect(section()).toContain('No works filtered on this page');
  });

  it('treats a malformed status reply as no Lamplight page', async () => {
    fakeTab({ ...WORK, filtered: -1 });
    const root = await mount(<App />);
    expect(text(byRole(root, 'region', 'This page'))).toContain('Lamplight works on AO3');
  });

  it('All settings opens the options page', async () => {
    fakeTab(null);
    const open = vi.fn(async () => {});
    (fakeBrowser.runtime as unknown as { openOptionsPage: unknown }).openOptionsPage = open;
    const root = await mount(<App />);
    await click(byRole(root, 'button', 'All settings'));
    expect(open).toHaveBeenCalledTimes(1);
  });
});

describe('popup: opens on Reading, the filters one tab away', () => {
  it('shows This page and the shelf first; the Filters tab (also by arrow key) shows the filters', async () => {
    fakeTab(null);
    const root = await mount(<App />);
    const reading = byRole(root, 'tab', 'Reading');
    const filters = byRole(root, 'tab', 'Filters');
    expect(reading.getAttribute('aria-selected')).toBe('true');
    const panel = (tab: HTMLElement) => root.querySelector<HTMLElement>(`#${tab.getAttribute('aria-controls')}`)!;
    expect(panel(reading).hidden).toBe(false);
    expect(panel(reading).textContent).toContain('This page');
    expect(panel(filters).hidden).toBe(true);
    expect(panel(filters).querySelector('input[type="checkbox"]')).not.toBeNull();

    reading.focus();
    await act(() => {
      reading.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    });
    expect(filters.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(filters);
    expect(panel(filters).hidden).toBe(false);
    expect(panel(reading).hidden).toBe(true);
    await click(reading);
    expect(panel(reading).hidden).toBe(false);
  });
});

describe('popup: Filters', () => {
  beforeEach(() => {
    fakeTab(null);
  });

  it('a warning toggle creates the collapse rule, and switching it off removes it', async () => {
    const root = await mount(<App />);
    const toggle = byRole<HTMLInputElement>(root, 'checkbox', 'Major Character Death');
    expect(toggle.checked).toBe(false);

    await click(toggle);
    expect(await storedRules()).toEqual([
      { id: expect.any(String), field: 'warning', pattern: 'Major Character Death', action: 'collapse', enabled: true },
    ]);
    expect(byRole<HTMLInputElement>(root, 'checkbox', 'Major Character Death').checked).toBe(true);

    await click(byRole(root, 'checkbox', 'Major Character Death'));
    expect(await storedRules()).toEqual([]);
    expect(byRole<HTMLInputElement>(root, 'checkbox', 'Major Character Death').checked).toBe(false);
  });

  it('warning toggles show the display label and store the canonical name', async () => {
    const root = await mount(<App />);
    await click(byRole(root, 'checkbox', 'Creator Chose Not To Use Archive Warnings'));
    expect((await storedRules()).map((r) => ('pattern' in r ? r.pattern : null))).toEqual([
      'Choose Not To Use Archive Warnings',
    ]);
  });

  it('a rule stored under an old warning spelling turns its toggle on', async () => {
    await saveRules([{ id: 'old', field: 'warning', pattern: 'Underage', action: 'collapse', enabled: true }]);
    const root = await mount(<App />);
    expect(byRole<HTMLInputElement>(root, 'checkbox', 'Underage Sex').checked).toBe(true);
    await click(byRole(root, 'checkbox', 'Underage Sex'));
    expect(await storedRules()).toEqual([]);
  });

  it('rating toggles create and remove rating rules', async () => {
    const root = await mount(<App />);
    await click(byRole(root, 'checkbox', 'Explicit'));
    expect(await storedRules()).toMatchObject([{ field: 'rating', pattern: 'Explicit', action: 'collapse', enabled: true }]);
    await click(byRole(root, 'checkbox', 'Explicit'));
    expect(await storedRules()).toEqual([]);
  });

  it('Pause filtering is a switch bound to appSettings.filteringPaused', async () => {
    const root = await mount(<App />);
    const pause = byRole(root, 'switch', 'Pause filtering');
    expect(pause.getAttribute('aria-checked')).toBe('false');
    await click(pause);
    expect(await sync('appSettings')).toMatchObject({ filteringPaused: true });
    expect(byRole(root, 'switch', 'Pause filtering').getAttribute('aria-checked')).toBe('true');
    await click(byRole(root, 'switch', 'Pause filtering'));
    expect(await sync('appSettings')).toMatchObject({ filteringPaused: false });
  });

  it('the add-rule form rejects an empty pattern at the input and stores nothing', async () => {
    const root = await mount(<App />);
    const before = await storageText();
    await submit(byRole<HTMLFormElement>(root, 'form', 'Add a rule'));

    const input = byRole(root, 'textbox', 'Pattern');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const alert = byRole(byRole(root, 'region', 'Filters'), 'alert');
    expect(text(alert)).toBe('Pattern is empty');
    expect(input.getAttribute('aria-describedby')?.split(' ')).toContain(alert.id);
    // The message sits at the input, inside the pattern's own field.
    expect(alert.parentElement).toBe(input.parentElement);
    expect(await storageText()).toBe(before);
  });

  it('rejects a 10,000-character pattern and stores nothing', async () => {
    const root = await mount(<App />);
    const before = await storageText();
    await type(byRole(root, 'textbox', 'Pattern'), 'a'.repeat(10_000));
    await submit(byRole<HTMLFormElement>(root, 'form', 'Add a rule'));
    expect(text(byRole(byRole(root, 'region', 'Filters'), 'alert'))).toMatch(/^Pattern is too long \(10000 characters; the limit is 500\)$/);
    expect(byRole(root, 'textbox', 'Pattern').getAttribute('aria-invalid')).toBe('true');
    expect(await storageText()).toBe(before);
  });

  it('adds a valid rule with the chosen field and action, then clears the error state', async () => {
    const root = await mount(<App />);
    await submit(byRole<HTMLFormElement>(root, 'form', 'Add a rule'));
    expect(allByRole(byRole(root, 'region', 'Filters'), 'alert')).toHaveLength(1);

    await choose(byRole(root, 'combobox', 'Field'), 'freeform');
    await type(byRole(root, 'textbox', 'Pattern'), '*Angst*');
    await choose(byRole(root, 'combobox', 'Action'), 'hide');
    await submit(byRole<HTMLFormElement>(root, 'form', 'Add a rule'));

    expect(await storedRules()).toEqual([
      { id: expect.any(String), field: 'freeform', pattern: '*Angst*', action: 'hide', enabled: true },
    ]);
    expect(allByRole(byRole(root, 'region', 'Filters'), 'alert')).toHaveLength(0);
    expect(byRole(root, 'textbox', 'Pattern').hasAttribute('aria-invalid')).toBe(false);
    expect(byRole<HTMLInputElement>(root, 'textbox', 'Pattern').value).toBe('');
    expect(byRole(root, 'button', 'Delete rule Additional tag is *Angst*')).toBeTruthy();
    expect(text(byRole(byRole(root, 'region', 'Filters'), 'status'))).toContain('Added rule Additional tag is *Angst*');
  });

  it('adds a words rule from the number inputs, and rejects min over max at the input', async () => {
    const root = await mount(<App />);
    await choose(byRole(root, 'combobox', 'Field'), 'words');
    await type(byRole(root, 'textbox', 'At least (words)'), '5000');
    await type(byRole(root, 'textbox', 'At most (words)'), '1,000');
    await submit(byRole<HTMLFormElement>(root, 'form', 'Add a rule'));
    expect(text(byRole(byRole(root, 'region', 'Filters'), 'alert'))).toBe('Minimum words (5000) is more than maximum (1000)');
    expect(byRole(root, 'textbox', 'At least (words)').getAttribute('aria-invalid')).toBe('true');
    expect(await storedRules()).toEqual([]);

    await type(byRole(root, 'textbox', 'At least (words)'), '');
    await submit(byRole<HTMLFormElement>(root, 'form', 'Add a rule'));
    expect(await storedRules()).toMatchObject([{ field: 'words', max: 1000, action: 'collapse' }]);
  });

  it('says under the length inputs which works the rule hides, as the reader types', async () => {
    const root = await mount(<App />);
    await choose(byRole(root, 'combobox', 'Field'), 'words');
    expect(byRole<HTMLSelectElement>(root, 'combobox', 'Field').selectedOptions[0]?.textContent).toBe('Length in words');
    const effect = () => text(root.querySelector('.rule-effect'));
    expect(effect()).toBe('Give the shortest or the longest length the rule is about, or both.');
    await choose(byRole(root, 'combobox', 'Action'), 'hide');
    await type(byRole(root, 'textbox', 'At most (words)'), '1,000');
    expect(effect()).toBe('Hides works of up to 1,000 words.');
    await type(byRole(root, 'textbox', 'At least (words)'), '100');
    expect(effect()).toBe('Hides works of 100 to 1,000 words.');
  });

  it('lists the four real warnings before "No Archive Warnings Apply" and "Creator Chose Not To Use"', async () => {
    const root = await mount(<App />);
    const group = Array.from(root.querySelectorAll('fieldset')).find((f) => f.querySelector('legend')?.textContent === 'Collapse works with these warnings')!;
    expect(Array.from(group.querySelectorAll('label'), (l) => l.textContent)).toEqual([
      'Graphic Depictions Of Violence',
      'Major Character Death',
      'Rape/Non-Con',
      'Underage Sex',
      'No Archive Warnings Apply',
      'Creator Chose Not To Use Archive Warnings',
    ]);
  });

  it('refuses a rule that is already there, at the input', async () => {
    await saveRules([ANGST]);
    const root = await mount(<App />);
    await choose(byRole(root, 'combobox', 'Field'), 'freeform');
    await type(byRole(root, 'textbox', 'Pattern'), '*angst*');
    await choose(byRole(root, 'combobox', 'Action'), 'hide');
    await submit(byRole<HTMLFormElement>(root, 'form', 'Add a rule'));
    expect(text(byRole(byRole(root, 'region', 'Filters'), 'alert'))).toBe('You already have this rule');
    expect(await storedRules()).toEqual([ANGST]);
  });

  it('lists rules with a switch, Edit and Delete named after the rule', async () => {
    await saveRules([MCD, ANGST]);
    const root = await mount(<App />);
    const on = byRole(root, 'switch', 'Enable rule Warning is Major Character Death');
    expect(on.getAttribute('aria-checked')).toBe('true');
    await click(on);
    expect(await storedRules()).toEqual([{ ...MCD, enabled: false }, ANGST]);
    expect(byRole(root, 'switch', 'Enable rule Warning is Major Character Death').getAttribute('aria-checked')).toBe('false');
    // A disabled collapse rule does not count as the toggle being on.
    expect(byRole<HTMLInputElement>(root, 'checkbox', 'Major Character Death').checked).toBe(false);

    await click(byRole(root, 'button', 'Delete rule Warning is Major Character Death'));
    expect(await storedRules()).toEqual([ANGST]);
    expect(queryByRole(root, 'button', 'Delete rule Warning is Major Character Death')).toBeNull();

    await click(byRole(byRole(root, 'region', 'Filters'), 'button', 'Undo'));
    expect(await storedRules()).toEqual([{ ...MCD, enabled: false }, ANGST]);
  });

  it('edits a rule inline, validating at the input', async () => {
    await saveRules([MCD, ANGST]);
    const root = await mount(<App />);
    await click(byRole(root, 'button', 'Edit rule Additional tag is *Angst*'));
    const form = byRole<HTMLFormElement>(root, 'form', 'Edit rule Additional tag is *Angst*');
    const pattern = byRole<HTMLInputElement>(form, 'textbox', 'Pattern');
    expect(pattern.value).toBe('*Angst*');

    await type(pattern, '   ');
    await submit(form);
    expect(text(byRole(form, 'alert'))).toBe('Pattern is empty');
    expect(await storedRules()).toEqual([MCD, ANGST]);

    await type(byRole(form, 'textbox', 'Pattern'), '*Hurt/Comfort*');
    await submit(form);
    expect(await storedRules()).toEqual([MCD, { ...ANGST, pattern: '*Hurt/Comfort*' }]);
    expect(queryByRole(root, 'form', /^Edit rule/)).toBeNull();
    expect(document.activeElement).toBe(byRole(root, 'button', 'Edit rule Additional tag is *Hurt/Comfort*'));
  });

  it('renders a hostile stored pattern as literal text', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    await saveRules([{ id: 'h', field: 'author', pattern: hostile, action: 'hide', enabled: true }]);
    const root = await mount(<App />);
    expect(root.querySelector('img')).toBeNull();
    expect(text(root.querySelector('.rule-name'))).toBe(`Creator is ${hostile}`);
    expect(byRole(root, 'button', `Delete rule Creator is ${hostile}`)).toBeTruthy();
  });

  it('follows rule changes made elsewhere (another tab, the options page)', async () => {
    const root = await mount(<App />);
    expect(queryByRole(root, 'button', 'Delete rule Warning is Major Character Death')).toBeNull();
    await saveRules([MCD]);
    await settle();
    expect(byRole(root, 'button', 'Delete rule Warning is Major Character Death')).toBeTruthy();
    expect(byRole<HTMLInputElement>(root, 'checkbox', 'Major Character Death').checked).toBe(true);
  });
});
