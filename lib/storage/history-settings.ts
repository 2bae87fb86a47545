/** The reading history's settings (`local:historySettings`): read and written like the app settings. */
import { watchKey } from './changes';
import { historySettingsItem } from './items';
import { MIGRATIONS } from './migrations';
import { load, save, type SettingsSpec } from './settings';
import { DEFAULT_HISTORY_SETTINGS, HISTORY_SETTINGS_SCHEMA, repairSettings, type HistorySettings } from './validate';

export type { HistorySettings };

const HISTORY: SettingsSpec<HistorySettings> = {
  item: historySettingsItem,
  schema: HISTORY_SETTINGS_SCHEMA,
  defaults: DEFAULT_HISTORY_SETTINGS,
  version: MIGRATIONS.historySettings.version,
};

/** Always complete and valid. */
export const loadHistorySettings = (): Promise<HistorySettings> => load(HISTORY);
/** Throws (and writes nothing) when a value is invalid. */
export const saveHistorySettings = (patch: Partial<HistorySettings>): Promise<HistorySettings> => save(HISTORY, patch);

/**
 * Through the shared listener of ./changes (not the item's own `watch`, a `storage.local.onChanged`
 * listener): an import pauses that one, so the options page does not decode its 10,000 bookmarks.
 */
export function watchHistorySettings(cb: (settings: HistorySettings) => void): () => void {
  const repaired = (v: unknown) => cb(repairSettings(v, HISTORY.schema, HISTORY.defaults).value);
  return watchKey(historySettingsItem.key, repaired, () => historySettingsItem.getValue());
}
