/**
 * The reader's settings on the options page: a Preact renderer of the settings form's description
 * (lib/reader/settings-form.ts, also drawn by the reader's in-page panel), with the options-page-only
 * fields (continuing past the adult-content notice), a preview in the reader's own fonts, and
 * Restore defaults. Writes through saveReaderSettings; open tabs follow through the storage watcher.
 */
import { useEffect, useId, useState } from 'preact/hooks';
import { browser, type PublicPath } from 'wxt/browser';
import { t } from '../lib/i18n';
import { DEFAULT_READER_SETTINGS, sameReaderSettings, updateReaderSetting, type ReaderSettings } from '../lib/reader/settings';
import { controlValue, READER_SETTINGS_FORM, type Control, type ReaderSettingField } from '../lib/reader/settings-form';
import { DYSLEXIC_FACES, DYSLEXIC_FAMILY, FONT_STACKS } from '../lib/reader/style';
import { saveReaderSettings } from '../lib/storage/settings';
import { errorText, useReaderSettings } from './hooks';

/** The shipped dyslexia-friendly faces, registered with this page the first time the preview shows them. */
let dyslexicFacesAdded = false;
function addDyslexicFaces(): void {
  if (dyslexicFacesAdded || typeof FontFace === 'undefined') return;
  dyslexicFacesAdded = true;
  for (const face of DYSLEXIC_FACES) {
    const url = browser.runtime.getURL(`/fonts/${face.file}` as PublicPath);
    document.fonts.add(new FontFace(DYSLEXIC_FAMILY, `url("${url}") format("woff2")`, { weight: face.weight, style: face.style }));
  }
}

export function ReaderSettingsForm() {
  const id = useId();
  const [stored, loadError] = useReaderSettings();
  /** What the controls show: the stored settings plus a slider that is still moving. */
  const [shown, setShown] = useState<ReaderSettings | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setShown(stored), [stored]);
  useEffect(() => {
    if (shown?.font === 'dyslexic') addDyslexicFaces();
  }, [shown?.font]);

  if (!shown) {
    return <p class={loadError ? 'field-error' : 'muted'}>{loadError ?? t('commonLoading')}</p>;
  }

  const save = (patch: Partial<ReaderSettings>) => {
    setProblem(null);
    saveReaderSettings(patch).catch((err: unknown) => setProblem(t('commonCouldNotSave', errorText(err))));
  };
  /** A control moved: shown at once, stored when `store` (a slider stores when let go). */
  const change = (field: ReaderSettingField, control: Control, store: boolean) => {
    const next = updateReaderSetting(shown, field.key, controlValue(field, control));
    setShown(next);
    if (store) save({ [field.key]: next[field.key] });
  };
  const control = (field: ReaderSettingField) => (
    <SettingControl key={field.key} id={`${id}-${field.key}`} field={field} shown={shown} change={change} />
  );

  return (
    <div class="reader-settings">
      <div class="settings-grid">{READER_SETTINGS_FORM.filter((field) => field.kind !== 'toggle').map(control)}</div>
      <div class="settings-toggles">{READER_SETTINGS_FORM.filter((field) => field.kind === 'toggle').map(control)}</div>
      <figure class="reader-preview">
        <figcaption>{t('readerSettingsPreview')}</figcaption>
        <p
          style={{
            fontFamily: FONT_STACKS[shown.font],
            fontSize: `${shown.fontSize}px`,
            lineHeight: String(shown.lineHeight),
            maxWidth: `${shown.width}ch`,
            textAlign: shown.align === 'justify' ? 'justify' : 'start',
            marginBlockEnd: `${shown.paragraphSpacing}em`,
          }}
        >
          {t('readerSettingsPreviewText')}
        </p>
      </figure>
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
      <div class="form-actions">
        <button
          type="button"
          disabled={sameReaderSettings(shown, DEFAULT_READER_SETTINGS)}
          onClick={() => save(DEFAULT_READER_SETTINGS)}
        >
          {t('readerSettingsRestoreDefaults')}
        </button>
      </div>
    </div>
  );
}

/** One field's control, as the description says: a slider with its value, a select, or a checkbox. */
function SettingControl(props: {
  id: string;
  field: ReaderSettingField;
  shown: ReaderSettings;
  change: (field: ReaderSettingField, control: Control, store: boolean) => void;
}) {
  const { id, field, shown, change } = props;
  if (field.kind === 'range') {
    const value = shown[field.key];
    return (
      <div class="form-field">
        <div class="label-row">
          <label for={id}>{t(field.label)}</label>
          <output for={id}>{field.format(value)}</output>
        </div>
        <input
          id={id}
          type="range"
          min={field.range.min}
          max={field.range.max}
          step={field.range.step}
          value={value}
          aria-valuetext={field.format(value)}
          onInput={(e) => change(field, e.currentTarget, false)}
          onChange={(e) => change(field, e.currentTarget, true)}
        />
      </div>
    );
  }
  if (field.kind === 'choice') {
    return (
      <div class="form-field">
        <label for={id}>{t(field.label)}</label>
        <select id={id} value={shown[field.key]} onChange={(e) => change(field, e.currentTarget, true)}>
          {field.choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {t(choice.label)}
            </option>
          ))}
        </select>
      </div>
    );
  }
  return (
    <label class="check">
      <input type="checkbox" checked={shown[field.key]} onChange={(e) => change(field, e.currentTarget, true)} />
      <span>{t(field.label)}</span>
    </label>
  );
}
