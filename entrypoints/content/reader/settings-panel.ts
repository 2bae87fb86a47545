/**
 * The reader's settings panel: a plain-DOM renderer of the settings form's description
 * (lib/reader/settings-form.ts, also drawn by the options page's ReaderSettingsForm), one delegated
 * listener for `input` and `change`, changes applied live by the caller.
 */
import { DEFAULT_READER_SETTINGS, type ReaderSettings, updateReaderSetting } from '../../../lib/reader/settings';
import { controlValue, panelFields, type ReaderSettingField } from '../../../lib/reader/settings-form';
import { t } from '../../../lib/i18n';
import { h } from './dom';

export interface SettingsPanel {
  element: HTMLElement;
  /** Shows these values in the controls (after a change elsewhere: another tab, the options page). */
  show(settings: ReaderSettings): void;
  /** Moves focus to the first control (the chosen font), as the panel opens. */
  focusFirst(): void;
}

const fieldId = (key: string) => `ll-setting-${key}`;

function control(doc: Document, field: ReaderSettingField, settings: ReaderSettings): HTMLElement {
  switch (field.kind) {
    case 'range': {
      const value = settings[field.key];
      const id = fieldId(field.key);
      const input = h(doc, 'input', {
        type: 'range',
        id,
        name: field.key,
        min: field.range.min,
        max: field.range.max,
        step: field.range.step,
        value,
        'aria-valuetext': field.format(value),
      });
      return h(
        doc,
        'div',
        { class: 'field' },
        h(
          doc,
          'div',
          { class: 'field-head' },
          h(doc, 'label', { class: 'field-label', for: id }, t(field.label)),
          // Outside the label, so the slider's name stays "Text size" while its value changes.
          h(doc, 'output', { for: id, 'data-for': field.key, 'aria-hidden': 'true' }, field.format(value)),
        ),
        input,
      );
    }
    case 'choice': {
      const current = String(settings[field.key]);
      const choices = h(doc, 'div', { class: 'choices' });
      for (const option of field.choices) {
        choices.append(
          h(
            doc,
            'label',
            null,
            h(doc, 'input', {
              type: 'radio',
              name: field.key,
              value: option.value,
              checked: option.value === current,
            }),
            t(option.label),
          ),
        );
      }
      return h(doc, 'fieldset', null, h(doc, 'legend', null, t(field.label)), choices);
    }
    case 'toggle':
      return h(
        doc,
        'div',
        { class: 'field' },
        h(
          doc,
          'label',
          { class: 'toggle' },
          h(doc, 'input', { type: 'checkbox', name: field.key, checked: settings[field.key] }),
          t(field.label),
        ),
      );
  }
}

export function buildSettingsPanel(
  doc: Document,
  id: string,
  initial: ReaderSettings,
  onChange: (settings: ReaderSettings) => void,
): SettingsPanel {
  let settings = initial;
  const fields = panelFields();
  const form = h(doc, 'form', { 'aria-label': t('readerSettings') });
  for (const field of fields) form.append(control(doc, field, settings));
  const reset = h(doc, 'button', { type: 'button', 'data-action': 'reset-settings' }, t('readerResetSettings'));
  form.append(h(doc, 'div', { class: 'actions' }, reset));

  // A non-modal dialog over the story (reader.css): the story behind shows each change live.
  const element = h(
    doc,
    'section',
    { class: 'settings', id, hidden: true, role: 'dialog', 'aria-label': t('readerSettings') },
    form,
  );
  const focusFirst = () => {
    form.querySelector<HTMLElement>('input:checked,input:not([type=radio])')?.focus({ preventScroll: true });
  };

  const show = (next: ReaderSettings) => {
    settings = next;
    for (const field of fields) {
      const value = next[field.key];
      if (field.kind === 'range') {
        const input = form.querySelector<HTMLInputElement>(`input[name="${field.key}"]`);
        if (input && Number(input.value) !== value) input.value = String(value);
        input?.setAttribute('aria-valuetext', field.format(value as number));
        const output = form.querySelector(`output[data-for="${field.key}"]`);
        if (output) output.textContent = field.format(value as number);
      } else if (field.kind === 'choice') {
        for (const radio of Array.from(form.querySelectorAll<HTMLInputElement>(`input[name="${field.key}"]`))) {
          radio.checked = radio.value === value;
        }
      } else {
        const box = form.querySelector<HTMLInputElement>(`input[name="${field.key}"]`);
        if (box) box.checked = value === true;
      }
    }
  };

  // Radios and checkboxes fire `input` in current browsers; `change` covers older engines without double work.
  const onControl = (event: Event) => {
    const input = event.target as HTMLInputElement | null;
    const field = fields.find((f) => f.key === input?.name);
    if (!input || !field) return;
    const value = controlValue(field, input);
    if (event.type === 'change' && (field.kind === 'range' || settings[field.key] === value)) return;
    const next = updateReaderSetting(settings, field.key, value);
    show(next);
    onChange(next);
  };
  form.addEventListener('input', onControl);
  form.addEventListener('change', onControl);
  form.addEventListener('submit', (event) => event.preventDefault());
  reset.addEventListener('click', () => {
    // Reset the look; keep the reader's choices about behaviour (auto-open, adult gate).
    const next: ReaderSettings = {
      ...DEFAULT_READER_SETTINGS,
      openAutomatically: settings.openAutomatically,
      skipAdultGate: settings.skipAdultGate,
    };
    show(next);
    onChange(next);
  });

  return { element, show, focusFirst };
}
