/**
 * The stored form of a history entry: a short array, no field names, since a reader's history may
 * hold 50,000 works in storage.local next to the bookmarks (docs/ARCHITECTURE.md section 2).
 *
 * `local:history:<site>:<workId>` holds, in this order (fields are only ever appended):
 *
 *   0  version (1)
 *   1  title
 *   2  creators, an array of names
 *   3  fandoms: their ids (4 characters each, see ./history-names.ts), run together: "a1b2k9x0"
 *   4  chapters seen: N for 1..N, else ranges "1-3,5" (lib/history/chapters.ts)
 *   5  chapters posted at the last visit, 0 when unknown
 *   6  finished: 1 or 0
 *   7  last visit, minutes since 1970
 *   8  first visit, minutes before the last
 *   9  visits Lamplight recorded
 *   10 AO3's History, only when known: last visit in days since 1970,
 *   11   its visit count,
 *   12   flags: 1 update available, 2 marked for later
 *
 * Pure: no storage access here.
 */
import { decodeChapters, encodeChapters, MAX_CHAPTER } from '../history/chapters';
import type { Ao3Reading, HistoryEntry } from '../history/types';
import type { SiteId } from '../sites/types';
import { MIGRATIONS, runMigrations } from './migrations';

export const HISTORY_VERSION: number = MIGRATIONS.history.version;

/** Driver key prefix (no `local:`) of a history record. */
export const HISTORY_PREFIX = 'history:';

export const historyStorageKey = (site: SiteId, workId: string) => `local:${HISTORY_PREFIX}${site}:${workId}` as const;

/** The work a history key names, or null when the key is no history record's. */
export function workOfHistoryKey(key: string): { site: SiteId; workId: string } | null {
  const match = /^(?:local:)?history:(ao3|ffn):(\d+)$/.exec(key);
  return match ? { site: match[1] as SiteId, workId: match[2] as string } : null;
}

/** A stored entry as read: its fandoms are still ids. */
export type StoredHistory = Omit<HistoryEntry, 'fandoms'> & { fandomIds: string[] };

export const FANDOM_ID_LENGTH = 4;
const FANDOM_IDS = /^(?:[0-9a-z]{4})*$/;
const MINUTE = 60_000;
const DAY = 86_400_000;
const UPDATE_AVAILABLE = 1;
const MARKED_FOR_LATER = 2;
/** Whole minutes / days up to the year 9999. */
const MAX_MINUTES = 4_236_000_000;
const MAX_DAYS = 2_932_000;
const MAX_VISITS = 1_000_000_000;

const BASE_FIELDS = 10;
const WITH_AO3 = 13;

export function encodeHistory(entry: StoredHistory): unknown[] {
  const last = Math.floor(entry.lastVisit / MINUTE);
  const record: unknown[] = [
    HISTORY_VERSION,
    entry.title,
    [...entry.creators],
    entry.fandomIds.join(''),
    encodeChapters(entry.seen),
    entry.chapterCount ?? 0,
    entry.finished ? 1 : 0,
    last,
    Math.max(0, last - Math.floor(entry.firstVisit / MINUTE)),
    entry.visits,
  ];
  if (entry.ao3) {
    const { lastVisit, visits, updateAvailable, markedForLater } = entry.ao3;
    record.push(
      Math.floor(lastVisit / DAY),
      visits,
      (updateAvailable ? UPDATE_AVAILABLE : 0) | (markedForLater ? MARKED_FOR_LATER : 0),
    );
  }
  return record;
}

const whole = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

export type HistoryDecoded = { ok: true; entry: StoredHistory; migrated: boolean } | { ok: false; error: string };

type FieldsChecked = { ok: true; fields: unknown[] } | { ok: false; error: string };

/** The fields of a current-version record (without its version) checked one by one. */
export function checkHistoryFields(fields: unknown): FieldsChecked {
  if (!Array.isArray(fields)) return { ok: false, error: 'the record is not a list' };
  const f: unknown[] = fields;
  const fail = (error: string): FieldsChecked => ({ ok: false, error });
  if (f.length !== BASE_FIELDS - 1 && f.length !== WITH_AO3 - 1) return fail(`the record has ${f.length + 1} fields, not ${BASE_FIELDS} or ${WITH_AO3}`);
  const [title, creators, fandoms, seen, count, finished, last, first, visits, ao3Day, ao3Visits, flags] = f;
  if (typeof title !== 'string') return fail('the title is not text');
  if (!Array.isArray(creators) || !creators.every((c) => typeof c === 'string')) return fail('the creators are not a list of names');
  if (typeof fandoms !== 'string' || !FANDOM_IDS.test(fandoms)) return fail('the fandoms are not a list of fandom ids');
  if (decodeChapters(seen) === null) return fail('the chapters seen are not a set of chapters');
  if (!whole(count, 0, MAX_CHAPTER)) return fail('the chapter count is not a whole number of chapters');
  if (finished !== 0 && finished !== 1) return fail('finished is not 0 or 1');
  if (!whole(last, 0, MAX_MINUTES)) return fail('the last visit is not a time');
  if (!whole(first, 0, last)) return fail('the first visit is not a time before the last');
  if (!whole(visits, 0, MAX_VISITS)) return fail('the visit count is not a whole number');
  if (f.length === WITH_AO3 - 1) {
    if (!whole(ao3Day, 0, MAX_DAYS)) return fail("AO3's last visit is not a date");
    if (!whole(ao3Visits, 0, MAX_VISITS)) return fail("AO3's visit count is not a whole number");
    if (!whole(flags, 0, UPDATE_AVAILABLE | MARKED_FOR_LATER)) return fail("AO3's flags are not 0 to 3");
  }
  return { ok: true, fields: f };
}

function entryFromFields(work: { site: SiteId; workId: string }, f: unknown[]): StoredHistory {
  const [title, creators, fandoms, seen, count, finished, last, first, visits, ao3Day, ao3Visits, flags] = f as [
    string, string[], string, number | string, number, number, number, number, number, number?, number?, number?,
  ];
  const ao3: Ao3Reading | null =
    ao3Day === undefined
      ? null
      : {
          lastVisit: ao3Day * DAY,
          visits: ao3Visits ?? 0,
          updateAvailable: ((flags ?? 0) & UPDATE_AVAILABLE) !== 0,
          markedForLater: ((flags ?? 0) & MARKED_FOR_LATER) !== 0,
        };
  return {
    site: work.site,
    workId: work.workId,
    title,
    creators: [...creators],
    fandomIds: fandoms.match(/.{4}/g) ?? [],
    seen: decodeChapters(seen) ?? [],
    chapterCount: count === 0 ? null : count,
    finished: finished === 1,
    firstVisit: (last - first) * MINUTE,
    lastVisit: last * MINUTE,
    visits,
    ao3,
  };
}

/** A stored record (under `key`) → the entry it holds, migrating older versions; or why it is unusable. */
export function decodeHistory(key: string, raw: unknown): HistoryDecoded {
  const work = workOfHistoryKey(key);
  if (!work) return { ok: false, error: 'the key names no work' };
  if (!Array.isArray(raw)) return { ok: false, error: 'the record is not a list' };
  const [v, ...data] = raw as unknown[];
  if (typeof v !== 'number') return { ok: false, error: 'the record has no version' };
  const migration = runMigrations(data, v, MIGRATIONS.history);
  if (!migration.ok) return { ok: false, error: migration.error };
  const check = checkHistoryFields(migration.value);
  if (!check.ok) return check;
  return { ok: true, entry: entryFromFields(work, check.fields), migrated: migration.migrated };
}
