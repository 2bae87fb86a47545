import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { App } from '../../../entrypoints/options/App';
import type { Rule } from '../../../lib/filters/types';
import { getQuarantine } from '../../../lib/storage/quarantine';
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
  sync,
  text,
  type,
  unmountAll,
} from './dom';

beforeEach(() => fakeBrowser.reset());
afterEach(() => unmountAll());

const MCD: Rule = { id: 'r1', field: 'warning', pattern: 'Major Character Death', action: 'collapse', enabled: true };
const ANGST: Rule = { id: 'r2', field: 'freeform', pattern: '*Angst*', action: 'hide', enabled: true };
const LONG: Rule = { id: 'r3', field: 'words', min: 100000, action: 'collapse', enabled: false };

const storedRules = async () => ((await local('filterRules')) ?? []) as Rule[];

const GOOD_BACKUP = JSON.stringify({
  format: 'lamplight-backup',
  version: 1,
  exportedAt: '2026-11-24T10:00:00.000Z',
  filters: [
    { field: 'warning', pattern: 'Major Character Death', action: 'collapse', enabled: true },
    { field: 'author', pattern: 'someone', action: 'hide', enabled: true },
    { field: 'words', max: 1000, action: 'hide', enabled: true },
  ],
  bookmarks: [
    {
      site: 'ao3', workId: '123', url: 'https://archiveofourown.org/works/123', title: 'A title',
      authors: ['someone'], fandoms: ['A fandom'], chapter: 2, chapterCount: 5, chapterTotal: null,
      progress: 0.4, addedAt: '2026-11-01T10:00:00.000Z', readAt: '2026-11-20T10:00:00.000Z', note: '',
    },
    {
      site: 'ao3', workId: '456', url: 'https://archiveofourown.org/works/456', title: 'Another',
      authors: [], fandoms: ['A fandom'], chapter: 1, chapterCount: 1, chapterTotal: 1,
      progress: 0, addedAt: '2026-11-01T10:00:00.000Z', readAt: '2026-11-02T10:00:00.000Z', note: '',
    },
  ],
  settings: { reader: { theme: 'sepia' } },
});

function fileOf(content: string, name = 'backup.json'): File {
  return new File([content], name, { type: 'application/json' });
}

async function pickFile(root: HTMLElement, file: File): Promise<void> {
  const input = byRole(root, 'region', 'Backup').querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error('no file input');
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await settle(10);
}

describe('options page', () => {
  it('has the Filters, Reader and Backup sections', async () => {
    const root = await mount(<App />);
    expect(byRole(root, 'heading', 'Lamplight settings').tagName).toBe('H1');
    for (const name of ['Filters', 'Reader', 'Backup']) expect(byRole(root, 'region', name)).toBeTruthy();
    // No problems, no problems section.
    expect(queryByRole(root, 'region', 'Problems found in storage')).toBeNull();
  });
});

