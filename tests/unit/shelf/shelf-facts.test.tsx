/**
 * What each shelf row tells (issue 16 friction 7): the site, when the work was last read (the
 * browser's relative time) and how far through it the reader is; the popup's status filter.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { agoIn, lastReadText } from '../../../components/shelf/last-read';
import { Shelf } from '../../../components/shelf/Shelf';
import { workPercent } from '../../../lib/bookmarks/record';
import { putBookmark } from '../../../lib/storage';
import { encodeShelfIndex } from '../../../lib/bookmarks/shelf-index-codec';
import { decodeShelfIndex } from '../../../lib/bookmarks/shelf-index-entries';
import { makeBookmark } from '../storage/helpers';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const NOW = Date.UTC(2026, 11, 7, 12);

describe('last read', () => {
  it('says when, in the largest whole unit', () => {
    expect(lastReadText(NOW - 10_000, NOW)).toBe('read just now');
    expect(lastReadText(NOW + DAY, NOW)).toBe('read just now');
    expect(lastReadText(NOW - 5 * MINUTE, NOW)).toBe('read 5 minutes ago');
    expect(lastReadText(NOW - 3 * 60 * MINUTE, NOW)).toBe('read 3 hours ago');
    expect(lastReadText(NOW - DAY, NOW)).toBe('read yesterday');
    expect(lastReadText(NOW - 3 * DAY, NOW)).toBe('read 3 days ago');
    expect(lastReadText(NOW - 15 * DAY, NOW)).toBe('read 2 weeks ago');
    expect(lastReadText(NOW - 100 * DAY, NOW)).toBe('read 3 months ago');
    expect(lastReadText(NOW - 800 * DAY, NOW)).toBe('read 2 years ago');
    expect(lastReadText(Number.NEGATIVE_INFINITY, NOW)).toBe('');
    expect(agoIn(59 * 60)).toEqual(['minute', 59]);
    expect(agoIn(7 * 24 * 3600)).toEqual(['week', 1]);
  });
});

describe('progress through the work', () => {
  it('counts the chapters before this one and the part of it read', () => {
    expect(workPercent({ chapter: 2, chapterCount: 14, chapterTotal: null, progress: 0.6 })).toBe(11);
    expect(workPercent({ chapter: 3, chapterCount: 5, chapterTotal: 10, progress: 0 })).toBe(20);
    expect(workPercent({ chapter: 1, chapterCount: 1, chapterTotal: 1, progress: 1 })).toBe(100);
    expect(workPercent({ chapter: 1, chapterCount: 1, chapterTotal: 1, progress: 0.4 })).toBe(40);
    // A total below the chapters posted is stale: the posted count is the truth.
    expect(workPercent({ chapter: 6, chapterCount: 8, chapterTotal: 5, progress: 0.5 })).toBe(69);
    expect(workPercent({ chapter: 1, chapterCount: 0, chapterTotal: null, progress: 0.5 })).toBe(50);
  });
});

let container: HTMLElement | null = null;
beforeEach(() => fakeBrowser.reset());
afterEach(async () => {
  if (container) {
    await act(() => render(null, container!));
    container.remove();
    container = null;
  }
});

async function settle() {
  for (let i = 0; i < 6; i++) await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
}
const rows = () => Array.from(container?.querySelectorAll<HTMLElement>('li.shelf-item') ?? []);
const titles = () => rows().map((r) => r.querySelector('.shelf-title')?.textContent);

const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const WORKS = [
  makeBookmark({ workId: '1', title: 'Ao3 reading', chapter: 2, chapterCount: 14, progress: 0.6, readAt: ago(0.5 / 24) }),
  makeBookmark({ site: 'ffn', workId: '2', title: 'Ffn news', chapter: 3, chapterCount: 3, chapterTotal: null, progress: 1, newChapters: 2, readAt: ago(3) }),
  makeBookmark({ workId: '3', title: 'Ao3 finished', chapter: 5, chapterCount: 5, chapterTotal: 5, progress: 1, status: 'finished', readAt: ago(40) }),
  makeBookmark({ workId: '4', title: 'Ao3 later', chapter: 1, chapterCount: 1, chapterTotal: 1, progress: 0, status: 'later', readAt: ago(400) }),
];

describe('shelf rows in the popup', () => {
  it('show the site, when last read and the progress, with a progress bar; the filter shows only matching rows', async () => {
    for (const b of WORKS) await putBookmark(b);
    const indexed = decodeShelfIndex(encodeShelfIndex(WORKS))!;
    container = document.createElement('div');
    document.body.append(container);
    await act(() => render(<Shelf compact indexed={indexed} />, container!));
    await settle();
    const [first, second, third] = rows();
    expect(first!.querySelector('.shelf-site')?.textContent).toBe('AO3');
    expect(first!.querySelector('.shelf-where')?.textContent).toBe('Chapter 2 of 14 so far · 11% · read 30 minutes ago');
    const bar = first!.querySelector('[role="progressbar"]')!;
    expect([bar.getAttribute('aria-valuenow'), bar.getAttribute('aria-label')]).toEqual(['11', '11% read']);
    expect(second!.querySelector('.shelf-site')?.textContent).toBe('FanFiction.net');
    expect(second!.querySelector('.shelf-where')?.textContent).toBe('Chapter 3 of 3 so far · 100% · read 3 days ago');
    expect(third!.querySelector('.shelf-where')?.textContent).toBe('Chapter 5 of 5 · 100% · read last month');

    const show = container.querySelector<HTMLSelectElement>('.shelf-heading-row select')!;
    expect(Array.from(show.options, (o) => o.textContent)).toEqual(['All', 'Reading', 'New chapters', 'Finished', 'Read later']);
    const choose = async (value: string) => {
      await act(() => {
        show.value = value;
        show.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await settle();
    };
    await choose('new');
    expect(titles()).toEqual(['Ffn news']);
    await choose('finished');
    expect(titles()).toEqual(['Ao3 finished']);
    await choose('later');
    expect(titles()).toEqual(['Ao3 later']);
    expect(rows()[0]!.querySelector('.shelf-where')?.textContent).toBe('Chapter 1 of 1 · 0% · read last year');
    await choose('reading');
    expect(titles()).toEqual(['Ao3 reading', 'Ffn news']);
    await choose('all');
    expect(titles()).toHaveLength(3);
  });
});
