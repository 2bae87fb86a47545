/**
 * The bookmark shelf: the popup shows it compact (`<Shelf compact />`), the options page whole.
 *
 * Each bookmark: title, creators, fandoms, "Chapter 3 of 10", status, a "2 new chapters" badge,
 * **Resume** (opens the chapter where the reader stopped, in a new tab, scrolled back to the
 * paragraph), and in the full shelf the status and note edited in place; **Delete** with **Undo**.
 * Search (title, creator, fandom), sort and status filter are pure (lib/bookmarks/shelf.ts); only a
 * window of the result is rendered ("Show more"), so 10,000 bookmarks keep the popup responsive.
 * Every string from a bookmark is rendered as text.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { chapterLabel, newChaptersLabel, STATUS_LABELS } from '../../lib/bookmarks/record';
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
import type { Bookmark, BookmarkStatus } from '../../lib/bookmarks/types';
import { BOOKMARK_STATUSES } from '../../lib/bookmarks/validate';
import { listOf, t, type MessageKey } from '../../lib/i18n';
import { putBookmark, removeBookmark, updateBookmark } from '../../lib/storage';
import { errorText } from '../hooks';
import { Status, type StatusMessage } from '../Status';
import { countText, formatNumber } from '../text';
import { useBookmarkEntries } from './useBookmarks';
import './shelf.css';

/** Rows rendered at first, and added by each "Show more". */
/** Rows shown before "Show more": the popup shows the few most recent, so Resume is in its first view. */
export const SHELF_PAGE = { compact: 3, full: 100 } as const;
const NOTE_MAX = 2000;


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

  return (
    <section class={`panel shelf${compact ? ' shelf-compact' : ''}`} aria-labelledby="shelf-heading">
      <h2 id="shelf-heading">
        {t('shelfHeading')}{' '}
        {entries && total > 0 && <span class="count">{t('commonCount', formatNumber(total))}</span>}
      </h2>
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
            {!compact && (
              <label class="shelf-select">
                <span>{t('shelfShow')}</span>
                <select value={status} onChange={(e) => setStatus(e.currentTarget.value as ShelfStatusFilter)}>
                  <option value="all">{t('shelfShowAll')}</option>
                  {BOOKMARK_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {STATUS_LABELS[s]}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </div>
          <p class="shelf-summary muted" aria-live="polite">
            {filtering ? (shown.length === 0 ? t('shelfNoMatches') : countText('shelfMatches', shown.length)) : null}
          </p>
          <ul class="shelf-list">
            {visible.map((entry) => (
              <ShelfRow key={entry.key} entry={entry} compact={compact} actions={actions} />
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

interface RowActions {
  resume(b: Bookmark): void;
  remove(b: Bookmark): void;
  setStatus(b: Bookmark, status: BookmarkStatus): void;
  setNote(b: Bookmark, note: string): Promise<unknown>;
}

/** A DOM id from a bookmark key ("ao3:123" → "shelf-ao3-123"). */
const idFor = (key: string) => `shelf-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;

function ShelfRow(props: { entry: ShelfEntry; compact: boolean; actions: RowActions }) {
  const { entry, compact, actions } = props;
  const b = entry.bookmark;
  const titleId = `${idFor(entry.key)}-title`;
  const news = newChaptersLabel(b.newChapters);
  return (
    <li class="shelf-item" data-bookmark={entry.key}>
      <div class="shelf-head">
        <a class="shelf-title" id={titleId} href={b.url} target="_blank" rel="noopener noreferrer">
          {b.title}
        </a>
        {news && <span class="badge shelf-new">{news}</span>}
      </div>
      {compact ? (
        // One line in the popup: creators, then fandoms.
        (b.authors.length > 0 || b.fandoms.length > 0) && (
          <p class="shelf-line">
            {b.authors.length > 0 && t('shelfBy', listOf(b.authors))}
            {b.authors.length > 0 && b.fandoms.length > 0 && ' · '}
            {b.fandoms.length > 0 && <span class="muted shelf-fandoms">{listOf(b.fandoms)}</span>}
          </p>
        )
      ) : (
        <>
          {b.authors.length > 0 && <p class="shelf-line">{t('shelfBy', listOf(b.authors))}</p>}
          {b.fandoms.length > 0 && <p class="shelf-line muted shelf-fandoms">{listOf(b.fandoms)}</p>}
        </>
      )}
      <p class="shelf-line">
        {chapterLabel(b)}
        {compact && <span class="muted"> · {STATUS_LABELS[b.status]}</span>}
      </p>
      {compact && b.note && <p class="shelf-line shelf-note-text">{b.note}</p>}
      {!compact && <NoteEditor bookmark={b} idBase={idFor(entry.key)} save={(note) => actions.setNote(b, note)} />}
      <div class="shelf-actions">
        <button type="button" class="primary" aria-describedby={titleId} onClick={() => actions.resume(b)}>
          {t('shelfResume')}
        </button>
        {!compact && (
          <label class="shelf-select">
            <span class="visually-hidden">{t('shelfStatusOf', b.title)}</span>
            <select value={b.status} onChange={(e) => actions.setStatus(b, e.currentTarget.value as BookmarkStatus)}>
              {BOOKMARK_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
        )}
        {/* The popup keeps to Resume; deleting is on the options page's shelf. */}
        {!compact && (
          <button type="button" class="danger" aria-describedby={titleId} onClick={() => actions.remove(b)}>
            {t('commonDelete')}
          </button>
        )}
      </div>
    </li>
  );
}

function NoteEditor(props: { bookmark: Bookmark; idBase: string; save: (note: string) => Promise<unknown> }) {
  const { bookmark, idBase, save } = props;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(bookmark.note);
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (editing) field.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      editButton.current?.focus();
    }
  }, [editing]);

  if (!editing) {
    return (
      <div class="shelf-note">
        {bookmark.note && <p class="shelf-line shelf-note-text">{bookmark.note}</p>}
        <button
          type="button"
          class="link-button"
          ref={editButton}
          onClick={() => {
            setDraft(bookmark.note);
            setEditing(true);
          }}
        >
          {t(bookmark.note ? 'shelfEditNote' : 'shelfAddNote')}
          <span class="visually-hidden">
            {' '}
            {t('shelfNoteOnHidden', bookmark.title)}
          </span>
        </button>
      </div>
    );
  }
  const fieldId = `${idBase}-note`;
  const close = () => {
    returnFocus.current = true;
    setEditing(false);
  };
  return (
    <form
      class="shelf-note"
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        save(draft.trim()).then(
          () => {
            setBusy(false);
            close();
          },
          () => setBusy(false),
        );
      }}
    >
      <label for={fieldId} class="shelf-note-label">
        {t('shelfNoteOn', bookmark.title)}
      </label>
      <textarea
        id={fieldId}
        ref={field}
        rows={3}
        maxLength={NOTE_MAX}
        value={draft}
        onInput={(e) => setDraft(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            close();
          }
        }}
      />
      <div class="shelf-actions">
        <button type="submit" class="primary" disabled={busy}>
          {t('shelfSaveNote')}
        </button>
        <button type="button" onClick={close}>
          {t('commonCancel')}
        </button>
      </div>
    </form>
  );
}
