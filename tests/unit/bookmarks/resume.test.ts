/**
 * Resume on its own (entrypoints/content/bookmarks/resume.ts): what it decides first (pure), how long
 * it holds the place, and when the marker leaves the address. Fake timers, a small page of paragraphs.
 * @vitest-environment happy-dom
 * @vitest-environment-options {"url":"https://archiveofourown.org/works/5/chapters/20"}
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Bookmark } from '../../../lib/bookmarks/types';
import type { ChapterLink, Work } from '../../../lib/sites/types';
import { resume, resumeStart, RESUME_WINDOW_MS } from '../../../entrypoints/content/bookmarks/resume';
import type { WorkBookmarkState } from '../../../entrypoints/content/bookmarks/work-state';
import { makeBookmark } from '../storage/helpers';
import { createEventHub } from '../../../entrypoints/content/events';

const PAGE = 'https://archiveofourown.org/works/5/chapters/20';
const LIST: ChapterLink[] = [
  { number: 1, title: 'One', url: 'https://archiveofourown.org/works/5/chapters/10' },
  { number: 2, title: 'Two', url: PAGE },
  { number: 3, title: 'Three', url: 'https://archiveofourown.org/works/5/chapters/30' },
];
const saved = makeBookmark({ workId: '5', chapter: 2, paragraph: 3 });

describe('resumeStart', () => {
  it('no bookmark: only tidy the address', () => {
    expect(resumeStart(null, [2], LIST, `${PAGE}#lamplight-resume`)).toEqual({ kind: 'tidy' });
  });

  it('the saved chapter is shown here: place it', () => {
    expect(resumeStart(saved, [2], LIST, `${PAGE}#lamplight-resume`)).toEqual({ kind: 'place', saved });
    expect(resumeStart(saved, [1, 2, 3], LIST, `${PAGE}#lamplight-resume`)).toEqual({ kind: 'place', saved });
  });

  it('the saved chapter is on another page the work lists: go there, still marked, the reader marker kept', () => {
    const on3 = { ...saved, chapter: 3 };
    expect(resumeStart(on3, [2], LIST, `${PAGE}#lamplight-resume`)).toEqual({
      kind: 'go',
      url: 'https://archiveofourown.org/works/5/chapters/30#lamplight-resume',
      saved: on3,
    });
    expect(resumeStart(on3, [2], LIST, `${PAGE}#lamplight-reader+resume`)).toMatchObject({
      kind: 'go',
      url: 'https://archiveofourown.org/works/5/chapters/30#lamplight-reader+resume',
    });
  });

  it('nowhere to go (not listed, listed at this very page, chapters unreadable): place what can be placed here', () => {
    const on9 = { ...saved, chapter: 9 };
    expect(resumeStart(on9, [2], LIST, PAGE)).toEqual({ kind: 'place', saved: on9 });
    const listedHere = [{ number: 9, title: 'Nine', url: `${PAGE}#workskin` }];
    expect(resumeStart(on9, [2], listedHere, `${PAGE}#lamplight-resume`)).toEqual({ kind: 'place', saved: on9 });
    expect(resumeStart({ ...saved, chapter: 3 }, null, LIST, PAGE)).toEqual({ kind: 'place', saved: { ...saved, chapter: 3 } });
  });
});

describe('resume on the page', () => {
  let controller: AbortController;
  let state: WorkBookmarkState;
  let forget: ReturnType<typeof vi.fn<() => void>>;
  let replace: ReturnType<typeof vi.fn<(url: string, win: Window) => void>>;

  const setUrl = (url: string) => (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);

  function run(current: Bookmark | null, url: string) {
    setUrl(url);
    document.body.replaceChildren();
    const body = document.createElement('div');
    for (let i = 0; i < 10; i++) body.append(Object.assign(document.createElement('p'), { textContent: `Paragraph ${i}` }));
    document.body.append(body);
    const work = { chapters: [{ number: 2, body }], chapterList: LIST } as unknown as Work;
    controller = new AbortController();
    state = { doc: document, win: window, work, signal: controller.signal, events: createEventHub(), current, known: true, resuming: false };
    forget = vi.fn<() => void>();
    replace = vi.fn<(url: string, win: Window) => void>();
    resume(state, { replace, saver: { forget } });
  }

  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    controller.abort();
    vi.useRealTimers();
  });

  it('without a bookmark: the marker goes, nothing is held', () => {
    run(null, `${PAGE}#lamplight-resume`);
    expect(window.location.href).toBe(PAGE);
    expect(state.resuming).toBe(false);
    expect(replace).not.toHaveBeenCalled();
  });

  it('the saved chapter elsewhere: goes there, holds nothing here', () => {
    run({ ...saved, chapter: 3 }, `${PAGE}#lamplight-resume`);
    expect(replace).toHaveBeenCalledWith('https://archiveofourown.org/works/5/chapters/30#lamplight-resume', window);
    expect(state.resuming).toBe(false);
  });

  it('holds the place until the reader scrolls with the wheel; the marker goes at once', () => {
    run(saved, `${PAGE}#lamplight-resume`);
    expect(window.location.href).toBe(PAGE);
    expect(state.resuming).toBe(true);
    vi.advanceTimersByTime(1000);
    expect(state.resuming).toBe(true);
    window.dispatchEvent(new Event('wheel'));
    expect(state.resuming).toBe(false);
    expect(forget).toHaveBeenCalledTimes(1);
    window.dispatchEvent(new Event('keydown'));
    expect(forget).toHaveBeenCalledTimes(1);
  });

  it('holds the place for RESUME_WINDOW_MS at most, then leaves every timer', () => {
    run(saved, `${PAGE}#lamplight-resume`);
    vi.advanceTimersByTime(RESUME_WINDOW_MS - 1);
    expect(state.resuming).toBe(true);
    vi.advanceTimersByTime(1);
    expect(state.resuming).toBe(false);
    expect(forget).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('the feature stopping ends the hold', () => {
    run(saved, `${PAGE}#lamplight-resume`);
    controller.abort();
    expect(state.resuming).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('resume in the reader: the marker waits for the reader to open, then leaves the reader marker', () => {
    run(saved, `${PAGE}#lamplight-reader+resume`);
    vi.advanceTimersByTime(RESUME_WINDOW_MS - 1);
    expect(window.location.href).toBe(`${PAGE}#lamplight-reader+resume`);
    vi.advanceTimersByTime(1); // the reader never opened (a shield): the marker goes anyway
    expect(window.location.href).toBe(`${PAGE}#lamplight-reader`);
  });
});
