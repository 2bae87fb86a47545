/**
 * Shelf: the popup with 10,000 bookmarks in storage.
 *  - list rendered: from navigation start of popup.html until a seeded bookmark's title is in the page;
 *  - time to interactive: until then, plus typing one character in the search box (an `input` event,
 *    from inside the page the moment the list is there) and the shelf's DOM answering, and the frame after;
 *  - keystroke latency: a real key press (CDP Input), from the keydown's timestamp to the frame after
 *    the shelf's DOM changed.
 * The markup is not assumed beyond: a search box (`input[type=search]`, or role=searchbox), and
 * bookmark titles as text. If the popup shows no seeded bookmark, the rows say so.
 */
import type { Page } from 'playwright-core';
import { backgroundSettled, setExtensionStorage, type Bench } from '../context';
import { generateBookmarks } from '../data';
import { ms, na, stats } from '../stats';

const COUNT = 10_000;
const NOT_BUILT_WAIT_MS = 15_000;
/** The shelf's targets (the bookmarks issue): interactive within 150 ms, a keystroke within a frame. */
const TTI_TARGET_MS = 150;
const KEYSTROKE_TARGET_MS = 16;

interface Probe {
  listAt: number | null;
  interactiveAt: number | null;
  problem: string | null;
}

/** Runs in popup.html before its scripts: watches for the list, then types one character. */
function probe([titles, char]: [string[], string]) {
  const w = window as unknown as { __shelf: Probe };
  const state: Probe = { listAt: null, interactiveAt: null, problem: null };
  w.__shelf = state;
  const wanted = new Set(titles);
  const searchBox = () =>
    document.querySelector<HTMLInputElement>('input[type="search"], [role="searchbox"]') ??
    [...document.querySelectorAll<HTMLInputElement>('input:not([type]), input[type="text"]')].find((i) =>
      /search|filter|find/i.test(`${i.getAttribute('aria-label') ?? ''} ${i.placeholder ?? ''} ${i.labels?.[0]?.textContent ?? ''}`),
    ) ??
    null;
  const hasTitle = (node: Node): boolean => {
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) if (wanted.has((t.textContent ?? '').trim())) return true;
    return false;
  };
  const observer = new MutationObserver((records) => {
    if (state.listAt !== null) return;
    if (!records.some((r) => [...r.addedNodes].some(hasTitle) || (r.type === 'characterData' && hasTitle(r.target)))) return;
    state.listAt = performance.now();
    observer.disconnect();
    setTimeout(() => {
      const box = searchBox();
      if (!box) {
        state.problem = 'no search box (input[type=search] or role=searchbox) in the popup';
        return;
      }
      const answer = new MutationObserver((changes) => {
        if (changes.every((c) => c.target === box || box.contains(c.target))) return;
        answer.disconnect();
        requestAnimationFrame(() => setTimeout(() => (state.interactiveAt = performance.now()), 0));
      });
      answer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
      box.focus();
      box.value = char;
      box.dispatchEvent(new InputEvent('input', { bubbles: true, data: char, inputType: 'insertText' }));
    }, 0);
  });
  // At this point the document has no <html> yet: watch the document itself.
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

export interface PopupOpen {
  /** Navigation start → a seeded title shown, and → the first search answered; null when not reached. */
  listAt: number | null;
  interactiveAt: number | null;
  problem: string | null;
}

/** Opens popup.html in `page` (400×600) with the probe armed; what it saw (waits up to 15 s). */
export async function openPopupTimed(page: Page, url: string, titles: string[], char: string): Promise<PopupOpen> {
  await page.setViewportSize({ width: 400, height: 600 });
  await page.addInitScript(probe, [titles, char] as [string[], string]);
  await page.goto(url, { waitUntil: 'load' });
  const state = await page
    .waitForFunction(
      () => {
        const s = (window as unknown as { __shelf?: Probe }).__shelf;
        return s && (s.interactiveAt !== null || s.problem !== null) ? s : null;
      },
      null,
      { timeout: NOT_BUILT_WAIT_MS, polling: 50 },
    )
    .then((h) => h.jsonValue() as Promise<Probe>)
    .catch(async () => page.evaluate(() => (window as unknown as { __shelf?: Probe }).__shelf ?? null));
  return state ?? { listAt: null, interactiveAt: null, problem: 'the probe did not run' };
}

