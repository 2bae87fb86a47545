/** A picked backup file, read and checked before anything is stored. */
import type { BackupFile, BackupSummary } from '../../lib/backup/format';
import { MAX_BACKUP_BYTES } from '../../lib/backup/format';
import { parseBackup } from '../../lib/backup/parse';
import { t } from '../../lib/i18n';
import { errorText } from '../hooks';

export interface PickedBackup {
  name: string;
  backup: BackupFile;
  summary: BackupSummary;
}

export async function readBackupFile(file: File): Promise<{ ok: true; picked: PickedBackup } | { ok: false; error: string }> {
  // parseBackup refuses by size; say so before reading a huge file into memory.
  if (file.size > MAX_BACKUP_BYTES) {
    const refused = parseBackup('', file.size);
    return { ok: false, error: refused.ok ? t('backupFileTooLarge') : refused.error };
  }
  let text: string;
  try {
    text = await file.text();
  } catch (err) {
    return { ok: false, error: t('backupCouldNotRead', file.name, errorText(err)) };
  }
  const parsed = parseBackup(text, file.size);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  return { ok: true, picked: { name: file.name, backup: parsed.backup, summary: parsed.summary } };
}
