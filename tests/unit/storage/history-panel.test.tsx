/**
 * The options page's Reading history panel: pause recording, the count of works, Forget everything
 * (after asking).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { HistoryPanel } from '../../../components/HistoryPanel';
import { recordHistoryVisit } from '../../../lib/storage/history';
import { loadHistorySettings } from '../../../lib/storage/history-settings';
import { visit } from '../history/helpers';
import { byRole, click, mount, queryByRole, settle, unmountAll } from '../ui/dom';

beforeEach(() => fakeBrowser.reset());
afterEach(() => unmountAll());

describe('HistoryPanel', () => {
  it('"Pause recording" switches historySettings.paused, and a paused history records nothing', async () => {
    const root = await mount(<HistoryPanel />);
    const toggle = byRole(root, 'switch', 'Pause recording');
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    await click(toggle);
    await settle();
    expect(await loadHistorySettings()).toEqual({ paused: true });
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    expect(await recordHistoryVisit(visit({ workId: '9' }))).toBeNull();
    await click(toggle);
    await settle();
    expect(await loadHistorySettings()).toEqual({ paused: false });
  });

  it('counts the works recorded, and forgets them all only after asking', async () => {
    await recordHistoryVisit(visit({ workId: '1' }));
    await recordHistoryVisit(visit({ workId: '2', site: 'ffn' }));
    const root = await mount(<HistoryPanel />);
    const panel = byRole(root, 'region', 'Reading history');
    await settle();
    expect(panel.textContent).toContain('2 works recorded.');
    await click(byRole(panel, 'button', 'Forget everything'));
    const ask = byRole(panel, 'group', 'Forget the reading history');
    expect(ask.textContent).toContain('cannot be undone');
    await click(byRole(ask, 'button', 'Cancel'));
    expect(queryByRole(panel, 'group', 'Forget the reading history')).toBeNull();
    expect(panel.textContent).toContain('2 works recorded.');

    await click(byRole(panel, 'button', 'Forget everything'));
    await click(byRole(byRole(panel, 'group', 'Forget the reading history'), 'button', 'Forget everything'));
    await settle();
    expect(byRole(panel, 'status').textContent).toBe('Forgot 2 works.');
    expect(panel.textContent).toContain('0 works recorded.');
    expect(Object.keys(await fakeBrowser.storage.local.get(null)).filter((k) => k.startsWith('history:'))).toEqual([]);
  });
});
