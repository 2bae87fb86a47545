/** Backup files: export, parse (pure), apply. The format is in ./format.ts. */
export {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  MAX_BACKUP_BYTES,
  toBackupRule,
  type BackupFile,
  type BackupRule,
  type BackupSettings,
  type BackupSummary,
} from './format';
export { backupFileName, buildBackup, exportBackup, serializeBackup } from './export';
export { formatMegabytes, parseBackup, type ParsedBackup } from './parse';
export { checkBackup, type BackupCheck } from './validate';
export {
  applyBackup,
  describeImport,
  importBackup,
  planBookmarks,
  planRules,
  type ApplyResult,
  type ImportCounts,
  type ImportMode,
} from './apply';
export { locateJsonError, type JsonProblem } from './json-error';
