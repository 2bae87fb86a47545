/** The outcome of the last sync, as `local:syncStatus` keeps it for the options page. */
import { isPlainObject, jsonEqual } from '../check';

/** What the options page shows: `local:syncStatus`. */
export interface SyncStatus {
  /** Rules and bookmarks of this device in the browser's sync space after the last sync. */
  syncedRules: number;
  syncedBookmarks: number;
  /** Bookmark sync was on (appSettings.syncBookmarks). */
  bookmarks: boolean;
  /**
   * Kept on this device only, for want of room in the browser's sync space (`tooBig` of them
   * are each larger than one sync item may be).
   */
  leftOut: { rules: number; bookmarks: number; tooBig: number };
  /** Why the last sync did not finish (the browser's words); null when it did. */
  lastError: string | null;
  /** When this status was reached (ISO date-time). */
  at: string;
}

const count = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** A stored status, or null when absent or unreadable. */
export function parseSyncStatus(raw: unknown): SyncStatus | null {
  if (!isPlainObject(raw) || !isPlainObject(raw.leftOut)) return null;
  const { syncedRules, syncedBookmarks, bookmarks, leftOut, lastError, at } = raw;
  if (!count(syncedRules) || !count(syncedBookmarks) || typeof bookmarks !== 'boolean') return null;
  if (!count(leftOut.rules) || !count(leftOut.bookmarks) || !count(leftOut.tooBig)) return null;
  if (!(lastError === null || typeof lastError === 'string') || typeof at !== 'string') return null;
  return {
    syncedRules,
    syncedBookmarks,
    bookmarks,
    leftOut: { rules: leftOut.rules, bookmarks: leftOut.bookmarks, tooBig: leftOut.tooBig },
    lastError,
    at,
  };
}

/** The same status, but for when it was reached. */
export const sameSyncStatus = (a: SyncStatus | null, b: SyncStatus | null): boolean =>
  a !== null && b !== null && jsonEqual({ ...a, at: '' }, { ...b, at: '' });
