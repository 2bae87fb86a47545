/**
 * Sync on the options page: what the last sync did, in plain words, and the **Also sync
 * bookmarks** switch (appSettings.syncBookmarks). Rules always sync through the browser's own
 * sync (lib/storage/sync.ts); this panel only shows and switches.
 */
import { useEffect, useState } from 'preact/hooks';
import { saveAppSettings } from '../lib/storage/settings';
import { loadSyncStatus, watchSyncStatus, type SyncStatus } from '../lib/storage/sync';
import { errorText, useAppSettings } from './hooks';
import { Switch } from './Switch';

const number = (n: number): string => n.toLocaleString('en-US');
const count = (n: number, one: string, many = `${one}s`): string => `${number(n)} ${n === 1 ? one : many}`;

function when(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleString();
}

/**
 * The status as sentences: "3,412 bookmarks are too many for your browser's sync space; the 420
 * most recently read are synced, the rest stay on this device."
 */
export function describeSyncStatus(status: SyncStatus | null): string[] {
  if (!status) return ['Not synced yet.'];
  const lines: string[] = [];
  const { syncedRules, syncedBookmarks, leftOut } = status;
  const allRules = syncedRules + leftOut.rules;
  const allBookmarks = syncedBookmarks + leftOut.bookmarks;
  if (status.lastError) {
    lines.push(`The last sync did not finish: ${status.lastError}. Everything is still saved on this device.`);
  } else {
    if (allRules === 0) lines.push('No filter rules to sync yet.');
    else if (leftOut.rules === 0) lines.push(allRules === 1 ? '1 filter rule is synced.' : `${count(allRules, 'filter rule')} are synced.`);
    else
      lines.push(
        `${count(allRules, 'filter rule')} are too many for your browser's sync space; the first ${number(syncedRules)} ${syncedRules === 1 ? 'is' : 'are'} synced, the rest stay on this device.`,
      );
    if (!status.bookmarks) lines.push('Bookmarks stay on this device.');
    else if (allBookmarks === 0) lines.push('No bookmarks to sync yet.');
    else if (leftOut.bookmarks === 0)
      lines.push(allBookmarks === 1 ? '1 bookmark is synced.' : `${count(allBookmarks, 'bookmark')} are synced.`);
    else if (leftOut.bookmarks === leftOut.tooBig)
      lines.push(
        `${number(syncedBookmarks)} of ${count(allBookmarks, 'bookmark')} are synced; ${leftOut.tooBig === 1 ? 'one is' : `${number(leftOut.tooBig)} are`} too large for your browser's sync space (a very long note?) and stay${leftOut.tooBig === 1 ? 's' : ''} on this device.`,
      );
    else
      lines.push(
        `${count(allBookmarks, 'bookmark')} are too many for your browser's sync space; the ${syncedBookmarks === 1 ? 'most recently read is' : `${number(syncedBookmarks)} most recently read are`} synced, the rest stay on this device.`,
      );
  }
  const at = when(status.at);
  if (at) lines.push(`Last synced ${at}.`);
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
      (err: unknown) => live && setProblem(`Could not read the sync status: ${errorText(err)}`),
    );
    return () => {
      live = false;
      stop();
    };
  }, []);

  const setSyncBookmarks = (syncBookmarks: boolean) => {
    setProblem(null);
    saveAppSettings({ syncBookmarks }).catch((err: unknown) => setProblem(`Could not save: ${errorText(err)}`));
  };

  const error = problem ?? appError;
  return (
    <section id="sync" class="panel" aria-labelledby="sync-heading">
      <h2 id="sync-heading">Sync</h2>
      <p class="muted">
        Your filter rules follow you to every computer where you are signed in to this browser, through the
        browser&rsquo;s own sync. Nothing goes to a Lamplight server.
      </p>
      <Switch
        checked={app?.syncBookmarks ?? false}
        onChange={setSyncBookmarks}
        disabled={app === null}
        describedBy="sync-bookmarks-hint"
      >
        Also sync bookmarks
      </Switch>
      <p id="sync-bookmarks-hint" class="hint">
        Bookmarks and reading positions too. The browser&rsquo;s sync space is small (about 100 KB): if your
        bookmarks do not all fit, the most recently read are synced and the rest stay on this device.
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
