/** The only door to browser.storage. See ./items.ts for every key. */
export {
  appSettingsItem,
  filterRulesItem,
  readerSettingsItem,
  DEFAULT_APP_SETTINGS,
  type AppSettings,
} from './items';
export {
  getAllBookmarks,
  getBookmark,
  putBookmark,
  updateBookmark,
  removeBookmark,
  watchBookmarks,
  watchFewBookmarks,
  bookmarkStorageKey,
  type BookmarkChange,
  type BookmarkPatch,
} from './bookmarks';
export { addRule, loadRules, saveRules, updateRules, watchRules, type NewRule } from './rules';
export {
  loadAppSettings,
  loadReaderSettings,
  saveAppSettings,
  saveReaderSettings,
  watchAppSettings,
  watchReaderSettings,
} from './settings';
export { clearQuarantine, getQuarantine, removeQuarantine, type QuarantineEntry } from './quarantine';
export {
  validateAppSettings,
  validateReaderSettings,
  READER_SETTINGS_SCHEMA,
  APP_SETTINGS_SCHEMA,
} from './validate';
export {
  createSyncEngine,
  loadSyncStatus,
  startSync,
  watchSyncStatus,
  type SyncEngine,
  type SyncStatus,
} from './sync';
