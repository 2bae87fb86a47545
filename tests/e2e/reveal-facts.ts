/**
 * What the reveal-and-exit E2E tests measure (issue 16, points 4 and 5), shared by the Chromium and
 * Firefox files. The in-page functions are serialised into the page, so they import nothing; what
 * they are checked against comes from the fixtures read in Node (./filtering-facts.ts).
 */
import { fixtureBlurbs, GDOV, MCD } from './filtering-facts';
import type { FixtureFile } from './fixtures';

export const LISTING: FixtureFile = 'ao3/listing-tag-works-worldbuilding.html';
/** A one-chapter page of a work in chapters: the reader's place maps to this same page. */
export const CHAPTER: FixtureFile = 'ao3/work-wip-14ch-chapter1-17793689.html';
/** A one-shot carrying Major Character Death: shielded by an MCD rule. */
export const SHIELDED_WORK: FixtureFile = 'ao3/work-oneshot-orphaned-3738184.html';
export { GDOV, MCD };

/** A blurb with that warning and a named creator: its title and creators are what a placeholder must name. */
export function namedBlurbWith(warning: string) {
  const blurb = fixtureBlurbs(LISTING).find((b) => b.warnings.includes(warning) && b.authors.length > 0 && b.title);
  if (!blurb) throw new Error(`${LISTING}: no blurb with ${warning} and a creator`);
  return blurb;
}

/**
 * In the page, reader open: scrolls so the story paragraph `fraction` of the way through the
 * reader's (unique, non-empty) paragraphs has its top at the top of the view; returns its text.
 */
export function scrollReaderToParagraphInPage(fraction: number): string {
  const root = document.getElementById('lamplight-reader-host')!.shadowRoot!;
  const norm = (t: string | null) => (t ?? '').replace(/\s+/g, ' ').trim();
  const all = Array.from(root.querySelectorAll('section.chapter .text p'));
  const counts = new Map<string, number>();
  for (const p of all) counts.set(norm(p.textContent), (counts.get(norm(p.textContent)) ?? 0) + 1);
  const unique = all.filter((p) => norm(p.textContent).length > 30 && counts.get(norm(p.textContent)) === 1);
  const chosen = unique[Math.floor(unique.length * fraction)]!;
  window.scrollBy({ top: chosen.getBoundingClientRect().top, behavior: 'instant' });
  return norm(chosen.textContent);
}

/** In the page: where the reader's copy of that paragraph is now (px from the top of the view). */
export function readerParagraphTopInPage(text: string): number | null {
  const root = document.getElementById('lamplight-reader-host')?.shadowRoot;
  const norm = (t: string | null) => (t ?? '').replace(/\s+/g, ' ').trim();
  const p = Array.from(root?.querySelectorAll('section.chapter .text p') ?? []).find((el) => norm(el.textContent) === text);
  return p ? p.getBoundingClientRect().top : null;
}

/** In the page, reader closed: the site's copy of that paragraph, its top (px from the view's top). */
export function pageParagraphInPage(text: string): { reader: string | null; top: number | null; scrollY: number } {
  const norm = (t: string | null) => (t ?? '').replace(/\s+/g, ' ').trim();
  const p = Array.from(document.querySelectorAll('#chapters .userstuff p')).find((el) => norm(el.textContent) === text);
  return {
    reader: document.documentElement.getAttribute('data-lamplight-reader'),
    top: p ? Math.round(p.getBoundingClientRect().top * 10) / 10 : null,
    scrollY: window.scrollY,
  };
}

export interface StandIn {
  /** What Lamplight put right before the work: a placeholder, a revealed work's mark, a shield. */
  kind: 'placeholder' | 'revealed' | 'shield' | null;
  text: string;
  /** That element is on screen. */
  shown: boolean;
  /** The work itself is on screen. */
  workShown: boolean;
}

/** In the page: the work (`#id`) and what stands right before it. */
export function standInInPage(id: string): StandIn {
  const shown = (el: Element | null) =>
    !!el && getComputedStyle(el).visibility !== 'hidden' && el.getClientRects().length > 0;
  const work = document.getElementById(id);
  const before = work?.previousElementSibling ?? null;
  const kind = !before
    ? null
    : before.hasAttribute('data-lamplight-placeholder')
      ? 'placeholder'
      : before.hasAttribute('data-lamplight-revealed')
        ? 'revealed'
        : before.hasAttribute('data-lamplight-shield')
          ? 'shield'
          : null;
  return {
    kind,
    text: kind ? (before?.textContent ?? '').replace(/\s+/g, ' ').trim() : '',
    shown: shown(kind ? before : null),
    workShown: shown(work),
  };
}

/** In the page, as a page script would: `.click()` on the "Hide again" button before the work. */
export function pageScriptClicksHideAgainInPage(id: string): boolean {
  const before = document.getElementById(id)?.previousElementSibling;
  const button = Array.from(before?.querySelectorAll('button') ?? []).find((b) => b.textContent === 'Hide again');
  button?.click();
  return !!button;
}
