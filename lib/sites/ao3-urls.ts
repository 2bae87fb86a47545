import type { LinkRule } from './types';
/** AO3 URLs: making them absolute, reading work ids and tag names out of them. */

export const AO3_ORIGIN = 'https://archiveofourown.org';

/** Hosts that serve AO3. */
export const AO3_HOSTS: readonly string[] = ['archiveofourown.org', 'www.archiveofourown.org'];

/** The href resolved against AO3's canonical origin (the page path as base); null when unusable. */
export function absoluteUrl(href: string | null | undefined, page?: URL): string | null {
  if (!href) return null;
  try {
    const base = page ? new URL(page.pathname + page.search, AO3_ORIGIN) : new URL(AO3_ORIGIN);
    const resolved = new URL(href, base);
    if (resolved.protocol !== 'https:' && resolved.protocol !== 'http:') return null;
    return resolved.href;
  } catch {
    return null;
  }
}

/** Like absoluteUrl, without the "#fragment" (AO3 adds "#workskin" to chapter links). */
export function absoluteUrlWithoutHash(href: string | null | undefined, page?: URL): string | null {
  const url = absoluteUrl(href, page);
  return url === null ? null : url.replace(/#.*$/, '');
}

/**
 * Manifest match patterns of AO3's work pages, for the work-page content script: /works/<id>,
 * /works/<id>/chapters/<id>, /chapters/<id>, /collections/<name>/works/<id>. They also take in a few
 * other pages under /works/ (search, a work's navigate page), which the script then classifies and leaves.
 */
export const AO3_WORK_MATCHES: readonly string[] = AO3_HOSTS.flatMap((host) =>
  ['/works/*', '/chapters/*', '/collections/*/works/*'].map((path) => `https://${host}${path}`),
);

/** The canonical URL of a work. */
export function workUrl(workId: string): string {
  return `${AO3_ORIGIN}/works/${workId}`;
}

const WORK_PATH = /\/works\/(\d+)(?:[/?#]|$)/;

/** The work id in a path or href such as /works/123, /works/123/chapters/4, /collections/c/works/123. */
export function workIdFromPath(path: string | null | undefined): string | null {
  if (!path) return null;
  return WORK_PATH.exec(path)?.[1] ?? null;
}

/** The work id of a work, chapter, navigate or collection-work URL on AO3, or null. */
export function workIdFromUrl(url: URL): string | null {
  if (!AO3_HOSTS.includes(url.hostname.toLowerCase())) return null;
  return workIdFromPath(url.pathname);
}

/** "/series/53653" → "53653". */
export function seriesIdFromPath(path: string | null | undefined): string | null {
  if (!path) return null;
  return /\/series\/(\d+)(?:[/?#]|$)/.exec(path)?.[1] ?? null;
}

/** Undoes Tag.to_param: "*s*" → "/", "*a*" → "&", "*d*" → ".", "*q*" → "?", "*h*" → "#". */
function unescapeTagParam(param: string): string {
  return param
    .replace(/\*s\*/g, '/')
    .replace(/\*a\*/g, '&')
    .replace(/\*d\*/g, '.')
    .replace(/\*q\*/g, '?')
    .replace(/\*h\*/g, '#');
}

/** The tag name in a tag link such as /tags/Rape*s*Non-Con/works; null when the href is no tag link. */
export function tagNameFromHref(href: string | null | undefined): string | null {
  if (!href) return null;
  const match = /\/tags\/([^/?#]+)/.exec(href);
  if (!match?.[1]) return null;
  try {
    return unescapeTagParam(decodeURIComponent(match[1]));
  } catch {
    return null;
  }
}

/** A pseud link /users/LOGIN/pseuds/PSEUD → { login, pseud }; null for any other href. */
export function pseudFromHref(href: string | null | undefined): { login: string; pseud: string } | null {
  if (!href) return null;
  const match = /\/users\/([^/?#]+)(?:\/pseuds\/([^/?#]+))?/.exec(href);
  if (!match?.[1]) return null;
  try {
    const login = decodeURIComponent(match[1]);
    const pseud = match[2] ? decodeURIComponent(match[2]) : login;
    return { login, pseud };
  } catch {
    return null;
  }
}

/**
 * A name a rule can match literally: not blank, and no `*` (AO3 allows none in tag names or logins;
 * in a pattern it is a wildcard, so a crafted link /tags/%2A%20%2A/works would hide nearly everything).
 */
const literalName = (name: string | null | undefined): name is string => !!name && /\S/.test(name) && !name.includes('*');

/** A series link /series/SID → the pattern of a rule on that one series, `ao3:SID`; else null. */
export function seriesPatternFromUrl(url: URL): string | null {
  if (!AO3_HOSTS.includes(url.hostname)) return null;
  const id = /^\/series\/(\d+)\/?$/.exec(url.pathname)?.[1];
  return id ? `ao3:${id}` : null;
}

/**
 * A tag link filters its tag; a creator link (/users/LOGIN[/pseuds/PSEUD]) filters the account; a
 * series link (/series/SID, not its bookmarks or other subpages) its series.
 */
export function ruleForLink(url: URL): LinkRule | null {
  const series = seriesPatternFromUrl(url);
  if (series) return { field: 'series', pattern: series };
  const tag = tagNameFromHref(url.pathname);
  if (tag) return literalName(tag) ? { field: 'tag', pattern: tag } : null;
  const creator = pseudFromHref(url.pathname);
  return literalName(creator?.login) ? { field: 'author', pattern: creator.login } : null;
}
