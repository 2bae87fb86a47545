/**
 * Every stored item, declared once: area, fallback, version and migrations.
 * This folder is the only code that touches browser.storage.
 *
 * | key                                | area  | shape                 | versions in                |
 * |------------------------------------|-------|-----------------------|----------------------------|
 * | `local:filterRules`                | local | Rule[]                | `filterRules$` (WXT meta)  |
 * | `sync:readerSettings`              | sync  | ReaderSettings        | `readerSettings$`          |
 * | `sync:appSettings`                 | sync  | AppSettings           | `appSettings$`             |
 * | `local:bookmark:<site>:<workId>`   | local | Bookmark & { v }      | inside the record (`v`)    |
 * | `local:quarantine:<key>:<ms>`      | local | QuarantineEntry       | (not versioned)            |
 * | `local:history:<site>:<workId>`    | local | compact list          | inside the record (first)  |
 * | `local:historyFandom:<id>`         | local | a fandom name         | (not versioned)            |
 * | `local:historySettings`            | local | HistorySettings       | `historySettings$`         |
 * | `local:syncState`                  | local | SyncState             | inside the record (`v`)    |
 * | `local:syncStatus`                 | local | SyncStatus            | (not versioned: rewritten) |
 * | `sync:syncFormat`, `sync:rules.<n>`, `sync:deleted.<n>`, `sync:bookmarks.<n>` (+ `….meta`)   |
 * |                                    | sync  | the sync mirror       | `syncFormat.v`             |
 *
 * The reading history (never synced): ./history.ts, its record format ./history-codec.ts.
 * The sync mirror and state: lib/sync (design, format, merge) and ./sync.ts (the engine).
 *
 * Read through the safe loaders (`loadRules`, `loadReaderSettings`, `loadAppSettings` in
 * ./settings.ts, `getAllBookmarks` … in ./bookmarks.ts): they validate, quarantine what is bad
 * and write versions with every value. `item.getValue()` alone gives the raw, unchecked value.
 */
import { storage, type StorageItemKey } from 'wxt/utils/storage';
import { lazyItem } from './lazy-item';
import type { Rule } from '../filters/types';
import type { ReaderSettings } from '../reader/settings';
import { DEFAULT_READER_SETTINGS } from '../reader/settings';
import { MIGRATIONS, wxtMigrations, type MigrationChain } from './migrations';
import { DEFAULT_APP_SETTINGS, DEFAULT_HISTORY_SETTINGS, type AppSettings, type HistorySettings } from './validate';
import type { SyncState, SyncStatus } from '../sync';

export type { AppSettings };
export { DEFAULT_APP_SETTINGS };

export const filterRulesItem = lazyItem('local:filterRules', (key) =>
  storage.defineItem<Rule[]>(key, { fallback: [], ...wxtMigrations(MIGRATIONS.filterRules) }),
);

export const readerSettingsItem = lazyItem('sync:readerSettings', (key) =>
  storage.defineItem<ReaderSettings>(key, { fallback: DEFAULT_READER_SETTINGS, ...wxtMigrations(MIGRATIONS.readerSettings) }),
);

export const appSettingsItem = lazyItem('sync:appSettings', (key) =>
  storage.defineItem<AppSettings>(key, { fallback: DEFAULT_APP_SETTINGS, ...wxtMigrations(MIGRATIONS.appSettings) }),
);

/** The reading history's settings, for this device only (like the history itself). */
export const historySettingsItem = lazyItem('local:historySettings', (key) =>
  storage.defineItem<HistorySettings>(key, { fallback: DEFAULT_HISTORY_SETTINGS, ...wxtMigrations(MIGRATIONS.historySettings) }),
);

/** This device's sync bookkeeping (lib/sync/format.ts): read and written by the sync engine only. */
export const syncStateItem = lazyItem('local:syncState', (key) => storage.defineItem<SyncState | null>(key, { fallback: null }));

/** The last sync's outcome, for the options page (./sync.ts). */
export const syncStatusItem = lazyItem('local:syncStatus', (key) => storage.defineItem<SyncStatus | null>(key, { fallback: null }));

/** The WXT items with the chain that versions them. */
export const VERSIONED_ITEMS = [
  { item: filterRulesItem, chain: MIGRATIONS.filterRules as MigrationChain },
  { item: readerSettingsItem, chain: MIGRATIONS.readerSettings as MigrationChain },
  { item: appSettingsItem, chain: MIGRATIONS.appSettings as MigrationChain },
  { item: historySettingsItem, chain: MIGRATIONS.historySettings as MigrationChain },
] as const;

/** Where WXT keeps an item's version. */
export const metaKey = (key: StorageItemKey): StorageItemKey => `${key}$`;

/**
 * A value plus its version (`{ v }` in the item's meta key), in one write per storage area.
 * Every write of a versioned item goes through here, so a value is never stored without the
 * version that says how to read it.
 */
export function versionedWrites(
  writes: readonly { key: StorageItemKey; value: unknown; version: number }[],
): { key: StorageItemKey; value: unknown }[] {
  return writes.flatMap(({ key, value, version }) => [
    { key, value },
    { key: metaKey(key), value: { v: version } },
  ]);
}
