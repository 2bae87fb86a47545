import { describe, expect, it } from 'vitest';
import {
  checkHistoryFields,
  decodeHistory,
  encodeHistory,
  historyStorageKey,
  workOfHistoryKey,
  type StoredHistory,
} from '../../../lib/storage/history-codec';

/** 2025-12-05T10:00Z and 2025-12-04T10:00Z */
const LAST = Date.UTC(2025, 11, 5, 10, 0);
const FIRST = Date.UTC(2025, 11, 4, 10, 0);
const AO3_DAY = Date.UTC(2025, 11, 6);
const KEY = 'local:history:ao3:123';

function stored(overrides: Partial<StoredHistory> = {}): StoredHistory {
  return {
    site: 'ao3',
    workId: '123',
    title: 'A Work',
    creators: ['someone', 'someone_else'],
    fandomIds: ['a1b2', 'k9x0'],
    seen: [1, 2, 3, 5],
    chapterCount: 7,
    finished: false,
    firstVisit: FIRST,
    lastVisit: LAST,
    visits: 2,
    ao3: { lastVisit: AO3_DAY, visits: 3, updateAvailable: true, markedForLater: true },
    ...overrides,
  };
}

const RECORD = [1, 'A Work', ['someone', 'someone_else'], 'a1b2k9x0', '1-3,5', 7, 0, LAST / 60_000, 1440, 2, AO3_DAY / 86_400_000, 3, 3];

describe('history records', () => {
  it('the key names the work', () => {
    expect(historyStorageKey('ffn', '42')).toBe('local:history:ffn:42');
    expect(workOfHistoryKey('local:history:ffn:42')).toEqual({ site: 'ffn', workId: '42' });
    expect(workOfHistoryKey('history:ao3:7')).toEqual({ site: 'ao3', workId: '7' });
    for (const bad of ['local:history:xyz:1', 'local:history:ao3:', 'local:history:ao3:1:2', 'local:bookmark:ao3:1', 'local:history:ao3:12a']) {
      expect(workOfHistoryKey(bad), bad).toBeNull();
    }
  });

  it('encodes an entry as a short list, in the documented order', () => {
    expect(encodeHistory(stored())).toEqual(RECORD);
    expect(JSON.stringify(encodeHistory(stored()))).toBe(
      '[1,"A Work",["someone","someone_else"],"a1b2k9x0","1-3,5",7,0,29415480,1440,2,20428,3,3]',
    );
  });

  it('leaves out what AO3 never said, writes 0 for an unknown count and N for chapters 1..N', () => {
    expect(encodeHistory(stored({ ao3: null, chapterCount: null, seen: [1, 2, 3], finished: true, fandomIds: [] }))).toEqual([
      1, 'A Work', ['someone', 'someone_else'], '', 3, 0, 1, LAST / 60_000, 1440, 2,
    ]);
    expect(encodeHistory(stored({ ao3: { lastVisit: AO3_DAY, visits: 1, updateAvailable: false, markedForLater: true } })).slice(10)).toEqual([
      AO3_DAY / 86_400_000, 1, 2,
    ]);
  });

  it('decodes what it encodes', () => {
    for (const entry of [
      stored(),
      stored({ ao3: null }),
      stored({ chapterCount: null, seen: [], visits: 0 }),
      stored({ finished: true, seen: [1], chapterCount: 1, firstVisit: LAST }),
      stored({ ao3: { lastVisit: AO3_DAY, visits: 0, updateAvailable: false, markedForLater: false } }),
      stored({ site: 'ffn', workId: '9', creators: [], fandomIds: ['zzzz'] }),
    ]) {
      const key = historyStorageKey(entry.site, entry.workId);
      expect(decodeHistory(key, encodeHistory(entry))).toEqual({ ok: true, entry, migrated: false });
    }
  });

  it('keeps whole minutes: seconds are dropped', () => {
    const decoded = decodeHistory(KEY, encodeHistory(stored({ lastVisit: LAST + 59_000, firstVisit: FIRST + 1_000 })));
    expect(decoded).toMatchObject({ ok: true, entry: { lastVisit: LAST, firstVisit: FIRST } });
  });

  it('refuses a record of a newer Lamplight, or without a version', () => {
    expect(decodeHistory(KEY, [2, ...RECORD.slice(1)])).toEqual({
      ok: false,
      error: 'record version 2 is newer than this Lamplight understands (1)',
    });
    expect(decodeHistory(KEY, RECORD.slice(1))).toEqual({ ok: false, error: 'the record has no version' });
    expect(decodeHistory(KEY, { v: 1 })).toEqual({ ok: false, error: 'the record is not a list' });
    expect(decodeHistory('local:bookmark:ao3:123', RECORD)).toEqual({ ok: false, error: 'the key names no work' });
  });

  const damaged = (at: number, value: unknown): unknown[] => RECORD.map((v, i) => (i === at ? value : v));

  it.each([
    [RECORD.slice(0, 9), 'the record has 9 fields, not 10 or 13'],
    [RECORD.slice(0, 11), 'the record has 11 fields, not 10 or 13'],
    [[...RECORD, 0], 'the record has 14 fields, not 10 or 13'],
    [damaged(1, null), 'the title is not text'],
    [damaged(2, 'someone'), 'the creators are not a list of names'],
    [damaged(2, ['a', 1]), 'the creators are not a list of names'],
    [damaged(3, 'a1b'), 'the fandoms are not a list of fandom ids'],
    [damaged(3, 'A1B2'), 'the fandoms are not a list of fandom ids'],
    [damaged(3, ['a1b2']), 'the fandoms are not a list of fandom ids'],
    [damaged(4, '3-1'), 'the chapters seen are not a set of chapters'],
    [damaged(4, -2), 'the chapters seen are not a set of chapters'],
    [damaged(5, 1.5), 'the chapter count is not a whole number of chapters'],
    [damaged(5, -1), 'the chapter count is not a whole number of chapters'],
    [damaged(6, true), 'finished is not 0 or 1'],
    [damaged(7, '29415480'), 'the last visit is not a time'],
    [damaged(7, -5), 'the last visit is not a time'],
    [damaged(8, LAST / 60_000 + 1), 'the first visit is not a time before the last'],
    [damaged(8, -1), 'the first visit is not a time before the last'],
    [damaged(9, null), 'the visit count is not a whole number'],
    [damaged(10, 'x'), "AO3's last visit is not a date"],
    [damaged(11, -3), "AO3's visit count is not a whole number"],
    [damaged(12, 4), "AO3's flags are not 0 to 3"],
  ])('refuses a damaged record: %j', (record, error) => {
    expect(decodeHistory(KEY, record)).toEqual({ ok: false, error });
  });

  it('checks the fields of the current version alone (what a migration must produce)', () => {
    expect(checkHistoryFields(RECORD.slice(1))).toEqual({ ok: true, fields: RECORD.slice(1) });
    expect(checkHistoryFields('x')).toEqual({ ok: false, error: 'the record is not a list' });
  });
});
