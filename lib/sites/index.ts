import { ao3 } from './ao3';
import { AO3_WORK_MATCHES } from './ao3-urls';
import { ffn } from './ffn';
import { FFN_WORK_MATCHES } from './ffn-urls';
import type { SiteAdapter } from './types';

export const ADAPTERS: readonly SiteAdapter[] = [ao3, ffn];

/** Match patterns of every supported site, for the manifest. */
export const SITE_MATCHES: string[] = ADAPTERS.flatMap((adapter) => adapter.matches);

/** Match patterns of the supported sites' work pages (and a few neighbours): the work script's pages, which the content script leaves. */
export const WORK_MATCHES: string[] = [...AO3_WORK_MATCHES, ...FFN_WORK_MATCHES];

/**
 * A manifest match pattern as a test on a URL. The adapters' patterns are all of the form
 * `https://host/*` (or `*://`, `*.host`), so scheme and host decide; the path is a glob. Written out
 * here rather than importing WXT's MatchPattern (~3.6 KB in the content script that runs on every page).
 */
function matcher(pattern: string): (url: URL) => boolean {
  const m = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*]+)(\/.*)$/.exec(pattern);
  if (!m) throw new Error(`Unsupported match pattern: ${pattern}`);
  const [, scheme, host, path] = m as unknown as [string, string, string, string];
  const glob = (text: string) => new RegExp(`^${text.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  const hostRe = host === '*' ? null : host.startsWith('*.') ? glob(`*${host.slice(1)}`) : null;
  const pathRe = glob(path);
  return (url) =>
    (scheme === '*' ? url.protocol === 'http:' || url.protocol === 'https:' : url.protocol === `${scheme}:`) &&
    (host === '*' || url.hostname === host || (hostRe !== null && (hostRe.test(url.hostname) || url.hostname === host.slice(2)))) &&
    pathRe.test(url.pathname);
}

const compiled = ADAPTERS.map((adapter) => ({ adapter, tests: adapter.matches.map(matcher) }));

/** The adapter for a page URL, or null when no supported site serves it. */
export function adapterFor(url: URL): SiteAdapter | null {
  return compiled.find(({ tests }) => tests.some((test) => test(url)))?.adapter ?? null;
}
