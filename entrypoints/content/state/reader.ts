/**
 * Whether reader mode is open and what it shows, in the content script's memory. Other features
 * (bookmarks, the popup's status) ask here, never the page: `data-lamplight-reader` on <html> and
 * a `#lamplight-reader-host` can be written by any page script. Opening and closing are told on
 * the page's hub (`reader:change`, ../events.ts).
 */

/** One chapter as the reader shows it: its number and the element holding its story paragraphs. */
export interface ReaderChapter {
  number: number;
  container: Element;
}

export interface OpenReaderView {
  /** Where another feature renders into the reader's toolbar (the Bookmark button), removing it on close. */
  bookmarkSlot: HTMLElement;
  chapters: readonly ReaderChapter[];
  /** Pixels at the top of the view the reader's toolbar covers now (0 while it is tucked away). */
  coveredTop?: () => number;
}

let open: OpenReaderView | null = null;

export function setOpenReader(view: OpenReaderView | null): void {
  open = view;
}

/** The open reader, or null when reader mode is off. */
export function openReaderView(): OpenReaderView | null {
  return open;
}
