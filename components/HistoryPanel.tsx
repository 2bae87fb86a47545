/**
 * The reading history on the options page: pause recording, forget everything, and how many works
 * it holds. The history itself is shown on the sites' listings (entrypoints/content/history/).
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import { countHistory, forgetAllHistory } from '../lib/storage/history';
import { loadHistorySettings, saveHistorySettings, watchHistorySettings } from '../lib/storage/history-settings';
import { Confirm } from './Confirm';
import { errorText } from './hooks';
import { Switch } from './Switch';
import { countText } from './text';

export function HistoryPanel() {
  const [paused, setPaused] = useState<boolean | null>(null);
  const [count, setCount] = useState<number | null>(null);
  const [asking, setAsking] = useState(false);
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const fail = (err: unknown) => setProblem(t('historyError', errorText(err)));

  useEffect(() => {
    let live = true;
    const stop = watchHistorySettings((s) => live && setPaused(s.paused));
    loadHistorySettings().then((s) => live && setPaused(s.paused), fail);
    countHistory().then((n) => live && setCount(n), fail);
    return () => {
      live = false;
      stop();
    };
  }, []);

  const pause = (on: boolean) => {
    setProblem(null);
    saveHistorySettings({ paused: on }).then((s) => setPaused(s.paused), fail);
  };

  const forget = () => {
    setAsking(false);
    setProblem(null);
    forgetAllHistory().then((n) => {
      setCount(0);
      setStatus(countText('historyForgotten', n));
    }, fail);
  };

  return (
    <section id="history" class="panel" aria-labelledby="history-heading">
      <h2 id="history-heading">{t('historyHeading')}</h2>
      <p class="muted">{t('historyIntro')}</p>
      <Switch checked={paused ?? false} onChange={pause} disabled={paused === null}>
        {t('historyPause')}
      </Switch>
      {count !== null && <p>{countText('historyCount', count)}</p>}
      {asking ? (
        <Confirm
          label={t('historyForgetLabel')}
          action={t('historyForget')}
          onConfirm={forget}
          onCancel={() => setAsking(false)}
        >
          {t('historyForgetConfirm')}
        </Confirm>
      ) : (
        <div class="form-actions">
          <button type="button" class="danger" disabled={count === 0} onClick={() => setAsking(true)}>
            {t('historyForget')}
          </button>
        </div>
      )}
      {problem && (
        <p role="alert" class="field-error">
          {problem}
        </p>
      )}
      <div role="status">{status && <p>{status}</p>}</div>
    </section>
  );
}
