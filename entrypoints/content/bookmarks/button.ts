/**
 * The Bookmark button on a work page: one in the navigation bar now, one in the reader's toolbar
 * each time the reader opens. Every copy shows whether the work is saved (`render`).
 */
import { openReaderView } from '../state/reader';
import { addPressedStyle, bookmarkButton, placeButton, showPressed } from './ui';
import { warn } from './warn';
import { onAbort } from './on-abort';
import type { WorkBookmarkState } from './work-state';

export interface BookmarkButtons {
  /** Shows every copy of the button pressed when the work is saved (`state.current`). */
  render(): void;
}

export function startBookmarkButtons(state: WorkBookmarkState, onClick: () => void): BookmarkButtons {
  const { doc, signal, events } = state;
  const buttons = new Set<HTMLButtonElement>();
  const render = () => {
    for (const button of buttons) showPressed(button, state.current !== null);
  };

  try {
    onAbort(signal, addPressedStyle(doc));
    const button = bookmarkButton(doc, onClick);
    buttons.add(button);
    const remove = placeButton(doc, state.work.navigation, button);
    onAbort(signal, () => {
      remove();
      buttons.delete(button);
    });
  } catch (error) {
    warn('could not add the Bookmark button.', error);
  }

  const renderSlot = (slot: HTMLElement) => {
    const button = bookmarkButton(slot.ownerDocument, onClick);
    showPressed(button, state.current !== null);
    buttons.add(button);
    slot.append(button);
    return () => {
      button.remove();
      buttons.delete(button);
    };
  };
  // One copy in the reader's toolbar while it is open, taken away when it closes.
  let inReader: (() => void) | null = null;
  const leaveReader = () => {
    inReader?.();
    inReader = null;
  };
  const enterReader = (slot: HTMLElement | undefined) => {
    leaveReader();
    try {
      if (slot) inReader = renderSlot(slot);
    } catch (error) {
      warn('could not add the Bookmark button to the open reader.', error);
    }
  };
  events.on('reader:change', (view) => enterReader(view?.bookmarkSlot), signal);
  onAbort(signal, leaveReader);
  // The reader may already be open (it started first and opened by itself).
  enterReader(openReaderView()?.bookmarkSlot);
  render();
  return { render };
}
