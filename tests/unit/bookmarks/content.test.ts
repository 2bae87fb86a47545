/**
 * The bookmarks feature on real AO3 pages (happy-dom, no network): the Bookmark button, the
 * reader's slot, messages, progress, resume, listing markers and new chapters, the 404 notice.
 * @vitest-environment happy-dom
 * @vitest-environment-options {"url":"https://archiveofourown.org/","settings":{"disableJavaScriptEvaluation":true,"disableJavaScriptFileLoading":true,"disableCSSFileLoading":true,"disableIframePageLoading":true,"handleDisabledFileLoadingAsSuccess":true}}
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { bookmarkedHere, MARKER_ATTRIBUTE, storyParagraphs } from '../../../entrypoints/content/bookmarks';
import { createBookmarksFeature } from '../../../entrypoints/content/bookmarks/work-feature';
import type { Feature } from '../../../entrypoints/content/page';
import { createReaderFeature, HOST_ID } from '../../../entrypoints/content/reader';
import { ao3 } from '../../../lib/sites/ao3';
import type { PageKind, SiteAdapter } from '../../../lib/sites/types';
import { getBookmark, putBookmark, removeBookmark, updateBookmark } from '../../../lib/storage';
import { makeBookmark } from '../storage/helpers';
import { fixtureText } from '../../support/fixtures';
import { trustedClick } from '../../support/trusted-click';
import { startOnPage } from '../../support/content-page';


const WORK = '17793689';
const CH1 = {
  file: 'ao3/work-wip-14ch-chapter1-17793689.html',
  url: 'https://archiveofourown.org/works/17793689/chapters/41980418',
};
const CH2 = {
  file: 'ao3/work-wip-14ch-chapter2-17793689.html',
  url: 'https://archiveofourown.org/works/17793689/chapters/42035519',
};
const LISTING = {
  file: 'ao3/listing-tag-works-worldbuilding.html',
  url: 'https://archiveofourown.org/tags/Worldbuilding/works',
};
const GONE = { file: 'ao3/work-404-41237499.html', url: 'https://archiveofourown.org/works/41237499' };

function loadPage(file: string, url: string): void {
  const text = fixtureText(file);
  const parsed = new DOMParser().parseFromString(text, 'text/html');
  for (const el of Array.from(parsed.querySelectorAll('script, link, iframe, noscript'))) el.remove();
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
  const page = document.importNode(parsed.documentElement, true);
  document.documentElement.remove();
  document.append(page);
}

const stops: (() => void)[] = [];
const bookmarks = createBookmarksFeature({ idleMs: 30, now: () => new Date('2026-05-01T12:00:00.000Z') });
const reader = createReaderFeature({ navigate: () => {}, fontUrl: (f) => `chrome-extension://test/${f}`, saveDelayMs: 0 });

/** The features on one page context, as the content script starts them (the reader first). */
function startFeatures(url: string, kind: PageKind, features: readonly Feature[], adapter: SiteAdapter = ao3): () => void {
  const { stop } = startOnPage(adapter, url, kind, features);
  stops.push(stop);
  return stop;
}

async function startAll(url: string, kind: PageKind, withReader = kind === 'work') {
  startFeatures(url, kind, withReader ? [reader, bookmarks] : [bookmarks]);
  await settle();
}

const settle = async (rounds = 5) => {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};
const send = async (message: unknown) => (await fakeBrowser.runtime.onMessage.trigger(message, {})).find((r) => r !== undefined);

const pageButton = () => document.querySelector<HTMLButtonElement>('ul.work.navigation.actions button[data-lamplight-bookmark-toggle]');
const readerToggle = () => document.querySelector<HTMLButtonElement>('button[data-lamplight-reader-toggle]');
const shadow = () => document.getElementById(HOST_ID)?.shadowRoot ?? null;
const readerBookmark = () => shadow()?.querySelector<HTMLButtonElement>('[data-lamplight-slot="bookmark"] button') ?? null;

beforeEach(() => {
  fakeBrowser.reset();
  window.scrollTo(0, 0);
});
afterEach(() => {
  for (const stop of stops.splice(0).reverse()) stop();
  vi.restoreAllMocks();
});

