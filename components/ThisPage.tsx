/**
 * The popup's "This page": what Lamplight is doing on the active tab, from the content
 * script's `page:status`, and the Reader mode button on a work page.
 */
import { useEffect, useState } from 'preact/hooks';
import {
  activeTabId,
  parseBookmarkReply,
  parsePageStatus,
  parseReaderToggleReply,
  sendToTab,
  type PageStatus,
} from '../lib/messages';
import { plural } from './rules';

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

  useEffect(() => {
    let live = true;
    readStatus().then((s) => live && setState(s));
    return () => {
      live = false;
    };
  }, []);

  const toggleReader = async () => {
    if (state.phase !== 'page' || busy) return;
    setBusy(true);
    setProblem(null);
    const reply = parseReaderToggleReply(await sendToTab(state.tabId, { type: 'reader:toggle' }));
    setBusy(false);
    if (!reply) {
      setProblem('Could not reach this page. Reload it and try again.');
      return;
    }
    setState({ ...state, status: { ...state.status, readerOn: reply.readerOn } });
  };

  const toggleBookmark = async () => {
    if (state.phase !== 'page' || busy) return;
    setBusy(true);
    setProblem(null);
    const reply = parseBookmarkReply(await sendToTab(state.tabId, { type: 'bookmark:toggle' }));
    setBusy(false);
    if (!reply) {
      setProblem('Could not reach this page. Reload it and try again.');
      return;
    }
    setState({ ...state, status: { ...state.status, bookmarked: reply.bookmarked } });
  };

  return (
    <section class="panel" aria-labelledby="page-heading">
      <h2 id="page-heading">This page</h2>
      {state.phase === 'loading' && <p class="muted">Looking at this page…</p>}
      {state.phase === 'unsupported' && (
        <p class="muted">
          Lamplight works on AO3 and FanFiction.net. Open a work or a list of works there.
        </p>
      )}
      {state.phase === 'page' && (
        <PageDetails status={state.status} busy={busy} onToggle={toggleReader} onBookmark={toggleBookmark} />
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
}

function PageDetails(props: PageDetailsProps) {
  const { status, busy, onToggle, onBookmark } = props;
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
            Reader mode
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
              Bookmark
            </button>
          )}
        </div>
      )}
      {(status.kind === 'listing' || filtered > 0) && (
        <p>
          {filtered === 0
            ? 'No works filtered on this page'
            : `${plural(filtered, 'work')} filtered on this page`}
        </p>
      )}
      {status.kind === 'adult-gate' && <p class="muted">This work asks you to confirm adult content first.</p>}
      {status.kind !== 'work' && status.kind !== 'listing' && status.kind !== 'adult-gate' && filtered === 0 && (
        <p class="muted">Nothing to filter here. Open a work or a list of works.</p>
      )}
    </>
  );
}
