/**
 * Closing the reader: the paragraph at the top of the reader's view is found (chapter, index, how far
 * into it) and the site's page is scrolled so the same paragraph is at the top. Boxes are laid out by
 * hand (happy-dom has no layout).
 */
import { describe, expect, it, vi } from 'vitest';
import { readerPlace, scrollPageToPlace, type ReaderSection } from '../../../entrypoints/content/reader/exit-place';
import type { Work } from '../../../lib/sites/types';

function place(el: Element, top: number, height: number): void {
  el.getBoundingClientRect = () => ({ top, height, width: 500, left: 0, right: 500, bottom: top + height, x: 0, y: top, toJSON: () => ({}) }) as DOMRect;
}

/** A chapter: a heading then paragraphs laid out one under the other from `top`. */
function chapter(top: number, heights: number[]): { element: HTMLElement; text: HTMLElement; paragraphs: HTMLElement[] } {
  const element = document.createElement('section');
  const text = document.createElement('div');
  const heading = document.createElement('h3');
  text.append(heading);
  let y = top + 50;
  const paragraphs = heights.map((h) => {
    const p = document.createElement('p');
    place(p, y, h);
    y += h;
    text.append(p);
    return p;
  });
  element.append(text);
  place(element, top, y - top);
  return { element, text, paragraphs };
}

describe('readerPlace', () => {
  it('finds the chapter and the paragraph crossing the top of the view, and how far into it', () => {
    const one = chapter(-1000, [100, 100, 100]);
    const two = chapter(-300, [100, 100, 200, 100]);
    const sections: ReaderSection[] = [
      { number: 4, ...one },
      { number: 5, ...two },
    ];
    expect(readerPlace(sections, 800)).toEqual({ chapter: 5, paragraph: 2, offset: 0.25 });
  });

  it('a paragraph whose top is exactly at the top is read from its start', () => {
    const only = chapter(-250, [100, 100, 100]);
    expect(readerPlace([{ number: 1, ...only }], 800)).toEqual({ chapter: 1, paragraph: 2, offset: 0 });
  });

  it('nothing to find in no chapter, or above the story’s first paragraph (the reader’s header in view)', () => {
    expect(readerPlace([], 800)).toBeNull();
    const top = chapter(120, [100, 100]);
    expect(readerPlace([{ number: 1, ...top }], 800)).toBeNull();
  });
});

describe('scrollPageToPlace', () => {
  function page() {
    const bodies = [chapter(0, [50, 50, 50]), chapter(200, [80, 80, 80, 80])];
    const work = { chapters: bodies.map((b, i) => ({ number: i + 4, title: '', body: b.text })) } as unknown as Work;
    const win = { scrollY: 1000, scrollTo: vi.fn() } as unknown as Window;
    return { bodies, work, win };
  }

  it('puts the same paragraph of the same chapter at the top, the same fraction into it', () => {
    const { work, win } = page();
    expect(scrollPageToPlace(win, work, { chapter: 5, paragraph: 2, offset: 0.25 }, 0)).toBe(true);
    // Chapter 5's paragraph 2 starts at 200 + 50 + 2 × 80 = 410 in the view; the page is at 1000.
    expect(win.scrollTo).toHaveBeenCalledWith({ top: 1000 + 410 + 0.25 * 80, left: 0, behavior: 'instant' });
  });

  it('measures only that one paragraph', () => {
    const { bodies, work, win } = page();
    const spies = bodies.flatMap((b) => [b.element, b.text, ...b.paragraphs]).map((el) => vi.spyOn(el, 'getBoundingClientRect'));
    scrollPageToPlace(win, work, { chapter: 5, paragraph: 1, offset: 0 }, 0);
    expect(spies.reduce((n, spy) => n + spy.mock.calls.length, 0)).toBe(1);
  });

  it('does nothing (the caller falls back) for a chapter or paragraph the page does not show', () => {
    const { work, win } = page();
    expect(scrollPageToPlace(win, work, { chapter: 9, paragraph: 0, offset: 0 }, 0)).toBe(false);
    expect(scrollPageToPlace(win, work, { chapter: 4, paragraph: 7, offset: 0 }, 0)).toBe(false);
    expect(scrollPageToPlace(win, work, null, 0)).toBe(false);
    expect(win.scrollTo).not.toHaveBeenCalled();
  });
});
