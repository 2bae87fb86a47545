/** HitSet: membership per work, O(1) reset (no clearing of the stamps), and the wrap of its generation counter. */
import { describe, expect, it, vi } from 'vitest';
import { HitSet } from '../../../lib/filters/hits';

/** The generation counter is private; the wrap test starts it just below the limit instead of resetting 4 billion times. */
const setGeneration = (hits: HitSet, gen: number): void => {
  (hits as unknown as { gen: number }).gen = gen;
};

describe('HitSet', () => {
  it('starts empty and lists rule indexes once each, in the order they were added', () => {
    const hits = new HitSet(4);
    expect(hits.list).toEqual([]);
    hits.add(2);
    hits.add(0);
    hits.add(2);
    expect(hits.list).toEqual([2, 0]);
  });

  it('has() is true for added indexes only, and for none after a reset', () => {
    const hits = new HitSet(4);
    hits.add(1);
    expect(hits.has(1)).toBe(true);
    expect(hits.has(0)).toBe(false);
    expect(hits.has(3)).toBe(false);
    hits.reset();
    expect(hits.has(1)).toBe(false);
    expect(hits.list).toEqual([]);
    hits.add(3);
    expect(hits.has(3)).toBe(true);
    expect(hits.has(1)).toBe(false);
  });

  it('an ordinary reset does not clear the stamps (it is O(1) per work)', () => {
    const hits = new HitSet(8);
    const fill = vi.spyOn(Uint32Array.prototype, 'fill');
    for (let i = 0; i < 5; i++) {
      hits.add(i);
      hits.reset();
    }
    expect(fill).not.toHaveBeenCalled();
  });

  it('when the generation counter wraps, old stamps are cleared and sets still deduplicate', () => {
    const hits = new HitSet(4);
    hits.add(1); // stamped with generation 1, the value the counter starts over at
    setGeneration(hits, 0xfffffffe);
    hits.reset(); // 0xffffffff: starts over at 1
    expect(hits.has(1)).toBe(false);
    hits.add(0);
    hits.add(0);
    expect(hits.list).toEqual([0]);
    expect(hits.has(0)).toBe(true);
    hits.reset();
    hits.add(0);
    hits.add(0);
    expect(hits.list).toEqual([0]);
    expect(hits.has(0)).toBe(true);
    expect(hits.has(1)).toBe(false);
  });

  it('after a wrap a reset clears the stamps once', () => {
    const hits = new HitSet(4);
    setGeneration(hits, 0xfffffffe);
    const fill = vi.spyOn(Uint32Array.prototype, 'fill');
    hits.reset();
    expect(fill).toHaveBeenCalledTimes(1);
    hits.reset();
    expect(fill).toHaveBeenCalledTimes(1);
  });
});