describe('work page: the Bookmark button', () => {
  beforeEach(() => loadPage(CH1.file, CH1.url));

  it('sits in the navigation bar just after Reader mode, named Bookmark, not pressed', async () => {
    await startAll(CH1.url, 'work');
    const button = pageButton();
    expect(button?.textContent).toBe('☆ Bookmark'); // the star is aria-hidden: the name is "Bookmark"
    expect(button?.querySelector('[aria-hidden="true"]')?.textContent).toBe('☆');
    expect(button?.getAttribute('aria-pressed')).toBe('false');
    const li = button?.closest('li');
    expect(li?.previousElementSibling?.querySelector('button')).toBe(readerToggle());
    expect(bookmarkedHere()).toBe(false);
  });

  it('saves a bookmark from the work (chapter URL, chapter, counts, status), and removes it again', async () => {
    await startAll(CH1.url, 'work');
    trustedClick(pageButton());
    await settle();
    const saved = await getBookmark('ao3', WORK);
    expect(saved).toMatchObject({
      site: 'ao3',
      workId: WORK,
      url: `https://archiveofourown.org/works/${WORK}`,
      chapterUrl: CH1.url,
      chapter: 1,
      chapterCount: 14,
      chapterTotal: null,
      status: 'reading',
      note: '',
      newChapters: 0,
      readerMode: false,
      addedAt: '2026-05-01T12:00:00.000Z',
      readAt: '2026-05-01T12:00:00.000Z',
    });
    expect(saved?.title).toBe(document.querySelector('h2.title.heading')?.textContent?.trim());
    expect(saved?.authors.length).toBeGreaterThan(0);
    expect(saved?.fandoms).toEqual(expect.arrayContaining([expect.stringContaining('Dragon Age')]));
    expect(pageButton()?.getAttribute('aria-pressed')).toBe('true');
    expect(bookmarkedHere()).toBe(true);

    trustedClick(pageButton());
    await settle();
    expect(await getBookmark('ao3', WORK)).toBeNull();
    expect(pageButton()?.getAttribute('aria-pressed')).toBe('false');
  });

  it('answers the popup: bookmark:status and bookmark:toggle', async () => {
    await startAll(CH1.url, 'work');
    expect(await send({ type: 'bookmark:status' })).toEqual({ bookmarked: false });
    expect(await send({ type: 'bookmark:toggle' })).toEqual({ bookmarked: true });
    expect(await getBookmark('ao3', WORK)).not.toBeNull();
    expect(await send({ type: 'bookmark:status' })).toEqual({ bookmarked: true });
    expect(await send({ type: 'bookmark:toggle' })).toEqual({ bookmarked: false });
    expect(await send({ type: 'bookmark:nonsense' })).toBeUndefined();
  });

  it('the reader toolbar gets the same button, in step with the page one', async () => {
    await startAll(CH1.url, 'work');
    readerToggle()?.click();
    expect(readerBookmark()?.textContent).toBe('☆ Bookmark');
    expect(readerBookmark()?.getAttribute('aria-pressed')).toBe('false');
    trustedClick(readerBookmark());
    await settle();
    expect(readerBookmark()?.getAttribute('aria-pressed')).toBe('true');
    expect(pageButton()?.getAttribute('aria-pressed')).toBe('true');
    // Saved shows without a tooltip: the star fills, in the reader and on the page.
    expect(readerBookmark()?.textContent).toBe('★ Bookmark');
    expect(pageButton()?.textContent).toBe('★ Bookmark');
    expect(await getBookmark('ao3', WORK)).toMatchObject({ readerMode: true, chapter: 1 });
  });

  it('follows changes made elsewhere (popup, another tab)', async () => {
    await startAll(CH1.url, 'work');
    await putBookmark(makeBookmark({ workId: WORK, url: `https://archiveofourown.org/works/${WORK}` }));
    await settle();
    expect(pageButton()?.getAttribute('aria-pressed')).toBe('true');
    await removeBookmark('ao3', WORK);
    await settle();
    expect(pageButton()?.getAttribute('aria-pressed')).toBe('false');
  });

  it('stop takes everything out', async () => {
    await startAll(CH1.url, 'work');
    for (const stop of stops.splice(0).reverse()) stop();
    expect(document.querySelector('[data-lamplight-bookmark-toggle]')).toBeNull();
    expect(bookmarkedHere()).toBeNull();
  });
});

