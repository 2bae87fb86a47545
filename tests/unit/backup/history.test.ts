/** The reading history in the backup (format version 2): export, import, migration of version 1, Merge and Replace. */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { importBackup } from '../../../lib/backup/apply';
import { exportBackup, serializeBackup } from '../../../lib/backup/export';
import { parseBackup } from '../../../lib/backup/parse';
import { getAllHistoryEntries } from './history-helpers';
import { forgetAllHistory, getHistory, mergeAo3History, recordHistoryVisit } from '../../../lib/storage/history';
import { fandomId } from '../../../lib/storage/history-names';
import { putBookmark } from '../../../lib/storage/bookmarks';
import { ao3Item, DAY, MIN, T0, visit } from '../history/helpers';
import { localKeys, makeBookmark, storageText } from '../storage/helpers';
import { text, validData } from './helpers';

beforeEach(() => fakeBrowser.reset());

const T0_MIN = T0 / MIN;
const AT = new Date('2026-12-05T10:00:00.000Z');

/** Three works: one read to the end, one with gaps and AO3's History, one on FFN. */
async function populate() {
  await recordHistoryVisit(visit({ workId: '9', chapter: 1 }));
  await recordHistoryVisit(visit({ workId: '9', chapter: 5, reachedEnd: true, at: T0 + DAY }));
  await recordHistoryVisit(visit({ workId: '100', chapter: 1, fandoms: ['Star Wars', 'Some Fandom'] }));
  await recordHistoryVisit(visit({ workId: '100', chapter: 3, at: T0 + 2 * DAY }));
  await mergeAo3History([ao3Item({ workId: '100', fandoms: ['Star Wars', 'Some Fandom'], markedForLater: true })]);
  await recordHistoryVisit(visit({ site: 'ffn', workId: '5', fandoms: ['Harry Potter'], chapterCount: null }));
}

/** A version-2 file's data with this history. */
function withHistory(history: unknown) {
  return { ...validData(), version: 2, history };
}

describe('export', () => {
  it('writes every work as stored, fandoms once each, sorted by site then id', async () => {
    await populate();
    const file = await exportBackup(AT);
    expect(file.version).toBe(2);
    expect(file.history).toEqual({
      fandoms: ['Some Fandom', 'Star Wars', 'Harry Potter'],
      works: [
        ['ao3', '9', 'A Work', ['someone'], [0], '1,5', 5, 1, T0_MIN + 1440, 1440, 2],
        ['ao3', '100', 'A Work', ['someone'], [1, 0], '1,3', 5, 0, T0_MIN + 2880, 2880, 2, Date.UTC(2026, 11, 6) / DAY, 3, 2],
        ['ffn', '5', 'A Work', ['someone'], [2], 1, 0, 0, T0_MIN, 0, 1],
      ],
    });
    const textOut = serializeBackup(file);
    expect(textOut).toContain('\n      ["ao3","9","A Work",["someone"],[0],"1,5",5,1,');
    expect(parseBackup(textOut, textOut.length)).toMatchObject({ ok: true, summary: { history: 3 } });
  });
});

describe('round trip', () => {
  it('export → Replace into empty storage → the same history, and the same file again', async () => {
    await populate();
    const works = [{ site: 'ao3' as const, workId: '9' }, { site: 'ao3' as const, workId: '100' }, { site: 'ffn' as const, workId: '5' }];
    const before = await getHistory(works);
    const first = serializeBackup(await exportBackup(AT));
    fakeBrowser.reset();
    const result = await importBackup(first, first.length, 'replace');
    expect(result).toMatchObject({ ok: true, counts: { history: 3, historyAdded: 3 } });
    expect(result.ok && result.message).toBe('Imported 0 rules and 0 bookmarks, and settings, with 3 works of reading history');
    expect(await getHistory(works)).toEqual(before);
    expect(serializeBackup(await exportBackup(AT))).toBe(first);
  });

  it('Merge of your own export changes nothing, byte for byte', async () => {
    await populate();
    const file = serializeBackup(await exportBackup(AT));
    const before = await storageText();
    expect(await importBackup(file, file.length, 'merge')).toMatchObject({ ok: true, counts: { history: 0, historyUnchanged: 3 } });
    expect(await storageText()).toBe(before);
  });

  it('forget all history, then import: every work is back', async () => {
    await populate();
    const file = serializeBackup(await exportBackup(AT));
    const before = await getAllHistoryEntries();
    expect(await forgetAllHistory()).toBe(3);
    expect(await importBackup(file, file.length, 'merge')).toMatchObject({ ok: true, counts: { history: 3, historyAdded: 3 } });
    expect(await getAllHistoryEntries()).toEqual(before);
  });
});

