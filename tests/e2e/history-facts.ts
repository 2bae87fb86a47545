/**
 * What the reading-history E2E files (Chromium and Firefox) share: the works they use, the history
 * records they seed (the stored form, lib/storage/history-codec.ts) and the markers those must give.
 */
import type { FixtureFile } from './fixtures';

export const CH1: FixtureFile = 'ao3/work-wip-14ch-chapter1-17793689.html';
export const CH2: FixtureFile = 'ao3/work-wip-14ch-chapter2-17793689.html';
export const ONESHOT: FixtureFile = 'ao3/work-oneshot-323217.html';
export const PAUSED_WORK: FixtureFile = 'ao3/work-complete-6ch-chapter1-41289660.html';
/** Opened once, then forgotten from the popup. */
export const FORGOTTEN_WORK: FixtureFile = 'ao3/work-wip-anonymous-chapter1-37214506.html';
export const LISTING: FixtureFile = 'ao3/listing-tag-works-worldbuilding.html';
export const READINGS: FixtureFile = 'ao3/readings-handwritten.html';

export const key = (workId: string): string => `history:ao3:${workId}`;

/** A stored record: [version, title, creators, fandom ids, chapters seen, posted, finished, last visit (minutes), first before, visits]. */
export type StoredRecord = [number, string, string[], string, number | string, number, 0 | 1, number, number, number, ...number[]];

const MINUTE = 60_000;

/**
 * No listing fixture holds a work that a work fixture shows, so three works of the Worldbuilding
 * listing are seeded as read (`now` dates the visit three days ago, at noon UTC):
 * - 77859641 (1/1 there), read to the end → "Read <date>";
 * - 54876373 (15/88 there), chapters 1-5 of 15 seen → "Stopped at chapter 5 of 15";
 * - 73895506 (4/5 there), read to the end when 2 were posted → "2 new chapters since you read".
 */
export function seededHistory(now: number): { records: Record<string, StoredRecord>; day: number } {
  const at = new Date(now - 3 * 86_400_000);
  at.setUTCHours(12, 0, 0, 0);
  const last = Math.floor(at.getTime() / MINUTE);
  return {
    day: at.getUTCDate(),
    records: {
      [key('77859641')]: [1, '-ANATA- Mushoku Tensei', ['someone'], '', 1, 1, 1, last, 0, 1],
      [key('54876373')]: [1, 'In the Land of the Blind', ['someone'], '', 5, 15, 0, last, 60, 2],
      [key('73895506')]: [1, 'As the Waves Against the Shore', ['someone'], '', 2, 2, 1, last, 600, 3],
    },
  };
}

/** The markers the seeded history must show, by work id (the date checked apart). */
export const SEEDED_MARKERS: Record<string, RegExp> = {
  '77859641': /^Read \S+ \S+$/,
  '54876373': /^Stopped at chapter 5 of 15$/,
  '73895506': /^2 new chapters since you read$/,
};

/** The works of the AO3 History fixture whose items can be read (the deleted one is left out). */
export const READINGS_WORKS = ['71000001', '71000002', '71000003', '71000005', '71000006'];
