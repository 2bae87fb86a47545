/**
 * Sync on the options page: what the last sync did, in plain words, and the **Also sync
 * bookmarks** switch (appSettings.syncBookmarks). Rules always sync through the browser's own
 * sync (lib/storage/sync.ts); this panel only shows and switches.
 */
import { useEffect, useState } from 'preact/hooks';
import { t, tn } from '../lib/i18n';
import { saveAppSettings } from '../lib/storage/settings';
import { loadSyncStatus, watchSyncStatus, type SyncStatus } from '../lib/storage/sync';
import { errorText, useAppSettings } from './hooks';
import { Switch } from './Switch';
import { countText, formatNumber as number } from './text';

function when(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleString();
}

/**
 * The status as sentences: "3,412 bookmarks are too many for your browser's sync space; the 420
 * most recently read are synced, the rest stay on this device."
 */
export function describeSyncStatus(status: SyncStatus | null): string[] {
  if (!status) return [t('syncNotYet')];
  const lines: string[] = [];
  const { syncedRules, syncedBookmarks, leftOut } = status;
  const allRules = syncedRules + leftOut.rules;
  const allBookmarks = syncedBookmarks + leftOut.bookmarks;
  if (status.lastError) {
    lines.push(t('syncFailed', status.lastError));
  } else {
    if (allRules === 0) lines.push(t('syncNoRules'));
    else if (leftOut.rules === 0) lines.push(countText('syncRulesSynced', allRules));
    else lines.push(tn('syncRulesTooMany', syncedRules, number(syncedRules), number(allRules)));
    if (!status.bookmarks) lines.push(t('syncBookmarksLocal'));
    else if (allBookmarks === 0) lines.push(t('syncNoBookmarks'));
    else if (leftOut.bookmarks === 0) lines.push(countText('syncBookmarksSynced', allBookmarks));
    else if (leftOut.bookmarks === leftOut.tooBig)
      lines.push(
        tn('syncBookmarksTooBig', leftOut.tooBig, number(leftOut.tooBig), number(syncedBookmarks), number(allBookmarks)),
      );
    else lines.push(tn('syncBookmarksTooMany', syncedBookmarks, number(syncedBookmarks), number(allBookmarks)));
  }
  const at = when(status.at);
  if (at) lines.push(t('syncLastSynced', at));
  return lines;
}

export function SyncPanel() {
  const [app, appError] = useAppSettings();
  const [status, setStatus] = useState<SyncStatus | null | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const stop = watchSyncStatus((next) => live && setStatus(next));
    loadSyncStatus().then(
      (found) => live && setStatus((current) => (current === undefined ? found : current)),
      (err: unknown) => live && setProblem(t('syncCouldNotRead', errorText(err))),
    );
    return () => {
      live = false;
      stop();
    };
  }, []);

  const setSyncBookmarks = (syncBookmarks: boolean) => {
    setProblem(null);
    saveAppSettings({ syncBookmarks }).catch((err: unknown) => setProblem(t('commonCouldNotSave', errorText(err))));
  };

  const error = problem ?? appError;
  return (
    <section id="sync" class="panel" aria-labelledby="sync-heading">
      <h2 id="sync-heading">{t('syncHeading')}</h2>
      <p class="muted">{t('syncIntro')}</p>
      <Switch
        checked={app?.syncBookmarks ?? false}
        onChange={setSyncBookmarks}
        disabled={app === null}
        describedBy="sync-bookmarks-hint"
      >
        {t('syncAlsoBookmarks')}
      </Switch>
      <p id="sync-bookmarks-hint" class="hint">
        {t('syncBookmarksHint')}
      </p>
      {error && (
        <p role="alert" class="field-error">
          {error}
        </p>
      )}
      <div role="status" class="sync-status">
        {status !== undefined && describeSyncStatus(status).map((line) => <p key={line}>{line}</p>)}
      </div>
    </section>
  );
}
