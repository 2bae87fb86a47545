/**
 * Backup (docs/ARCHITECTURE.md section 6): **Export backup** downloads
 * `lamplight-backup-YYYY-MM-DD.json`; **Import backup** reads a file, says what it holds, and
 * merges (default) or replaces (after an inline confirmation). The outcome goes to a
 * role="status" region, or the exact problem to a role="alert" region.
 */
import { useId, useRef, useState } from 'preact/hooks';
import { applyBackup, type ImportMode } from '../../lib/backup/apply';
import { backupFileName, exportBackup, serializeBackup } from '../../lib/backup/export';
import { t } from '../../lib/i18n';
import { downloadText } from '../download';
import { errorText } from '../hooks';
import { ImportChoice } from './ImportChoice';
import { readBackupFile, type PickedBackup } from './read-file';
import { describeSummary } from './summary';

type Outcome = { ok: true; text: string } | { ok: false; error: string };

/** Downloads a backup of everything; what to say about it. */
async function exportToFile(): Promise<Outcome> {
  try {
    const now = new Date();
    const backup = await exportBackup(now);
    const name = backupFileName(now);
    downloadText(name, serializeBackup(backup));
    const summary = describeSummary({
      rules: backup.filters.length,
      bookmarks: backup.bookmarks.length,
      settings: true,
      history: backup.history?.works.length ?? null,
    });
    return { ok: true, text: t('backupSaved', name, summary) };
  } catch (err) {
    return { ok: false, error: t('backupCouldNotExport', errorText(err)) };
  }
}

export function BackupPanel(props: { onImported?: () => void }) {
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [picked, setPicked] = useState<PickedBackup | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const whileBusy = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  };

  const resetFile = () => {
    setPicked(null);
    if (fileInput.current) fileInput.current.value = '';
  };

  const pick = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    setPicked(null);
    setOutcome(null);
    if (!file) return;
    const read = await readBackupFile(file);
    if (read.ok) setPicked(read.picked);
    else setOutcome(read);
  };

  const importAs = (mode: ImportMode) =>
    whileBusy(async () => {
      if (!picked) return;
      try {
        const result = await applyBackup(picked.backup, mode);
        setOutcome(result.ok ? { ok: true, text: result.message } : result);
        if (result.ok) {
          resetFile();
          props.onImported?.();
        }
      } catch (err) {
        setOutcome({ ok: false, error: t('backupImportFailed', errorText(err)) });
      }
    });

  return (
    <div class="backup">
      <div class="backup-row">
        <div class="backup-part">
          <p class="muted">{t('backupIntro')}</p>
          <button type="button" class="primary" disabled={busy} onClick={() => void whileBusy(async () => setOutcome(await exportToFile()))}>
            {t('backupExport')}
          </button>
        </div>
        <div class="backup-part">
          <label for={`${id}-file`} class="file-label">
            {t('backupImport')}
          </label>
          <input
            id={`${id}-file`}
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            aria-describedby={`${id}-file-hint`}
            disabled={busy}
            onChange={(e) => void pick(e.currentTarget)}
          />
          <p id={`${id}-file-hint`} class="hint">
            {t('backupImportHint')}
          </p>
        </div>
      </div>
      {picked && <ImportChoice picked={picked} busy={busy} onImport={(mode) => void importAs(mode)} onCancel={resetFile} />}
      <p role="status" class="status-line">
        {outcome?.ok ? outcome.text : ''}
      </p>
      {outcome && !outcome.ok && (
        <p role="alert" class="field-error">
          {outcome.error}
        </p>
      )}
    </div>
  );
}
