/**
 * Import a checked backup. All or nothing: the whole backup is validated and the new state
 * computed before the first write, which lib/storage's `writeAllOrNothing` then makes.
 */
import { mergeBookmarkLists } from '../bookmarks/merge';
import { bookmarkKey, type Bookmark } from '../bookmarks/types';
import type { Rule } from '../filters/types';
import { newRuleId, ruleKey, validateRule } from '../filters/validate';
import { t, tn } from '../i18n';
import { DEFAULT_READER_SETTINGS, type ReaderSettings } from '../reader/settings';
import { BOOKMARK_PREFIX, bookmarkStorageKey, bookmarkWrites, getAllBookmarks } from '../storage/bookmarks';
import { withChangesPaused } from '../storage/changes';
import { jsonEqual } from '../check';
import { appSettingsItem, filterRulesItem, readerSettingsItem } from '../storage/items';
import { readAllHistory } from '../storage/history-all';
import { withKeyLock } from '../storage/lock';
import { writeAllOrNothing, type StorageWrite } from '../storage/transaction';
import { loadRules, rulesWrite } from '../storage/rules';
import {
  APP_SETTINGS_SPEC,
  READER_SETTINGS_SPEC,
  loadAppSettings,
  loadReaderSettings,
  settingsWrite,
} from '../storage/settings';
import { DEFAULT_APP_SETTINGS, type AppSettings } from '../storage/validate';
import type { BackupFile, BackupRule } from './format';
import { parseBackup } from './parse';
import { historyStorage } from './apply-history';
import { checkBackup, checkedHistory, isCheckedBackup } from './validate';

export type ImportMode = 'merge' | 'replace';

export interface ImportCounts {
  mode: ImportMode;
  /** Rules added (merge: new ones; replace: all in the file). */
  rules: number;
  /** Rules in the file that were already there (merge). */
  rulesAlreadyThere: number;
  /** Rules that were there and are gone (replace). */
  rulesRemoved: number;
  /** Bookmarks added or changed. */
  bookmarks: number;
  bookmarksAdded: number;
  bookmarksUpdated: number;
  /** Bookmarks in the file whose stored copy was as new or newer (merge), or identical. */
  bookmarksUnchanged: number;
  /** Bookmarks that were there and are gone (replace). */
  bookmarksRemoved: number;
  /** The file held settings and they were applied. */
  settings: boolean;
  /** Works of the reading history added or changed (replace: all in the file); null: the file has no history (version 1). */
  history: number | null;
  historyAdded: number;
  historyUpdated: number;
  historyUnchanged: number;
  historyRemoved: number;
}

export type ApplyResult =
  | { ok: true; counts: ImportCounts; message: string }
  | { ok: false; error: string };

/** "Imported 3 rules and 2 bookmarks" (+ what else happened), for the status region. */
export function describeImport(c: ImportCounts): string {
  // Counts as plain digits ("Imported 1989 rules and 10000 bookmarks"): the bench reads them back.
  const rules = tn('backupRules', c.rules, c.rules);
  const bookmarks = tn('backupBookmarks', c.bookmarks, c.bookmarks);
  const base = t(c.settings ? 'backupImportedWithSettings' : 'backupImported', rules, bookmarks);
  const text = !c.history ? base : t('backupImportedHistory', base, tn('backupHistoryWorks', c.history, c.history));
  let note: string | null = null;
  if (c.mode === 'merge') {
    const same = c.rulesAlreadyThere + c.bookmarksUnchanged + c.historyUnchanged;
    if (same > 0) note = tn('backupUpToDate', same);
  } else {
    const removed = c.rulesRemoved + c.bookmarksRemoved + c.historyRemoved;
    if (removed > 0) note = tn('backupRemoved', removed);
  }
  return note === null ? text : t('backupImportedNote', text, note);
}

