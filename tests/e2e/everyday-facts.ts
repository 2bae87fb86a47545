/**
 * What the issue-16 E2E tests measure, shared by the Chromium and Firefox files. Expected values come
 * from the fixture files read in Node; the in-page functions are serialised into the page, so they
 * import nothing.
 */
import { Window } from 'happy-dom';
import { expect } from 'vitest';
import { readFixture, type FixtureFile } from './fixtures';

export interface ReaderFacts {
  /** The embedded video's box in the reader (px), if any. */
  iframe: { width: number; height: number } | null;
  /** The story column's content width (px). */
  columnWidth: number;
  /** The reader header's fandom line. */
  fandoms: string | null;
  /** The status line at the bottom. */
  status: string;
  /** The language the story column is in (nearest lang attribute inside the reader). */
  lang: string | null;
  /** The story text's computed `hyphens`. */
  hyphens: string;
}

/** In the page: the reader's facts, from inside its shadow root. */
export function readerFactsInPage(): ReaderFacts {
  const root = document.getElementById('lamplight-reader-host')!.shadowRoot!;
  const frame = root.querySelector('.text iframe');
  const column = root.querySelector('.page');
  const rect = frame?.getBoundingClientRect();
  return {
    iframe: rect ? { width: Math.round(rect.width), height: Math.round(rect.height) } : null,
    columnWidth: column ? parseFloat(getComputedStyle(column).width) : 0,
    fandoms: root.querySelector('.work-head .fandoms')?.textContent ?? null,
    status: root.querySelector('.status')?.textContent ?? '',
    lang: column?.closest('[lang]')?.getAttribute('lang') ?? null,
    hyphens: getComputedStyle(root.querySelector('.text')!).hyphens,
  };
}

/** The first fandom tag of an AO3 work fixture, as its page shows it. */
export function fandomOf(file: FixtureFile): string {
  const win = new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  try {
    const doc = new win.DOMParser().parseFromString(readFixture(file).toString('utf8'), 'text/html');
    const text = doc.querySelector('dd.fandom.tags a.tag')?.textContent?.trim();
    if (!text) throw new Error(`${file}: no fandom tag`);
    return text;
  } finally {
    void win.happyDOM.close();
  }
}

/**
 * In the page: the mean number of characters on a full line of the reader's story paragraphs (the
 * last line of each paragraph is left out: it is short by nature). Lines are told apart by the top
 * of each character's box.
 */
export function charactersPerLine(): number {
  const root = document.getElementById('lamplight-reader-host')!.shadowRoot!;
  const paragraphs = Array.from(root.querySelectorAll('section.chapter .text p')).filter((p) => (p.textContent ?? '').length > 400);
  let chars = 0;
  let lines = 0;
  const range = document.createRange();
  for (const p of paragraphs.slice(0, 8)) {
    const counts: number[] = [];
    let lastTop: number | null = null;
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.nodeValue ?? '';
      for (let i = 0; i < text.length; i += 1) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        if (!rect || rect.width === 0) continue; // collapsed whitespace at a line break
        if (lastTop === null || Math.abs(rect.top - lastTop) > rect.height / 2) {
          counts.push(0);
          lastTop = rect.top;
        }
        counts[counts.length - 1] = (counts[counts.length - 1] ?? 0) + 1;
      }
    }
    const full = counts.slice(0, -1);
    chars += full.reduce((a, b) => a + b, 0);
    lines += full.length;
  }
  return lines > 0 ? chars / lines : 0;
}

export interface ToolbarFacts {
  height: number;
  /** Distinct tops of the shown buttons (one row: one top). */
  rows: number;
  /** The rightmost edge of a shown button, and the window's width. */
  right: number;
  viewport: number;
  /** The smallest shown button's width and height. */
  smallest: { width: number; height: number };
}

