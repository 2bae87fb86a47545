/**
 * Older backup files brought forward to the current version's fields, one step per version, before
 * they are checked (./validate.ts). A step never invents what the file did not hold.
 */

/** The top-level fields each version's file has, all required. */
export const TOP_KEYS_BY_VERSION: Readonly<Record<number, readonly string[]>> = {
  1: ['format', 'version', 'exportedAt', 'filters', 'bookmarks', 'settings'],
  2: ['format', 'version', 'exportedAt', 'filters', 'bookmarks', 'settings', 'history'],
};

/**
 * Version 1 → 2: version 2 added `history`. A version-1 file says nothing about the history, so it
 * stays absent (not empty): an import of it leaves the history as it is, with Merge and Replace.
 */
const STEPS: Readonly<Record<number, (data: Record<string, unknown>) => Record<string, unknown>>> = {
  1: (data) => ({ ...data, version: 2 }),
};

/** `data` (checked to have exactly the fields of its `version`) as the current version's fields. */
export function migrateBackup(data: Record<string, unknown>, current: number): Record<string, unknown> {
  let out = data;
  for (let v = data.version as number; v < current; v++) {
    const step = STEPS[v];
    if (!step) throw new Error(`internal: no backup migration from version ${v}`);
    out = step(out);
  }
  return out;
}
