/** The reading history's settings (`local:historySettings`): read and written like the app settings. */
import { watchKey } from './changes';
import { historySettingsItem, metaKey } from './items';
import { MIGRATIONS } from './migrations';
import { driverKey } from './raw';
import { load, save, type SettingsSpec } from './settings';
import { DEFAULT_HISTORY_SETTINGS, HISTORY_SETTINGS_SCHEMA, repairSettings, type HistorySettings } from './validate';

export type { HistorySettings };

const HISTORY: SettingsSpec<HistorySettings> = {
  item: historySettingsItem,
  schema: HISTORY_SETTINGS_SCHEMA,
  defaults: DEFAULT_HISTORY_SETTINGS,
  version: MIGRATIONS.historySettings.version,
};

/** The driver keys of the settings and their version, to read along with something else (one `get`). */
export const HISTORY_SETTINGS_KEYS = [driverKey(historySettingsItem.key), driverKey(metaKey(historySettingsItem.key))];

/**
 * The settings from a `get` of HISTORY_SETTINGS_KEYS, when they are stored at the current version and
 * whole (or not stored at all: the defaults); null otherwise, and loadHistorySettings migrates or repairs.
 */
export function historySettingsFrom(stored: Record<string, unknown>): HistorySettings | null {
  const [valueKey, versionKey] = HISTORY_SETTINGS_KEYS as [string, string];
  const value = stored[valueKey];
  const version = (stored[versionKey] as { v?: unknown } | undefined)?.v;
  if (value === undefined || value === null) return version === undefined ? { ...HISTORY.defaults } : null;
  if (version !== HISTORY.version) return null;
  const { value: settings, problems } = repairSettings(value, HISTORY.schema, HISTORY.defaults);
  return problems.length === 0 ? settings : null;
}

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