/** In the page: how the reader's toolbar lays out. */
export function toolbarFactsInPage(): ToolbarFacts {
  const root = document.getElementById('lamplight-reader-host')!.shadowRoot!;
  const toolbar = root.querySelector('.toolbar')!;
  const buttons = Array.from(toolbar.querySelectorAll('button')).filter((b) => b.getClientRects().length > 0);
  const rects = buttons.map((b) => b.getBoundingClientRect());
  return {
    height: Math.round(toolbar.getBoundingClientRect().height),
    rows: new Set(rects.map((r) => Math.round(r.top))).size,
    right: Math.round(Math.max(...rects.map((r) => r.right))),
    viewport: document.documentElement.clientWidth,
    smallest: { width: Math.round(Math.min(...rects.map((r) => r.width))), height: Math.round(Math.min(...rects.map((r) => r.height))) },
  };
}

/** Defect 7: one row (at most 60 px tall) inside the window, every button a 44 px touch target. */
export function expectOneCompactRow(facts: ToolbarFacts): void {
  expect(facts.rows).toBe(1);
  expect(facts.height).toBeLessThanOrEqual(60);
  expect(facts.right).toBeLessThanOrEqual(facts.viewport);
  expect(facts.smallest.width).toBeGreaterThanOrEqual(44);
  expect(facts.smallest.height).toBeGreaterThanOrEqual(44);
}

/** In the page: the page's and the reader's Bookmark buttons as shown (star, background). */
export function bookmarkLooksInPage(): { page: { text: string; background: string } | null; reader: { text: string; background: string } | null } {
  const look = (b: Element | null | undefined) => (b ? { text: (b.textContent ?? '').trim(), background: getComputedStyle(b).backgroundColor } : null);
  const root = document.getElementById('lamplight-reader-host')?.shadowRoot;
  return {
    page: look(document.querySelector('button[data-lamplight-bookmark-toggle]')),
    reader: look(root?.querySelector('button[data-lamplight-bookmark-toggle]')),
  };
}

/** The works the popup test bookmarks (the last one stays open: the popup's "This page"). */
export const POPUP_WORKS: FixtureFile[] = [
  'ao3/work-oneshot-323217.html',
  'ao3/work-complete-6ch-chapter1-41289660.html',
  'ffn/ambtus-counting-ch1.html',
  'ao3/work-oneshot-pseud-byline-923647.html',
  'ao3/work-wip-14ch-chapter1-17793689.html',
];

/** Five rules of the kinds a reader sets up first. */
export const POPUP_RULES = [
  { field: 'warning', pattern: 'Major Character Death', action: 'collapse' },
  { field: 'warning', pattern: 'Graphic Depictions Of Violence', action: 'collapse' },
  { field: 'rating', pattern: 'Explicit', action: 'hide' },
  { field: 'freeform', pattern: '*Angst*', action: 'collapse' },
  { field: 'words', min: 500, action: 'hide' },
];

export interface PopupView {
  /** What the popup's content needs (px). */
  height: number;
  /** Whether the window scrolls. */
  scrolls: boolean;
  /** Where the latest bookmark's Resume button ends. */
  resumeBottom: number;
  /** Bookmarks shown on the Reading tab. */
  rows: number;
}

/** In the popup: how its first view lays out. */
export function popupViewInPage(): PopupView {
  const resume = document.querySelector('li.shelf-item button.primary')!.getBoundingClientRect();
  return {
    height: Math.ceil(document.querySelector('main')!.getBoundingClientRect().bottom),
    scrolls: document.documentElement.scrollHeight > window.innerHeight,
    resumeBottom: Math.round(resume.bottom),
    rows: document.querySelectorAll('#panel-reading li.shelf-item').length,
  };
}

/** Friction 1: the whole first view fits 600 px, three bookmarks, the latest's Resume in view. */
export function expectFirstViewFits(view: PopupView): void {
  expect(view.resumeBottom).toBeLessThanOrEqual(600);
  expect(view.height).toBeLessThanOrEqual(600);
  expect(view.scrolls).toBe(false);
  expect(view.rows).toBe(3);
}
