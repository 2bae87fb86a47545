/**
 * The reading status of listed works, for rules on the reading history: one storage `get` for a
 * batch of blurbs (lib/storage/history.ts), each status as lib/history/marker.ts defines it (the
 * same one the listing markers use). Only read when an enabled rule asks for it; meanwhile the
 * blurbs stay held (pending), so a work such a rule filters never shows un-judged.
 */
import { historyStatus } from '../../../lib/history/marker';
import { historyKey, type HistoryStatus } from '../../../lib/history/types';
import type { Blurb, WorkMeta } from '../../../lib/sites/types';
import { getHistoryProgress } from '../../../lib/storage/history';
import { mark } from '../marks';
import { PENDING } from './hold';
import type { Judge } from './judge';

/** The statuses of these works, in their order (null: never opened). */
export async function readHistoryStatuses(works: readonly WorkMeta[]): Promise<(HistoryStatus | null)[]> {
  if (works.length === 0) return [];
  const progress = await getHistoryProgress(works.map((w) => ({ site: w.site, workId: w.id })));
  return works.map((w) => historyStatus(progress.get(historyKey(w.site, w.id)) ?? null, w.chapters?.posted ?? null));
}

const unread = (error: unknown): [] => {
  console.warn('Lamplight could not read your reading history; rules on it do not apply here.', error);
  return [];
};

export interface HistoryWait {
  /** Blurbs read and held while their statuses are read (kept here, never marked on the page but as held). */
  readonly waiting: ReadonlySet<HTMLElement>;
  /** Holds these blurbs, reads their statuses in one `get`, then judges each with its status. */
  judge(elements: readonly HTMLElement[]): void;
}

export function createHistoryWait(
  read: (element: HTMLElement) => Blurb | null,
  judgeOne: (element: HTMLElement, blurb: Blurb | null, history: HistoryStatus | null | undefined) => void,
  whenNoneWaits: () => void,
): HistoryWait {
  const waiting = new Set<HTMLElement>();
  return {
    waiting,
    judge(elements) {
      const batch = elements.map((element) => {
        mark(element, PENDING);
        waiting.add(element);
        return { element, blurb: read(element) };
      });
      const works = batch.flatMap(({ blurb }) => (blurb ? [blurb.meta] : []));
      void readHistoryStatuses(works)
        .catch(unread)
        .then((statuses) => {
          let i = 0;
          for (const { element, blurb } of batch) {
            waiting.delete(element);
            judgeOne(element, blurb, blurb ? statuses[i++] : undefined);
          }
          whenNoneWaits();
        });
    },
  };
}

/** Before re-judging under rules that need the history: reads the statuses of blurbs judged without. */
export async function fillHistory(judge: Judge): Promise<void> {
  const unknown = judge.withoutHistory();
  const statuses = await readHistoryStatuses(unknown.map((u) => u.meta)).catch(unread);
  for (const [i, { element }] of unknown.entries()) {
    const status = statuses[i];
    if (status !== undefined) judge.setHistory(element, status);
  }
}
