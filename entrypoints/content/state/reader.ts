/**
 * Whether reader mode is open and what it shows, in the content script's memory. Other features
 * (bookmarks, the popup's status) ask here, never the page: `data-lamplight-reader` on <html> and
 * a `#lamplight-reader-host` can be written by any page script.
 */
import { listeners } from './listeners';
import type { Work } from '../../../lib/sites/types';

/** One chapter as the reader shows it: its number and the element holding its story paragraphs. */
export interface ReaderChapter {
  number: number;
  container: Element;
}

export interface OpenReaderView {
  /** Where the reader renders add-ons such as the Bookmark button. */
  bookmarkSlot: HTMLElement;
  chapters: readonly ReaderChapter[];
  /** Pixels at the top of the view the reader's toolbar covers now (0 while it is tucked away). */
  coveredTop?: () => number;
}

/** Renders into a slot of the reader's toolbar when it opens; a returned function runs when it closes. */
export type SlotRenderer = (slot: HTMLElement, work: Work) => (() => void) | void;

const state = {
  open: null as OpenReaderView | null,
  changes: listeners(),
  slots: new Map<'bookmark', SlotRenderer>(),
};

export function setOpenReader(view: OpenReaderView | null): void {
  state.open = view;
  state.changes.notify();
}

/** The open reader, or null when reader mode is off. */
export function openReaderView(): OpenReaderView | null {
  return state.open;
}

export const onReaderChange = (listener: () => void): (() => void) => state.changes.add(listener);

/** What the reader renders in its toolbar's slots each time it opens. */
export function readerSlots(): ReadonlyMap<'bookmark', SlotRenderer> {
  return state.slots;
}

/**
 * For the bookmarks feature: render into the reader's bookmark slot (a `span[data-lamplight-slot=bookmark]`
 * in the reader's toolbar, inside its shadow root) each time the reader opens. The renderer's return
 * value, if a function, is called when the reader closes. Returns an unregister function.
 */
export function registerReaderSlot(name: 'bookmark', render: SlotRenderer): () => void {
  state.slots.set(name, render);
  return () => {
    if (state.slots.get(name) === render) state.slots.delete(name);
  };
}
