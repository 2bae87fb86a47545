/**
 * One-at-a-time per key, within this JavaScript context (a tab's content script, the popup,
 * the background…). Read-modify-write of one storage key goes through here, so two updates of
 * the same bookmark from one context never overwrite each other.
 *
 * Across contexts each work has its own key, so two tabs saving two works never collide.
 * Two contexts writing the SAME bookmark at the same moment: the later write wins whole.
 */
const tails = new Map<string, Promise<void>>();

export function withKeyLock<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const run = previous.then(task);
  const tail = run.then(
    () => undefined,
    () => undefined,
  );
  tails.set(key, tail);
  void tail.then(() => {
    if (tails.get(key) === tail) tails.delete(key);
  });
  return run;
}
