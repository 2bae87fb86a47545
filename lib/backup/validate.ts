/**
 * Check a parsed backup completely, before anything is written. Pure.
 * The first problem is reported, as `<where>: <what>` (`bookmarks[3]: missing workId`);
 * indexes count from 0, as in the file's lists.
 */
import { bookmarkKey, type Bookmark } from '../bookmarks/types';
import type { HistoryEntry } from '../history/types';
import { validateBookmarkEntry } from '../bookmarks/validate';
import { ruleKey, validateRule } from '../filters/validate';
import { t } from '../i18n';
import { isoDate, isPlainObject, mustBe, show } from '../check';
import { APP_SETTINGS_SCHEMA, READER_SETTINGS_SCHEMA, validateSettingsPatch } from '../storage/validate';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  isRuleKey,
  toBackupRule,
  type BackupFile,
  type BackupRule,
  type BackupSettings,
  type BackupSummary,
} from './format';
import { checkBackupHistory } from './history';
import { migrateBackup, TOP_KEYS_BY_VERSION } from './migrations';

export type BackupCheck =
  | { ok: true; backup: BackupFile; summary: BackupSummary }
  | { ok: false; error: string };


function kindOf(value: unknown): string {
  if (Array.isArray(value)) return t('backupKindList');
  // JSON's own words.
  if (value === null) return 'null';
  if (typeof value === 'boolean') return `${value}`;
  if (typeof value === 'string') return t('backupKindText');
  if (typeof value === 'number') return t('backupKindNumber');
  return t('backupKindObject');
}

/** `filters[2]: <problem>` */
const at = (where: string, problem: string): string => t('backupProblemAt', where, problem);

const fail = (error: string): BackupCheck => ({ ok: false, error });

function checkRules(input: unknown): { ok: true; rules: BackupRule[] } | { ok: false; error: string } {
  if (!Array.isArray(input)) return { ok: false, error: t('backupMustBe', 'filters', t('backupKindList'), show(input)) };
  const rules: BackupRule[] = [];
  const seen = new Set<string>();
  for (const [index, entry] of input.entries()) {
    const where = `filters[${index}]`;
    if (!isPlainObject(entry)) return { ok: false, error: at(where, t('backupMustBeObject', show(entry))) };
    for (const key of Object.keys(entry)) {
      if (!isRuleKey(key)) return { ok: false, error: at(where, t('backupUnknownField', key)) };
    }
    // Ids belong to one install: a file's id is ignored, import gives a new one.
    const { id: _ignored, ...rest } = entry;
    const result = validateRule(rest);
    if (!result.ok) return { ok: false, error: at(where, result.error) };
    // The same rule twice in a file is one rule.
    const key = ruleKey(result.rule);
    if (seen.has(key)) continue;
    seen.add(key);
    rules.push(toBackupRule(result.rule));
  }
  return { ok: true, rules };
}

function checkBookmarks(
  input: unknown,
): { ok: true; bookmarks: Bookmark[] } | { ok: false; error: string } {
  if (!Array.isArray(input)) return { ok: false, error: t('backupMustBe', 'bookmarks', t('backupKindList'), show(input)) };
  const bookmarks: Bookmark[] = [];
  const seen = new Map<string, number>();
  for (const [index, entry] of input.entries()) {
    const where = `bookmarks[${index}]`;
    const result = validateBookmarkEntry(entry);
    if (!result.ok) return { ok: false, error: at(where, result.error) };
    const key = bookmarkKey(result.bookmark.site, result.bookmark.workId);
    const first = seen.get(key);
    if (first !== undefined) {
      return { ok: false, error: at(where, t('backupSameWork', `bookmarks[${first}]`, key)) };
    }
    seen.set(key, index);
    bookmarks.push(result.bookmark);
  }
  return { ok: true, bookmarks };
}

