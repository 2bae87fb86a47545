/** The reading history's settings (`local:historySettings`): read and written like the app settings. */
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

export function watchHistorySettings(cb: (settings: HistorySettings) => void): () => void {
  return historySettingsItem.watch((v) => cb(repairSettings(v, HISTORY.schema, HISTORY.defaults).value));
}
