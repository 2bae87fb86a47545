/**
 * In-page measurements for the reader-controls E2E files (issue 16 friction 3), the same in Chromium
 * and Firefox. Each function runs in the page (page.evaluate), so each is self-contained.
 */
import { expect } from 'vitest';

export interface BarFacts {
  top: number;
  bottom: number;
  scrollY: number;
  /** What the point at the middle of the Settings button hits is that button: it can be clicked. */
  settingsHit: boolean;
  /** Middle of the Settings button, for a real mouse click. */
  settings: { x: number; y: number };
  /** The top strip of the view shows story, not the toolbar. */
  topIsStory: boolean;
  scrollHeight: number;
  innerHeight: number;
  opacity: number;
}

export function barFactsInPage(): BarFacts {
  const root = document.getElementById('lamplight-reader-host')!.shadowRoot!;
  const toolbar = root.querySelector<HTMLElement>('.toolbar')!;
  const button = toolbar.querySelector<HTMLElement>('button[data-action="settings"]')!;
  const bar = toolbar.getBoundingClientRect();
  const rect = button.getBoundingClientRect();
  const x = rect.left + rect.width / 2;
  const y = rect.top + rect.height / 2;
  const hit = y >= 0 && y < innerHeight ? root.elementFromPoint(x, y) : null;
  const strip = root.elementFromPoint(innerWidth / 2, 10);
  return {
    top: Math.round(bar.top),
    bottom: Math.round(bar.bottom),
    scrollY: Math.round(scrollY),
    settingsHit: hit !== null && button.contains(hit),
    settings: { x, y },
    topIsStory: strip !== null && !toolbar.contains(strip),
    scrollHeight: document.documentElement.scrollHeight,
    innerHeight,
    opacity: Number(getComputedStyle(toolbar).opacity),
  };
}

/** Tucked away: faded out, clicks at its place reach the story, the top of the view shows the story. */
export function expectTucked(facts: BarFacts): void {
  expect(facts.opacity).toBe(0);
  expect(facts.settingsHit).toBe(false);
  expect(facts.topIsStory).toBe(true);
}

/** Shown: at the top of the view, its Settings button is what a click there hits. */
export function expectShown(facts: BarFacts): void {
  expect(facts.top).toBe(0);
  expect(facts.bottom).toBeGreaterThan(0);
  expect(facts.opacity).toBe(1);
  expect(facts.topIsStory).toBe(false);
  expect(facts.settingsHit).toBe(true);
}

/** Scrolls the window as a reader's wheel would end up (a real scroll event), in steps. */
export async function scrollInPage(to: number): Promise<number> {
  const from = scrollY;
  const steps = 6;
  for (let i = 1; i <= steps; i += 1) {
    scrollTo({ top: from + ((to - from) * i) / steps, behavior: 'instant' });
    await new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
  }
  // Two more frames, then the toolbar's 0.15 s fade.
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(null))));
  await new Promise((resolve) => setTimeout(resolve, 300));
  return scrollY;
}

/** Waits out the fade after a tap or key. */
export function settleInPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 300));
}

/** A point on story text (no link under it) in the middle of the view, to tap. */
export function storyPointInPage(): { x: number; y: number } | null {
  const root = document.getElementById('lamplight-reader-host')!.shadowRoot!;
  for (const p of Array.from(root.querySelectorAll<HTMLElement>('.page > .chapter > .text p'))) {
    const rect = p.getBoundingClientRect();
    if (rect.top < innerHeight * 0.3 || rect.bottom > innerHeight * 0.8 || rect.height < 10) continue;
    const x = rect.left + Math.min(40, rect.width / 2);
    const y = rect.top + Math.min(10, rect.height / 2);
    const hit = root.elementFromPoint(x, y);
    if (hit && p.contains(hit) && !hit.closest('a')) return { x, y };
  }
  return null;
}

/** The story paragraph at the top of the view (the first whose bottom is below 0) and its top. */
export function topParagraphInPage(): { index: number; top: number } {
  const root = document.getElementById('lamplight-reader-host')!.shadowRoot!;
  const paragraphs = Array.from(root.querySelectorAll<HTMLElement>('.page > .chapter > .text p'));
  const index = paragraphs.findIndex((p) => p.getBoundingClientRect().bottom > 0);
  return { index, top: paragraphs[index]!.getBoundingClientRect().top };
}

