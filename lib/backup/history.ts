/**
 * The reading history in a backup file (version 2, format in ./format.ts): built from the stored
 * records, and checked back into entries. Pure. Each work is the stored record
 * (lib/storage/history-codec.ts) with its version replaced by site and work id and its fandom ids
 * by indexes into the file's fandom list, so a work is checked by the same code as storage's.
 */
import { compareBookmarksById } from '../bookmarks/merge';
import type { HistoryEntry } from '../history/types';
import { t } from '../i18n';
import { isPlainObject, show } from '../check';
import { decodeHistory, encodeHistory, HISTORY_VERSION, historyStorageKey, workOfHistoryKey, type StoredHistory } from '../storage/history-codec';
import type { BackupHistory, BackupHistoryWork } from './format';

/** Fields of a work in the file: site and id, then 9 or 12 of the stored record. */
const SHORT = 11;
const LONG = 14;
/** Fandom indexes travel through the codec as 4-character ids. */
const ID_LENGTH = 4;
const MAX_INDEX = 36 ** ID_LENGTH - 1;
const indexId = (i: number): string => i.toString(36).padStart(ID_LENGTH, '0');

/** The history section of a backup of these records (`names`: fandom id → name). */
export function buildBackupHistory(records: readonly StoredHistory[], names: ReadonlyMap<string, string>): BackupHistory {
  const fandoms: string[] = [];
  const indexOf = new Map<string, number>();
  const works = [...records].sort(compareBookmarksById).map((record): BackupHistoryWork => {
    const indexes: number[] = [];
    for (const id of record.fandomIds) {
      const name = names.get(id);
      if (name === undefined) continue;
      let index = indexOf.get(name);
      if (index === undefined) indexOf.set(name, (index = fandoms.push(name) - 1));
      if (!indexes.includes(index)) indexes.push(index);
    }
    const [, title, creators, , ...rest] = encodeHistory(record);
    return [record.site, record.workId, title as string, creators as string[], indexes, ...rest];
  });
  return { fandoms, works };
}

export type HistoryCheck = { ok: true; history: BackupHistory; entries: HistoryEntry[] } | { ok: false; error: string };

const at = (where: string, problem: string): string => t('backupProblemAt', where, problem);

function checkFandoms(input: unknown): string | null {
  if (!Array.isArray(input)) return t('backupMustBe', 'history.fandoms', t('backupKindList'), show(input));
  if (input.length > MAX_INDEX + 1) return at('history.fandoms', t('backupHistoryTooManyFandoms', MAX_INDEX + 1));
  const bad = input.findIndex((name) => typeof name !== 'string' || name === '');
  return bad === -1 ? null : at(`history.fandoms[${bad}]`, t('backupHistoryFandomName', show(input[bad])));
}

/** One work of the file → its entry, or what is wrong with it. */
function checkWork(work: unknown, fandoms: readonly string[]): { ok: true; entry: HistoryEntry } | { ok: false; error: string } {
  if (!Array.isArray(work)) return { ok: false, error: t('backupHistoryMustBeList', show(work)) };
  if (work.length !== SHORT && work.length !== LONG) return { ok: false, error: t('backupHistoryFieldCount', work.length, SHORT, LONG) };
  const [site, workId, title, creators, indexes, ...rest] = work as unknown[];
  const key = typeof site === 'string' && typeof workId === 'string' ? historyStorageKey(site as 'ao3', workId) : '';
  if (workOfHistoryKey(key) === null) return { ok: false, error: t('backupHistoryWork', show(site), show(workId)) };
  if (!Array.isArray(indexes) || !indexes.every((i) => Number.isInteger(i) && i >= 0 && i < fandoms.length)) {
    return { ok: false, error: t('backupHistoryFandoms', show(indexes), fandoms.length) };
  }
  const ids = (indexes as number[]).map(indexId).join('');
  const decoded = decodeHistory(key, [HISTORY_VERSION, title, creators, ids, ...rest]);
  if (!decoded.ok) return { ok: false, error: decoded.error };
  const { fandomIds, ...entry } = decoded.entry;
  return { ok: true, entry: { ...entry, fandoms: [...new Set(fandomIds.map((id) => fandoms[parseInt(id, 36)] as string))] } };
}

/** The file's `history` checked completely: the first problem, with its place, or every entry. */
export function checkBackupHistory(input: unknown): HistoryCheck {
  if (!isPlainObject(input)) return { ok: false, error: t('backupMustBe', 'history', t('backupKindObject'), show(input)) };
  for (const key of Object.keys(input)) {
    if (key !== 'fandoms' && key !== 'works') return { ok: false, error: at('history', t('backupUnknownField', key)) };
  }
  for (const key of ['fandoms', 'works']) {
    if (input[key] === undefined) return { ok: false, error: at('history', t('backupMissing', key)) };
  }
  const fandomProblem = checkFandoms(input.fandoms);
  if (fandomProblem !== null) return { ok: false, error: fandomProblem };
  const fandoms = input.fandoms as string[];
  if (!Array.isArray(input.works)) return { ok: false, error: t('backupMustBe', 'history.works', t('backupKindList'), show(input.works)) };
  const entries: HistoryEntry[] = [];
  const seen = new Map<string, number>();
  for (const [index, work] of (input.works as unknown[]).entries()) {
    const where = `history.works[${index}]`;
    const checked = checkWork(work, fandoms);
    if (!checked.ok) return { ok: false, error: at(where, checked.error) };
    const id = `${checked.entry.site}:${checked.entry.workId}`;
    const first = seen.get(id);
    if (first !== undefined) return { ok: false, error: at(where, t('backupSameWork', `history.works[${first}]`, id)) };
    seen.set(id, index);
    entries.push(checked.entry);
  }
  return { ok: true, history: { fandoms: [...fandoms], works: (input.works as BackupHistoryWork[]).map((w) => [...w] as BackupHistoryWork) }, entries };
}
