/**
 * The progress saver on its own (entrypoints/content/bookmarks/progress-saver.ts), with fake timers:
 * when a place is written, what is written, and that nothing is once the feature stops.
 * @vitest-environment happy-dom
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Place } from '../../../lib/bookmarks/record';
import type { Bookmark } from '../../../lib/bookmarks/types';
import type { Work } from '../../../lib/sites/types';
import { CHAPTER_CHECK_MS, readsOnFrom, startProgressSaver, type ProgressSaver } from '../../../entrypoints/content/bookmarks/progress-saver';
import type { WorkBookmarkState } from '../../../entrypoints/content/bookmarks/work-state';
import { makeBookmark } from '../storage/helpers';
import { createEventHub } from '../../../entrypoints/content/events';

const IDLE = 1500;
const NOW = new Date('2026-05-01T12:00:00.000Z');

let controller: AbortController;
let state: WorkBookmarkState;
let saver: ProgressSaver;
let here: Place | null;
let several: boolean;
let writes: Bookmark[];

const at = (chapter: number, paragraph: number): Place => ({ chapter, progress: paragraph / 100, paragraph, paragraphOffset: 0, readerMode: false });
const scroll = () => window.dispatchEvent(new Event('scroll'));

function start(current: Bookmark | null = makeBookmark({ chapter: 2, paragraph: 12, paragraphOffset: 0.25, readerMode: false })) {
  controller = new AbortController();
  state = { doc: document, win: window, work: {} as Work, signal: controller.signal, events: createEventHub(), current, known: true, resuming: false };
  saver = startProgressSaver(state, {
    idleMs: IDLE,
    now: () => NOW,
    place: () => here,
    showsSeveralChapters: () => several,
    write: async (b) => {
      writes.push(b);
    },
  });
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-05-01T11:00:00.000Z'));
  here = at(2, 30);
  several = false;
  writes = [];
});
afterEach(() => {
  controller.abort();
  vi.useRealTimers();
});

describe('progress saver: after scrolling stops', () => {
  it('writes the place once, idleMs after the last scroll, and not before', () => {
    start();
    scroll();
    vi.advanceTimersByTime(1000);
    scroll(); // the quiet time starts again
    vi.advanceTimersByTime(IDLE - 1);
    expect(writes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({ chapter: 2, paragraph: 30, progress: 0.3, paragraphOffset: 0, readAt: '2026-05-01T12:00:00.000Z' });
    expect(state.current).toEqual(writes[0]);
    vi.advanceTimersByTime(IDLE * 3);
    expect(writes).toHaveLength(1);
  });

  it('writes nothing when the place is the saved one', () => {
    start();
    here = at(2, 12);
    here.paragraphOffset = 0.25;
    scroll();
    vi.advanceTimersByTime(IDLE);
    expect(writes).toEqual([]);
  });

  it('writes nothing for a work that is not bookmarked, or while a resume places the page', () => {
    start(null);
    scroll();
    vi.advanceTimersByTime(IDLE);
    expect(writes).toEqual([]);
    controller.abort();

    start();
    state.resuming = true;
    scroll();
    vi.advanceTimersByTime(IDLE);
    expect(writes).toEqual([]);
  });

  it('forget drops the save that was due', () => {
    start();
    scroll();
    saver.forget();
    vi.advanceTimersByTime(IDLE);
    expect(writes).toEqual([]);
  });

  it('saveSoon saves after the quiet time without any scroll (reading on)', () => {
    start();
    saver.saveSoon();
    vi.advanceTimersByTime(IDLE - 1);
    expect(writes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(writes.map((b) => b.paragraph)).toEqual([30]);
  });
});

describe('progress saver: at once', () => {
  it('a new chapter at the top of a page of several chapters saves at once, checked at most every CHAPTER_CHECK_MS', () => {
    several = true;
    start();
    here = at(2, 40);
    scroll(); // same chapter: waits for the quiet time
    expect(writes).toEqual([]);
    here = at(3, 1);
    vi.advanceTimersByTime(CHAPTER_CHECK_MS - 1);
    scroll(); // too soon after the last check
    expect(writes).toEqual([]);
    vi.advanceTimersByTime(1);
    scroll();
    expect(writes.map((b) => [b.chapter, b.paragraph])).toEqual([[3, 1]]);
    vi.advanceTimersByTime(IDLE); // the due save went with it
    expect(writes).toHaveLength(1);
  });

  it('one chapter on the page: a chapter change waits for the quiet time like any scroll', () => {
    start();
    here = at(3, 1);
    scroll();
    expect(writes).toEqual([]);
    vi.advanceTimersByTime(IDLE);
    expect(writes.map((b) => b.chapter)).toEqual([3]);
  });

  it('leaving the page (pagehide) or hiding the tab saves now, even without a scroll', () => {
    start();
    window.dispatchEvent(new Event('pagehide'));
    expect(writes.map((b) => b.paragraph)).toEqual([30]);
    here = at(2, 50);
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(writes.map((b) => b.paragraph)).toEqual([30, 50]);
  });

});

describe('progress saver: stopped', () => {
  it('stopping saves the place due at once, once; afterwards scrolls and leaving write nothing', () => {
    start();
    scroll();
    controller.abort();
    expect(writes.map((b) => b.paragraph)).toEqual([30]);
    here = at(2, 60);
    vi.advanceTimersByTime(IDLE);
    scroll();
    window.dispatchEvent(new Event('pagehide'));
    vi.advanceTimersByTime(IDLE);
    expect(writes).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stopping with nothing due, or while a resume places the page, writes nothing', () => {
    start();
    controller.abort();
    start();
    scroll();
    state.resuming = true;
    controller.abort();
    expect(writes).toEqual([]);
  });
});

describe('readsOnFrom', () => {
  const one = (currentChapter: number | null) => ({ chapters: [{}] as Work['chapters'], currentChapter });
  it('a lone chapter after the saved one reads on; the same, an earlier one, or several on the page do not', () => {
    expect(readsOnFrom({ chapter: 2 }, one(3))).toBe(true);
    expect(readsOnFrom({ chapter: 2 }, one(2))).toBe(false);
    expect(readsOnFrom({ chapter: 2 }, one(1))).toBe(false);
    expect(readsOnFrom({ chapter: 1 }, one(null))).toBe(false); // no number: chapter 1
    expect(readsOnFrom({ chapter: 1 }, { chapters: [{}, {}] as Work['chapters'], currentChapter: 2 })).toBe(false);
  });
});
