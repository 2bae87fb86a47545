/**
 * In-page links in the reader (entrypoints/content/reader/links.ts): a link to a place on this page
 * scrolls the reader to its own copy of that place, in the link's chapter first.
 */
import { describe, expect, it, vi } from 'vitest';
import { anchorIn, followInPageLink, samePageFragment } from '../../../entrypoints/content/reader/links';

const HERE = 'https://archiveofourown.org/works/1/chapters/2';

describe('samePageFragment', () => {
  it('gives the decoded fragment of a link to this page only', () => {
    expect(samePageFragment(`${HERE}#footnote1`, HERE)).toBe('footnote1');
    expect(samePageFragment(`${HERE}#caf%C3%A9`, `${HERE}#lamplight-reader`)).toBe('café');
    expect(samePageFragment(`${HERE}#bad%E0%A4%A`, HERE)).toBe('bad%E0%A4%A');
  });

  it('is null for another page, another query, no fragment, or an unreadable URL', () => {
    expect(samePageFragment('https://archiveofourown.org/works/1/chapters/3#footnote1', HERE)).toBeNull();
    expect(samePageFragment(`${HERE}?view_adult=true#footnote1`, HERE)).toBeNull();
    expect(samePageFragment('https://www.fanfiction.net/works/1/chapters/2#footnote1', HERE)).toBeNull();
    expect(samePageFragment(HERE, HERE)).toBeNull();
    expect(samePageFragment('http://[', HERE)).toBeNull();
  });
});

describe('followInPageLink', () => {
  function reader() {
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    const wrapper = document.createElement('div');
    wrapper.innerHTML = `
      <section class="chapter" data-n="1"><details><summary>Notes</summary><p id="fn1">one</p></details></section>
      <section class="chapter" data-n="2"><details><summary>Notes</summary><p id="fn1">two</p></details>
        <a href="${HERE}#fn1">1</a><a name="old">old</a><a href="${HERE}#old">o</a><a href="${HERE}#nowhere">x</a>
        <a href="https://archiveofourown.org/works/9">elsewhere</a></section>`;
    root.append(wrapper);
    let reduced = false;
    const win = {
      location: { href: `${HERE}#lamplight-reader` },
      scrollY: 500,
      scrollX: 7,
      scrollTo: vi.fn(),
      matchMedia: (query: string) => ({ matches: query === '(prefers-reduced-motion: reduce)' && reduced }),
    } as unknown as Window;
    const ctx = { win, shell: { root, wrapper }, bar: { height: () => 40 } } as unknown as Parameters<typeof followInPageLink>[2];
    const link = (href: string) => [...wrapper.querySelectorAll('a')].find((a) => a.getAttribute('href') === href)!;
    return { wrapper, win, ctx, link, reduceMotion: () => (reduced = true) };
  }

  it('opens the folded place in the link’s own chapter and scrolls it below the toolbar', () => {
    const { wrapper, win, ctx, link } = reader();
    const event = new Event('click', { cancelable: true });
    followInPageLink(event, link(`${HERE}#fn1`), ctx);
    expect(event.defaultPrevented).toBe(true);
    const open = [...wrapper.querySelectorAll('details')].map((d) => d.open);
    expect(open).toEqual([false, true]);
    // happy-dom lays nothing out: the target's top is 0, so 500 + 0 − 40.
    expect(win.scrollTo).toHaveBeenCalledWith({ top: 460, left: 7, behavior: 'smooth' });
  });

  it('finds an old-style <a name> anchor, and scrolls at once when motion is reduced', () => {
    const { win, ctx, link, reduceMotion } = reader();
    reduceMotion();
    followInPageLink(new Event('click', { cancelable: true }), link(`${HERE}#old`), ctx);
    expect(win.scrollTo).toHaveBeenCalledWith({ top: 460, left: 7, behavior: 'instant' });
  });

  it('takes a link to a missing place on this page without scrolling; leaves other pages’ links alone', () => {
    const { win, ctx, link } = reader();
    const missing = new Event('click', { cancelable: true });
    followInPageLink(missing, link(`${HERE}#nowhere`), ctx);
    expect(missing.defaultPrevented).toBe(true);
    const away = new Event('click', { cancelable: true });
    followInPageLink(away, link('https://archiveofourown.org/works/9'), ctx);
    expect(away.defaultPrevented).toBe(false);
    expect(win.scrollTo).not.toHaveBeenCalled();
  });

  it('anchorIn finds an element by id or an <a name>, and nothing else', () => {
    const scope = document.createElement('div');
    scope.innerHTML = '<p id="end">end</p><a name="top">top</a><p title="end">not this</p>';
    expect(anchorIn(scope, 'end')?.textContent).toBe('end');
    expect(anchorIn(scope, 'top')?.textContent).toBe('top');
    expect(anchorIn(scope, 'nowhere')).toBeNull();
  });
});
