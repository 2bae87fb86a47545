/** FanFiction.net URLs: making them absolute, reading story ids, chapters and authors out of them. */

import type { LinkRule } from './types';
import { wholeNumber } from './text';

export const FFN_ORIGIN = 'https://www.fanfiction.net';

/** Hosts that serve FanFiction.net (the desktop and the mobile edition). */
export const FFN_HOSTS: readonly string[] = ['www.fanfiction.net', 'm.fanfiction.net', 'fanfiction.net'];

/**
 * Manifest match patterns of FanFiction.net's story pages (/s/<id>/<chapter>/<slug>), for the
 * work-page content script, on the hosts the adapter runs on (the bare host redirects to www.).
 */
export const FFN_WORK_MATCHES: readonly string[] = ['www.fanfiction.net', 'm.fanfiction.net'].map((host) => `https://${host}/s/*`);

export function isFfnHost(url: URL): boolean {
  return FFN_HOSTS.includes(url.hostname.toLowerCase());
}

/**
 * The href resolved against the page (when it is on FanFiction.net, so the mobile edition stays
 * mobile) or else against www.fanfiction.net; null when unusable. FFN writes protocol-relative
 * links ("//www.fanfiction.net/…"): they come out https.
 */
export function absoluteUrl(href: string | null | undefined, page?: URL): string | null {
  if (!href) return null;
  try {
    const base = page && isFfnHost(page) ? new URL(page.pathname + page.search, `https://${page.host}`) : new URL(FFN_ORIGIN);
    const resolved = new URL(href.trim(), base);
    if (resolved.protocol !== 'https:' && resolved.protocol !== 'http:') return null;
    return resolved.href;
  } catch {
    return null;
  }
}

/** The path of an href (relative or absolute); null when it cannot be parsed. */
function pathOf(href: string | null | undefined): string | null {
  if (!href) return null;
  try {
    return new URL(href.trim(), FFN_ORIGIN).pathname;
  } catch {
    return null;
  }
}

const STORY_PATH = /^\/s\/(\d+)(?:\/(\d+))?(?:\/([^/?#]*))?/;

/** "/s/5853866/2/Counting" → { id: "5853866", chapter: 2, slug: "Counting" }; null for any other path. */
export function storyPathParts(
  href: string | null | undefined,
): { id: string; chapter: number | null; slug: string | null } | null {
  const path = pathOf(href);
  const match = path ? STORY_PATH.exec(path) : null;
  if (!match?.[1]) return null;
  return { id: match[1], chapter: wholeNumber(match[2]), slug: match[3] || null };
}

/** The story id in an href such as /s/123/4/Slug or https://www.fanfiction.net/s/123. */
export function storyIdFromHref(href: string | null | undefined): string | null {
  return storyPathParts(href)?.id ?? null;
}

/** The story id of a story or chapter URL on FanFiction.net, or null. */
export function workIdFromUrl(url: URL): string | null {
  return isFfnHost(url) ? storyIdFromHref(url.pathname) : null;
}

/** "/s/ID/N/slug" (slug left off when unknown: FFN serves the chapter either way). */
export function chapterPath(id: string, chapter: number, slug: string | null): string {
  return `/s/${id}/${chapter}/${slug ? encodeURIComponentOnce(slug) : ''}`;
}

/** Slugs come from hrefs and may already be percent-encoded: encode only what is not. */
function encodeURIComponentOnce(slug: string): string {
  try {
    return encodeURIComponent(decodeURIComponent(slug));
  } catch {
    return encodeURIComponent(slug);
  }
}

/** The canonical URL of a story: its first chapter on www.fanfiction.net, as FFN's own canonical link has it. */
export function storyUrl(id: string, slug: string | null): string {
  return FFN_ORIGIN + chapterPath(id, 1, slug);
}

/**
 * The URL a button's onclick sends the reader to: `self.location='/s/…'` (FFN's Prev/Next buttons).
 * Read as text, never run. null when the handler is anything else.
 */
export function locationFromOnclick(onclick: string | null | undefined): string | null {
  if (!onclick) return null;
  const match = /(?:^|[\s;{(])(?:(?:self|window|top|document)\s*\.\s*)?location(?:\s*\.\s*href)?\s*=\s*(['"])([^'"]*)\1\s*;?\s*$/.exec(
    onclick.trim(),
  );
  return match?.[2] || null;
}

/**
 * The slug of a chapter menu's onchange handler:
 * `self.location = '/s/5853866/'+ this.options[this.selectedIndex].value + '/Counting';` → "Counting".
 */
export function slugFromChapterMenuHandler(onchange: string | null | undefined): string | null {
  if (!onchange) return null;
  return /'\/s\/\d+\/'\s*\+[^+]+\+\s*'\/([^'/]+)'/.exec(onchange)?.[1] ?? null;
}

/** A profile link /u/UID/Pen-Name → { uid, slug }; null for any other href. */
export function profileFromHref(href: string | null | undefined): { uid: string; slug: string | null } | null {
  const path = pathOf(href);
  const match = path ? /^\/u\/(\d+)(?:\/([^/?#]+))?/.exec(path) : null;
  if (!match?.[1]) return null;
  let slug: string | null = null;
  try {
    slug = match[2] ? decodeURIComponent(match[2]) : null;
  } catch {
    slug = match[2] ?? null;
  }
  return { uid: match[1], slug };
}

/**
 * A profile link filters its author. The link carries only the pen name's URL slug, in which FFN
 * turns every run of spaces and punctuation into "-" ("J. K. Rowling" → "J-K-Rowling"), so each "-"
 * becomes "*": the rule matches the pen name as FFN shows it. A slug without "-" is the exact name.
 */
export function ruleForLink(url: URL): LinkRule | null {
  if (!isFfnHost(url)) return null;
  const slug = profileFromHref(url.pathname)?.slug;
  if (!slug) return null;
  const pattern = slug.replace(/-+/g, '*');
  return /[^*\s]/.test(pattern) ? { field: 'author', pattern } : null;
}
