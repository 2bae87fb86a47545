/**
 * Backup (docs/ARCHITECTURE.md section 6): **Export backup** downloads
 * `lamplight-backup-YYYY-MM-DD.json`; **Import backup** reads a file, says what it holds, and
 * merges (default) or replaces (after an inline confirmation). The outcome goes to a
 * role="status" region, or the exact problem to a role="alert" region.
 */
import { useId, useRef, useState } from 'preact/hooks';
import { applyBackup, type ImportMode } from '../lib/backup/apply';
import { backupFileName, exportBackup, serializeBackup } from '../lib/backup/export';
import { MAX_BACKUP_BYTES, type BackupFile, type BackupSummary } from '../lib/backup/format';
import { parseBackup } from '../lib/backup/parse';
import { t } from '../lib/i18n';
import { Confirm } from './Confirm';
import { downloadText } from './download';
import { errorText } from './hooks';
import { countText, tx } from './text';

/** "3 rules, 2 bookmarks, settings" */
export function describeSummary(s: BackupSummary): string {
  const rules = countText('backupRules', s.rules);
  const bookmarks = countText('backupBookmarks', s.bookmarks);
  return t(s.settings ? 'backupContentsWithSettings' : 'backupContents', rules, bookmarks);
}

type Pending = { name: string; backup: BackupFile; summary: BackupSummary };

export function BackupPanel(props: { onImported?: () => void }) {
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [confirmReplace, setConfirmReplace] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [alert, setAlert] = useState<string | null>(null);

  const report = (outcome: { ok: true; text: string } | { ok: false; error: string }) => {
    if (outcome.ok) {
      setAlert(null);
      setStatus(outcome.text);
    } else {
      setStatus('');
      setAlert(outcome.error);
    }
  };

  const exportNow = async () => {
    setBusy(true);
    try {
      const now = new Date();
      const backup = await exportBackup(now);
      const name = backupFileName(now);
      downloadText(name, serializeBackup(backup));
      report({
        ok: true,
        text: t(
          'backupSaved',
          name,
          describeSummary({ rules: backup.filters.length, bookmarks: backup.bookmarks.length, settings: true }),
        ),
      });
    } catch (err) {
      report({ ok: false, error: t('backupCouldNotExport', errorText(err)) });
    } finally {
      setBusy(false);
    }
  };

  const resetFile = () => {
    setPending(null);
    setConfirmReplace(false);
    if (fileInput.current) fileInput.current.value = '';
  };

  const pick = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    setPending(null);
    setConfirmReplace(false);
    setStatus('');
    setAlert(null);
    if (!file) return;
    // parseBackup refuses by size; say so before reading a huge file into memory.
    if (file.size > MAX_BACKUP_BYTES) {
      const refused = parseBackup('', file.size);
      report({ ok: false, error: refused.ok ? t('backupFileTooLarge') : refused.error });
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch (err) {
      report({ ok: false, error: t('backupCouldNotRead', file.name, errorText(err)) });
      return;
    }
    const parsed = parseBackup(text, file.size);
    if (!parsed.ok) {
      report({ ok: false, error: parsed.error });
      return;
    }
    setPending({ name: file.name, backup: parsed.backup, summary: parsed.summary });
  };

  const importNow = async (mode: ImportMode) => {
    if (!pending) return;
    setBusy(true);
    setConfirmReplace(false);
    try {
      const result = await applyBackup(pending.backup, mode);
      report(result.ok ? { ok: true, text: result.message } : result);
      if (result.ok) {
        resetFile();
        props.onImported?.();
      }
    } catch (err) {
      report({ ok: false, error: t('backupImportFailed', errorText(err)) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="backup">
      <div class="backup-row">
        <div class="backup-part">
          <p class="muted">{t('backupIntro')}</p>
          <button type="button" class="primary" disabled={busy} onClick={() => void exportNow()}>
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
      {pending && (
        <div class="import-choice" role="group" aria-label={t('backupImportGroup')}>
          <p>{tx('backupHolds', <strong>{pending.name}</strong>, describeSummary(pending.summary))}</p>
          <p class="muted">{t('backupMergeOrReplace')}</p>
          {confirmReplace ? (
            <Confirm
              label={t('backupConfirmReplace')}
              action={t('backupReplaceEverything')}
              onConfirm={() => void importNow('replace')}
              onCancel={() => setConfirmReplace(false)}
            >
              {t('backupReplaceQuestion')}
            </Confirm>
          ) : (
            <div class="form-actions">
              <button type="button" class="primary" disabled={busy} onClick={() => void importNow('merge')}>
                {t('backupMerge')}
              </button>
              <button type="button" disabled={busy} onClick={() => setConfirmReplace(true)}>
                {t('backupReplace')}
              </button>
              <button type="button" class="link-button" disabled={busy} onClick={resetFile}>
                {t('commonCancel')}
              </button>
            </div>
          )}
        </div>
      )}
      <p role="status" class="status-line">
        {status}
      </p>
      {alert && (
        <p role="alert" class="field-error">
          {alert}
        </p>
      )}
    </div>
  );
}
