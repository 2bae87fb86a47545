/**
 * One settings form, two renderers: the reader's in-page panel (plain DOM, settings-panel.ts) and
 * the options page's form (Preact, ReaderSettingsForm.tsx) both draw lib/reader/settings-form.ts.
 * Every field must appear in both with the same label, range and choices. The expected fields are
 * written out here, not read from the description, so a field changed in one renderer only (or in
 * the description without meaning to) fails.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ReaderSettingsForm } from '../../../components/ReaderSettingsForm';
import { buildSettingsPanel } from '../../../entrypoints/content/reader/settings-panel';
import { DEFAULT_READER_SETTINGS, type ReaderSettings } from '../../../lib/reader/settings';
import { mount, settle, unmountAll } from '../ui/dom';

beforeEach(() => fakeBrowser.reset());
afterEach(() => unmountAll());

type Expected =
  | { kind: 'range'; key: string; label: string; min: string; max: string; step: string; shown: string }
  | { kind: 'choice'; key: string; label: string; choices: [string, string][] }
  | { kind: 'toggle'; key: string; label: string };

/** The form, in order, with the default settings' values as they read. */
const FORM: Expected[] = [
  {
    kind: 'choice',
    key: 'font',
    label: 'Font',
    choices: [
      ['serif', 'Serif'],
      ['sans', 'Sans-serif'],
      ['dyslexic', 'OpenDyslexic (dyslexia-friendly)'],
      ['system', 'System'],
    ],
  },
  { kind: 'range', key: 'fontSize', label: 'Text size', min: '12', max: '40', step: '1', shown: '19 px' },
  { kind: 'range', key: 'lineHeight', label: 'Line height', min: '1', max: '2.5', step: '0.05', shown: '1.6' },
  { kind: 'range', key: 'width', label: 'Column width', min: '30', max: '120', step: '2', shown: '68 characters' },
  { kind: 'range', key: 'paragraphSpacing', label: 'Paragraph spacing', min: '0', max: '3', step: '0.25', shown: '1 em' },
  {
    kind: 'choice',
    key: 'align',
    label: 'Alignment',
    choices: [
      ['start', 'Left'],
      ['justify', 'Justified'],
    ],
  },
  {
    kind: 'choice',
    key: 'theme',
    label: 'Theme',
    choices: [
      ['auto', 'Match system'],
      ['light', 'Light'],
      ['sepia', 'Sepia'],
      ['dark', 'Dark'],
      ['black', 'Black'],
    ],
  },
  { kind: 'range', key: 'wordsPerMinute', label: 'Reading speed', min: '50', max: '1000', step: '10', shown: '250 words a minute' },
  { kind: 'toggle', key: 'openAutomatically', label: 'Open every work in reader mode' },
];
const ADULT_GATE: Expected = { kind: 'toggle', key: 'skipAdultGate', label: 'Continue past the adult-content notice automatically' };

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const labelFor = (root: ParentNode, control: HTMLElement) =>
  norm(control.id ? root.querySelector(`label[for="${control.id}"]`)?.textContent : control.closest('label')?.textContent);

