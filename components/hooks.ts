/**
 * Live views of storage for the extension pages: loaded once, then kept current by the
 * storage watchers (a change made in another tab or by the content script shows up here).
 */
import { useEffect, useState } from 'preact/hooks';
import type { Rule } from '../lib/filters/types';
import { t } from '../lib/i18n';
import type { ReaderSettings } from '../lib/reader/settings';
import { loadRules, watchRules } from '../lib/storage/rules';
import {
  loadAppSettings,
  loadReaderSettings,
  watchAppSettings,
  watchReaderSettings,
} from '../lib/storage/settings';
import type { AppSettings } from '../lib/storage/validate';

export const errorText = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** `null` until loaded. */
function useStored<T>(load: () => Promise<T>, watch: (cb: (value: T) => void) => () => void): [T | null, string | null] {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    // Watch first, so a change made while loading is not missed.
    const stop = watch((next) => {
      if (live) setValue(next);
    });
    load().then(
      (loaded) => {
        if (live) setValue((current) => current ?? loaded);
      },
      (err: unknown) => {
        if (live) setError(t('commonCouldNotReadSettings', errorText(err)));
      },
    );
    return () => {
      live = false;
      stop();
    };
    // `load` and `watch` are module functions (useRules & co.): subscribe once, on mount.
    // oxlint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return [value, error];
}

export const useRules = (): [Rule[] | null, string | null] => useStored(loadRules, watchRules);
export const useAppSettings = (): [AppSettings | null, string | null] =>
  useStored(loadAppSettings, watchAppSettings);
export const useReaderSettings = (): [ReaderSettings | null, string | null] =>
  useStored(loadReaderSettings, watchReaderSettings);
