/**
 * Reader and app settings in storage: read field by field (a bad field takes its default, the
 * stored value is quarantined), write only complete valid settings.
 */
import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import type { ReaderSettings } from '../reader/settings';
import { DEFAULT_READER_SETTINGS } from '../reader/settings';
import type { Check } from '../check';
import { appSettingsItem, readerSettingsItem, versionedWrites, type AppSettings } from './items';
import { watchKey } from './changes';
import { withKeyLock } from './lock';
import { MIGRATIONS } from './migrations';
import { quarantineAndRepair } from './safe';
import {
  APP_SETTINGS_SCHEMA,
  DEFAULT_APP_SETTINGS,
  READER_SETTINGS_SCHEMA,
  repairSettings,
  validateSettings,
} from './validate';

export interface SettingsSpec<T extends object> {
  item: WxtStorageItem<T, Record<string, unknown>>;
  schema: Record<keyof T, Check>;
  defaults: T;
  version: number;
}

const READER: SettingsSpec<ReaderSettings> = {
  item: readerSettingsItem,
  schema: READER_SETTINGS_SCHEMA,
  defaults: DEFAULT_READER_SETTINGS,
  version: MIGRATIONS.readerSettings.version,
};

const APP: SettingsSpec<AppSettings> = {
  item: appSettingsItem,
  schema: APP_SETTINGS_SCHEMA,
  defaults: DEFAULT_APP_SETTINGS,
  version: MIGRATIONS.appSettings.version,
};

/** Settings of any spec, complete and valid (a damaged field takes its default and is quarantined). */
export async function load<T extends object>(spec: SettingsSpec<T>): Promise<T> {
  const raw: unknown = await spec.item.getValue();
  const { value, problems } = repairSettings(raw, spec.schema, spec.defaults);
  if (problems.length > 0) {
    await quarantineAndRepair({
      key: spec.item.key,
      found: raw,
      bad: [{ key: spec.item.key, reason: problems.join('; '), value: raw }],
      repaired: { value, version: spec.version },
    });
  }
  return value;
}

/** Internal: the writes for settings that are already valid. */
export function settingsWrite<T extends object>(spec: SettingsSpec<T>, value: T) {
  return versionedWrites([{ key: spec.item.key, value, version: spec.version }]);
}

/** Change some settings of any spec. Throws (and writes nothing) when a value is invalid. */
export async function save<T extends object>(spec: SettingsSpec<T>, patch: Partial<T>): Promise<T> {
  return withKeyLock(spec.item.key, async () => {
    const next = { ...(await load(spec)), ...patch };
    const check = validateSettings<T>(next, spec.schema);
    if (!check.ok) throw new Error(check.error);
    await storage.setItems(settingsWrite(spec, check.value));
    return check.value;
  });
}

export const READER_SETTINGS_SPEC = READER;
export const APP_SETTINGS_SPEC = APP;

/** The reader settings, always complete and valid. */
export const loadReaderSettings = (): Promise<ReaderSettings> => load(READER);
/** Change some reader settings. Throws (and writes nothing) when a value is invalid. */
export const saveReaderSettings = (patch: Partial<ReaderSettings>): Promise<ReaderSettings> =>
  save(READER, patch);

/**
 * Write complete reader settings in one storage call, validated and versioned, without reading first:
 * for the reader's panel, whose last change must be on its way before a page that is being left unloads.
 */
export function writeReaderSettings(value: ReaderSettings): Promise<ReaderSettings> {
  const check = validateSettings<ReaderSettings>(value, READER.schema);
  if (!check.ok) return Promise.reject(new Error(check.error));
  return storage.setItems(settingsWrite(READER, check.value)).then(() => check.value);
}

export const loadAppSettings = (): Promise<AppSettings> => load(APP);
export const saveAppSettings = (patch: Partial<AppSettings>): Promise<AppSettings> => save(APP, patch);

/** Calls back with complete, valid settings whenever they change. */
export const watchReaderSettings = (cb: (settings: ReaderSettings) => void): (() => void) => watch(READER, cb);
export const watchAppSettings = (cb: (settings: AppSettings) => void): (() => void) => watch(APP, cb);

function watch<T extends object>(spec: SettingsSpec<T>, cb: (settings: T) => void): () => void {
  const repaired = (value: unknown) => cb(repairSettings(value, spec.schema, spec.defaults).value);
  return watchKey(spec.item.key, repaired, () => spec.item.getValue());
}
