/**
 * The popup's "This page": what Lamplight is doing on the active tab, from the content
 * script's `page:status`; on a work page the Reader mode and Bookmark buttons and the work's line in
 * the reading history.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import {
  activeTabId,
  parseBookmarkReply,
  parseHistoryForgetReply,
  parsePageStatus,
  parseReaderToggleReply,
  parseToBackground,
  sendToTab,
  type PageStatus,
  type ToContent,
} from '../lib/messages';
import { t } from '../lib/i18n';
import { countText } from './text';

type State =
  | { phase: 'loading' }
  | { phase: 'unsupported' }
  | { phase: 'page'; tabId: number; status: PageStatus };

async function readStatus(): Promise<State> {
  const tabId = await activeTabId().catch(() => null);
  if (tabId === null) return { phase: 'unsupported' };
  const status = parsePageStatus(await sendToTab(tabId, { type: 'page:status' }));
  return status ? { phase: 'page', tabId, status } : { phase: 'unsupported' };
}

export function ThisPage() {
  const [state, setState] = useState<State>({ phase: 'loading' });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [forgotten, setForgotten] = useState(false);

  useEffect(() => {
    let live = true;
    readStatus().then((s) => live && setState(s));
    return () => {
      live = false;
    };
  }, []);

  // The page reports its filtered count whenever it changes (rules changed here or elsewhere, more
  // of the page parsed): that report reaches extension pages too, so the count follows live.
  const tabId = state.phase === 'page' ? state.tabId : null;
  useEffect(() => {
    if (tabId === null) return undefined;
    const onMessage = (message: unknown, sender: Browser.runtime.MessageSender) => {
      const report = parseToBackground(message);
      if (report?.type !== 'badge:filtered' || sender.tab?.id !== tabId || sender.id !== browser.runtime.id) return undefined;
      setState((s) => (s.phase === 'page' && s.tabId === tabId ? { ...s, status: { ...s.status, filtered: report.count } } : s));
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, [tabId]);

  /** Sends `message` to the page; a reply `parse` accepts is applied, anything else says the page is unreachable. */
  const ask = async <R,>(message: ToContent, parse: (reply: unknown) => R | null, apply: (reply: R, status: PageStatus) => PageStatus) => {
    if (state.phase !== 'page' || busy) return;
    setBusy(true);
    setProblem(null);
    const reply = parse(await sendToTab(state.tabId, message));
    setBusy(false);
    if (reply === null) setProblem(t('popupPageUnreachable'));
    else setState({ ...state, status: apply(reply, state.status) });
  };

  const toggleReader = () => ask({ type: 'reader:toggle' }, parseReaderToggleReply, (r, s) => ({ ...s, readerOn: r.readerOn }));
  const toggleBookmark = () => ask({ type: 'bookmark:toggle' }, parseBookmarkReply, (r, s) => ({ ...s, bookmarked: r.bookmarked }));
  const forgetWork = () =>
    ask({ type: 'history:forget' }, parseHistoryForgetReply, (r, s) => {
      if (r.forgotten) setForgotten(true);
      return s;
    });

  return (
    <section class="panel" aria-labelledby="page-heading">
      <h2 id="page-heading">{t('popupThisPage')}</h2>
      {state.phase === 'loading' && <p class="muted">{t('popupLookingAtPage')}</p>}
      {state.phase === 'unsupported' && (
        <p class="muted">{t('popupUnsupported')}</p>
      )}
      {state.phase === 'page' && (
        <PageDetails
          status={state.status}
          busy={busy}
          onToggle={toggleReader}
          onBookmark={toggleBookmark}
          forgotten={forgotten}
          onForget={forgetWork}
        />
      )}
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}

interface PageDetailsProps {
  status: PageStatus;
  busy: boolean;
  onToggle: () => void;
  onBookmark: () => void;
  forgotten: boolean;
  onForget: () => void;
}

function PageDetails(props: PageDetailsProps) {
  const { status, busy, onToggle, onBookmark, forgotten, onForget } = props;
  const filtered = status.filtered;
  return (
    <>
      {status.kind === 'work' && (
        <div class="page-work">
          {status.work && <p class="work-title">{status.work.title}</p>}
          <button
            type="button"
            class="reader-button"
            aria-pressed={status.readerOn ? 'true' : 'false'}
            disabled={busy}
            onClick={onToggle}
          >
            <span class="reader-dot" aria-hidden="true" />
            {t('popupReaderMode')}
          </button>{' '}
          {status.bookmarked !== undefined && (
            <button
              type="button"
              class="reader-button"
              aria-pressed={status.bookmarked ? 'true' : 'false'}
              disabled={busy}
              onClick={onBookmark}
            >
              <span class="reader-dot" aria-hidden="true" />
              {t('popupBookmark')}
            </button>
          )}
          {status.history !== undefined && <WorkHistoryLine text={status.history} forgotten={forgotten} onForget={onForget} />}
        </div>
      )}
      {(status.kind === 'listing' || filtered > 0) && (
        <p>
          {filtered === 0 ? t('popupNoneFiltered') : countText('popupFiltered', filtered)}
        </p>
      )}
      {status.kind === 'adult-gate' && <p class="muted">{t('popupAdultGate')}</p>}
      {status.kind !== 'work' && status.kind !== 'listing' && status.kind !== 'adult-gate' && filtered === 0 && (
        <p class="muted">{t('popupNothingToFilter')}</p>
      )}
    </>
  );
}

/** The work's line in the reading history, and Forget this work; after it, what forgetting did. */
function WorkHistoryLine({ text, forgotten, onForget }: { text: string; forgotten: boolean; onForget: () => void }) {
  if (forgotten) return <p role="status">{t('historyWorkForgotten')}</p>;
  return (
    <p class="work-history">
      {t('historyThisWork', text)}{' '}
      <button type="button" class="link-button" onClick={onForget}>
        {t('historyForgetWork')}
      </button>
    </p>
  );
}
