/**
 * One bookmark on the shelf: title, the site, creators and fandoms, where the reader is and how far
 * through the work ("Chapter 2 of 14 so far · 40%", and a thin bar), when it was last read ("read 3
 * days ago"), Resume; in the full shelf also the status, the note (edited in place) and Delete.
 * Every string from a bookmark is rendered as text.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { chapterLabel, newChaptersLabel, STATUS_LABELS, workPercent } from '../../lib/bookmarks/record';
import type { ShelfEntry } from '../../lib/bookmarks/shelf';
import type { Bookmark, BookmarkStatus } from '../../lib/bookmarks/types';
import { BOOKMARK_STATUSES } from '../../lib/bookmarks/validate';
import { siteName } from '../../lib/filters/rule-sentence';
import { listOf, t } from '../../lib/i18n';
import { lastReadText } from './last-read';

export const NOTE_MAX = 2000;

export interface RowActions {
  resume(b: Bookmark): void;
  remove(b: Bookmark): void;
  setStatus(b: Bookmark, status: BookmarkStatus): void;
  setNote(b: Bookmark, note: string): Promise<unknown>;
}

/** A DOM id from a bookmark key ("ao3:123" → "shelf-ao3-123"). */
const idFor = (key: string) => `shelf-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/** "Chapter 2 of 14 so far · 40%" and the percent (null when the chapters are not known). */
function whereText(b: Bookmark): [string, number | null] {
  const percent = workPercent(b);
  return [percent === null ? chapterLabel(b) : t('shelfFactProgress', chapterLabel(b), percent), percent];
}

/** `now`: the time the shelf was drawn (ms), for "read 3 days ago". */
export function ShelfRow(props: { entry: ShelfEntry; compact: boolean; now: number; actions: RowActions }) {
  const { entry, compact, now, actions } = props;
  const b = entry.bookmark;
  const titleId = `${idFor(entry.key)}-title`;
  const news = newChaptersLabel(b.newChapters);
  const site = siteName(b.site);
  const read = lastReadText(entry.readAt, now);
  const [where, percent] = whereText(b);
  const by = b.authors.length > 0 ? t('shelfBy', listOf(b.authors)) : '';
  return (
    <li class="shelf-item" data-bookmark={entry.key}>
      <div class="shelf-head">
        <a class="shelf-title" id={titleId} href={b.url} target="_blank" rel="noopener noreferrer">
          {b.title}
        </a>
        {news && <span class="badge shelf-new">{news}</span>}
      </div>
      {compact ? (
        // One line each in the popup: site, creators, fandoms; then where the reader is and when.
        <>
          <p class="shelf-line">
            <span class="shelf-site">{site}</span>
            {by && ` · ${by}`}
            {b.fandoms.length > 0 && ' · '}
            {b.fandoms.length > 0 && <span class="muted shelf-fandoms">{listOf(b.fandoms)}</span>}
          </p>
          <p class="shelf-line shelf-where" title={read ? `${where} · ${read}` : where}>
            {where}
            {read && <span class="muted shelf-read"> · {read}</span>}
          </p>
        </>
      ) : (
        <>
          {by && <p class="shelf-line">{by}</p>}
          {b.fandoms.length > 0 && <p class="shelf-line muted shelf-fandoms">{listOf(b.fandoms)}</p>}
          <p class="shelf-line muted">
            <span class="shelf-site">{site}</span>
            {read && <span class="shelf-read"> · {read}</span>}
          </p>
          <p class="shelf-line shelf-where">{where}</p>
        </>
      )}
      {percent !== null && (
        <span
          class="shelf-bar"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-label={t('shelfFactProgressLabel', percent)}
          style={{ '--shelf-percent': `${percent}%` }}
        />
      )}
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
