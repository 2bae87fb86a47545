/**
 * Page-level parts of FanFiction.net pages that story pages and listings share: the breadcrumb
 * (category › fandom), profile links, the story-text element.
 *
 * Two layouts are known: today's (since about 2011: `#pre_story_links`, `#profile_top`,
 * `#storytextp > #storytext`) and the older one still seen in saved pages (a plain breadcrumb
 * div, a table with the author and an unnamed chapter menu, the metadata as loose text, the
 * same `#storytextp > #storytext`). The mobile edition (m.fanfiction.net) keeps the text in
 * `#storycontent`.
 */

import type { Author } from './types';
import { fandomsFromName } from './ffn-meta-line';
import { absoluteUrl, profileFromHref } from './ffn-urls';
import { collapseWhitespace, textOf } from './text';

/** The element holding the story text (desktop, then mobile). */
export function storyBody(doc: Document): HTMLElement | null {
  return doc.querySelector<HTMLElement>('#storytext') ?? doc.querySelector<HTMLElement>('#storycontent');
}

/** The element around the story text that filtering holds and shields (see ffn.workContentSelector). */
export const STORY_CONTENT_SELECTOR = '#storytextp, #storycontent';

/** `#storytextp` around the text on the desktop site; the text element itself on the mobile one. */
export function storyContent(body: HTMLElement): HTMLElement {
  const wrapper = body.closest<HTMLElement>('#storytextp');
  return wrapper ?? body;
}

/** Category pages (/book/, /anime/ …) and fandom pages (/book/Harry-Potter/) share their first segment. */
const CATEGORY = '(?:anime|book|cartoon|comic|game|misc|movie|play|tv)';
const FANDOM_PATH = new RegExp(`^/${CATEGORY}/[^/]+/?$`);
const CROSSOVER_PATH = /^\/[^/]+-Crossovers\/\d+\/\d+\/?$/;

function hrefPath(link: Element): string | null {
  try {
    return new URL(link.getAttribute('href') ?? '', 'https://www.fanfiction.net').pathname;
  } catch {
    return null;
  }
}

function isFandomLink(link: Element): boolean {
  const path = hrefPath(link);
  return path !== null && (FANDOM_PATH.test(path) || CROSSOVER_PATH.test(path));
}

function isCrossoverLink(link: Element): boolean {
  const path = hrefPath(link);
  return path !== null && CROSSOVER_PATH.test(path);
}

/**
 * The texts of the breadcrumb's segments, split at its chevrons:
 * story page "Books › Harry Potter" (both links), a fandom's listing "Books › Harry Potter"
 * (the last one plain text, followed by a block of buttons, where the breadcrumb ends).
 */
function breadcrumbSegments(crumbs: Element): string[] {
  const segments: string[] = [''];
  const root = crumbs.querySelector(':scope > .lc-left') ?? crumbs;
  for (const node of Array.from(root.childNodes)) {
    if (node.nodeType === 1) {
      const element = node as Element;
      if (element.matches('.xicon-section-arrow, .icon-chevron-right')) {
        segments.push('');
        continue;
      }
      if (/^(DIV|P|UL|OL|TABLE|FORM|SCRIPT|STYLE|BR)$/i.test(element.tagName)) break;
    }
    segments[segments.length - 1] += node.textContent ?? '';
  }
  return segments.map(collapseWhitespace);
}

/**
 * The fandoms the page's `#pre_story_links` breadcrumb names: its last segment after the category
 * ("Harry Potter", "Harry Potter + Naruto Crossover"). [] when there is none (community, author and
 * search pages name each story's fandom in the entry instead).
 */
export function breadcrumbFandoms(doc: Document): string[] {
  const crumbs = doc.querySelector('#pre_story_links');
  if (!crumbs) return [];
  const segments = breadcrumbSegments(crumbs).filter((segment) => segment !== '');
  const last = segments.length >= 2 ? segments[segments.length - 1] : undefined;
  return last ? fandomsFromName(last) : [];
}

/**
 * A story page's fandoms: its breadcrumb; in the older layout (no #pre_story_links) the first link
 * to a fandom's page ("TV Shows » Stargate: Atlantis » Stuck!").
 * A crossover story's breadcrumb is a single link, to the crossover's page, with no category before
 * it (an icon instead of "Crossover ›"): `<a href="/Harry-Potter-and-Chronicles-of-Narnia-Crossovers/224/391/">
 * Harry Potter + Chronicles of Narnia Crossover</a>`; its text names both fandoms.
 */
export function storyFandoms(doc: Document): string[] {
  const crumbs = doc.querySelector('#pre_story_links');
  const crossover = crumbs ? Array.from(crumbs.querySelectorAll('a[href]')).find(isCrossoverLink) : undefined;
  if (crossover) {
    const fandoms = fandomsFromName(textOf(crossover));
    if (fandoms.length > 0) return fandoms;
  }
  if (crumbs) return breadcrumbFandoms(doc);
  const link = Array.from(doc.body?.querySelectorAll('a[href]') ?? []).find(isFandomLink);
  return link ? fandomsFromName(textOf(link)) : [];
}

/** A profile link (/u/UID/Pen-Name) as an Author: FFN has one name per account (pseud = login). */
export function authorFromLink(link: Element | null, page?: URL): Author | null {
  if (!link) return null;
  const href = link.getAttribute('href');
  const profile = profileFromHref(href);
  const url = profile ? absoluteUrl(href, page) : null;
  const name = textOf(link);
  if (!profile || !url || !name) return null;
  return { pseud: name, login: name, url };
}

/** The first link in root to a profile (/u/UID/…), by selector order. */
export function profileLink(root: ParentNode | null, selector = 'a[href]'): Element | null {
  if (!root) return null;
  return Array.from(root.querySelectorAll(selector)).find((link) => profileFromHref(link.getAttribute('href')) !== null) ?? null;
}