function withId(rule: BackupRule, id: string): Rule {
  const result = validateRule({ ...rule, id });
  if (!result.ok) throw new Error(`internal: a checked rule failed validation: ${result.error}`);
  return result.rule;
}

/** Pure: the rules after the import. */
export function planRules(
  existing: readonly Rule[],
  incoming: readonly BackupRule[],
  mode: ImportMode,
  newId: () => string,
): { rules: Rule[]; added: number; alreadyThere: number; removed: number } {
  const key = (r: BackupRule | Rule) => ruleKey(r as Rule);
  if (mode === 'merge') {
    const have = new Set(existing.map(key));
    const rules = [...existing];
    let added = 0;
    for (const r of incoming) {
      const k = key(r);
      if (have.has(k)) continue;
      have.add(k);
      rules.push(withId(r, newId()));
      added++;
    }
    return { rules, added, alreadyThere: incoming.length - added, removed: 0 };
  }
  // Replace: the file's rules in the file's order; a rule that was already there keeps its id.
  const idByKey = new Map<string, string>();
  for (const r of existing) if (!idByKey.has(key(r))) idByKey.set(key(r), r.id);
  const incomingKeys = new Set(incoming.map(key));
  const rules = incoming.map((r) => withId(r, idByKey.get(key(r)) ?? newId()));
  const removed = existing.filter((r) => !incomingKeys.has(key(r))).length;
  return { rules, added: rules.length, alreadyThere: 0, removed };
}

/** Pure: bookmark writes and removals for the import. */
export function planBookmarks(
  existing: readonly Bookmark[],
  incoming: readonly Bookmark[],
  mode: ImportMode,
): { write: Bookmark[]; remove: Bookmark[]; added: number; updated: number; unchanged: number } {
  if (mode === 'merge') {
    const m = mergeBookmarkLists(existing, incoming, jsonEqual);
    return {
      write: [...m.added, ...m.updated],
      remove: [],
      added: m.added.length,
      updated: m.updated.length,
      unchanged: m.unchanged,
    };
  }
  const before = new Map(existing.map((b) => [bookmarkKey(b.site, b.workId), b]));
  const keep = new Set<string>();
  const write: Bookmark[] = [];
  let added = 0;
  let updated = 0;
  for (const b of incoming) {
    const k = bookmarkKey(b.site, b.workId);
    keep.add(k);
    const old = before.get(k);
    if (!old) added++;
    else if (jsonEqual(old, b)) continue;
    else updated++;
    write.push(b);
  }
  const remove = existing.filter((b) => !keep.has(bookmarkKey(b.site, b.workId)));
  return { write, remove, added, updated, unchanged: incoming.length - write.length };
}

