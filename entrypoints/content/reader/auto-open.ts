/**
 * Opening by itself (a marked URL, "Open every work in reader mode") never shows a work the filters
 * hold back: it waits for their judgement (at most JUDGEMENT_WAIT_MS) and for the shield to be lifted.
 * Both are learned from the filters in memory (../state/verdicts.ts; changes come as `filter:verdicts`
 * on the page's hub), never from marks on the page, which story markup or a page script could forge.
 */
import type { Work } from '../../../lib/sites/types';
import type { PageEvents } from '../events';
import { isJudging, verdictOf } from '../state/verdicts';

/** How long an automatic open waits for the filters' judgement (their own fail-safe is 1 s). */
export const JUDGEMENT_WAIT_MS = 2000;

/** Whether the filters shield this work (its story must not show). */
export const isShielded = (work: Work | null): boolean => work !== null && verdictOf(work.content) === 'shielded';

const awaitingJudgement = (work: Work | null): boolean => work !== null && verdictOf(work.content) === null && isJudging();

export interface AutoOpen {
  /** Opens now if the filters let the story show, else once they do. */
  request(): void;
  /** Stops waiting. */
  cancel(): void;
}

/**
 * `canOpen` says whether opening still makes sense (not open already, feature running); `open` opens.
 * Waiting ends on its own when `signal` aborts.
 */
export function autoOpener(work: Work | null, events: PageEvents, canOpen: () => boolean, open: () => void, signal: AbortSignal): AutoOpen {
  let unwatchVerdicts: (() => void) | null = null;
  let judgementTimer: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    unwatchVerdicts?.();
    unwatchVerdicts = null;
    clearTimeout(judgementTimer);
  };
  signal.addEventListener('abort', cancel, { once: true });

  const request = (waited = false): void => {
    if (!canOpen() || signal.aborted || !work) return;
    const blocked = isShielded(work);
    if (blocked || (!waited && awaitingJudgement(work))) {
      unwatchVerdicts ??= events.on('filter:verdicts', () => {
        if (isShielded(work) || awaitingJudgement(work)) return;
        cancel();
        request();
      }, signal);
      if (!blocked) {
        clearTimeout(judgementTimer);
        judgementTimer = setTimeout(() => {
          cancel();
          request(true);
        }, JUDGEMENT_WAIT_MS);
      }
      return;
    }
    cancel();
    open();
  };
  return { request: () => request(), cancel };
}
