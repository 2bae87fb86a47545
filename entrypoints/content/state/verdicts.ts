/**
 * The filters' judgement of each element, in the content script's memory (never read back from
 * the page: the page can write any attribute). Reader mode asks here whether a work is shielded.
 */
import { listeners } from './listeners';

export type Verdict = 'shown' | 'shielded';

const verdicts = new WeakMap<Element, Verdict>();
let judging = false;
const changes = listeners();

/** The filters started on this page: a work they have not judged yet is awaited. */
export function setJudging(on: boolean): void {
  judging = on;
  changes.notify();
}

/** Whether the filters run on this page and may still judge an element. */
export function isJudging(): boolean {
  return judging;
}

export function setVerdict(element: Element, verdict: Verdict | null): void {
  if (verdict === null) verdicts.delete(element);
  else verdicts.set(element, verdict);
  changes.notify();
}

/** The filters' judgement of an element, or null when they have not judged it. */
export function verdictOf(element: Element): Verdict | null {
  return verdicts.get(element) ?? null;
}

export const onVerdictChange = changes.add;
