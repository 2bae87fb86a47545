/**
 * The popup's questions about the work on this page: its reading-history marker, and Forget this
 * work (the work feature, ./work.ts, sees the record go and records nothing more from this page).
 */
import { historyMarker } from '../../../lib/history/marker';
import { historyMarkerText } from '../../../lib/history/marker-text';
import { historyKey } from '../../../lib/history/types';
import type { WorkMeta } from '../../../lib/sites/types';
import { forgetHistory, getHistoryProgress } from '../../../lib/storage/history';

/** The marker's words for this work ("Stopped at chapter 5 of 12"), or null when it was never read. */
export async function historyTextOf(meta: WorkMeta, now: number): Promise<string | null> {
  const progress = await getHistoryProgress([{ site: meta.site, workId: meta.id }]);
  const marker = historyMarker(progress.get(historyKey(meta.site, meta.id)) ?? null, meta.chapters?.posted ?? null);
  return marker ? historyMarkerText(marker, now) : null;
}

export function forgetWork(meta: WorkMeta): Promise<void> {
  return forgetHistory(meta.site, meta.id);
}

export interface WorkHistoryAnswers {
  textOf: typeof historyTextOf;
  forget: typeof forgetWork;
}

export const WORK_HISTORY_ANSWERS: WorkHistoryAnswers = { textOf: historyTextOf, forget: forgetWork };
