/**
 * Backup (DESIGN.md sections 5 and 6): **Export backup** downloads
 * `lamplight-backup-YYYY-MM-DD.json`; **Import backup** reads a file, says what it holds, and
 * merges (default) or replaces (after an inline confirmation). The outcome goes to a
 * role="status" region, or the exact problem to a role="alert" region.
 */
import { useId, useRef, useState } from 'preact/hooks';
import { applyBackup, type ImportMode } from '../lib/backup/apply';
import { backupFileName, exportBackup, serializeBackup } from '../lib/backup/export';
import { MAX_BACKUP_BYTES, type BackupFile, type BackupSummary } from '../lib/backup/format';
import { parseBackup } from '../lib/backup/parse';
import { Confirm } from './Confirm';
import { downloadText } from './download';
import { errorText } from './hooks';
import { plural } from './rules';

/** "3 rules, 2 bookmarks, settings" */
export function describeSummary(s: BackupSummary): string {
  const parts = [plural(s.rules, 'rule'), plural(s.bookmarks, 'bookmark')];
  if (s.settings) parts.push('settings');
  return parts.join(', ');
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
        text: `Saved ${name} (${plural(backup.filters.length, 'rule')}, ${plural(backup.bookmarks.length, 'bookmark')}, settings)`,
      });
    } catch (err) {
      report({ ok: false, error: `Could not export: ${errorText(err)}` });
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
      report({ ok: false, error: refused.ok ? 'File is too large' : refused.error });
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch (err) {
      report({ ok: false, error: `Could not read ${file.name}: ${errorText(err)}` });
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
      report({ ok: false, error: `Import failed: ${errorText(err)}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="backup">
      <div class="backup-row">
        <div class="backup-part">
          <p class="muted">Your rules, bookmarks and settings in one file, to keep or to move to another browser.</p>
          <button type="button" class="primary" disabled={busy} onClick={() => void exportNow()}>
            Export backup
          </button>
        </div>
        <div class="backup-part">
          <label for={`${id}-file`} class="file-label">
            Import backup
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
            A lamplight-backup file. Nothing changes until you choose Merge or Replace.
          </p>
        </div>
      </div>
      {pending && (
        <div class="import-choice" role="group" aria-label="Import this backup">
          <p>
            <strong>{pending.name}</strong> holds {describeSummary(pending.summary)}.
          </p>
          <p class="muted">
            Merge adds what is new and keeps what you have. Replace makes Lamplight exactly like the file.
          </p>
          {confirmReplace ? (
            <Confirm
              label="Confirm replace"
              action="Replace everything"
              onConfirm={() => void importNow('replace')}
              onCancel={() => setConfirmReplace(false)}
            >
              Replace your rules, bookmarks and settings with the file's? Anything not in the file is removed.
            </Confirm>
          ) : (
            <div class="form-actions">
              <button type="button" class="primary" disabled={busy} onClick={() => void importNow('merge')}>
                Merge
              </button>
              <button type="button" disabled={busy} onClick={() => setConfirmReplace(true)}>
                Replace
              </button>
              <button type="button" class="link-button" disabled={busy} onClick={resetFile}>
                Cancel
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