async function apply(backup: BackupFile, mode: ImportMode): Promise<ApplyResult> {
  const incomingHistory = checkedHistory(backup);
  const [rulesNow, bookmarksNow, readerNow, appNow, historyNow] = await Promise.all([
    loadRules(),
    getAllBookmarks(),
    loadReaderSettings(),
    loadAppSettings(),
    // A version-1 file leaves the history alone: not even read.
    incomingHistory === null ? { records: [], names: new Map<string, string>() } : readAllHistory(),
  ]);
  const rules = planRules(rulesNow, backup.filters, mode, newRuleId);
  const marks = planBookmarks(bookmarksNow, backup.bookmarks, mode);
  const readerBase: ReaderSettings = mode === 'merge' ? readerNow : DEFAULT_READER_SETTINGS;
  const appBase: AppSettings = mode === 'merge' ? appNow : DEFAULT_APP_SETTINGS;
  const reader = { ...readerBase, ...backup.settings.reader };
  const app = { ...appBase, ...backup.settings.app };

  let history: ReturnType<typeof historyStorage>;
  try {
    history = historyStorage(historyNow, incomingHistory, mode);
  } catch (err) {
    return { ok: false, error: t('backupSaveFailed', err instanceof Error ? err.message : String(err)) };
  }

  const writes: StorageWrite[] = [];
  if (!jsonEqual(rules.rules, rulesNow)) writes.push(...rulesWrite(rules.rules));
  if (!jsonEqual(reader, readerNow)) writes.push(...settingsWrite(READER_SETTINGS_SPEC, reader));
  if (!jsonEqual(app, appNow)) writes.push(...settingsWrite(APP_SETTINGS_SPEC, app));
  writes.push(...bookmarkWrites(marks.write), ...history.writes);
  const removals = [...marks.remove.map((b) => bookmarkStorageKey(b.site, b.workId)), ...history.removals];

  // A bookmark key that getAllBookmarks did not return holds nothing: no need to read it back.
  const stored = new Set(bookmarksNow.map((b) => bookmarkStorageKey(b.site, b.workId)));
  const written = await writeAllOrNothing({
    writes,
    removals,
    knownEmpty: (key) => (key.startsWith(`local:${BOOKMARK_PREFIX}`) && !stored.has(key)) || history.knownEmpty(key),
  });
  if (!written.ok) {
    return {
      ok: false,
      error: written.undoError === undefined ? t('backupSaveFailed', written.error) : t('backupPartlyFailed', written.error, written.undoError),
    };
  }

  const settingsInFile =
    Object.keys(backup.settings.reader ?? {}).length + Object.keys(backup.settings.app ?? {}).length > 0;
  const counts: ImportCounts = {
    mode,
    rules: rules.added,
    rulesAlreadyThere: rules.alreadyThere,
    rulesRemoved: rules.removed,
    bookmarks: marks.added + marks.updated,
    bookmarksAdded: marks.added,
    bookmarksUpdated: marks.updated,
    bookmarksUnchanged: marks.unchanged,
    bookmarksRemoved: marks.remove.length,
    settings: settingsInFile,
    history: incomingHistory === null ? null : history.plan.added + history.plan.updated,
    historyAdded: history.plan.added,
    historyUpdated: history.plan.updated,
    historyUnchanged: history.plan.unchanged,
    historyRemoved: history.plan.remove.length,
  };
  if (mode === 'replace') {
    counts.bookmarks = backup.bookmarks.length;
    if (incomingHistory !== null) counts.history = incomingHistory.length;
  }
  return { ok: true, counts, message: describeImport(counts) };
}

/**
 * Store a backup. `merge` (the default): rules deduplicated by `ruleKey`, bookmarks per work
 * with the newest `readAt` winning, settings in the file over the current ones, the reading
 * history merged per work (lib/history/merge.ts). `replace`: exactly the backup's content
 * (settings not in the file return to their defaults). A file without a history (version 1)
 * leaves the history as it is in both modes.
 * The backup is checked again first (unless checkBackup made it); a bad one changes nothing.
 */
export async function applyBackup(backup: unknown, mode: ImportMode = 'merge'): Promise<ApplyResult> {
  const check = isCheckedBackup(backup) ? { ok: true as const, backup } : checkBackup(backup);
  if (!check.ok) return { ok: false, error: check.error };
  if (mode !== 'merge' && mode !== 'replace') return { ok: false, error: t('backupUnknownMode', String(mode)) };
  // Keep this context's own rule and settings edits from interleaving with the import. This
  // context skips the storage events of its own writes (see withChangesPaused); its watchers
  // read afresh afterwards.
  return withKeyLock(filterRulesItem.key, () =>
    withKeyLock(readerSettingsItem.key, () =>
      withKeyLock(appSettingsItem.key, () => withChangesPaused(() => apply(check.backup, mode))),
    ),
  );
}

/** parseBackup, then applyBackup: the options page's whole import. */
export async function importBackup(
  text: string,
  byteSize: number,
  mode: ImportMode = 'merge',
): Promise<ApplyResult> {
  const parsed = parseBackup(text, byteSize);
  if (!parsed.ok) return parsed;
  return applyBackup(parsed.backup, mode);
}
