/** What the history feature takes from the browser, injectable for tests and the bench. */
export interface HistoryDeps {
  now: () => number;
  /** Runs `task` once the page is painted and the browser idle; returns how to cancel it. */
  idle: (win: Window, task: () => void) => () => void;
}

/** After first paint (two frames), then when the main thread is idle, at most 2 s later. */
function afterPaintIdle(win: Window, task: () => void): () => void {
  let cancelled = false;
  let idleId: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    if (!cancelled) task();
  };
  const whenIdle = () => {
    if (cancelled) return;
    if (typeof win.requestIdleCallback === 'function') idleId = win.requestIdleCallback(run, { timeout: 2000 });
    else timer = setTimeout(run, 50);
  };
  const frame = win.requestAnimationFrame(() => {
    timer = setTimeout(whenIdle, 0);
  });
  return () => {
    cancelled = true;
    win.cancelAnimationFrame(frame);
    clearTimeout(timer);
    if (idleId !== undefined) win.cancelIdleCallback(idleId);
  };
}

export const DEFAULT_HISTORY_DEPS: HistoryDeps = { now: () => Date.now(), idle: afterPaintIdle };
