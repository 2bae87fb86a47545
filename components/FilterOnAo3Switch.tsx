/**
 * The "Filter on AO3 too" switch (appSettings.filterOnAo3), options page only: what it does is said
 * under it in plain words, since it changes the address of AO3's pages.
 */
import { useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import { saveAppSettings } from '../lib/storage/settings';
import { errorText, useAppSettings } from './hooks';
import { Switch } from './Switch';

export function FilterOnAo3Switch() {
  const [app] = useAppSettings();
  const [error, setError] = useState<string | null>(null);
  const set = (filterOnAo3: boolean) => {
    saveAppSettings({ filterOnAo3 }).then(
      () => setError(null),
      (err: unknown) => setError(t('commonCouldNotSave', errorText(err))),
    );
  };
  return (
    <div class="filter-on-ao3">
      <Switch checked={app?.filterOnAo3 ?? false} onChange={set} disabled={app === null} describedBy="filter-on-ao3-note">
        {t('filterOnAo3Switch')}
      </Switch>
      <p id="filter-on-ao3-note" class="hint">
        {t('filterOnAo3Hint')}
      </p>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