/** Titles of generated bookmarks the probe can look for, and a letter that narrows the list. */
export function searchProbe(items: Record<string, unknown>): { titles: string[]; char: string } {
  // Titles are two to five words (never one, which could be a word of the popup's own UI).
  const titles = [...new Set(Object.values(items).map((b) => (b as { title: string }).title))].filter((t) => t.includes(' '));
  // A letter that narrows the list: the most common first letter of the titles.
  const counts = new Map<string, number>();
  for (const t of titles) counts.set(t[0]!.toLowerCase(), (counts.get(t[0]!.toLowerCase()) ?? 0) + 1);
  return { titles, char: [...counts].sort((a, b) => b[1] - a[1])[0]![0] };
}

/** Types `char` with a real key press; ms from keydown to the frame after the page changed. */
async function keystroke(page: Page, char: string): Promise<number | null> {
  // Armed first (its listeners in place), then the key, then the answer.
  await page.evaluate(() => {
    const w = window as unknown as { __key: Promise<number | null> };
    w.__key = new Promise<number | null>((resolve) => {
      let down: number | null = null;
      const box = document.activeElement;
      document.addEventListener('keydown', (e) => (down = e.timeStamp), { capture: true, once: true });
      const obs = new MutationObserver((changes) => {
        if (down === null || changes.every((c) => c.target === box || (box instanceof Node && box.contains(c.target)))) return;
        obs.disconnect();
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - down!), 0));
      });
      obs.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
      setTimeout(() => {
        obs.disconnect();
        resolve(null);
      }, 5000);
    });
  });
  await page.keyboard.press(char);
  return page.evaluate(() => (window as unknown as { __key: Promise<number | null> }).__key);
}

export async function shelfSection(bench: Bench): Promise<void> {
  const section = `Shelf: popup with ${COUNT.toLocaleString('en')} bookmarks`;
  const items = generateBookmarks(bench.pool, COUNT, 10_000);
  await setExtensionStorage(bench, items);
  await backgroundSettled(bench, COUNT);
  const { titles, char } = searchProbe(items);
  const url = `chrome-extension://${bench.extensionId}/popup.html`;

  const listed: number[] = [];
  const interactive: number[] = [];
  const keys: number[] = [];
  let problem: string | null = null;
  const total = bench.warmup + bench.runs;
  for (let i = 0; i < total && !problem; i++) {
    bench.log(`shelf: popup ${i + 1}/${total}${i < bench.warmup ? ' (warm-up)' : ''}`);
    const page = await bench.ext.context.newPage();
    try {
      const state = await openPopupTimed(page, url, titles, char);
      if (state.listAt === null) {
        const hasSearch = await page.evaluate(() => document.querySelector('input[type="search"], [role="searchbox"]') !== null);
        problem = hasSearch
          ? `popup.html showed none of the ${COUNT.toLocaleString('en')} bookmarks within ${NOT_BUILT_WAIT_MS / 1000} s`
          : `shelf: not built yet (popup.html has no search box and showed none of the bookmarks within ${NOT_BUILT_WAIT_MS / 1000} s)`;
        break;
      }
      if (state.problem || state.interactiveAt === null) {
        problem = state.problem ?? 'the shelf did not change after typing in its search box (5 s)';
        break;
      }
      if (i >= bench.warmup) {
        listed.push(state.listAt);
        interactive.push(state.interactiveAt);
      }
      // Keystroke latency: clear the box, let the list settle, then one real key press.
      await page.keyboard.press('Backspace');
      await page.waitForTimeout(300);
      const latency = await keystroke(page, char);
      if (latency === null) {
        problem = 'the shelf did not change within 5 s of a key press';
        break;
      }
      if (i >= bench.warmup) keys.push(latency);
    } finally {
      await page.close();
    }
  }
  await setExtensionStorage(bench, {});
  bench.raw.shelf = { bookmarks: COUNT, char, listed, interactive, keystroke: keys, problem };
  const fig = (xs: number[]) => (problem ? na(problem) : ms(xs));
  const target = (xs: number[], limit: number) => ({
    text: `< ${limit} ms`,
    met: problem || xs.length === 0 ? null : stats(xs).median < limit,
  });
  bench.rows.push({ section, name: 'list rendered (navigation → first bookmark shown)', lamplight: fig(listed) });
  bench.rows.push({
    section,
    name: 'time to interactive (list + first search answered)',
    lamplight: fig(interactive),
    target: target(interactive, TTI_TARGET_MS),
  });
  bench.rows.push({
    section,
    name: 'search keystroke latency (key → list updated, frame)',
    lamplight: fig(keys),
    target: target(keys, KEYSTROKE_TARGET_MS),
  });
}
