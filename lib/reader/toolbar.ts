/**
 * When the reader's toolbar shows: pure decisions from scroll positions, no DOM.
 *
 * Reading (scrolling down) tucks the toolbar away; scrolling back up brings it back. A little travel
 * in one direction (SLACK) is needed first, so a trackpad's jitter or a slow drag does not make it
 * flicker. `anchor` is the turning point: the lowest position while shown, the highest while tucked.
 */

/** Pixels of scrolling in one direction before the toolbar reacts. */
export const SLACK = 24;

export interface BarState {
  shown: boolean;
  /** Where the current stretch of scrolling started; null: take the next position as the start. */
  anchor: number | null;
}

export interface BarInput {
  /** Current scroll position (px from the top). */
  y: number;
  /** Something holds the toolbar open: keyboard focus in it, its chapter list or the settings panel. */
  pinned: boolean;
  /** Near the top of the reader (within the toolbar's own height) it always shows. */
  topZone: number;
}

export function nextBarState(state: BarState, input: BarInput): BarState {
  const { y, pinned, topZone } = input;
  if (pinned || y <= topZone) return state.shown && state.anchor === y ? state : { shown: true, anchor: y };
  if (state.anchor === null) return { shown: state.shown, anchor: y };
  const travel = y - state.anchor;
  if (travel > SLACK) return { shown: false, anchor: y };
  if (travel < -SLACK) return { shown: true, anchor: y };
  // Within the slack: follow the turning point, so travel counts from where the direction changed.
  if (state.shown ? y < state.anchor : y > state.anchor) return { shown: state.shown, anchor: y };
  return state;
}

/** Shown again (a tap, the key, focus): the next position starts a fresh stretch. */
export function revealed(): BarState {
  return { shown: true, anchor: null };
}

/**
 * How many pixels at the top of the view the toolbar covers: what place and progress measurement
 * skip, so words under the toolbar never count as read.
 */
export function coveredTop(shown: boolean, barHeight: number | null): number {
  return shown && barHeight !== null && barHeight > 0 ? barHeight : 0;
}

/** The key that brings the toolbar back: `t`, without modifiers. */
export function toolbarKey(event: { key: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean }): boolean {
  return (event.key === 't' || event.key === 'T') && !event.altKey && !event.ctrlKey && !event.metaKey;
}
