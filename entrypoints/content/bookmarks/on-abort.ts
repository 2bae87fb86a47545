import { warn } from './warn';

/** Runs `cleanup` once when `signal` aborts (at once if it has); a cleanup that throws is only warned about. */
export function onAbort(signal: AbortSignal, cleanup: () => void): void {
  const run = () => {
    try {
      cleanup();
    } catch (error) {
      warn('stop failed.', error);
    }
  };
  if (signal.aborted) run();
  else signal.addEventListener('abort', run, { once: true });
}
