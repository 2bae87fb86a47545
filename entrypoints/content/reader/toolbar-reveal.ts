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
  stop(): void;
}

const focusVisible = (el: Element | null): boolean => {
  try {
    return el?.matches(':focus-visible') ?? false;
  } catch {
    return false;
  }
};

export function toolbarReveal(
  win: Window,
  toolbar: HTMLElement,
  options: { pinned: () => boolean; tucked: boolean; onHeight: (px: number) => void },
): ToolbarReveal {
  let state: BarState = options.tucked ? { shown: false, anchor: null } : revealed();
  let barHeight: number | null = null;
  /** Keyboard focus is in the toolbar: it stays shown (a mouse click's focus does not pin it). */
  let keyFocus = false;

  const render = () => {
    if (toolbar.classList.contains('tucked') !== !state.shown) toolbar.classList.toggle('tucked', !state.shown);
  };
  render();

  // The content script's own ResizeObserver (in Firefox `win` is the page's window, seen through Xrays).
  const observer =
    typeof ResizeObserver === 'function'
      ? new ResizeObserver((entries) => {
          const entry = entries[entries.length - 1];
          const size = entry?.borderBoxSize?.[0]?.blockSize ?? toolbar.offsetHeight;
          if (!(size > 0) || size === barHeight) return;
          barHeight = size;
          options.onHeight(size);
        })
      : null;
  observer?.observe(toolbar);

  const onFocusIn = (event: FocusEvent) => {
    keyFocus = focusVisible(event.target as Element | null);
    if (!keyFocus || state.shown) return;
    // At once, no fade: a keyboard user sees where focus is straight away.
    toolbar.classList.add('at-once');
    state = revealed();
    render();
    win.requestAnimationFrame(() => toolbar.classList.remove('at-once'));
  };
  const onFocusOut = (event: FocusEvent) => {
    const next = event.relatedTarget as Node | null;
    if (!next || !toolbar.contains(next)) keyFocus = false;
  };
  toolbar.addEventListener('focusin', onFocusIn);
  toolbar.addEventListener('focusout', onFocusOut);

  return {
    onFrame(y) {
      const next = nextBarState(state, { y, pinned: keyFocus || options.pinned(), topZone: barHeight ?? 0 });
      if (next === state) return;
      state = next;
      render();
    },
    reveal() {
      state = revealed();
      render();
    },
    covered() {
      return coveredTop(state.shown, barHeight ?? (state.shown ? toolbar.getBoundingClientRect().height : 0));
    },
    height() {
      return barHeight ?? toolbar.getBoundingClientRect().height;
    },
    stop() {
      observer?.disconnect();
      toolbar.removeEventListener('focusin', onFocusIn);
      toolbar.removeEventListener('focusout', onFocusOut);
    },
  };
}