describe('a version-1 backup (before the history)', () => {
  it('imports with Merge and Replace, leaving the history as it is', async () => {
    await populate();
    const history = JSON.stringify(await getAllHistoryEntries());
    const names = await localKeys('historyFandom:');
    const v1 = text(validData());
    expect(parseBackup(v1, v1.length)).toMatchObject({ ok: true, summary: { history: null } });
    for (const mode of ['merge', 'replace'] as const) {
      const result = await importBackup(v1, v1.length, mode);
      expect(result).toMatchObject({ ok: true, counts: { history: null, historyRemoved: 0 } });
      expect(result.ok && result.message).not.toContain('history');
      expect(JSON.stringify(await getAllHistoryEntries())).toBe(history);
      expect(await localKeys('historyFandom:')).toEqual(names);
    }
  });

  it('a version-1 file may not carry a history', () => {
    const data = { ...validData(), history: { fandoms: [], works: [] } };
    expect(parseBackup(text(data), 1)).toEqual({ ok: false, error: 'unknown field "history" at the top of the file' });
  });

  it('a version-2 file must', () => {
    expect(parseBackup(text({ ...validData(), version: 2 }), 1)).toEqual({ ok: false, error: 'missing history' });
  });
});

describe('Merge, per work', () => {
  it('unites chapters, keeps the earliest first and latest last visit, the higher visit count, the later page facts', async () => {
    await recordHistoryVisit(visit({ chapter: 1, at: T0 }));
    await recordHistoryVisit(visit({ chapter: 2, at: T0 + DAY }));
    const file = withHistory({
      fandoms: ['Renamed Fandom'],
      // Seen 1-4 and 7 of 9 on another device, first 5 days earlier, last a day later, 1 visit.
      works: [['ao3', '123', 'New Title', ['someone'], [0], '1-4,7', 9, 0, T0_MIN + 2 * 1440, 7 * 1440, 1]],
    });
    expect(await importBackup(text(file), 1, 'merge')).toMatchObject({ ok: true, counts: { history: 1, historyUpdated: 1 } });
    expect((await getHistory([{ site: 'ao3', workId: '123' }])).get('ao3:123')).toEqual({
      site: 'ao3',
      workId: '123',
      title: 'New Title',
      creators: ['someone'],
      fandoms: ['Renamed Fandom'],
      seen: [1, 2, 3, 4, 7],
      chapterCount: 9,
      finished: false,
      firstVisit: T0 - 5 * DAY,
      lastVisit: T0 + 2 * DAY,
      visits: 2,
      ao3: null,
    });
  });

  it('finished stays when the later visit found no new chapters, and goes when it did', async () => {
    await recordHistoryVisit(visit({ chapter: 5, reachedEnd: true, at: T0 }));
    const later = (count: number) =>
      withHistory({ fandoms: [], works: [['ao3', '123', 'A Work', ['someone'], [], 1, count, 0, T0_MIN + 1440, 0, 1]] });
    await importBackup(text(later(5)), 1, 'merge');
    expect((await getHistory([{ site: 'ao3', workId: '123' }])).get('ao3:123')?.finished).toBe(true);
    await importBackup(text(later(6)), 1, 'merge');
    expect((await getHistory([{ site: 'ao3', workId: '123' }])).get('ao3:123')).toMatchObject({ finished: false, chapterCount: 6, seen: [1, 5] });
  });

  it('a work only in storage or only in the file is kept as it is', async () => {
    await recordHistoryVisit(visit({ workId: '1' }));
    const file = withHistory({ fandoms: ['X'], works: [['ao3', '2', 'Two', [], [0], 2, 2, 1, T0_MIN, 0, 1]] });
    expect(await importBackup(text(file), 1, 'merge')).toMatchObject({ ok: true, counts: { history: 1, historyAdded: 1 } });
    const all = await getAllHistoryEntries();
    expect(all.map((e) => `${e.workId}:${e.title}:${e.fandoms.join('+')}`)).toEqual(['1:A Work:Some Fandom', '2:Two:X']);
  });
});

