/**
 * The backup file: a public format. Readers keep these files for years,
 * so every version ever released must keep importing.
 *
 * Version 1:
 * ```
 * { "format": "lamplight-backup", "version": 1, "exportedAt": "<ISO date-time>",
 *   "filters":   [ rule without id … ],
 *   "bookmarks": [ bookmark … ],                  // lib/bookmarks/types.ts, all fields
 *   "settings":  { "reader"?: {…}, "app"?: {…} }  // any subset of the fields
 * }
 * ```
 * Rules carry no `id` (ids are per install; import gives new ones; an `id` in a file is
 * accepted and ignored). Bookmark entries must have the documented fields (`note` may be left
 * out); `paragraph`, `paragraphOffset`, `newChapters`, `status`, `readerMode` may be left out
 * and get their defaults. `chapterUrl` (the page the reader was reading `chapter` on, an http(s)
 * address) is optional and stays absent when left out: it joined version 1 before the first
 * release, so every version-1 file, with or without it, imports.
 *
 * Version 2 adds the reading history (required in a version-2 file):
 * ```
 *   "history": { "fandoms": [ "Fandom name", … ],
 *                "works": [ [ "ao3", "123", "Title", ["creator"], [0, 4], 5, 12, 0, 29397000, 1440, 3 ], … ] }
 * ```
 * One work per line, the stored record of lib/storage/history-codec.ts with its version replaced
 * by the site and work id and its fandom ids by indexes into `fandoms`: site, work id, title,
 * creators, fandoms, chapters seen (N for 1..N, else ranges "1-3,5"), chapters posted (0
 * unknown), finished (1/0), last visit (minutes since 1970), first visit (minutes before the
 * last), visits Lamplight recorded; then, only when AO3's History is known, its last visit (days
 * since 1970), its visit count and flags (1 update available, 2 marked for later). Works sorted
 * by site then work id; fandoms in the order the works first name them.
 * A version-1 file has no history: importing it leaves the history as it is, even with Replace
 * (lib/backup/migrations.ts).
 *
 * Strict on purpose: an unknown field anywhere is refused with its place
 * (`filters[1]: unknown field "colour"`), because silently ignoring a misspelt field would
 * change what the file means. The rule that keeps old files importing: ANY new field, at any
 * level, bumps `version`; an older Lamplight then says "update Lamplight", and this code
 * migrates every older version forward (lib/backup/migrations.ts).
 */
import type { Bookmark } from '../bookmarks/types';
import type { Rule } from '../filters/types';
import type { ReaderSettings } from '../reader/settings';
import type { AppSettings } from '../storage/validate';

export const BACKUP_FORMAT = 'lamplight-backup';
export const BACKUP_VERSION = 2;
/** 20 MiB. An export of 10,000 bookmarks is about 4 MB, of 50,000 works of history about 5 MB. */
export const MAX_BACKUP_BYTES = 20 * 1024 * 1024;

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
export type BackupRule = WithoutId<Rule>;

export interface BackupSettings {
  reader?: Partial<ReaderSettings>;
  app?: Partial<AppSettings>;
}

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  filters: BackupRule[];
  bookmarks: Bookmark[];
  settings: BackupSettings;
  /** Absent only in a file from version 1, which predates the history. */
  history?: BackupHistory;
}

/**
 * One work of the history, as in the file: site, work id, title, creators, fandom indexes, then
 * the stored record's fields from the chapters seen on (lib/storage/history-codec.ts).
 */
export type BackupHistoryWork = [string, string, string, string[], number[], ...unknown[]];

export interface BackupHistory {
  fandoms: string[];
  works: BackupHistoryWork[];
}

export interface BackupSummary {
  /** Distinct rules in the file. */
  rules: number;
  bookmarks: number;
  /** The file holds at least one setting. */
  settings: boolean;
  /** Works in the file's reading history; null for a file from before the history (version 1). */
  history: number | null;
}

/** Every key a rule of any kind may have, so that a key outside it is "unknown field". */
type AllKeys<T> = T extends unknown ? keyof T : never;
const RULE_KEYS: Record<AllKeys<Rule>, true> = {
  id: true,
  field: true,
  pattern: true,
  min: true,
  max: true,
  value: true,
  action: true,
  enabled: true,
  workTitle: true,
  workCreator: true,
  alsoCovers: true,
  status: true,
  seriesTitle: true,
  scope: true,
  note: true,
};
export const RULE_KEY_ORDER = Object.keys(RULE_KEYS).filter((k) => k !== 'id') as AllKeys<BackupRule>[];
export const isRuleKey = (key: string): boolean => Object.hasOwn(RULE_KEYS, key);

/** A rule as written to a file: no id, keys in a fixed order. */
export function toBackupRule(rule: Rule | BackupRule): BackupRule {
  const source = rule as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of RULE_KEY_ORDER) if (source[key] !== undefined) out[key] = source[key];
  return out as BackupRule;
}
