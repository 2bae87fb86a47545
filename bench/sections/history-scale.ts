/**
 * The popup and a listing with no history, with a history of only the listing's 20 works, and with
 * 50,000 works of it in storage.local (the issue: "unaffected by history size"). 1,000 bookmarks
 * in all three, so the popup has a shelf to search. Popup: time to interactive as the shelf section
 * measures it (navigation → a bookmark shown → the first search answered). Listing: the
 * Worldbuilding listing's main-thread time as the listing section measures it (no rules). With 20
 * or 50,000 works the listing's 20 works are in the history, so both draw the same 20 markers: the
 * size's effect is 50,000 against 20; 20 against none is what the markers cost. One block per
 * condition (seeding 50,000 records takes seconds), in the order 0, 20, 50,000, 50,000, 20, 0.
 */
import type { Page } from 'playwright-core';
import { backgroundSettled, machineQuiet, setExtensionStorage, type Bench } from '../context';
import { generateBookmarks } from '../data';
import { ms, na, stats, type Figure } from '../stats';
import { LISTING_URL, tracedLoad } from './listing';
import { openPopupTimed, searchProbe } from './shelf';

const BOOKMARKS = 1_000;

/** The listing's 20 works are in the history: the load is over when all 20 carry the history's marker. */
const markersShown = (page: Page) =>
  page.waitForFunction(() => document.querySelectorAll('[data-lamplight-history-marker]').length === 20, undefined, { timeout: 15_000, polling: 20 }).then(() => undefined);

/** `history(n)`: a stored history of n works, the listing's 20 among them. */
export async function historyScale(bench: Bench, history: (count: number) => Record<string, unknown>): Promise<void> {
  const section = 'Reading history: popup and listing with 0, 20 and 50,000 works in storage';
  const bookmarks = generateBookmarks(bench.pool, BOOKMARKS, 10_000);
  const { titles, char } = searchProbe(bookmarks);
  const url = `chrome-extension://${bench.extensionId}/popup.html`;
  const items: Record<string, Record<string, unknown>> = {
    '0': bookmarks,
    '20': { ...bookmarks, ...history(20) },
    '50,000': { ...bookmarks, ...history(50_000) },
  };
  // There and back (0, 20, 50,000, 50,000, 20, 0): a drift of the machine over the blocks weighs on each alike.
  const order = ['0', '20', '50,000', '50,000', '20', '0'];
  const popup: Record<string, number[]> = {};
  const listing: Record<string, number[]> = {};
  const script: Record<string, number[]> = {};
  let problem: string | null = null;
  const total = bench.warmup + bench.runs;
  for (const key of order) {
    popup[key] ??= [];
    listing[key] ??= [];
    script[key] ??= [];
    await setExtensionStorage(bench, items[key]!);
    await backgroundSettled(bench, BOOKMARKS);
    await machineQuiet();
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
      const load = await tracedLoad(bench, bench.ext, LISTING_URL, true, key === '0' ? undefined : markersShown);
      if (i >= bench.warmup) {
        listing[key]!.push(load.mainThread);
        script[key]!.push(load.contentScript);
      }
    }
  }
  bench.raw.historyScale = { bookmarks: BOOKMARKS, popup, listing, script, problem };
  const fig = (xs: number[] | undefined): Figure => (problem ? na(problem) : xs && xs.length ? ms(xs) : na('no sample'));
  const minus = (xs: Record<string, number[]>, a: string, b: string) => `${a} − ${b}: ${(stats(xs[a]!).median - stats(xs[b]!).median).toFixed(1)} ms`;
  const diff = (xs: Record<string, number[]>) =>
    problem ? undefined : `${minus(xs, '50,000', '20')}; ${minus(xs, '20', '0')}; no history ${stats(xs['0']!).median.toFixed(1)} ms (differences of medians)`;
  const rows: [string, Record<string, number[]>, string, string][] = [
    ['popup time to interactive, 50,000 works of history', popup, '0', 'no history'],
    ['listing load main-thread time, 50,000 works of history (its 20 works marked)', listing, '20', 'a history of only its 20 works (the same 20 markers)'],
    ["the same loads: the content script's JS on the main thread (trace), 50,000 works of history", script, '20', 'a history of only its 20 works'],
  ];
  for (const [name, xs, base, label] of rows) {
    bench.rows.push({ section, name, lamplight: fig(xs['50,000']), baseline: { label, figure: fig(xs[base]) }, note: diff(xs) });
  }
}
