/**
 * Keeps the reader's toolbar in reach: it is sticky at the top of the reader (reader.css), tucks away
 * while the reader scrolls down and comes back on a scroll up, a tap on the story, the `t` key or
 * keyboard focus (lib/reader/toolbar.ts decides). Driven by the reader's own rAF-throttled passive
 * scroll handler (session.ts `update`): nothing here listens to scroll or reads layout on open; the
 * toolbar's height arrives from a ResizeObserver after layout.
 */
import { coveredTop, nextBarState, revealed, type BarState } from '../../../lib/reader/toolbar';

export interface ToolbarReveal {
  /** A scroll frame: decide from the scroll position. */
  onFrame(y: number): void;
  /** Show it now (a tap, the key). */
  reveal(): void;
  /** Pixels at the top of the view it covers now (0 while tucked): not read text. */
  covered(): number;
  /** Its height whether shown or not (for placing a jump target below it). */
  height(): number;
}

const focusVisible = (el: Element | null): boolean => {
  try {
    return el?.matches(':focus-visible') ?? false;
  } catch {
    return false;
  }
};

export function toolbarReveal(
  toolbar: HTMLElement,
  options: {
    pinned: () => boolean;
    tucked: boolean;
    onHeight: (px: number) => void;
    /** Aborted when the reader closes: the listeners and the observer stop. */
    signal: AbortSignal;
  },
): ToolbarReveal {
  let state: BarState = options.tucked ? { shown: false, anchor: null } : revealed();
  let barHeight: number | null = null;
  /** Keyboard focus is in the toolbar: it stays shown (a mouse click's focus does not pin it). */
  let keyFocus = false;

  const render = () => toolbar.classList.toggle('tucked', !state.shown);
  render();

  // The content script's own ResizeObserver (in Firefox the page's window is seen through Xrays).
  const observer =
    typeof ResizeObserver === 'function'
      ? new ResizeObserver(() => {
          // Layout is fresh when this runs: reading the height costs nothing.
          const size = toolbar.offsetHeight;
          if (!(size > 0) || size === barHeight) return;
          barHeight = size;
          options.onHeight(size);
        })
      : null;
  observer?.observe(toolbar);
  options.signal.addEventListener('abort', () => observer?.disconnect(), { once: true });

  const reveal = () => {
    state = revealed();
    render();
  };
  const onFocusIn = (event: FocusEvent) => {
    keyFocus = focusVisible(event.target as Element | null);
    if (keyFocus && !state.shown) reveal();
  };
  const onFocusOut = (event: FocusEvent) => {
    const next = event.relatedTarget as Node | null;
    if (!next || !toolbar.contains(next)) keyFocus = false;
  };
  toolbar.addEventListener('focusin', onFocusIn, { signal: options.signal });
  toolbar.addEventListener('focusout', onFocusOut, { signal: options.signal });

  return {
    onFrame(y) {
      const next = nextBarState(state, { y, pinned: keyFocus || options.pinned(), topZone: barHeight ?? 0 });
      if (next === state) return;
      state = next;
      render();
    },
    reveal,
    covered() {
      return coveredTop(state.shown, barHeight);
    },
    height() {
      return barHeight ?? toolbar.offsetHeight;
    },
  };
}
