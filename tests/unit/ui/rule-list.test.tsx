/**
 * The one rule list (components/RuleList.tsx) in both its uses: the popup's compact list and the
 * options page's table (RuleTableLayout). Each rule shows and behaves the same in both; only the
 * layout and the options page's tools differ. Expected texts are written out here.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { App as OptionsApp } from '../../../entrypoints/options/App';
import { App as PopupApp } from '../../../entrypoints/popup/App';
import type { Rule } from '../../../lib/filters/types';
import { saveRules } from '../../../lib/storage/rules';
import { allByRole, byRole, click, local, mount, queryByRole, settle, text, unmountAll } from './dom';

beforeEach(() => {
  fakeBrowser.reset();
  // The popup asks the active tab for its status; here there is no Lamplight page.
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7 } as never]);
  (fakeBrowser.tabs as unknown as { sendMessage: unknown }).sendMessage = vi.fn(async () => {
    throw new Error('Could not establish connection. Receiving end does not exist.');
  });
});
afterEach(() => unmountAll());

const MCD: Rule = { id: 'r1', field: 'warning', pattern: 'Major Character Death', action: 'collapse', enabled: true };
const ANGST: Rule = {
  id: 'r2',
  field: 'freeform',
  pattern: 'Angst',
  alsoCovers: ['Angsty', 'Sad Ending'],
  note: 'not tonight',
  action: 'hide',
  enabled: true,
};
const LONG: Rule = { id: 'r3', field: 'words', min: 100000, action: 'collapse', enabled: false };

const storedRules = async () => ((await local('filterRules')) ?? []) as Rule[];

const USES = [
  { page: 'popup', open: () => mount(<PopupApp />), list: '.rule-list', row: 'li', name: '.rule-name' },
  { page: 'options page', open: () => mount(<OptionsApp />), list: '.rules-table', row: 'tbody tr', name: 'td.rule-name' },
] as const;

describe.each(USES)('the rule list in the $page', ({ open, list, row, name }) => {
  it('shows each rule with its name, other names, note and action, and a switch, Edit and Delete named after it', async () => {
    await saveRules([MCD, ANGST, LONG]);
    const root = await open();
    const shown = root.querySelector<HTMLElement>(list)!;
    expect(Array.from(shown.querySelectorAll(name)).map(text)).toEqual([
      'Warning is Major Character Death',
      // The other names are a span of their own (a line under the name, by CSS): no space in the text.
      'Additional tag is Angstalso covers: Angsty, Sad Ending Your note: not tonight',
      '100,000 words or more',
    ]);
    expect(Array.from(shown.querySelectorAll('.badge')).map(text)).toEqual(['Collapse', 'Hide', 'Collapse']);
    expect(allByRole(shown, 'switch').map((s) => [s.getAttribute('aria-label'), s.getAttribute('aria-checked')])).toEqual([
      ['Enable rule Warning is Major Character Death', 'true'],
      ['Enable rule Additional tag is Angst', 'true'],
      ['Enable rule 100,000 words or more', 'false'],
    ]);
    for (const rule of ['Warning is Major Character Death', 'Additional tag is Angst', '100,000 words or more']) {
      expect(byRole(shown, 'button', `Edit rule ${rule}`)).toBeTruthy();
      expect(byRole(shown, 'button', `Delete rule ${rule}`)).toBeTruthy();
    }
    // A rule switched off is marked as such in both layouts.
    expect(Array.from(shown.querySelectorAll(row)).map((r) => r.classList.contains('rule-off'))).toEqual([false, false, true]);
  });

  it('says so when there are no rules', async () => {
    const root = await open();
    const filters = byRole(root, 'region', 'Filters');
    expect(filters.querySelector(list)).toBeNull();
    expect(text(filters)).toContain('No rules yet. Add one above, or switch on a warning.');
  });

  it('Delete removes the rule; Undo puts it back in its place', async () => {
    await saveRules([MCD, ANGST, LONG]);
    const root = await open();
    await click(byRole(root, 'button', 'Delete rule Additional tag is Angst'));
    expect((await storedRules()).map((r) => r.id)).toEqual(['r1', 'r3']);
    expect(queryByRole(root, 'button', 'Edit rule Additional tag is Angst')).toBeNull();
    const filters = byRole(root, 'region', 'Filters');
    expect(text(byRole(filters, 'status'))).toContain('Deleted rule Additional tag is Angst');
    await click(byRole(filters, 'button', 'Undo'));
    expect(await storedRules()).toEqual([MCD, ANGST, LONG]);
  });

  it('edits in place; Cancel keeps the rule and gives focus back to its Edit button', async () => {
    await saveRules([MCD, ANGST]);
    const root = await open();
    await click(byRole(root, 'button', 'Edit rule Warning is Major Character Death'));
    const form = byRole<HTMLFormElement>(root, 'form', 'Edit rule Warning is Major Character Death');
    expect(queryByRole(root, 'button', 'Edit rule Warning is Major Character Death')).toBeNull();
    await click(byRole(form, 'button', 'Cancel'));
    expect(queryByRole(root, 'form', /^Edit rule/)).toBeNull();
    expect(document.activeElement).toBe(byRole(root, 'button', 'Edit rule Warning is Major Character Death'));
    expect(await storedRules()).toEqual([MCD, ANGST]);
  });

  it('the switch turns the rule off and says so', async () => {
    await saveRules([MCD]);
    const root = await open();
    await click(byRole(root, 'switch', 'Enable rule Warning is Major Character Death'));
    expect(await storedRules()).toEqual([{ ...MCD, enabled: false }]);
    await settle();
    expect(byRole(root, 'switch', 'Enable rule Warning is Major Character Death').getAttribute('aria-checked')).toBe('false');
    expect(text(byRole(byRole(root, 'region', 'Filters'), 'status'))).toContain('Warning is Major Character Death');
  });
});

describe('the rule list: only the options page has the table tools', () => {
  it('the popup has no search, selection or Find synonyms; the options page has all three', async () => {
    await saveRules([ANGST]);
    const popup = await mount(<PopupApp />);
    expect(popup.querySelector('input[type="search"]')).toBeNull();
    expect(queryByRole(popup, 'checkbox', 'Select rule Additional tag is Angst')).toBeNull();
    expect(queryByRole(popup, 'button', /Find synonyms/)).toBeNull();
    await unmountAll();

    const options = await mount(<OptionsApp />);
    expect(byRole(options, 'searchbox', 'Search rules')).toBeTruthy();
    expect(byRole(options, 'checkbox', 'Select rule Additional tag is Angst')).toBeTruthy();
    expect(byRole(options, 'button', /Find synonyms/)).toBeTruthy();
    expect(text(options.querySelector('.rules-table td.col-field'))).toBe('Additional tag');
  });
});