/** Where the paragraph `index` (as topParagraphInPage counts) is now. */
export function paragraphTopInPage(index: number): number {
  const root = document.getElementById('lamplight-reader-host')!.shadowRoot!;
  return root.querySelectorAll<HTMLElement>('.page > .chapter > .text p')[index]!.getBoundingClientRect().top;
}

export interface PanelFacts {
  open: boolean;
  role: string | null;
  rect: { left: number; top: number; right: number; bottom: number };
  viewport: { width: number; height: number };
  /** Focus is inside the panel. */
  focusInside: boolean;
  /** Focus is on the Settings button. */
  focusOnSettings: boolean;
  expanded: string | null;
  storyFontSize: string;
  sliderValue: string;
}

export function panelFactsInPage(): PanelFacts {
  const root = document.getElementById('lamplight-reader-host')!.shadowRoot!;
  const panel = root.querySelector<HTMLElement>('#ll-reader > .settings')!;
  const button = root.querySelector<HTMLElement>('button[data-action="settings"]')!;
  const rect = panel.getBoundingClientRect();
  const active = root.activeElement;
  return {
    open: !panel.hidden && rect.height > 0,
    role: panel.getAttribute('role'),
    rect: { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom },
    viewport: { width: document.documentElement.clientWidth, height: innerHeight },
    focusInside: active !== null && panel.contains(active),
    focusOnSettings: active === button,
    expanded: button.getAttribute('aria-expanded'),
    storyFontSize: getComputedStyle(root.querySelector('#ll-reader > .page > .chapter > .text p')!).fontSize,
    sliderValue: root.querySelector<HTMLInputElement>('input[name="fontSize"]')!.value,
  };
}

/** Focuses the Text size slider (for real arrow-key presses). */
export function focusTextSizeInPage(): void {
  document.getElementById('lamplight-reader-host')!.shadowRoot!.querySelector<HTMLInputElement>('input[name="fontSize"]')!.focus();
}

export function expectPanelInView(facts: PanelFacts): void {
  expect(facts.open).toBe(true);
  expect(facts.role).toBe('dialog');
  expect(facts.rect.left).toBeGreaterThanOrEqual(0);
  expect(facts.rect.top).toBeGreaterThanOrEqual(0);
  expect(facts.rect.right).toBeLessThanOrEqual(facts.viewport.width);
  expect(facts.rect.bottom).toBeLessThanOrEqual(facts.viewport.height);
}

/**
 * The paragraph the place tracking should name with the toolbar shown: the first one not wholly
 * under the toolbar (storyParagraphs in entrypoints/content/bookmarks/place.ts: the text's block
 * children, its leading landmark heading left out).
 */
export function paragraphBelowBarInPage(): { paragraph: number; underBar: number } {
  const root = document.getElementById('lamplight-reader-host')!.shadowRoot!;
  const line = root.querySelector<HTMLElement>('.toolbar')!.getBoundingClientRect().bottom;
  const text = root.querySelector<HTMLElement>('#ll-reader > .page > .chapter > .text')!;
  const blocks = Array.from(text.children).filter((el) => !/^(SCRIPT|STYLE|TEMPLATE|NOSCRIPT|LINK|META)$/.test(el.tagName));
  if (blocks[0] && /^H[1-6]$/.test(blocks[0].tagName)) blocks.shift();
  const paragraph = blocks.findIndex((el) => el.getBoundingClientRect().bottom > line);
  const underBar = blocks.findIndex((el) => el.getBoundingClientRect().bottom > 0);
  return { paragraph, underBar };
}

/** A scroll position (further down) that puts a paragraph's bottom 30 px below the top of the view. */
export function boundaryTargetInPage(): number {
  const root = document.getElementById('lamplight-reader-host')!.shadowRoot!;
  const paragraphs = Array.from(root.querySelectorAll<HTMLElement>('#ll-reader > .page > .chapter > .text > p'));
  const next = paragraphs.find((p, i) => i < paragraphs.length - 1 && p.getBoundingClientRect().bottom > innerHeight * 0.5);
  return Math.round(scrollY + next!.getBoundingClientRect().bottom - 30);
}

/** The middle of a reader control (for a real mouse click). */
export function controlCenterInPage(selector: string): { x: number; y: number } {
  const rect = document.getElementById('lamplight-reader-host')!.shadowRoot!.querySelector(selector)!.getBoundingClientRect();
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
}