describe('work page: paragraphs, progress and resume', () => {
  beforeEach(() => loadPage(CH1.file, CH1.url));

  it('the reader shows the same story paragraphs, in the same order, as the page', async () => {
    await startAll(CH1.url, 'work');
    const body = document.querySelector('#chapters div.userstuff')!;
    const onPage = storyParagraphs(body).map((p) => p.textContent);
    expect(onPage.length).toBeGreaterThan(50);
    expect(onPage.some((t) => t === 'Chapter Text')).toBe(false); // the landmark heading is not a paragraph
    readerToggle()?.click();
    const text = shadow()?.querySelector('section.chapter[data-chapter="1"] > .text');
    expect(text).toBeTruthy();
    expect(storyParagraphs(text!).map((p) => p.textContent)).toEqual(onPage);
  });

  it('looks through a lone wrapper (a work skin), never returns nothing', () => {
    const body = new DOMParser().parseFromString(
      '<div><h3 class="landmark">Chapter Text</h3><div class="skin"><p>a</p><p>b</p><p>c</p></div></div>',
      'text/html',
    ).body.firstElementChild!;
    expect(storyParagraphs(body).map((p) => p.textContent)).toEqual(['a', 'b', 'c']);
    const bare = document.createElement('div');
    bare.textContent = 'only text';
    expect(storyParagraphs(bare)).toEqual([bare]);
  });

  /** Lays the story paragraphs out 100px apart (happy-dom has no layout), moving with window.scrollY. */
  function fakeLayout() {
    const index = new Map<Element, number>();
    const body = document.querySelector('#chapters div.userstuff')!;
    storyParagraphs(body).forEach((p, i) => index.set(p, i));
    vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(800);
    vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
      const i = index.get(this);
      const top = i === undefined ? 0 : 1000 + i * 100 - window.scrollY;
      return { top, height: i === undefined ? 0 : 80, bottom: top + 80, left: 0, right: 0, width: 0, x: 0, y: top, toJSON() {} } as DOMRect;
    });
  }

  it('saves the paragraph at the top of the view once scrolling pauses', async () => {
    await putBookmark(makeBookmark({ workId: WORK, chapter: 1, chapterCount: 14, paragraph: 0, paragraphOffset: 0, readerMode: false }));
    fakeLayout();
    await startAll(CH1.url, 'work', false);
    window.scrollTo(0, 1000 + 20 * 100 + 40); // paragraph 20, halfway
    window.dispatchEvent(new Event('scroll'));
    await new Promise((resolve) => setTimeout(resolve, 80));
    await settle();
    const saved = await getBookmark('ao3', WORK);
    expect(saved).toMatchObject({ chapter: 1, paragraph: 20, paragraphOffset: 0.5, chapterUrl: CH1.url, readerMode: false });
    expect(saved?.readAt).toBe('2026-05-01T12:00:00.000Z');
  });

  it('a save keeps what was changed elsewhere meanwhile (note and status from the popup)', async () => {
    await putBookmark(makeBookmark({ workId: WORK, chapter: 1, chapterCount: 14, paragraph: 0, paragraphOffset: 0, readerMode: false }));
    fakeLayout();
    await startAll(CH1.url, 'work', false);
    await updateBookmark('ao3', WORK, { note: 'from the popup', status: 'later' });
    await settle();
    window.scrollTo(0, 1000 + 12 * 100);
    window.dispatchEvent(new Event('scroll'));
    await new Promise((resolve) => setTimeout(resolve, 80));
    await settle();
    expect(await getBookmark('ao3', WORK)).toMatchObject({ paragraph: 12, note: 'from the popup', status: 'later' });
  });

  it('saves at once when the page is left', async () => {
    await putBookmark(makeBookmark({ workId: WORK, chapter: 1, chapterCount: 14, paragraph: 0 }));
    fakeLayout();
    const slow = createBookmarksFeature({ idleMs: 60_000 });
    await startAll(CH1.url, 'work', false);
    for (const stop of stops.splice(0)) stop();
    startFeatures(CH1.url, 'work', [slow]);
    await settle();
    window.scrollTo(0, 1000 + 7 * 100);
    window.dispatchEvent(new Event('scroll'));
    window.dispatchEvent(new Event('pagehide'));
    await settle();
    expect(await getBookmark('ao3', WORK)).toMatchObject({ paragraph: 7, paragraphOffset: 0 });
  });

  it('resume: scrolls the saved paragraph to the top, then drops the marker', async () => {
    await putBookmark(
      makeBookmark({ workId: WORK, chapter: 1, chapterCount: 14, paragraph: 30, paragraphOffset: 0.25, readerMode: false, chapterUrl: CH1.url }),
    );
    fakeLayout();
    loadPage(CH1.file, `${CH1.url}#lamplight-resume`);
    fakeLayout();
    await startAll(`${CH1.url}#lamplight-resume`, 'work', false);
    expect(window.scrollY).toBe(1000 + 30 * 100 + 20);
    expect(location.href).toBe(CH1.url);
  });

  it('resume in the reader: the reader opens, the marker leaves the reader marker behind', async () => {
    await putBookmark(makeBookmark({ workId: WORK, chapter: 1, chapterCount: 14, paragraph: 3, readerMode: true, chapterUrl: CH1.url }));
    loadPage(CH1.file, `${CH1.url}#lamplight-reader+resume`);
    await startAll(`${CH1.url}#lamplight-reader+resume`, 'work');
    await vi.waitFor(() => expect(document.documentElement.getAttribute('data-lamplight-reader')).toBe('on'));
    await vi.waitFor(() => expect(location.hash).toBe('#lamplight-reader'));
    expect(readerBookmark()?.getAttribute('aria-pressed')).toBe('true');
  });

  it('resume on a page without the saved chapter goes to that chapter, still marked', async () => {
    // An imported bookmark without chapterUrl: Resume opens the work (chapter 1); the bookmark is on chapter 2.
    await putBookmark(makeBookmark({ workId: WORK, chapter: 2, chapterCount: 14, paragraph: 9, readerMode: true }));
    loadPage(CH1.file, `${CH1.url}#lamplight-reader+resume`);
    const replace = vi.fn();
    const feature = createBookmarksFeature({ idleMs: 30, replace });
    startFeatures(`${CH1.url}#lamplight-reader+resume`, 'work', [feature]);
    await vi.waitFor(() => expect(replace).toHaveBeenCalledTimes(1));
    expect(replace.mock.calls[0]![0]).toBe(`${CH2.url}#lamplight-reader+resume`);
  });

  it('a marker without a bookmark is simply removed', async () => {
    loadPage(CH1.file, `${CH1.url}#lamplight-resume`);
    await startAll(`${CH1.url}#lamplight-resume`, 'work', false);
    expect(location.href).toBe(CH1.url);
  });

  it('the work page says more chapters are posted than recorded: new chapters', async () => {
    await putBookmark(makeBookmark({ workId: WORK, chapter: 1, chapterCount: 12, chapterTotal: null, newChapters: 0 }));
    await startAll(CH1.url, 'work', false);
    await vi.waitFor(async () => expect(await getBookmark('ao3', WORK)).toMatchObject({ chapterCount: 14, newChapters: 2 }));
  });

  it('reading on into the next chapter moves the bookmark there', async () => {
    await putBookmark(makeBookmark({ workId: WORK, chapter: 1, chapterCount: 14, paragraph: 80 }));
    loadPage(CH2.file, CH2.url);
    await startAll(CH2.url, 'work', false);
    await vi.waitFor(async () => expect(await getBookmark('ao3', WORK)).toMatchObject({ chapter: 2, chapterUrl: CH2.url }));
  });
});

