/**
 * Links to a place on the same page (footnotes, "see the end notes"): the site's page is hidden, so
 * the reader finds the target in its own copy of the story and scrolls there.
 */
import type { OpenReader } from './open-state';

/**
 * The id a link leads to on this very page (its fragment, decoded), or null when it leads to another
 * page, has no fragment or cannot be parsed.
 */
export function samePageFragment(href: string, here: string): string | null {
  let url: URL;
  let page: URL;
  try {
    url = new URL(href);
    page = new URL(here);
  } catch {
    return null;
  }
  if (!url.hash || url.origin !== page.origin || url.pathname !== page.pathname || url.search !== page.search) return null;
  const id = url.hash.slice(1);
  try {
    return decodeURIComponent(id);
  } catch {
    return id; // keep it as written
  }
}

/** The element with this id, or the old-style `<a name>` anchor, in scope. */
export function anchorIn(scope: ParentNode, id: string): HTMLElement | null {
  const value = id.replace(/["\\]/g, '\\$&');
  return scope.querySelector<HTMLElement>(`[id="${value}"], a[name="${value}"]`);
}

/**
 * A plain click on a link: when it leads to a place on this page, the reader scrolls to that place
 * in its copy (the chapter's own first) and the browser does not follow it.
 */
export function followInPageLink(event: Event, link: HTMLAnchorElement, reader: Pick<OpenReader, 'win' | 'shell' | 'bar'>): void {
  const { win, shell } = reader;
  const id = samePageFragment(link.href, win.location.href);
  if (id === null) return;
  event.preventDefault();
  const scope = link.closest('section.chapter');
  const target = (scope && anchorIn(scope, id)) ?? anchorIn(shell.root, id);
  if (!target) return;
  for (let el: Element | null = target; el && el !== shell.wrapper; el = el.parentElement) {
    if (el.tagName === 'DETAILS') (el as HTMLDetailsElement).open = true;
  }
  // Below the toolbar's place, so coming back up (which shows it) does not cover the target.
  const top = win.scrollY + target.getBoundingClientRect().top - reader.bar.height();
  const reducedMotion = win.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  win.scrollTo({ top: Math.max(0, top), left: win.scrollX, behavior: reducedMotion ? 'instant' : 'smooth' });
}
