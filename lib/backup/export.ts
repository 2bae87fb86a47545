/**
 * Write a backup. Deterministic: two exports with nothing changed in between differ only in
 * `exportedAt` (rules in the reader's order, bookmarks and the history's works by site then work
 * id, keys in a fixed order everywhere).
 */
import { compareBookmarksById } from '../bookmarks/merge';
import type { Bookmark } from '../bookmarks/types';
import { BOOKMARK_FIELDS } from '../bookmarks/validate';
import type { Rule } from '../filters/types';
import type { ReaderSettings } from '../reader/settings';
import { getAllBookmarks } from '../storage/bookmarks';
import { readAllHistory, type AllHistory } from '../storage/history-all';
import { loadRules } from '../storage/rules';
import { loadAppSettings, loadReaderSettings } from '../storage/settings';
import { APP_SETTINGS_SCHEMA, READER_SETTINGS_SCHEMA, type AppSettings } from '../storage/validate';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  toBackupRule,
  type BackupFile,
  type BackupRule,
  type BackupSettings,
} from './format';
import { buildBackupHistory } from './history';

function pick<T extends object>(order: readonly string[], source: T | undefined): T | undefined {
  if (source === undefined) return undefined;
  const s = source as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of order) if (s[key] !== undefined) out[key] = s[key];
  return out as T;
}

const READER_ORDER = Object.keys(READER_SETTINGS_SCHEMA);
const APP_ORDER = Object.keys(APP_SETTINGS_SCHEMA);

function canonicalSettings(settings: BackupSettings): BackupSettings {
  const out: BackupSettings = {};
  const reader = pick(READER_ORDER, settings.reader);
  const app = pick(APP_ORDER, settings.app);
  if (reader) out.reader = reader;
  if (app) out.app = app;
  return out;
}

/** Pure: the backup of this state (no `history`: an empty one). */
export function buildBackup(
  state: {
    rules: readonly (Rule | BackupRule)[];
    bookmarks: readonly Bookmark[];
    reader: ReaderSettings;
    app: AppSettings;
    history?: AllHistory;
  },
  now: Date = new Date(),
): BackupFile {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    filters: state.rules.map(toBackupRule),
    bookmarks: [...state.bookmarks]
      .sort(compareBookmarksById)
      .map((b) => pick(BOOKMARK_FIELDS, b) as Bookmark),
    settings: canonicalSettings({ reader: state.reader, app: state.app }),
    history: buildBackupHistory(state.history?.records ?? [], state.history?.names ?? new Map()),
  };
}

/** Everything the reader keeps, as a backup (valid data only; damaged data is in quarantine). */
export async function exportBackup(now: Date = new Date()): Promise<BackupFile> {
  const [rules, bookmarks, reader, app, history] = await Promise.all([
    loadRules(),
    getAllBookmarks(),
    loadReaderSettings(),
    loadAppSettings(),
    readAllHistory(),
  ]);
  return buildBackup({ rules, bookmarks, reader, app, history }, now);
}

/**
 * The file's text: the top level and settings indented, one rule, bookmark, fandom or work of the
 * history per line (small files that still read well and diff line by line), keys in a fixed
 * order, a final newline. A file without a history (read from version 1) is written with an empty one.
 */
export function serializeBackup(file: BackupFile): string {
  const list = (items: readonly unknown[], indent = '  '): string =>
    items.length === 0 ? '[]' : `[\n${items.map((x) => `${indent}  ${JSON.stringify(x)}`).join(',\n')}\n${indent}]`;
  const history = file.history ?? { fandoms: [], works: [] };
  const settings = JSON.stringify(canonicalSettings(file.settings), null, 2).replace(/\n/g, '\n  ');
  return [
    '{',
    `  "format": ${JSON.stringify(file.format)},`,
    `  "version": ${JSON.stringify(file.version)},`,
    `  "exportedAt": ${JSON.stringify(file.exportedAt)},`,
    `  "filters": ${list(file.filters.map(toBackupRule))},`,
    `  "bookmarks": ${list([...file.bookmarks].sort(compareBookmarksById).map((b) => pick(BOOKMARK_FIELDS, b)))},`,
    `  "settings": ${settings},`,
    '  "history": {',
    `    "fandoms": ${list(history.fandoms, '    ')},`,
    `    "works": ${list(history.works, '    ')}`,
    '  }',
    '}',
    '',
  ].join('\n');
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `lamplight-backup-YYYY-MM-DD.json`, with the reader's local date. */
export function backupFileName(date: Date = new Date()): string {
  return `lamplight-backup-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.json`;
}
