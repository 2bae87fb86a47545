/**
 * The reader's toolbar: Reader mode (off), previous and next chapter, the chapter list, the slot
 * other features render into (Bookmark) and Reader settings. Built detached; the session attaches it.
 */
import { t } from '../../../lib/i18n';
import { withReaderMarker } from '../../../lib/reader/navigation';
import type { Work } from '../../../lib/sites/types';
import { h } from './dom';
import type { TagsDisclosure } from './work-head';

/** What each of the reader's own controls does. */
export type Action = 'exit' | 'previous' | 'next' | 'settings' | 'chapters' | 'tags';

export interface ReaderToolbar {
  element: HTMLElement;
  previous: HTMLButtonElement;
  next: HTMLButtonElement;
  settingsButton: HTMLButtonElement;
  /** The chapter list and its button, when the work lists more than one chapter. */
  list: HTMLOListElement | null;
  listButton: HTMLButtonElement | null;
  listLinks: readonly HTMLAnchorElement[];
  /** Where the bookmarks feature renders its button (handed over in the `reader:change` event, ../events.ts). */
  bookmarkSlot: HTMLElement;
  /** The control an element belongs to, looking up its ancestors until `stop`. */
  actionOf(origin: Element, stop: Element): Action | undefined;
  setList(open: boolean): void;
}

const LIST_ID = 'll-chapter-list';

export function buildToolbar(
  doc: Document,
  work: Work,
  options: { many: boolean; tags: TagsDisclosure | null; settingsId: string },
): ReaderToolbar {
  // Each button: a decorative icon and its label; on a narrow screen only the icons show (reader.css).
  const icon = (glyph: string) => h(doc, 'span', { class: 'icon', 'aria-hidden': 'true' }, glyph);
  const label = (text: string) => h(doc, 'span', { class: 'label' }, text);
  const button = (action: Action, attrs: Record<string, string | boolean>, ...children: HTMLElement[]) =>
    h(doc, 'button', { type: 'button', 'data-action': action, ...attrs }, ...children);

  const exit = button('exit', { 'aria-pressed': 'true', title: t('readerExitTitle') }, icon('✕'), label(t('readerToggle')));
  const previous = button('previous', { hidden: true }, icon('←'), label(t('readerPreviousChapter')));
  const next = button('next', { hidden: true }, label(t('readerNextChapter')), icon('→'));

  // Chapter list: links, so a chapter can also be opened in a new tab (already marked for the reader).
  const list = work.chapterList.length > 1 ? h(doc, 'ol', { class: 'chapter-list', id: LIST_ID, hidden: true }) : null;
  const listLinks: HTMLAnchorElement[] = [];
  if (list) {
    for (const entry of work.chapterList) {
      const link = h(
        doc,
        'a',
        {
          href: withReaderMarker(entry.url),
          'data-chapter': entry.number,
          'aria-current': !options.many && entry.number === work.currentChapter ? 'page' : null,
        },
        t('readerChapterListItem', entry.number, entry.title),
      );
      listLinks.push(link);
      list.append(h(doc, 'li', null, link));
    }
  }
  const listButton = list
    ? button('chapters', { 'aria-expanded': 'false', 'aria-controls': LIST_ID }, icon('☰'), label(t('readerChapters')))
    : null;
  const settingsButton = button(
    'settings',
    { 'aria-expanded': 'false', 'aria-controls': options.settingsId },
    icon('Aa'),
    label(t('readerSettings')),
  );

  // `data-action` stays on the buttons for tests and styles only: a click is matched against these
  // elements, so story markup can never pass for a control.
  const actions = new Map<Element, Action>([
    [exit, 'exit'],
    [previous, 'previous'],
    [next, 'next'],
    [settingsButton, 'settings'],
  ]);
  if (listButton) actions.set(listButton, 'chapters');
  if (options.tags) actions.set(options.tags.button, 'tags');

  const bookmarkSlot = h(doc, 'span', { class: 'slot', 'data-lamplight-slot': 'bookmark' });
  const element = h(
    doc,
    'div',
    { class: 'toolbar', role: 'group', 'aria-label': t('readerControls') },
    exit,
    h(doc, 'span', { class: 'spacer' }),
    previous,
    listButton ? h(doc, 'div', { class: 'chapters' }, listButton, list) : null,
    next,
    h(doc, 'span', { class: 'spacer' }),
    bookmarkSlot,
    settingsButton,
  );

  return {
    element,
    previous,
    next,
    settingsButton,
    list,
    listButton,
    listLinks,
    bookmarkSlot,
    actionOf(origin, stop) {
      for (let el: Element | null = origin; el && el !== stop; el = el.parentElement) {
        const action = actions.get(el);
        if (action) return action;
      }
      return undefined;
    },
    setList(open) {
      if (!list || !listButton) return;
      list.hidden = !open;
      listButton.setAttribute('aria-expanded', String(open));
    },
  };
}
