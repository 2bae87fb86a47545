/**
 * The filters' judgement of each element, in the content script's memory (never read back from
 * the page: the page can write any attribute). Reader mode asks here whether a work is shielded;
 * the filters tell the page's hub (`filter:verdicts`, ../events.ts) each time this changes.
 */

export type Verdict = 'shown' | 'shielded';

const state = {
  verdicts: new WeakMap<Element, Verdict>(),
  judging: false,
};

/** The filters started on this page: a work they have not judged yet is awaited. */
export function setJudging(on: boolean): void {
  state.judging = on;
}

/** Whether the filters run on this page and may still judge an element. */
export function isJudging(): boolean {
  return state.judging;
}

export function setVerdict(element: Element, verdict: Verdict | null): void {
  if (verdict === null) state.verdicts.delete(element);
  else state.verdicts.set(element, verdict);
}

/** The filters' judgement of an element, or null when they have not judged it. */
export function verdictOf(element: Element): Verdict | null {
  return state.verdicts.get(element) ?? null;
}
