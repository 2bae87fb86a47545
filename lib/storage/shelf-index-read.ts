/**
 * The shelf index's raw read, kept apart from ./shelf-index.ts so the popup's first script can
 * start it while the rest of the popup (Preact, the shelf, WXT's storage) is still loading.
 */
import { browser } from 'wxt/browser';

/** The index's key in storage.session. */
export const SHELF_INDEX_KEY = 'shelfIndex';

let early: Promise<unknown> | null = null;

const read = async (): Promise<unknown> => (await browser.storage.session.get(SHELF_INDEX_KEY))[SHELF_INDEX_KEY] ?? null;

/** Starts reading the index now; the next readRawShelfIndex gets this read. */
export function startShelfIndexRead(): void {
  early ??= read();
}

/** The stored index (or whatever is there instead), from the early read if one was started. */
export function readRawShelfIndex(): Promise<unknown> {
  const result = early ?? read();
  early = null;
  return result;
}
