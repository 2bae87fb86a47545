/**
 * The bookmark shelf: the popup shows it compact (`<Shelf compact />`), the options page whole.
 *
 * Each bookmark is a `ShelfRow` (./ShelfRow.tsx): **Resume** opens the chapter where the reader
 * stopped, in a new tab, scrolled back to the paragraph; **Delete** has **Undo**. Search (title,
 * creator, fandom), sort and the status filter (All, Reading, New chapters, Finished, Read later) are
 * pure (lib/bookmarks/shelf.ts) and read index entries without building their bookmarks; only a
 * window of the result is rendered ("Show more"), so 10,000 bookmarks keep the popup responsive.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { STATUS_LABELS } from '../../lib/bookmarks/record';
import {
  filterEntries,
  prepareSearch,
  resumeUrl,
  SHELF_SORTS,
  shelfSortLabel,
  sortEntries,
  type ShelfEntry,
  type ShelfSort,
  type ShelfStatusFilter,
} from '../../lib/bookmarks/shelf';
import type { Bookmark } from '../../lib/bookmarks/types';
import { t, type MessageKey } from '../../lib/i18n';
import { putBookmark, removeBookmark, updateBookmark } from '../../lib/storage';
import { errorText } from '../hooks';
import { Status, type StatusMessage } from '../Status';
import { countText, formatNumber } from '../text';
import { NOTE_MAX, ShelfRow, type RowActions } from './ShelfRow';
import { useBookmarkEntries } from './useBookmarks';
import './shelf.css';

/** Rows shown before "Show more": the popup shows the few most recent, so Resume is in its first view. */
export const SHELF_PAGE = { compact: 3, full: 100 } as const;

/** The status filter's choices, in the order offered. */
const SHOW: readonly ShelfStatusFilter[] = ['all', 'reading', 'new', 'finished', 'later'];
const showLabel = (show: ShelfStatusFilter): string =>
  show === 'all' ? t('shelfShowAll') : show === 'new' ? t('shelfFactNewChapters') : STATUS_LABELS[show];

function StatusSelect(props: { value: ShelfStatusFilter; onChange: (value: ShelfStatusFilter) => void }) {
  return (
    <label class="shelf-select shelf-show">
      <span>{t('shelfShow')}</span>
      <select value={props.value} onChange={(e) => props.onChange(e.currentTarget.value as ShelfStatusFilter)}>
        {SHOW.map((s) => (
          <option key={s} value={s}>
            {showLabel(s)}
          </option>
        ))}
      </select>
    </label>
  );
}


/** Opens the bookmark where the reader stopped, in a new tab (the popup closes by itself as it loses focus). */
async function openResume(bookmark: Bookmark): Promise<void> {
  await browser.tabs.create({ url: resumeUrl(bookmark), active: true });
}

/**
 * `indexed` (the popup): the entries of the shelf index, read before the first render (null: there
 * was no usable index); without it the compact shelf reads the index itself.
 */
