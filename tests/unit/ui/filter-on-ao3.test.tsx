import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { App as Options } from '../../../entrypoints/options/App';
import { accessibleName, byRole, click, mount, queryByRole, sync, unmountAll } from './dom';

beforeEach(() => fakeBrowser.reset());
afterEach(() => unmountAll());

describe('Filter on AO3 too (options page)', () => {
  it('is off by default, says in plain words what it changes, and stores the choice', async () => {
    const root = await mount(<Options />);
    const filters = byRole(root, 'region', 'Filters');
    const toggle = byRole(filters, 'switch', 'Filter on AO3 too');
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    const hint = root.querySelector(`#${toggle.getAttribute('aria-describedby')}`)?.textContent ?? '';
    expect(hint).toContain("to the page's address");
    expect(hint).toContain('AO3 itself sends fewer works');

    await click(toggle);
    expect(await sync('appSettings')).toMatchObject({ filterOnAo3: true, showFilteredTitles: true });
    expect(await sync('appSettings$')).toEqual({ v: 3 });
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    await click(toggle);
    expect(await sync('appSettings')).toMatchObject({ filterOnAo3: false });
  });

  it('shows an older stored value (v2, without the setting) as off, without a problem', async () => {
    await fakeBrowser.storage.sync.set({
      appSettings: { filteringPaused: false, syncBookmarks: false, showFilteredTitles: false },
      'appSettings$': { v: 2 },
    });
    const root = await mount(<Options />);
    expect(byRole(root, 'switch', 'Filter on AO3 too').getAttribute('aria-checked')).toBe('false');
    expect(accessibleName(byRole(root, 'switch', 'Show titles of filtered works'))).toBe('Show titles of filtered works');
    expect(byRole(root, 'switch', 'Show titles of filtered works').getAttribute('aria-checked')).toBe('false');
    expect(queryByRole(root, 'region', 'Problems found in storage')).toBeNull();
  });
});
