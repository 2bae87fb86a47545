/**
 * The popup and a listing with no history and with 50,000 works of it in storage.local (the
 * issue: "unaffected by history size"). 1,000 bookmarks in both, so the popup has a shelf to
 * search. Popup: time to interactive as the shelf section measures it (navigation → a bookmark
 * shown → the first search answered). Listing: the Worldbuilding listing's main-thread time as the
 * listing section measures it (no rules; with 50,000 works its 20 works are in the history, so the
 * markers' read and placing are in that figure). One block per condition (seeding 50,000 records
 * takes seconds), 0 first.
 */
import { backgroundSettled, setExtensionStorage, type Bench } from '../context';
import { generateBookmarks } from '../data';
import { ms, na, stats, type Figure } from '../stats';
import { LISTING_URL, tracedLoad } from './listing';
import { openPopupTimed, searchProbe } from './shelf';

const BOOKMARKS = 1_000;

export async function historyScale(bench: Bench, history: Record<string, unknown>): Promise<void> {
  const section = 'Reading history: popup and listing with 0 and with 50,000 works in storage';
  const bookmarks = generateBookmarks(bench.pool, BOOKMARKS, 10_000);
  const { titles, char } = searchProbe(bookmarks);
  const url = `chrome-extension://${bench.extensionId}/popup.html`;
  const conditions = [
    { key: '0', items: bookmarks },
    { key: '50,000', items: { ...bookmarks, ...history } },
  ] as const;
  const popup: Record<string, number[]> = {};
  const listing: Record<string, number[]> = {};
  let problem: string | null = null;
  const total = bench.warmup + bench.runs;
  for (const { key, items } of conditions) {
    popup[key] = [];
    listing[key] = [];
    await setExtensionStorage(bench, items);
    await backgroundSettled(bench, BOOKMARKS);
    for (let i = 0; i < total && !problem; i++) {
      bench.log(`history at ${key}: popup and listing ${i + 1}/${total}${i < bench.warmup ? ' (warm-up)' : ''}`);
      const page = await bench.ext.context.newPage();
      try {
        const state = await openPopupTimed(page, url, titles, char);
        if (state.problem || state.interactiveAt === null) problem = `popup: ${state.problem ?? 'not interactive within 15 s'}`;
        else if (i >= bench.warmup) popup[key]!.push(state.interactiveAt);
      } finally {
        await page.close();
      }
      const load = await tracedLoad(bench, bench.ext, LISTING_URL, true);
      if (i >= bench.warmup) listing[key]!.push(load.mainThread);
    }
  }
  bench.raw.historyScale = { bookmarks: BOOKMARKS, popup, listing, problem };
  const fig = (xs: number[] | undefined): Figure => (problem ? na(problem) : xs && xs.length ? ms(xs) : na('no sample'));
  const diff = (xs: Record<string, number[]>) =>
    problem ? undefined : `50,000 − 0: ${(stats(xs['50,000']!).median - stats(xs['0']!).median).toFixed(1)} ms (difference of medians)`;
  bench.rows.push({
    section,
    name: 'popup time to interactive, 50,000 works of history',
    lamplight: fig(popup['50,000']),
    baseline: { label: 'no history', figure: fig(popup['0']) },
    note: diff(popup),
  });
  bench.rows.push({
    section,
    name: 'listing load main-thread time, 50,000 works of history',
    lamplight: fig(listing['50,000']),
    baseline: { label: 'no history', figure: fig(listing['0']) },
    note: diff(listing),
  });
}
