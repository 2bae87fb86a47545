/**
 * "Problems found in storage": values Lamplight could not use were set aside (quarantined)
 * rather than deleted. Each can be downloaded as a JSON file or dismissed. Shown only when
 * there is something to show.
 */
import { useEffect, useState } from 'preact/hooks';
import { getQuarantine, removeQuarantine, type QuarantineEntry } from '../lib/storage/quarantine';
import { watchQuarantine } from '../lib/storage/quarantine-watch';
import { downloadText } from './download';
import { errorText } from './hooks';

/** Where the value came from, in plain words. */
export function describeQuarantineKey(key: string): string {
  if (key === 'local:filterRules') return 'Filter rules';
  if (key === 'sync:readerSettings') return 'Reader settings';
  if (key === 'sync:appSettings') return 'Lamplight settings';
  const bookmark = /^(?:local|sync):bookmark:([^:]+):(.+)$/.exec(key);
  if (bookmark) return `A bookmark (${bookmark[1]} work ${bookmark[2]})`;
  return key;
}

export function quarantineFileName(entry: QuarantineEntry): string {
  const what = entry.key.replace(/^(local|sync|session|managed):/, '').replace(/[^A-Za-z0-9_-]+/g, '-');
  const when = (entry.quarantinedAt || 'unknown-date').slice(0, 10);
  return `lamplight-set-aside-${what}-${when}.json`;
}

function formatWhen(iso: string): string {
  const date = new Date(iso);
  return iso && !Number.isNaN(date.getTime()) ? date.toLocaleString() : 'at an unknown time';
}

export function QuarantinePanel() {
  const [entries, setEntries] = useState<QuarantineEntry[]>([]);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const stop = watchQuarantine((next) => live && setEntries(next));
    getQuarantine().then(
      (found) => live && setEntries(found),
      (err: unknown) => live && setProblem(`Could not check storage: ${errorText(err)}`),
    );
    return () => {
      live = false;
      stop();
    };
  }, []);

  const dismiss = (entry: QuarantineEntry) => {
    removeQuarantine(entry.id).then(
      () => setEntries((list) => list.filter((e) => e.id !== entry.id)),
      (err: unknown) => setProblem(`Could not dismiss: ${errorText(err)}`),
    );
  };

  if (entries.length === 0 && !problem) return null;
  return (
    <section class="panel panel-warning" aria-labelledby="problems-heading">
      <h2 id="problems-heading">Problems found in storage</h2>
      {problem && (
        <p role="alert" class="field-error">
          {problem}
        </p>
      )}
      {entries.length > 0 && (
        <>
          <p>
            Lamplight found saved data it could not use, so it set that data aside instead of deleting it.
            Everything else works as usual. Download a copy if you want to keep it or look at it; dismiss it when
            you no longer need it.
          </p>
          <ul class="problem-list">
            {entries.map((entry) => {
              const what = describeQuarantineKey(entry.key);
              return (
                <li key={entry.id}>
                  <p>
                    <strong>{what}</strong>, set aside {formatWhen(entry.quarantinedAt)}
                  </p>
                  {entry.reason && <p class="muted reason">{entry.reason}</p>}
                  <div class="form-actions">
                    <button
                      type="button"
                      aria-label={`Download ${what}`}
                      onClick={() => downloadText(quarantineFileName(entry), `${JSON.stringify(entry, null, 2)}\n`)}
                    >
                      Download
                    </button>
                    <button type="button" aria-label={`Dismiss ${what}`} onClick={() => dismiss(entry)}>
                      Dismiss
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
