/**
 * Starting the content script's filtering on the real Worldbuilding listing (or a work page) made the
 * window's document, with rules in WXT's fake storage; the works the tests name, read from the saved
 * page by hand:
 * - Archive Warning "Major Character Death": 23306392 Parlay In Reverse (CatSnidget), 77859641,
 *   65471875, 73895506, 77265786
 * - by SadRaven1: 75837866 "Game of Thrones: Wind of Change", 74092391 "Star Wars: The Art of War"
 * - by lostwichu: 77074816 "Disarmed"
 */
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startFiltering, type Filtering } from '../../../entrypoints/content/filtering';
import { PLACEHOLDER, SUMMARY } from '../../../entrypoints/content/filtering/placeholder';
import { TOKEN } from '../../../entrypoints/content/marks';
import { workReader } from '../../../entrypoints/content/page';
import type { Rule } from '../../../lib/filters/types';
import { ao3 } from '../../../lib/sites/ao3';
import { saveRules } from '../../../lib/storage';
import { LISTING, loadPage, settle } from './live-page';

export const MCD_WORKS = ['23306392', '77859641', '65471875', '73895506', '77265786'];
export const SADRAVEN_WORKS = ['75837866', '74092391'];
export const ALL_WORKS = [
  '77861651', '23306392', '77859641', '54876373', '77858656', '77074816', '65471875', '77853551', '76746016', '72034366',
  '44934928', '73895506', '66893977', '75837866', '74092391', '75367206', '77853431', '77853416', '71692256', '77265786',
];

export const hideMcd: Rule = { id: 'mcd', field: 'warning', pattern: 'Major Character Death', action: 'hide', enabled: true };
export const collapseSadRaven: Rule = { id: 'sad', field: 'author', pattern: 'SadRaven1', action: 'collapse', enabled: true };
export const dimLostwichu: Rule = { id: 'lost', field: 'author', pattern: 'lostwichu', action: 'dim', enabled: true };
export const allowParlay: Rule = { id: 'parlay', field: 'work', pattern: 'ao3:23306392', action: 'allow', enabled: true };

// A real 20-blurb listing parsed and judged in happy-dom: slower than the default 5 s on a busy machine.
export const SLOW = 30_000;

const running: ContentScriptContext[] = [];

/** Ends every filtering started here: ending its context runs its own stop (ctx.onInvalidated). */
export function stopAll(): void {
  for (const ctx of running.splice(0)) ctx.abort();
}

/** Filtering started as the content script starts it (../../../entrypoints/content/run.ts), on the page loaded. */
export function start(url = LISTING.url): { filtering: Filtering; ctx: ContentScriptContext } {
  const ctx = new ContentScriptContext('test');
  const page = new URL(url);
  const filtering = startFiltering(ctx, ao3, page, workReader(ao3, document, page));
  running.push(ctx);
  return { filtering, ctx };
}

/** The Worldbuilding listing with these rules stored (and these works the reader's own), filtered and settled. */
export async function startOnListing(rules: Rule[], own: string[] = []): Promise<Filtering> {
  loadPage(LISTING.file, LISTING.url);
  for (const id of own) document.getElementById(`work_${id}`)!.classList.add('own');
  if (rules.length > 0) await saveRules(rules);
  const { filtering } = start();
  await settle();
  return filtering;
}

export const blurb = (id: string) => document.getElementById(`work_${id}`)!;
export const has = (element: Element | null | undefined, attribute: string) => element?.getAttribute(attribute) === TOKEN;
export const sorted = (ids: string[]) => [...ids].sort();

/** Each placeholder on the page: the work it stands before, and what it says. */
export function placeholders(): { before: string; tag: string; text: string }[] {
  return Array.from(document.querySelectorAll(`[${PLACEHOLDER}]`)).map((p) => ({
    before: p.nextElementSibling?.id ?? '',
    tag: p.tagName,
    text: p.textContent ?? '',
  }));
}

/** The summary line above the list: what it says and whether it is hidden (null: not on the page). */
export function summary(): { text: string; hidden: boolean } | null {
  const element = document.querySelector<HTMLElement>(`[${SUMMARY}]`);
  return element ? { text: element.querySelector('span')?.textContent ?? '', hidden: element.hidden } : null;
}
