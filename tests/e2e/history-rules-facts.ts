/**
 * What the history-rule E2E files (Chromium and Firefox) share. No listing fixture holds a work
 * that a work fixture shows, so the reading history is seeded in the extension's storage as
 * tests/e2e/history-facts.ts does: on the Worldbuilding listing, 77859641 is read to its end
 * (finished), 54876373 stopped at chapter 5 and 73895506 finished before 2 more chapters were
 * posted (both started). The one-shot work fixture is seeded as read too, to open it directly.
 */
import { key, seededHistory, type StoredRecord } from './history-facts';
import type { FixtureFile } from './fixtures';

export const READ_ID = 'work_77859641';
export const STARTED_IDS = ['work_54876373', 'work_73895506'];
export const READ_WORK: FixtureFile = 'ao3/work-oneshot-323217.html';

/** The seeded history: the listing's three works, and the one-shot read to its end. */
export function seededRuleHistory(now: number): Record<string, StoredRecord> {
  const { records } = seededHistory(now);
  const last = Math.floor((now - 86_400_000) / 60_000);
  return { ...records, [key('323217')]: [1, 'A one-shot', ['someone'], '', 1, 1, 1, last, 0, 1] };
}

export const rulesOf = (...rules: { status: 'finished' | 'started'; action: string }[]) => ({
  filterRules: rules.map((r, i) => ({ id: `e2e-h${i}`, field: 'history', enabled: true, ...r })),
  'filterRules$': { v: 1 },
});

export interface ListingFacts {
  /** Every blurb judged and the page parsed. */
  settled: boolean;
  /** Blurb ids a reader can see. */
  visible: string[];
  /** Each placeholder's text and the blurb after it. */
  placeholders: { text: string; blurb: string }[];
  /** Each dim note's text, opacity and colour, and the blurb after it. */
  notes: { text: string; blurb: string; opacity: number; color: string }[];
  /** Computed opacity of each blurb under 1, by id. */
  faded: Record<string, number>;
}

/** In the page (self-contained: sent to the browser as source). */
export function listingFactsInPage(): ListingFacts {
  const shown = (el: Element) => getComputedStyle(el).visibility !== 'hidden' && el.getClientRects().length > 0;
  const blurbs = Array.from(document.querySelectorAll<HTMLElement>('li.work.blurb[id]'));
  const faded: Record<string, number> = {};
  for (const b of blurbs) {
    const opacity = Number(getComputedStyle(b).opacity);
    if (opacity < 1) faded[b.id] = opacity;
  }
  return {
    settled: document.readyState !== 'loading' && blurbs.every((b) => b.hasAttribute('data-lamplight-judged')),
    visible: blurbs.filter(shown).map((b) => b.id),
    placeholders: Array.from(document.querySelectorAll('[data-lamplight-placeholder]'), (p) => ({
      text: p.querySelector('span')?.textContent ?? '',
      blurb: p.nextElementSibling?.id ?? '',
    })),
    notes: Array.from(document.querySelectorAll('[data-lamplight-dim-note]'), (n) => ({
      text: n.textContent ?? '',
      blurb: n.nextElementSibling?.id ?? '',
      opacity: Number(getComputedStyle(n).opacity),
      color: getComputedStyle(n).color,
    })),
    faded,
  };
}

/** The page's own attempt to undo the dim: a stylesheet and a forged mark (run in the page). */
export function pageUndoesDimInPage(forgedId: string): void {
  const style = document.createElement('style');
  style.textContent = `li.blurb, li.blurb[data-lamplight-dimmed], ol li { opacity: 1 !important; filter: none !important; }
[data-lamplight-dimmed] { opacity: 1 !important; }`;
  document.head.append(style);
  document.getElementById(forgedId)?.setAttribute('data-lamplight-dimmed', 'forged');
}
