/** The sync engine's parts on their own: the echo log and the scheduler (fake timers and clock). */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEchoLog } from '../../../lib/storage/sync-echoes';
import { createSyncScheduler } from '../../../lib/storage/sync-scheduler';

describe('createEchoLog', () => {
  let clock = 0;
  const log = () => createEchoLog(() => clock, (area, key) => area === 'local' && key !== 'ignored');
  beforeEach(() => {
    clock = 1_000_000;
  });

  it('recognises the echo of a write once, by area, key and value', () => {
    const echoes = log();
    echoes.expect('local', 'filterRules', [{ id: 'a' }]);
    expect(echoes.isEcho('sync', 'filterRules', [{ id: 'a' }])).toBe(false);
    expect(echoes.isEcho('local', 'filterRules', [{ id: 'b' }])).toBe(false);
    expect(echoes.isEcho('local', 'filterRules', [{ id: 'a' }])).toBe(true);
    expect(echoes.isEcho('local', 'filterRules', [{ id: 'a' }])).toBe(false);
  });

  it('treats a removal as the value null', () => {
    const echoes = log();
    echoes.expect('local', 'bookmark:ao3:1', null);
    expect(echoes.isEcho('local', 'bookmark:ao3:1', undefined)).toBe(true);
  });

  it('keeps nothing it was not asked to watch, and forgets after a minute', () => {
    const echoes = log();
    echoes.expect('local', 'ignored', 1);
    expect(echoes.isEcho('local', 'ignored', 1)).toBe(false);
    echoes.expect('local', 'filterRules', 1);
    clock += 60_001;
    echoes.prune();
    expect(echoes.isEcho('local', 'filterRules', 1)).toBe(false);
  });
});

describe('createSyncScheduler', () => {
  const timing = { debounceMs: 2_000, maxWaitMs: 10_000, minWriteGapMs: 6_000, now: () => Date.now() };
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function counting() {
    const runs: number[] = [];
    const scheduler = createSyncScheduler(timing, async () => {
      runs.push(Date.now());
      return runs.length;
    });
    return { runs, scheduler };
  }

  it('runs once things have been quiet for the debounce', async () => {
    const { runs, scheduler } = counting();
    scheduler.start();
    await vi.advanceTimersByTimeAsync(1_999);
    expect(runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toEqual([2_000]);
  });

  it('waits at most maxWait after the first change, however often things change', async () => {
    const { runs, scheduler } = counting();
    scheduler.start();
    for (let t = 1_000; t <= 12_000; t += 1_000) {
      await vi.advanceTimersByTimeAsync(1_000);
      scheduler.schedule();
    }
    expect(runs).toEqual([10_000]);
  });

  it('keeps sync writes minWriteGap apart', async () => {
    const { runs, scheduler } = counting();
    scheduler.start();
    await vi.advanceTimersByTimeAsync(2_000);
    scheduler.wrote();
    scheduler.schedule();
    await vi.advanceTimersByTimeAsync(5_999);
    expect(runs).toEqual([2_000]);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toEqual([2_000, 8_000]);
  });

  it('runs nothing before a block ends, and once more when asked during a run', async () => {
    const { runs, scheduler } = counting();
    scheduler.blockUntil(30_000);
    scheduler.start();
    await vi.advanceTimersByTimeAsync(29_999);
    expect(runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toEqual([30_000]);
    const first = scheduler.run();
    scheduler.again();
    await first;
    await vi.advanceTimersByTimeAsync(2_000);
    expect(runs).toEqual([30_000, 30_000, 32_000]);
  });

  it('runs one at a time, and not at all once stopped', async () => {
    let release!: () => void;
    let active = 0;
    let most = 0;
    const scheduler = createSyncScheduler(timing, async () => {
      active++;
      most = Math.max(most, active);
      await new Promise<void>((resolve) => (release = resolve));
      active--;
    });
    const a = scheduler.run();
    const b = scheduler.run();
    await vi.advanceTimersByTimeAsync(0);
    release();
    await vi.advanceTimersByTimeAsync(0);
    release();
    await Promise.all([a, b]);
    expect(most).toBe(1);
  });

  it('runs nothing once stopped, and nothing before it is started', async () => {
    const { runs, scheduler } = counting();
    scheduler.schedule();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(runs).toEqual([]);
    scheduler.start();
    scheduler.stop();
    scheduler.schedule();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(runs).toEqual([]);
  });
});