describe('listing: markers and new chapters (fixture: Worldbuilding tag, 20 blurbs)', () => {
  beforeEach(() => loadPage(LISTING.file, LISTING.url));

  const blurb = (id: string) => document.getElementById(`work_${id}`)!;
  const marker = (id: string) => blurb(id).querySelector(`[${MARKER_ATTRIBUTE}]`);

  it('a bookmarked work showing more posted chapters than recorded gets new chapters and says so', async () => {
    // "Parlay In Reverse" shows 36/80 on the listing; the bookmark last saw 33.
    await putBookmark(
      makeBookmark({ workId: '23306392', url: 'https://archiveofourown.org/works/23306392', chapter: 30, chapterCount: 33, chapterTotal: 80, newChapters: 0 }),
    );
    // "LIFE TAX" shows 18/23, as recorded.
    await putBookmark(
      makeBookmark({ workId: '76746016', url: 'https://archiveofourown.org/works/76746016', chapter: 3, chapterCount: 18, chapterTotal: 23 }),
    );
    await startAll(LISTING.url, 'listing');
    await vi.waitFor(() => expect(marker('23306392')?.textContent).toBe('Bookmarked · 3 new chapters'));
    expect(await getBookmark('ao3', '23306392')).toMatchObject({ chapterCount: 36, chapterTotal: 80, newChapters: 3 });
    expect(marker('76746016')?.textContent).toBe('Bookmarked · Chapter 3 of 23');
    expect(await getBookmark('ao3', '76746016')).toMatchObject({ chapterCount: 18, newChapters: 0 });
    expect(document.querySelectorAll(`[${MARKER_ATTRIBUTE}]`)).toHaveLength(2);
    expect(marker('23306392')?.parentElement).toBe(blurb('23306392'));

    // The same page again learns nothing new (no double counting).
    for (const stop of stops.splice(0)) stop();
    expect(document.querySelectorAll(`[${MARKER_ATTRIBUTE}]`)).toHaveLength(0);
    await startAll(LISTING.url, 'listing');
    await vi.waitFor(() => expect(marker('23306392')).not.toBeNull());
    expect(await getBookmark('ao3', '23306392')).toMatchObject({ chapterCount: 36, newChapters: 3 });
  });

  it('markers follow the bookmarks: changed, removed, added elsewhere', async () => {
    await putBookmark(makeBookmark({ workId: '23306392', chapter: 30, chapterCount: 36, chapterTotal: 80 }));
    await startAll(LISTING.url, 'listing');
    await vi.waitFor(() => expect(marker('23306392')?.textContent).toBe('Bookmarked · Chapter 30 of 80'));
    await updateBookmark('ao3', '23306392', { chapter: 31 });
    await vi.waitFor(() => expect(marker('23306392')?.textContent).toBe('Bookmarked · Chapter 31 of 80'));
    await removeBookmark('ao3', '23306392');
    await vi.waitFor(() => expect(marker('23306392')).toBeNull());
  });

  it('bookmark:link bookmarks a work of this page from its blurb (context menu)', async () => {
    await startAll(LISTING.url, 'listing');
    expect(await send({ type: 'bookmark:link', url: 'https://archiveofourown.org/works/76746016' })).toEqual({ bookmarked: true });
    expect(await getBookmark('ao3', '76746016')).toMatchObject({
      chapter: 1,
      chapterCount: 18,
      chapterTotal: 23,
      title: 'LIFE TAX - IMPUESTO VITAL',
      status: 'reading',
    });
    await vi.waitFor(() => expect(marker('76746016')?.textContent).toBe('Bookmarked · Chapter 1 of 23'));
    expect(await send({ type: 'bookmark:link', url: 'https://archiveofourown.org/works/1' })).toEqual({ bookmarked: false });
  });
});

