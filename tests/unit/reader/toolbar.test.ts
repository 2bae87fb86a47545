import { describe, expect, it } from 'vitest';
import { fractionRead } from '../../../lib/reader/progress';
import { coveredTop, nextBarState, revealed, SLACK, toolbarKey, type BarState } from '../../../lib/reader/toolbar';

/** Runs a series of scroll positions through the decision, unpinned, with a 60 px toolbar. */
function scrollThrough(positions: number[], start: BarState = revealed(), pinned = false): BarState[] {
  const out: BarState[] = [];
  let state = start;
  for (const y of positions) {
    state = nextBarState(state, { y, pinned, topZone: 60 });
    out.push(state);
  }
  return out;
}

describe('nextBarState: the toolbar tucks away while reading down and comes back on a scroll up', () => {
  it('takes the first position as the start of a stretch, without deciding', () => {
    expect(nextBarState(revealed(), { y: 5000, pinned: false, topZone: 60 })).toEqual({ shown: true, anchor: 5000 });
    expect(nextBarState({ shown: false, anchor: null }, { y: 5000, pinned: false, topZone: 60 })).toEqual({ shown: false, anchor: 5000 });
  });

  it('hides after more than SLACK pixels down, shows after more than SLACK up', () => {
    const states = scrollThrough([1000, 1000 + SLACK, 1000 + SLACK + 1, 1500, 1500 - SLACK, 1500 - SLACK - 1]);
    expect(states.map((s) => s.shown)).toEqual([true, true, false, false, false, true]);
  });

  it('counts slow scrolling in one direction together (small steps add up)', () => {
    const steps = Array.from({ length: 10 }, (_, i) => 2000 + i * 4);
    const states = scrollThrough(steps);
    expect(states.at(-1)?.shown).toBe(false);
    expect(states.findIndex((s) => !s.shown)).toBe(7); // 28 px down > SLACK (24)
  });

  it('counts travel from the turning point: jitter up and down does not flicker', () => {
    const states = scrollThrough([3000, 3010, 2995, 3005, 2990, 3000, 2985]);
    expect(states.every((s) => s.shown)).toBe(true);
    const hidden = scrollThrough([3000, 3100, 3090, 3095, 3085], { shown: true, anchor: null });
    expect(hidden.map((s) => s.shown)).toEqual([true, false, false, false, false]);
    // Hidden: the lowest point reached (3100) is the turn; more than SLACK up from it shows it.
    expect(scrollThrough([3076], hidden.at(-1)!).at(-1)?.shown).toBe(false);
    expect(scrollThrough([3075], hidden.at(-1)!).at(-1)?.shown).toBe(true);
  });

  it('always shows near the top and while pinned (keyboard focus, panel or chapter list open)', () => {
    expect(scrollThrough([0], { shown: false, anchor: 500 })[0]?.shown).toBe(true);
    expect(scrollThrough([60], { shown: false, anchor: 500 })[0]?.shown).toBe(true);
    expect(scrollThrough([61], { shown: false, anchor: 50 })[0]?.shown).toBe(false);
    const pinned = scrollThrough([1000, 4000, 9000], { shown: true, anchor: 1000 }, true);
    expect(pinned.every((s) => s.shown)).toBe(true);
    // Unpinned again: the stretch starts where the pin ended, not where it began.
    expect(scrollThrough([9010], pinned.at(-1)!)[0]?.shown).toBe(true);
  });

  it('returns the same state when nothing changes (no class write per frame)', () => {
    const state: BarState = { shown: false, anchor: 4000 };
    expect(nextBarState(state, { y: 3990, pinned: false, topZone: 60 })).toBe(state);
    const shown: BarState = { shown: true, anchor: 4000 };
    expect(nextBarState(shown, { y: 4010, pinned: false, topZone: 60 })).toBe(shown);
  });
});

describe('coveredTop and the reading measurements', () => {
  it('is the toolbar height while it shows, 0 while tucked or not measured', () => {
    expect(coveredTop(true, 64)).toBe(64);
    expect(coveredTop(false, 64)).toBe(0);
    expect(coveredTop(true, null)).toBe(0);
  });

  it('fractionRead measures from the bottom of the toolbar (the top of the visible story), not the top of the view', () => {
    // A chapter starting right under a 64 px toolbar: none of it has gone past the visible story yet.
    expect(fractionRead(64, 5000, 1000, 64)).toBe(0);
    // 32 px of it under the toolbar: scrolled past what the reader sees, so read.
    expect(fractionRead(32, 5000, 1000, 64)).toBeCloseTo(32 / (5000 - 936), 10);
    // Halfway: the travel is the chapter minus the visible height (1000 - 64).
    expect(fractionRead(64 - 2032, 5000, 1000, 64)).toBeCloseTo(0.5, 10);
    // Its end in the visible part: all read.
    expect(fractionRead(-4000, 5000, 1000, 64)).toBe(1);
    expect(fractionRead(-2000, 5000, 1000, 0)).toBe(fractionRead(-2000, 5000, 1000));
  });
});

describe('toolbarKey', () => {
  const key = (k: string, mods: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey', boolean>> = {}) =>
    toolbarKey({ key: k, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...mods });
  it('is t, not with Ctrl, Alt or Meta (browser shortcuts such as Ctrl+T stay the browser’s)', () => {
    expect(key('t')).toBe(true);
    expect(key('T', { shiftKey: true })).toBe(true);
    expect(key('t', { ctrlKey: true })).toBe(false);
    expect(key('t', { altKey: true })).toBe(false);
    expect(key('t', { metaKey: true })).toBe(false);
    expect(key('j')).toBe(false);
  });
});
