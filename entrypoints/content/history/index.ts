/**
 * The reading history (feature): on a work page, the visit is recorded (./work.ts); on a listing,
 * the reader's AO3 History page is merged in and blurbs of works read get a marker (./listing.ts).
 * Nothing is recorded while recording is paused (lib/storage/history.ts checks at each write) or
 * in a private window; markers still show there.
 */
import { browser } from 'wxt/browser';
import type { Feature } from '../page';
import { DEFAULT_HISTORY_DEPS, type HistoryDeps } from './deps';
import { startListingHistory } from './listing';
import type { startWorkHistory } from './work';

/** The work-page part (./work.ts, given by ./work-feature.ts); the other pages' script leaves it out. */
type StartWork = typeof startWorkHistory;

/** A private (incognito) window: the history records nothing there. */
function isPrivate(): boolean {
  try {
    return browser.extension?.inIncognitoContext === true;
  } catch {
    return false;
  }
}

export function historyFeature(overrides: Partial<HistoryDeps>, startWork: StartWork | null): Feature {
  const deps: HistoryDeps = { ...DEFAULT_HISTORY_DEPS, ...overrides };
  return {
    name: 'history',
    kinds: startWork ? ['work', 'listing'] : ['listing'],
    start(page, signal) {
      const record = !isPrivate();
      if (page.kind === 'work' && record && startWork) startWork(page, deps, signal);
      else if (page.kind === 'listing') startListingHistory(page, deps, record, signal);
    },
  };
}

/** The reading history on every page but work pages (listings): the other pages' script. */
export const startHistoryBesideWorks: Feature = historyFeature({}, null);