describe('options: backup', () => {
  it('labels the file input "Import backup" with a visible label element', async () => {
    const root = await mount(<App />);
    const input = root.querySelector<HTMLInputElement>('input[type="file"]');
    const label = root.querySelector(`label[for="${input?.id}"]`);
    expect(text(label)).toBe('Import backup');
  });

  it('a file that is not JSON: role=alert with the exact message, storage unchanged', async () => {
    await saveRules([MCD]);
    const root = await mount(<App />);
    const before = await storageText();
    const bad = '{ "format": "lamplight-backup", "version": 1,, }';

    await pickFile(root, fileOf(bad));
    const alert = byRole(byRole(root, 'region', 'Backup'), 'alert');
    expect(text(alert)).toBe('Not a valid JSON file: Unexpected token "," at position 45 (line 1, column 46)');
    expect(queryByRole(root, 'button', 'Merge')).toBeNull();
    expect(await storageText()).toBe(before);
  });

  it('a valid file: says what it holds, Merge imports it and reports in role=status', async () => {
    await saveRules([MCD]);
    const root = await mount(<App />);
    await pickFile(root, fileOf(GOOD_BACKUP));
    const backup = byRole(root, 'region', 'Backup');
    expect(text(backup)).toContain('holds 3 rules, 2 bookmarks, settings');
    expect(await storedRules()).toEqual([MCD]); // nothing changes before Merge

    await click(byRole(backup, 'button', 'Merge'));
    expect(text(byRole(backup, 'status'))).toBe('Imported 2 rules and 2 bookmarks, and settings (1 already up to date)');
    expect(allByRole(backup, 'alert')).toHaveLength(0);
    expect((await storedRules()).map((r) => r.field)).toEqual(['warning', 'author', 'words']);
    expect(await local('bookmark:ao3:123')).toBeTruthy();
    expect(await sync('readerSettings')).toMatchObject({ theme: 'sepia' });
    // The new rules show up in the table at once.
    expect(byRole(root, 'button', 'Delete rule Creator is someone')).toBeTruthy();
  });

  it('Replace asks first, inline; Cancel changes nothing; confirming replaces', async () => {
    await saveRules([ANGST]);
    const root = await mount(<App />);
    await pickFile(root, fileOf(GOOD_BACKUP));
    const backup = byRole(root, 'region', 'Backup');

    await click(byRole(backup, 'button', 'Replace'));
    const confirm = byRole(backup, 'group', 'Confirm replace');
    expect(document.activeElement).toBe(byRole(confirm, 'button', 'Replace everything'));
    await click(byRole(confirm, 'button', 'Cancel'));
    expect(await storedRules()).toEqual([ANGST]);

    await click(byRole(backup, 'button', 'Replace'));
    await click(byRole(backup, 'button', 'Replace everything'));
    expect(text(byRole(backup, 'status'))).toMatch(/^Imported 3 rules and 2 bookmarks, and settings/);
    expect((await storedRules()).map((r) => r.field)).toEqual(['warning', 'author', 'words']);
  });

  it('a file over the size limit is refused by its size, before its text is read', async () => {
    const root = await mount(<App />);
    const before = await storageText();
    const file = fileOf(GOOD_BACKUP);
    Object.defineProperty(file, 'size', { value: 50 * 1024 * 1024 });
    const read = vi.spyOn(file, 'text');
    await pickFile(root, file);
    expect(read).not.toHaveBeenCalled();
    expect(text(byRole(byRole(root, 'region', 'Backup'), 'alert'))).toBe(
      'File is 50.0 MB; a Lamplight backup is at most 20 MB',
    );
    expect(await storageText()).toBe(before);
  });

  it('a JSON file that is not a backup: the exact error and where', async () => {
    const root = await mount(<App />);
    const data = JSON.parse(GOOD_BACKUP) as { filters: Record<string, unknown>[] };
    data.filters[1] = { ...data.filters[1], colour: 'red' };
    const content = JSON.stringify(data);
    await pickFile(root, fileOf(content));
    expect(text(byRole(byRole(root, 'region', 'Backup'), 'alert'))).toBe('filters[1]: unknown field "colour"');
  });

  it('Export backup downloads lamplight-backup-YYYY-MM-DD.json holding the stored rules', async () => {
    await saveRules([MCD]);
    const blobs: Blob[] = [];
    const create = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:lamplight-test';
    });
    const revoke = vi.fn();
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: create, revokeObjectURL: revoke }));
    const clicked: { download: string; href: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.getAttribute('href') ?? '' });
    });

    const root = await mount(<App />);
    await click(byRole(root, 'button', 'Export backup'));

    expect(clicked).toHaveLength(1);
    expect(clicked[0]?.download).toMatch(/^lamplight-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(clicked[0]?.href).toBe('blob:lamplight-test');
    const file = JSON.parse(await blobs[0]!.text()) as { format: string; filters: unknown[] };
    expect(file.format).toBe('lamplight-backup');
    expect(file.filters).toEqual([{ field: 'warning', pattern: 'Major Character Death', action: 'collapse', enabled: true }]);
    expect(root.querySelector('a[download]')).toBeNull(); // the temporary link is gone
    vi.unstubAllGlobals();
  });
});

