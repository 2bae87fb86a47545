/**
 * When the sync engine runs: debounced after changes (quiet for `debounceMs`, at most `maxWaitMs`
 * after the first), sync writes at least `minWriteGapMs` apart, nothing before a rate-limit pause
 * ends, and one run at a time (a change during a run asks for one more).
 */

export interface SyncTiming {
  debounceMs: number;
  maxWaitMs: number;
  minWriteGapMs: number;
  now: () => number;
}

export interface SyncScheduler<T> {
  /** A change happened: run once things are quiet (or after the run under way). */
  schedule(): void;
  /** Run at once (after a run under way, if any). */
  run(): Promise<T>;
  /** Ask for one more run after this one. */
  again(): void;
  /** The run wrote to storage.sync now. */
  wrote(): void;
  /** Nothing runs before this time (ms since 1970). */
  blockUntil(time: number): void;
  start(): void;
  stop(): void;
}

export function createSyncScheduler<T>(timing: SyncTiming, task: () => Promise<T>): SyncScheduler<T> {
  const { debounceMs, maxWaitMs, minWriteGapMs, now } = timing;
  let stopped = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstAsked: number | undefined;
  let running: Promise<T> | null = null;
  let again = false;
  let lastWriteAt = Number.NEGATIVE_INFINITY;
  let blockedUntil = Number.NEGATIVE_INFINITY;

  const clearTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  function schedule(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    const t = now();
    firstAsked ??= t;
    const due = Math.max(Math.min(t + debounceMs, firstAsked + maxWaitMs), lastWriteAt + minWriteGapMs, blockedUntil);
    clearTimer();
    timer = setTimeout(() => {
      timer = undefined;
      run().catch((err: unknown) => console.error('[lamplight] sync failed', err));
    }, Math.max(0, due - t));
  }

  async function run(): Promise<T> {
    while (running) await running.catch(() => null);
    clearTimer();
    firstAsked = undefined;
    const current = task();
    running = current;
    try {
      return await current;
    } finally {
      running = null;
      if (again) {
        again = false;
        schedule();
      }
    }
  }

  return {
    schedule,
    run,
    again: () => void (again = true),
    wrote: () => void (lastWriteAt = now()),
    blockUntil: (time) => void (blockedUntil = time),
    start() {
      stopped = false;
      schedule();
    },
    stop() {
      stopped = true;
      clearTimer();
      firstAsked = undefined;
    },
  };
}