describe('Replace', () => {
  it('leaves exactly the file\'s history, and no fandom name no work uses', async () => {
    await populate();
    const file = withHistory({ fandoms: ['Star Wars'], works: [['ao3', '100', 'Kept', [], [0], 1, 5, 0, T0_MIN, 0, 1]] });
    const result = await importBackup(text(file), 1, 'replace');
    expect(result).toMatchObject({ ok: true, counts: { history: 1, historyUpdated: 1, historyRemoved: 2 } });
    expect((await getAllHistoryEntries()).map((e) => `${e.site}:${e.workId}:${e.title}`)).toEqual(['ao3:100:Kept']);
    expect(await localKeys('historyFandom:')).toEqual([`historyFandom:${fandomId('Star Wars')}`]);
  });

  it('a file with an empty history empties it', async () => {
    await populate();
    await putBookmark(makeBookmark());
    const file = withHistory({ fandoms: [], works: [] });
    expect(await importBackup(text(file), 1, 'replace')).toMatchObject({ ok: true, counts: { history: 0, historyRemoved: 3 } });
    expect(await localKeys('history')).toEqual([]);
  });
});

describe('a broken history changes nothing and says where', () => {
  const work = ['ao3', '7', 'Seven', ['someone'], [0], 3, 12, 0, T0_MIN, 1440, 2];
  const cases: [string, unknown, string][] = [
    ['history not an object', [], 'history must be an object, not []'],
    ['an unknown field', { fandoms: [], works: [], shelves: [] }, 'history: unknown field "shelves"'],
    ['no works', { fandoms: [] }, 'history: missing works'],
    ['works not a list', { fandoms: [], works: {} }, 'history.works must be a list, not {}'],
    ['a fandom that is no name', { fandoms: ['A', ''], works: [] }, 'history.fandoms[1]: a fandom must be a name, not ""'],
    ['a work that is no list', { fandoms: ['A'], works: [work, { id: 7 }] }, 'history.works[1]: must be a list, not {"id":7}'],
    ['a field too few', { fandoms: ['A'], works: [work.slice(0, 10)] }, 'history.works[0]: a work of the history has 10 fields, not 11 or 14'],
    ['an unknown site', { fandoms: ['A'], works: [['ao4', ...work.slice(1)]] }, 'history.works[0]: "ao4" and "7" name no work (a site, "ao3" or "ffn", and a work number are needed)'],
    ['a work id that is no number', { fandoms: ['A'], works: [['ao3', '7a', ...work.slice(2)]] }, 'history.works[0]: "ao3" and "7a" name no work (a site, "ao3" or "ffn", and a work number are needed)'],
    ['a fandom index out of range', { fandoms: ['A'], works: [[...work.slice(0, 4), [1], ...work.slice(5)]] }, 'history.works[0]: the fandoms [1] are not a list of positions in history.fandoms, which holds 1 names'],
    ['chapters that are no chapters', { fandoms: ['A'], works: [[...work.slice(0, 5), '3-1', ...work.slice(6)]] }, 'history.works[0]: the chapters seen are not a set of chapters'],
    ['a first visit after the last', { fandoms: ['A'], works: [[...work.slice(0, 9), T0_MIN + 1, 2]] }, 'history.works[0]: the first visit is not a time before the last'],
    ['bad AO3 flags', { fandoms: ['A'], works: [[...work, 20000, 1, 4]] }, "history.works[0]: AO3's flags are not 0 to 3"],
    ['the same work twice', { fandoms: ['A'], works: [work, work] }, 'history.works[1]: the same work as history.works[0] (ao3:7)'],
  ];
  it.each(cases)('%s', async (_name, history, error) => {
    await populate();
    const before = await storageText();
    for (const mode of ['merge', 'replace'] as const) {
      expect(await importBackup(text(withHistory(history)), 1, mode)).toEqual({ ok: false, error });
    }
    expect(await storageText()).toBe(before);
  });
});