describe('options: rules table', () => {
  it('search narrows the table', async () => {
    await saveRules([MCD, ANGST, LONG]);
    const root = await mount(<App />);
    const rows = () => root.querySelectorAll('.rules-table tbody tr');
    expect(rows()).toHaveLength(3);
    await type(byRole(root, 'searchbox', 'Search rules'), 'angst');
    expect(rows()).toHaveLength(1);
    expect(text(rows()[0])).toContain('Additional tag is *Angst*');
  });

  it('select all, then bulk Disable, Enable and Delete (with Undo)', async () => {
    await saveRules([MCD, ANGST, LONG]);
    const root = await mount(<App />);
    const filters = byRole(root, 'region', 'Filters');
    const bulk = byRole(filters, 'group', 'Selected rules');
    expect(byRole<HTMLButtonElement>(bulk, 'button', 'Disable').disabled).toBe(true);

    await click(byRole(filters, 'checkbox', 'Select all rules'));
    await click(byRole(bulk, 'button', 'Disable'));
    expect((await storedRules()).map((r) => r.enabled)).toEqual([false, false, false]);
    await click(byRole(bulk, 'button', 'Enable'));
    expect((await storedRules()).map((r) => r.enabled)).toEqual([true, true, true]);

    // Only the selected ones.
    await click(byRole(filters, 'checkbox', 'Select all rules'));
    expect((byRole<HTMLInputElement>(filters, 'checkbox', 'Select rule Warning is Major Character Death')).checked).toBe(false);
    await click(byRole(filters, 'checkbox', 'Select rule Additional tag is *Angst*'));
    await click(byRole(bulk, 'button', 'Delete'));
    await click(byRole(filters, 'button', 'Delete 1 rule'));
    expect((await storedRules()).map((r) => r.id)).toEqual(['r1', 'r3']);
    await click(byRole(filters, 'button', 'Undo'));
    expect((await storedRules()).map((r) => r.id)).toEqual(['r1', 'r2', 'r3']);
  });

  it('edits in place and toggles a rule', async () => {
    await saveRules([MCD, LONG]);
    const root = await mount(<App />);
    await click(byRole(root, 'switch', 'Enable rule 100,000 words or more'));
    expect((await storedRules())[1]).toMatchObject({ id: 'r3', enabled: true });

    await click(byRole(root, 'button', 'Edit rule 100,000 words or more'));
    const form = byRole<HTMLFormElement>(root, 'form', 'Edit rule 100,000 words or more');
    await type(byRole(form, 'textbox', 'At least (words)'), 'lots');
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await settle();
    expect(text(byRole(form, 'alert'))).toBe('Minimum words must be a number');
    await type(byRole(form, 'textbox', 'At least (words)'), '50000');
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await settle();
    expect((await storedRules())[1]).toEqual({ id: 'r3', field: 'words', min: 50000, action: 'collapse', enabled: true });
  });

  it('renders a hostile pattern as literal text', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    await saveRules([{ id: 'h', field: 'freeform', pattern: hostile, action: 'collapse', enabled: true }]);
    const root = await mount(<App />);
    expect(root.querySelector('img')).toBeNull();
    expect(text(root.querySelector('.rules-table td.rule-name'))).toBe(`Additional tag is ${hostile}`);
    expect(byRole(root, 'checkbox', `Select rule Additional tag is ${hostile}`)).toBeTruthy();
  });
});

describe('options: reader settings', () => {
  it('writes through saveReaderSettings', async () => {
    const root = await mount(<App />);
    const reader = byRole(root, 'region', 'Reader');
    await choose(byRole(reader, 'combobox', 'Theme'), 'dark');
    expect(await sync('readerSettings')).toMatchObject({ theme: 'dark' });

    await click(byRole(reader, 'checkbox', 'Continue past the adult-content notice automatically'));
    expect(await sync('readerSettings')).toMatchObject({ theme: 'dark', skipAdultGate: true });
    await click(byRole(reader, 'checkbox', 'Open every work in reader mode'));
    expect(await sync('readerSettings')).toMatchObject({ openAutomatically: true });

    const size = byRole<HTMLInputElement>(reader, 'slider', 'Text size');
    size.value = '24';
    size.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(await sync('readerSettings')).toMatchObject({ fontSize: 24 });
    expect(text(reader)).toContain('24 px');
  });
});

describe('options: the reader preview', () => {
  it('shows the font the reader uses: the shipped OpenDyslexic first for the dyslexia-friendly choice', async () => {
    const root = await mount(<App />);
    const reader = byRole(root, 'region', 'Reader');
    const preview = () => reader.querySelector<HTMLElement>('.reader-preview p')!.style.fontFamily;
    expect(preview()).toMatch(/^["']Iowan Old Style["'], ["']Palatino Linotype["']/);
    await choose(byRole(reader, 'combobox', 'Font'), 'dyslexic');
    expect(preview()).toMatch(/^["']Lamplight OpenDyslexic["'], OpenDyslexic/);
  });
});

describe('options: problems found in storage', () => {
  it('shows quarantined values with Download and Dismiss', async () => {
    // A damaged rule list: the page's own loader sets the bad entry aside.
    await fakeBrowser.storage.local.set({
      filterRules: [MCD, { id: 'x', field: 'warning', pattern: 'X', action: 'collapse', enabled: true, colour: 'red' }],
    });
    const create = vi.fn(() => 'blob:q');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: create, revokeObjectURL: vi.fn() }));
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });

    const root = await mount(<App />);
    await settle();
    const panel = byRole(root, 'region', 'Problems found in storage');
    expect(text(panel)).toContain('set that data aside instead of deleting it');
    expect(text(panel)).toContain('Filter rules');
    expect(text(panel)).toContain('Unknown property "colour"');

    await click(byRole(panel, 'button', 'Download Filter rules'));
    expect(names).toEqual([expect.stringMatching(/^lamplight-set-aside-filterRules-\d{4}-\d{2}-\d{2}\.json$/)]);

    await click(byRole(panel, 'button', 'Dismiss Filter rules'));
    expect(await getQuarantine()).toEqual([]);
    expect(queryByRole(root, 'region', 'Problems found in storage')).toBeNull();
    vi.unstubAllGlobals();
  });
});
