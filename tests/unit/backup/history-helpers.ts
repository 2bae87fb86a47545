import { compareBookmarksById } from '../../../lib/bookmarks/merge';
import type { HistoryEntry } from '../../../lib/history/types';
import { namedEntry, readAllHistory } from '../../../lib/storage/history-all';

/** Every entry of the history, by site then work id. */
export async function getAllHistoryEntries(): Promise<HistoryEntry[]> {
  const { records, names } = await readAllHistory();
  return records.map((r) => namedEntry(r, names)).sort(compareBookmarksById);
}
