/**
 * What the reader-header E2E tests (issue 16, friction 2) measure, shared by the Chromium and Firefox
 * files. Expected values come from the fixture files read in Node; the in-page functions are
 * serialised into the page, so they import nothing.
 */
import { Window } from 'happy-dom';
import { FIXTURE_URLS, readFixture, type FixtureFile } from './fixtures';

export const CH1: FixtureFile = 'ao3/work-wip-14ch-chapter1-17793689.html';
export const COUNTING: FixtureFile = 'ffn/ambtus-counting-ch1.html';
/** A one-shot whose preface has both a summary and the work's notes (CH1's notes are its chapter's). */
export const ONE_SHOT: FixtureFile = 'ao3/work-oneshot-orphaned-3738184.html';
/** A tag as a creator may write it: AO3 escapes it, so the page shows it as this text. */
export const HOSTILE_TAG = '<img src=x onerror=window.__tagOnerror=1>';
export const HOSTILE_URL = `${FIXTURE_URLS[CH1]}?attack=header-tags`;
export const THEMES = ['light', 'sepia', 'dark', 'black'] as const;

/** What CH1's page shows in its meta block and preface, read with happy-dom (scripts off). */
export interface FixtureHeader {
  rating: string;
  warnings: string[];
  /** Every other tag, in page order: categories, relationships, characters, additional tags. */
  tags: string[];
  summary: string;
  notes: string;
}

const norm = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

export function fixtureHeader(html: string): FixtureHeader {
  const win = new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  try {
    const doc = new win.DOMParser().parseFromString(html, 'text/html');
    const tags = (type: string) => Array.from(doc.querySelectorAll(`dl.work.meta dd.${type}.tags a.tag`)).map((a) => norm(a.textContent));
    const preface = doc.querySelector('#workskin > div.preface.group');
    // A module's text without its own heading ("Summary:", "Notes:"), which the reader's folded block names instead.
    const moduleText = (selector: string) => {
      const module = preface?.querySelector(selector);
      module?.querySelector(':scope > h3.heading')?.remove();
      return norm(module?.textContent);
    };
    return {
      rating: tags('rating')[0] ?? '',
      warnings: tags('warning'),
      tags: ['category', 'relationship', 'character', 'freeform'].flatMap(tags),
      summary: moduleText(':scope > div.summary.module'),
      notes: moduleText(':scope > div.notes.module'),
    };
  } finally {
    void win.happyDOM.close();
  }
}

/**
 * CH1 with its first additional tag renamed to HOSTILE_TAG (escaped, as AO3 serves tag names) and,
 * in its summary, a picture whose onerror counts its runs: the page runs it once; a copy must never.
 */
export function hostileHeaderPage(): string {
  const html = readFixture(CH1).toString('utf8');
  const tag = '>Literally everyone - Freeform</a>';
  const summary = '<div class="summary module">';
  if (!html.includes(tag) || !html.includes(summary)) throw new Error(`${CH1} changed; update hostileHeaderPage`);
  const escaped = HOSTILE_TAG.replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const picture = '<img src="data:image/png;base64,AAAA" onerror="window.__summaryOnerror = (window.__summaryOnerror || 0) + 1">';
  return html.replace(tag, `>${escaped}</a>`).replace(/(<div class="summary module">\s*<h3 class="heading">Summary:<\/h3>\s*<blockquote class="userstuff">)/, `$1${picture}`);
}

export interface HeaderFacts {
  /** The always-shown entries: label, values, and whether a person can see them. */
  labels: { label: string; values: string[]; shown: boolean }[];
  button: { text: string; expanded: string | null; shown: boolean } | null;
  /** Whether any tag of the tags panel can be seen, and every tag it holds. */
  tagsShown: boolean;
  tags: string[];
  /** The folded blocks: their names, open or not, and the text shown inside the open ones. */
  folded: { name: string; open: boolean; text: string }[];
  /** Pictures in the header outside the summary and notes. */
  headerImages: number;
  /** Pictures copied into the summary and notes that carry an on* handler. */
  handlersInFolded: number;
  overflow: { documentScroll: number; documentClient: number; widestRight: number; viewport: number };
}

/** In the page: the reader header's facts, from inside its shadow root. */
export function headerFactsInPage(): HeaderFacts {
  const root = document.getElementById('lamplight-reader-host')!.shadowRoot!;
  const head = root.querySelector('header.work-head')!;
  const norm = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
  const shows = (el: Element | null) => {
    if (!el) return false;
    const rect = el.getBoundingClientRect();
    return el.checkVisibility({ visibilityProperty: true, opacityProperty: true } as CheckVisibilityOptions) && rect.width > 0 && rect.height > 0;
  };
  const values = (dd: Element | null) => {
    const items = dd ? Array.from(dd.querySelectorAll('li')) : [];
    return items.length > 0 ? items.map((li) => norm(li.textContent)) : [norm(dd?.textContent)];
  };
  const button = head.querySelector('button');
  const panel = button ? root.getElementById(button.getAttribute('aria-controls') ?? '') : null;
  const tagItems = panel ? Array.from(panel.querySelectorAll('li')) : [];
  const all = Array.from(head.querySelectorAll('*'));
  return {
    labels: Array.from(head.querySelectorAll('.labels > div')).map((div) => ({
      label: norm(div.querySelector('dt')?.textContent),
      values: values(div.querySelector('dd')),
      shown: shows(div),
    })),
    button: button ? { text: norm(button.textContent), expanded: button.getAttribute('aria-expanded'), shown: shows(button) } : null,
    tagsShown: tagItems.some(shows),
    tags: tagItems.map((li) => norm(li.textContent)),
    folded: Array.from(head.querySelectorAll('details')).map((d) => {
      const body = d.querySelector('.notes-body');
      return { name: norm(d.querySelector('summary')?.textContent), open: d.open, text: d.open && shows(body) ? norm(body?.textContent) : '' };
    }),
    headerImages: Array.from(head.querySelectorAll('img')).filter((img) => !img.closest('.notes-body')).length,
    handlersInFolded: Array.from(head.querySelectorAll('.notes-body *')).filter((el) => el.getAttributeNames().some((n) => n.startsWith('on'))).length,
    overflow: {
      documentScroll: document.documentElement.scrollWidth,
      documentClient: document.documentElement.clientWidth,
      widestRight: Math.ceil(Math.max(...all.map((el) => el.getBoundingClientRect().right))),
      viewport: window.innerWidth,
    },
  };
}

/** In the page: the lowest contrast ratio of the header's shown text (labels, tags, button) against the reader's background. */
export function headerContrastInPage(): { theme: string; lowest: number } {
  const root = document.getElementById('lamplight-reader-host')!.shadowRoot!;
  const reader = root.querySelector<HTMLElement>('#ll-reader')!;
  const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
  const luminance = (css: string) => {
    const [r, g, b] = rgb(css).map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const ratio = (a: string, b: string) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x! + 0.05) / (y! + 0.05);
  };
  const bg = getComputedStyle(reader).backgroundColor;
  const texts = Array.from(root.querySelectorAll('header.work-head :is(dt, li, button)')).filter((el) => el.getClientRects().length > 0);
  const lowest = Math.min(...texts.map((el) => {
    const own = getComputedStyle(el);
    const behind = own.backgroundColor === 'rgba(0, 0, 0, 0)' ? bg : own.backgroundColor;
    return ratio(own.color, behind);
  }));
  return { theme: reader.dataset.theme ?? '', lowest: Math.round(lowest * 100) / 100 };
}
