/**
 * Every stored shape's version and migration steps, in one place.
 *
 * To change a stored shape (say the bookmark record, to version 2):
 *   1. add `lib/storage/migrations/bookmark-v2.ts` exporting the step `(v1 value) => v2 value`;
 *   2. here: `bookmark: { version: 2, steps: { 2: bookmarkV2 } }`;
 *   3. add `tests/unit/storage/fixtures/bookmark/v2.json` (a stored value of the new shape).
 *      tests/unit/storage/migrations.test.ts walks every fixture (v1.json, v2.json, …) through
 *      every step to the current version and validates the result, and fails when a version
 *      has no step or no fixture.
 * Change the type and the validator in the same commit; old values never reach them unmigrated.
 *
 * Every chain but appSettings (v2: `showFilteredTitles`; v3: `filterOnAo3`) is at version 1.
 */
import { appSettingsV2 } from './app-settings-v2';
import { appSettingsV3 } from './app-settings-v3';
import type { MigrationChain } from './run';

export const MIGRATIONS = {
  /** One record per bookmark, `local:bookmark:<site>:<workId>`, version kept inside as `v`. */
  bookmark: { version: 1, steps: {} },
  /**
   * One record per work of the reading history, `local:history:<site>:<workId>`: a list whose first
   * element is the version (../history-codec.ts); a step gets and returns the list without it.
   */
  history: { version: 1, steps: {} },
  /** `local:historySettings` (WXT item). */
  historySettings: { version: 1, steps: {} },
  /** `local:filterRules` (WXT item; version in `filterRules$`). */
  filterRules: { version: 1, steps: {} },
  /** `sync:readerSettings` (WXT item). */
  readerSettings: { version: 1, steps: {} },
  /** `sync:appSettings` (WXT item). */
  appSettings: { version: 3, steps: { 2: appSettingsV2, 3: appSettingsV3 } },
} as const satisfies Record<string, MigrationChain>;

export type MigratedShape = keyof typeof MIGRATIONS;
export { runMigrations, wxtMigrations, type MigrationChain, type MigrationStep } from './run';
