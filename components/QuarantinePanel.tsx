/**
 * "Problems found in storage": values Lamplight could not use were set aside (quarantined)
 * rather than deleted. Each can be downloaded as a JSON file or dismissed. Shown only when
 * there is something to show.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import { getQuarantine, removeQuarantine, type QuarantineEntry } from '../lib/storage/quarantine';
import { watchQuarantine } from '../lib/storage/quarantine-watch';
import { downloadText } from './download';
import { errorText } from './hooks';
import { tx } from './text';

/** Where the value came from, in plain words. */
export function describeQuarantineKey(key: string): string {
  if (key === 'local:filterRules') return t('quarantineRules');
  if (key === 'sync:readerSettings') return t('quarantineReaderSettings');
  if (key === 'sync:appSettings') return t('quarantineAppSettings');
  const bookmark = /^(?:local|sync):bookmark:([^:]+):(.+)$/.exec(key);
  if (bookmark) return t('quarantineBookmark', bookmark[1]!, bookmark[2]!);
  return key;
}

export function quarantineFileName(entry: QuarantineEntry): string {
  const what = entry.key.replace(/^(local|sync|session|managed):/, '').replace(/[^A-Za-z0-9_-]+/g, '-');
  const when = (entry.quarantinedAt || 'unknown-date').slice(0, 10);
  return `lamplight-set-aside-${what}-${when}.json`;
}

function formatWhen(iso: string): string {
  const date = new Date(iso);
  return iso && !Number.isNaN(date.getTime()) ? date.toLocaleString() : t('quarantineUnknownTime');
}

export function QuarantinePanel() {
  const [entries, setEntries] = useState<QuarantineEntry[]>([]);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const stop = watchQuarantine((next) => live && setEntries(next));
    getQuarantine().then(
      (found) => live && setEntries(found),
      (err: unknown) => live && setProblem(t('quarantineCouldNotCheck', errorText(err))),
    );
    return () => {
      live = false;
      stop();
    };
  }, []);

  const dismiss = (entry: QuarantineEntry) => {
    removeQuarantine(entry.id).then(
      () => setEntries((list) => list.filter((e) => e.id !== entry.id)),
      (err: unknown) => setProblem(t('quarantineCouldNotDismiss', errorText(err))),
    );
  };

  if (entries.length === 0 && !problem) return null;
  return (
    <section class="panel panel-warning" aria-labelledby="problems-heading">
      <h2 id="problems-heading">{t('quarantineHeading')}</h2>
      {problem && (
        <p role="alert" class="field-error">
          {problem}
        </p>
      )}
      {entries.length > 0 && (
        <>
          <p>{t('quarantineIntro')}</p>
          <ul class="problem-list">
            {entries.map((entry) => {
              const what = describeQuarantineKey(entry.key);
              return (
                <li key={entry.id}>
                  <p>{tx('quarantineSetAside', <strong>{what}</strong>, formatWhen(entry.quarantinedAt))}</p>
                  {entry.reason && <p class="muted reason">{entry.reason}</p>}
                  <div class="form-actions">
                    <button
                      type="button"
                      aria-label={t('quarantineDownloadLabel', what)}
                      onClick={() => downloadText(quarantineFileName(entry), `${JSON.stringify(entry, null, 2)}\n`)}
                    >
                      {t('quarantineDownload')}
                    </button>
                    <button type="button" aria-label={t('quarantineDismissLabel', what)} onClick={() => dismiss(entry)}>
                      {t('quarantineDismiss')}
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
