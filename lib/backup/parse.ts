/**
 * Read a backup file's text. Pure: nothing is stored here (see ./apply.ts).
 */
import { t } from '../i18n';
import { MAX_BACKUP_BYTES, type BackupFile, type BackupSummary } from './format';
import { locateJsonError } from './json-error';
import { checkBackup } from './validate';

export type ParsedBackup =
  | { ok: true; backup: BackupFile; summary: BackupSummary }
  | { ok: false; error: string };

const MB = 1024 * 1024;

/** "50.0", megabytes rounded up (a file just over the limit never reads as "20.0"). */
const megabytes = (bytes: number): string => (Math.ceil((bytes / MB) * 10) / 10).toFixed(1);

/** "50.0 MB", rounded up (a file just over the limit never reads as "20.0 MB"). */
export const formatMegabytes = (bytes: number): string => `${megabytes(bytes)} MB`;

/**
 * The backup in `text` (the file's contents; `byteSize` its size in bytes, e.g. `File.size`),
 * checked completely, or exactly what is wrong and where. A file over 20 MB is refused
 * before it is parsed.
 */
export function parseBackup(text: string, byteSize: number): ParsedBackup {
  const size = Math.max(byteSize, text.length);
  if (size > MAX_BACKUP_BYTES) {
    return {
      ok: false,
      error: t('backupTooBig', megabytes(size), MAX_BACKUP_BYTES / MB),
    };
  }
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = bom ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, error: t('backupEmptyFile') };
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (err) {
    const problem = locateJsonError(body, bom);
    const detail = problem ? problem.message : err instanceof Error ? err.message : String(err);
    return { ok: false, error: t('backupNotJson', detail) };
  }
  return checkBackup(data);
}