/** What the options page's form shows, read as a person would: controls by their labels. */
function readOptionsForm(root: HTMLElement): Expected[] {
  const controls = Array.from(root.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select'));
  return controls.map((control): Expected => {
    const label = labelFor(root, control);
    if (control instanceof HTMLSelectElement) {
      const choices = Array.from(control.options).map((o): [string, string] => [o.value, norm(o.textContent)]);
      return { kind: 'choice', key: '', label, choices };
    }
    if (control.type === 'range') {
      const shown = norm(root.querySelector(`output[for="${control.id}"]`)?.textContent);
      return { kind: 'range', key: '', label, min: control.min, max: control.max, step: control.step, shown };
    }
    return { kind: 'toggle', key: '', label };
  });
}

/** What the reader's panel shows: sliders, radio groups (fieldset + legend) and checkboxes by name. */
function readPanel(form: HTMLElement): Expected[] {
  const out: Expected[] = [];
  for (const control of Array.from(form.querySelectorAll<HTMLInputElement>('input'))) {
    const key = control.name;
    if (control.type === 'radio') {
      const fieldset = control.closest('fieldset')!;
      if (out.some((f) => f.key === key)) continue;
      const choices = Array.from(fieldset.querySelectorAll<HTMLInputElement>('input[type="radio"]')).map(
        (radio): [string, string] => [radio.value, norm(radio.closest('label')?.textContent)],
      );
      out.push({ kind: 'choice', key, label: norm(fieldset.querySelector('legend')?.textContent), choices });
    } else if (control.type === 'range') {
      const shown = norm(form.querySelector(`output[data-for="${key}"]`)?.textContent);
      out.push({ kind: 'range', key, label: labelFor(form, control), min: control.min, max: control.max, step: control.step, shown });
    } else {
      out.push({ kind: 'toggle', key, label: labelFor(form, control) });
    }
  }
  return out;
}

const withoutKey = (fields: Expected[]) => fields.map(({ key: _key, ...rest }) => rest);

describe('the reader settings form, one description drawn twice', () => {
  it('the reader panel shows every field of the form, in order, with the same labels, ranges and choices', () => {
    const changes: ReaderSettings[] = [];
    const panel = buildSettingsPanel(document, 'll-settings', DEFAULT_READER_SETTINGS, (s) => changes.push(s));
    document.body.append(panel.element);
    expect(readPanel(panel.element)).toEqual(FORM);
    expect(panel.element.querySelector('[name="skipAdultGate"]')).toBeNull();
    panel.element.remove();
  });

  it('the options page shows the same fields, in the same order, then the adult-content notice', async () => {
    const root = await mount(<ReaderSettingsForm />);
    await settle();
    // The options page draws choices as a select; its controls carry no setting's name, so compare the rest.
    expect(withoutKey(readOptionsForm(root))).toEqual(withoutKey([...FORM, ADULT_GATE]));
  });

  it('both renderers store the same values from the same moves', async () => {
    const changes: ReaderSettings[] = [];
    const panel = buildSettingsPanel(document, 'll-settings', DEFAULT_READER_SETTINGS, (s) => changes.push(s));
    document.body.append(panel.element);
    const slider = panel.element.querySelector<HTMLInputElement>('input[name="width"]')!;
    slider.value = '81'; // snapped to the step of 2 from 30
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    const sepia = panel.element.querySelector<HTMLInputElement>('input[name="theme"][value="sepia"]')!;
    sepia.checked = true;
    sepia.dispatchEvent(new Event('input', { bubbles: true }));
    expect(changes.at(-1)).toEqual({ ...DEFAULT_READER_SETTINGS, width: 82, theme: 'sepia' });
    expect(norm(panel.element.querySelector('output[data-for="width"]')?.textContent)).toBe('82 characters');
    panel.element.remove();

    const root = await mount(<ReaderSettingsForm />);
    const width = Array.from(root.querySelectorAll<HTMLInputElement>('input[type="range"]')).find((i) => labelFor(root, i) === 'Column width')!;
    width.value = '81';
    width.dispatchEvent(new Event('change', { bubbles: true }));
    const theme = root.querySelector<HTMLSelectElement>('select[id$="-theme"]')!;
    theme.value = 'sepia';
    theme.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(await fakeBrowser.storage.sync.get('readerSettings')).toMatchObject({ readerSettings: { width: 82, theme: 'sepia' } });
    expect(norm(root.querySelector(`output[for="${width.id}"]`)?.textContent)).toBe('82 characters');
  });
});

describe('the options preview uses the reader’s own font stacks (lib/reader/style.ts)', () => {
  it.each([
    ['serif', "'Iowan Old Style', 'Palatino Linotype', Palatino, 'Book Antiqua', Charter, 'Bitstream Charter', Georgia, 'Noto Serif', serif"],
    ['sans', "'Atkinson Hyperlegible', Seravek, 'Gill Sans Nova', Ubuntu, Calibri, 'Segoe UI', 'Noto Sans', 'DejaVu Sans', sans-serif"],
    ['dyslexic', "'Lamplight OpenDyslexic', OpenDyslexic, 'Comic Sans MS', sans-serif"],
    ['system', "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif"],
  ])('%s: %s', async (font, stack) => {
    const root = await mount(<ReaderSettingsForm />);
    const select = root.querySelector<HTMLSelectElement>('select[id$="-font"]')!;
    select.value = font;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    const family = root.querySelector<HTMLElement>('.reader-preview p')!.style.fontFamily;
    // The browser may write the quotes its own way: compare the names.
    const names = (s: string) => s.split(',').map((n) => n.trim().replace(/^["']|["']$/g, ''));
    expect(names(family)).toEqual(names(stack));
  });
});