export function Shelf(props: { compact?: boolean; indexed?: ShelfEntry[] | null }) {
  const compact = props.compact ?? false;
  const page = compact ? SHELF_PAGE.compact : SHELF_PAGE.full;
  const { entries, sortedBy, error } = useBookmarkEntries({ fromIndex: compact, indexed: props.indexed });
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<ShelfSort>('readAt');
  const [status, setStatus] = useState<ShelfStatusFilter>('all');
  const [limit, setLimit] = useState<number>(page);
  const [message, setMessage] = useState<StatusMessage | null>(null);

  const sorted = useMemo(
    () => (!entries ? [] : sort === sortedBy ? entries : sortEntries(entries, sort)),
    [entries, sortedBy, sort],
  );
  usePreparedSearch(sorted);
  const shown = useMemo(() => filterEntries(sorted, { search, status }), [sorted, search, status]);
  useEffect(() => setLimit(page), [search, status, sort, page]);

  const announce = (m: StatusMessage) => setMessage(m);
  /** Announces an error; `key` is a message with the error text as its one placeholder. */
  const fail = (key: MessageKey) => (err: unknown) => announce({ text: t(key, errorText(err)), error: true });

  const actions: RowActions = {
    resume: (b) => {
      openResume(b).catch(fail('shelfCouldNotOpen'));
    },
    remove: (b) => {
      removeBookmark(b.site, b.workId).then(
        () => announce({ text: t('shelfDeleted', b.title), undo: () => putBookmark(b), focusUndo: true }),
        fail('commonCouldNotDelete'),
      );
    },
    setStatus: (b, next) => {
      updateBookmark(b.site, b.workId, { status: next }).then(
        () => announce({ text: t('shelfStatusChanged', b.title, STATUS_LABELS[next]) }),
        fail('commonCouldNotSave'),
      );
    },
    setNote: (b, note) =>
      updateBookmark(b.site, b.workId, { note: note.slice(0, NOTE_MAX) }).then(
        () => announce({ text: t(note ? 'shelfNoteSaved' : 'shelfNoteRemoved', b.title) }),
        (err: unknown) => {
          fail('shelfCouldNotSaveNote')(err);
          throw err;
        },
      ),
  };

  const total = entries?.length ?? 0;
  const filtering = search.trim() !== '' || status !== 'all';
  const visible = shown.slice(0, limit);
  // "read 3 days ago" is said from when the bookmarks last changed (a save just now reads "just now").
  // oxlint-disable-next-line react-hooks/exhaustive-deps
  const now = useMemo(() => Date.now(), [entries]);

  return (
    <section class={`panel shelf${compact ? ' shelf-compact' : ''}`} aria-labelledby="shelf-heading">
      <div class="shelf-heading-row">
        <h2 id="shelf-heading">
          {t('shelfHeading')}{' '}
          {entries && total > 0 && <span class="count">{t('commonCount', formatNumber(total))}</span>}
        </h2>
        {/* The popup's filter sits beside the heading, so the first view keeps its height. */}
        {compact && entries !== null && total > 0 && <StatusSelect value={status} onChange={setStatus} />}
      </div>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
      {entries === null && !error && <p class="muted">{t('shelfLoading')}</p>}
      {entries !== null && total === 0 && (
        <p class="muted">{t('shelfEmpty')}</p>
      )}
      {entries !== null && total > 0 && (
        <>
          <div class="shelf-tools" role="search">
            <input
              type="search"
              class="shelf-search"
              aria-label={t('shelfSearchLabel')}
              placeholder={t('shelfSearchPlaceholder')}
              value={search}
              onInput={(e) => setSearch(e.currentTarget.value)}
            />
            <label class="shelf-select">
              <span>{t('shelfSort')}</span>
              <select value={sort} onChange={(e) => setSort(e.currentTarget.value as ShelfSort)}>
                {(Object.keys(SHELF_SORTS) as ShelfSort[]).map((key) => (
                  <option key={key} value={key}>
                    {shelfSortLabel(key)}
                  </option>
                ))}
              </select>
            </label>
            {!compact && <StatusSelect value={status} onChange={setStatus} />}
          </div>
          <p class="shelf-summary muted" aria-live="polite">
            {filtering ? (shown.length === 0 ? t('shelfNoMatches') : countText('shelfMatches', shown.length)) : null}
          </p>
          <ul class="shelf-list">
            {visible.map((entry) => (
              <ShelfRow key={entry.key} entry={entry} compact={compact} now={now} actions={actions} />
            ))}
          </ul>
          {shown.length > visible.length && (
            <button type="button" class="shelf-more" onClick={() => setLimit((n) => n + page)}>
              {countText('shelfShowMore', shown.length - visible.length)}
            </button>
          )}
        </>
      )}
      <Status message={message} onChange={setMessage} />
    </section>
  );
}

/**
 * Makes the entries' search text in idle time once the rows are on screen, so the first keystroke
 * does not fold 10,000 bookmarks' texts (a search before then makes the rest itself).
 */
function usePreparedSearch(entries: readonly ShelfEntry[]) {
  useEffect(() => {
    if (entries.length === 0) return;
    const idle = typeof requestIdleCallback === 'function';
    let done = 0;
    let handle: number | undefined;
    const step = (deadline?: IdleDeadline) => {
      const until = performance.now() + 8;
      done = prepareSearch(entries, done, () => (deadline ? deadline.timeRemaining() > 1 : performance.now() < until));
      if (done < entries.length) schedule();
    };
    const schedule = () => {
      handle = idle ? requestIdleCallback(step, { timeout: 500 }) : (setTimeout(step, 0) as unknown as number);
    };
    schedule();
    return () => {
      if (handle === undefined) return;
      if (idle) cancelIdleCallback(handle);
      else clearTimeout(handle);
    };
  }, [entries]);
}

