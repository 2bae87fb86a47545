/**
 * The reader's settings on the options page: the same controls as the in-page settings panel
 * (READER_SETTING_FIELDS), plus continuing past the adult-content notice. Writes through
 * saveReaderSettings; open tabs follow through the storage watcher.
 */
import { useEffect, useId, useState } from 'preact/hooks';
import { browser, type PublicPath } from 'wxt/browser';
import { t } from '../lib/i18n';
import {
  DEFAULT_READER_SETTINGS,
  READER_SETTING_FIELDS,
  sameReaderSettings,
  updateReaderSetting,
  type ReaderSettingField,
  type ReaderSettings,
} from '../lib/reader/settings';
import { DYSLEXIC_FACES, DYSLEXIC_FAMILY, FONT_STACKS } from '../lib/reader/style';
import { saveReaderSettings } from '../lib/storage/settings';
import { errorText, useReaderSettings } from './hooks';

/** The in-page panel's fields and the adult-content toggle (labels read when the form is drawn). */
const fields = (): readonly ReaderSettingField[] => [
  ...READER_SETTING_FIELDS,
  { kind: 'toggle', key: 'skipAdultGate', label: t('readerSettingsSkipAdultGate') },
];

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
  const change = (key: keyof ReaderSettings, value: unknown, store: boolean) => {
    const next = updateReaderSetting(shown, key, value);
    setShown(next);
    if (store) save({ [key]: next[key] });
  };
  const allFields = fields();

  return (
    <div class="reader-settings">
      <div class="settings-grid">
        {allFields.filter((field) => field.kind !== 'toggle').map((field) => {
          const fid = `${id}-${field.key}`;
          if (field.kind === 'range') {
            const value = shown[field.key];
            return (
              <div class="form-field" key={field.key}>
                <div class="label-row">
                  <label for={fid}>{field.label}</label>
                  <output for={fid}>{field.format(value)}</output>
                </div>
                <input
                  id={fid}
                  type="range"
                  min={field.range.min}
                  max={field.range.max}
                  step={field.range.step}
                  value={value}
                  aria-valuetext={field.format(value)}
                  onInput={(e) => change(field.key, Number(e.currentTarget.value), false)}
                  onChange={(e) => change(field.key, Number(e.currentTarget.value), true)}
                />
              </div>
            );
          }
          if (field.kind === 'choice') {
            return (
              <div class="form-field" key={field.key}>
                <label for={fid}>{field.label}</label>
                <select id={fid} value={shown[field.key]} onChange={(e) => change(field.key, e.currentTarget.value, true)}>
                  {field.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              </div>
            );
          }
          return null;
        })}
      </div>
      <div class="settings-toggles">
        {allFields.map(
          (field) =>
            field.kind === 'toggle' && (
              <label class="check" key={field.key}>
                <input
                  type="checkbox"
                  checked={shown[field.key]}
                  onChange={(e) => change(field.key, e.currentTarget.checked, true)}
                />
                <span>{field.label}</span>
              </label>
            ),
        )}
      </div>
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