describe('a bookmarked work that is gone (404)', () => {
  beforeEach(() => loadPage(GONE.file, GONE.url));

  it('keeps the bookmark and says so on the page', async () => {
    await putBookmark(makeBookmark({ workId: '41237499', title: 'Lost <b>Work</b>', url: GONE.url }));
    await startAll(GONE.url, 'not-found');
    await vi.waitFor(() =>
      expect(document.querySelector('[data-lamplight-bookmark-gone]')?.textContent).toBe(
        '“Lost <b>Work</b>” seems to be gone from Archive of Our Own. Your Lamplight bookmark of it is kept.',
      ),
    );
    expect(document.querySelector('[data-lamplight-bookmark-gone] b')).toBeNull();
    expect(document.querySelector('[data-lamplight-bookmark-gone]')?.getAttribute('role')).toBe('status');
    expect(await getBookmark('ao3', '41237499')).not.toBeNull();
    for (const stop of stops.splice(0)) stop();
    expect(document.querySelector('[data-lamplight-bookmark-gone]')).toBeNull();
  });

  it('says nothing for a work that is not bookmarked', async () => {
    await startAll(GONE.url, 'not-found');
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(document.querySelector('[data-lamplight-bookmark-gone]')).toBeNull();
  });
});

describe('bad input never throws', () => {
  const broken: SiteAdapter = {
    ...ao3,
    readWork: () => {
      throw new Error('boom');
    },
    readBlurbs: () => {
      throw new Error('boom');
    },
    workIdFromUrl: () => {
      throw new Error('boom');
    },
  };

  it.each<PageKind>(['work', 'listing', 'not-found', 'other'])('an adapter that throws on a %s page: no UI, no error', async (kind) => {
    loadPage(CH1.file, CH1.url);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const stop = startFeatures(CH1.url, kind, [bookmarks], broken);
    await settle();
    expect(document.querySelector('[data-lamplight-bookmark-toggle]')).toBeNull();
    expect(await send({ type: 'bookmark:link', url: CH1.url })).toBeUndefined();
    expect(() => stop()).not.toThrow();
    warn.mockRestore();
  });

  it('a page with no chapter text still gets a working button', async () => {
    loadPage(CH1.file, CH1.url);
    document.querySelector('#chapters')?.remove();
    await startAll(CH1.url, 'work', false);
    expect(await send({ type: 'bookmark:toggle' })).toEqual({ bookmarked: true });
  });
});
