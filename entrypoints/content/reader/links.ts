/**
 * Links to a place on the same page (footnotes, "see the end notes"): the site's page is hidden, so
 * the reader finds the target in its own copy of the story and scrolls there.
 */

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

export interface InPageContext {
  win: Window;
  root: ShadowRoot;
  /** The reader's outermost element: folded `<details>` up to it are opened. */
  wrapper: HTMLElement;
  /** The toolbar's height, kept free above the target. */
  barHeight: () => number;
  reducedMotion: () => boolean;
}

/**
 * A plain click on a link: when it leads to a place on this page, the reader scrolls to that place
 * in its copy (the chapter's own first) and the browser does not follow it.
 */
export function followInPageLink(event: Event, link: HTMLAnchorElement, ctx: InPageContext): void {
  const id = samePageFragment(link.href, ctx.win.location.href);
  if (id === null) return;
  event.preventDefault();
  const scope = link.closest('section.chapter');
  const target = (scope && anchorIn(scope, id)) ?? anchorIn(ctx.root, id);
  if (!target) return;
  for (let el: Element | null = target; el && el !== ctx.wrapper; el = el.parentElement) {
    if (el.tagName === 'DETAILS') (el as HTMLDetailsElement).open = true;
  }
  // Below the toolbar's place, so coming back up (which shows it) does not cover the target.
  const { win } = ctx;
  const top = win.scrollY + target.getBoundingClientRect().top - ctx.barHeight();
  win.scrollTo({ top: Math.max(0, top), left: win.scrollX, behavior: ctx.reducedMotion() ? 'instant' : 'smooth' });
}