function checkSettings(
  input: unknown,
): { ok: true; settings: BackupSettings } | { ok: false; error: string } {
  if (!isPlainObject(input)) return { ok: false, error: t('backupMustBe', 'settings', t('backupKindObject'), show(input)) };
  for (const key of Object.keys(input)) {
    if (key !== 'reader' && key !== 'app') return { ok: false, error: at('settings', t('backupUnknownField', key)) };
  }
  const settings: BackupSettings = {};
  if (input.reader !== undefined) {
    const r = validateSettingsPatch(input.reader, READER_SETTINGS_SCHEMA);
    if (!r.ok) return { ok: false, error: at('settings.reader', r.error) };
    settings.reader = r.value;
  }
  if (input.app !== undefined) {
    const a = validateSettingsPatch(input.app, APP_SETTINGS_SCHEMA);
    if (!a.ok) return { ok: false, error: at('settings.app', a.error) };
    settings.app = a.value;
  }
  return { ok: true, settings };
}

/** A parsed JSON value → a valid backup (with its summary), or the first problem. */
/** Backups this module built and froze: nothing can have changed them since they were checked. */
const checked = new WeakSet<object>();

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The history entries checkBackup made of a backup's `history` (not frozen: 50,000 objects). */
const historyEntries = new WeakMap<object, readonly HistoryEntry[]>();

/** The entries of a checked backup's history; null when the file had none (version 1). */
export const checkedHistory = (backup: BackupFile): readonly HistoryEntry[] | null => historyEntries.get(backup) ?? null;

/** True for a backup returned by checkBackup (the import need not check it again). */
export const isCheckedBackup = (data: unknown): data is BackupFile =>
  typeof data === 'object' && data !== null && checked.has(data);

export function checkBackup(data: unknown): BackupCheck {
  if (!isPlainObject(data)) {
    return fail(t('backupNotObject', kindOf(data)));
  }
  if (data.format === undefined) {
    return fail(t('backupNoFormat', BACKUP_FORMAT));
  }
  if (data.format !== BACKUP_FORMAT) {
    return fail(t('backupWrongFormat', show(data.format), BACKUP_FORMAT));
  }
  const version = data.version;
  if (version === undefined) return fail(t('backupNoVersion'));
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail(t('backupBadVersion', show(version)));
  }
  if (version > BACKUP_VERSION) {
    return fail(t('backupNewerVersion', version));
  }
  // Each version's own fields first (a "history" in a version-1 file is unknown), then forward.
  const topKeys = TOP_KEYS_BY_VERSION[version] ?? [];
  for (const key of Object.keys(data)) {
    if (!topKeys.includes(key)) return fail(t('backupUnknownTopField', key));
  }
  for (const key of topKeys) {
    if (data[key] === undefined) return fail(t('backupMissing', key));
  }
  const file = migrateBackup(data, BACKUP_VERSION);
  const date = isoDate(file.exportedAt);
  if (date !== null) return fail(mustBe('exportedAt', date, file.exportedAt));

  const rules = checkRules(file.filters);
  if (!rules.ok) return fail(rules.error);
  const bookmarks = checkBookmarks(file.bookmarks);
  if (!bookmarks.ok) return fail(bookmarks.error);
  const settings = checkSettings(file.settings);
  if (!settings.ok) return fail(settings.error);
  const history = file.history === undefined ? null : checkBackupHistory(file.history);
  if (history && !history.ok) return fail(history.error);

  const s = settings.settings;
  const backup: BackupFile = deepFreeze({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: file.exportedAt as string,
    filters: rules.rules,
    bookmarks: bookmarks.bookmarks,
    settings: s,
    ...(history ? { history: history.history } : {}),
  });
  checked.add(backup);
  if (history) historyEntries.set(backup, history.entries);
  return {
    ok: true,
    backup,
    summary: {
      rules: rules.rules.length,
      bookmarks: bookmarks.bookmarks.length,
      settings: Object.keys(s.reader ?? {}).length + Object.keys(s.app ?? {}).length > 0,
      history: history ? history.entries.length : null,
    },
  };
}
