/**
 * The reader's settings between storage and the page: read once at start, followed when they change
 * elsewhere (another tab, the options page), and the panel's changes written after a quiet delay
 * (storage.sync has write quotas) through lib/storage's one door. Leaving the page (reload, closing
 * the tab, one of the site's links) must not drop a change still waiting for the timer: it is
 * written on `pagehide`, or `visibilitychange` to hidden for browsers that skip `pagehide`.
 */
import { DEFAULT_READER_SETTINGS, sameReaderSettings, type ReaderSettings } from '../../../lib/reader/settings';
import { loadReaderSettings, watchReaderSettings, writeReaderSettings } from '../../../lib/storage/settings';

export interface SettingsSync {
  /** The settings in force: the defaults, then the stored ones, then the panel's changes. */
  current(): ReaderSettings;
  /** A change made in the reader's panel: in force at once, written after the quiet delay. */
  persist(value: ReaderSettings): void;
  /** Writes a change still waiting for its timer, now. */
  flush(): void;
  /** Reads the stored settings; they are in force after this, unless the panel changed one first. */
  load(): Promise<void>;
}

export interface SettingsSyncOptions {
  doc: Document;
  /** How long after the last change settings are written. */
  saveDelayMs: number;
  /** The settings in force changed (read or changed elsewhere). */
  onChange: (settings: ReaderSettings) => void;
  warn: (message: string, error?: unknown) => void;
  /** Aborted when the feature stops: no more watching or listening (a last flush() still writes). */
  signal: AbortSignal;
}

export function readerSettingsSync(options: SettingsSyncOptions): SettingsSync {
  const { doc, signal, warn } = options;
  const win: Window = doc.defaultView ?? window;
  let settings: ReaderSettings = DEFAULT_READER_SETTINGS;
  let pendingWrite: ReaderSettings | null = null;
  let writeTimer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    clearTimeout(writeTimer);
    const value = pendingWrite;
    pendingWrite = null;
    if (value) writeReaderSettings(value).catch((error: unknown) => warn('could not save settings.', error));
  };

  win.addEventListener('pagehide', () => flush(), { signal });
  doc.addEventListener(
    'visibilitychange',
    () => {
      if (doc.visibilityState === 'hidden') flush();
    },
    { signal },
  );
  const unwatch = watchReaderSettings((next) => {
    if (signal.aborted || pendingWrite) return; // our own change is on its way; don't bounce back to an older one
    if (sameReaderSettings(next, settings)) return;
    settings = next;
    options.onChange(next);
  });
  signal.addEventListener('abort', unwatch, { once: true });

  return {
    current: () => settings,
    persist(value) {
      settings = value;
      pendingWrite = value;
      clearTimeout(writeTimer);
      writeTimer = setTimeout(flush, options.saveDelayMs);
    },
    flush,
    async load() {
      let loaded: ReaderSettings;
      try {
        loaded = await loadReaderSettings();
      } catch (error) {
        warn('could not read settings; using defaults.', error);
        loaded = DEFAULT_READER_SETTINGS;
      }
      if (signal.aborted || pendingWrite) return;
      settings = loaded;
      options.onChange(loaded);
    },
  };
}
