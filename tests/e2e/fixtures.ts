/**
 * The fixture table: each saved page under tests/fixtures/ and the real URL it was captured from
 * (see tests/fixtures/MANIFEST.md). E2E tests serve these files at these URLs, so content
 * scripts run exactly as they would on the live site while nothing leaves the machine.
 */
import path from 'node:path';
import { fixtureBytes, FIXTURES_DIR, REPO_ROOT } from '../support/fixtures';

export { FIXTURES_DIR, REPO_ROOT };

/** The `wxt build` output under test (chrome-mv3/, firefox-mv2/); LAMPLIGHT_E2E_OUTPUT overrides it. */
export const OUTPUT_DIR = process.env.LAMPLIGHT_E2E_OUTPUT
  ? path.resolve(process.env.LAMPLIGHT_E2E_OUTPUT)
  : path.join(REPO_ROOT, '.output');

const AO3 = 'https://archiveofourown.org';
const FFN = 'https://www.fanfiction.net';

/** Fixture file (relative to FIXTURES_DIR) → the URL it was captured from. */
export const FIXTURE_URLS = {
  'ao3/work-oneshot-pseud-byline-923647.html': `${AO3}/works/923647`,
  'ao3/work-oneshot-anonymous-168768.html': `${AO3}/works/168768`,
  'ao3/work-oneshot-orphaned-3738184.html': `${AO3}/works/3738184`,
  'ao3/work-oneshot-323217.html': `${AO3}/works/323217`,
  'ao3/work-wip-14ch-chapter1-17793689.html': `${AO3}/works/17793689/chapters/41980418`,
  'ao3/work-wip-14ch-chapter2-17793689.html': `${AO3}/works/17793689/chapters/42035519`,
  'ao3/work-complete-3ch-multiauthor-orphaned-23824891.html': `${AO3}/works/23824891`,
  'ao3/work-complete-2ch-anon-orphan-6475531.html': `${AO3}/works/6475531`,
  'ao3/work-complete-6ch-chapter1-41289660.html': `${AO3}/works/41289660`,
  'ao3/work-complete-6ch-chapter2-48582418.html': `${AO3}/works/48582418/chapters/122861680`,
  'ao3/work-wip-anonymous-chapter1-37214506.html': `${AO3}/works/37214506/chapters/92848687`,
  'ao3/work-navigate-chapter-index-43703871.html': `${AO3}/works/43703871/navigate`,
  'ao3/work-restricted-login-required-15461226.html': `${AO3}/works/15461226`,
  'ao3/work-404-41237499.html': `${AO3}/works/41237499`,
  'ao3/listing-tag-works-choose-not-to-warn.html': `${AO3}/tags/Choose%20Not%20To%20Use%20Archive%20Warnings/works`,
  'ao3/listing-tag-works-worldbuilding.html': `${AO3}/tags/Worldbuilding/works`,
  'ao3/listing-tag-works-ever-given.html': `${AO3}/tags/Ever%20Given%20Container%20Ship%20(Anthropomorphic)/works`,
  'ao3/listing-tag-works-single-result.html': `${AO3}/tags/Court%20Lady%20Go%20(Mr!d!%20Queen)/works`,
  // Fetched as /tags/No Fandom - Freeform/works (MANIFEST); AO3 renders a non-canonical tag's tags#show page there.
  'ao3/listing-tag-show-noncanonical-no-fandom-freeform.html': `${AO3}/tags/No%20Fandom%20-%20Freeform/works`,
  // Read by the options page's Find synonyms on AO3 (a fetch, never opened as a tab).
  'ao3/tag-show-synonyms-handwritten.html': `${AO3}/tags/Slow%20Burn`,
  'ao3/series-6-works-2270465.html': `${AO3}/series/2270465`,
  'ao3/series-8-works-multifandom-2817877.html': `${AO3}/series/2817877`,
  'ao3/series-anonymous-3-works-1728802.html': `${AO3}/series/1728802`,
  // 2022 pages from ambtus/mobile-pages: the MANIFEST gives no URL; these come from the pages' own links.
  'ao3/adult-interstitial-2022-38044144.html': `${AO3}/works/38044144/chapters/95026165`,
  'ao3/fragment-2022-chapter-with-endnotes.html': `${AO3}/works/38952696/chapters/97419789`,
  'ao3/series-2022-drabbles.html': `${AO3}/series/46`,
  'ao3/bookmarks-user-logged-in-2025-09.html': `${AO3}/users/example_reader/bookmarks`,
  'ao3/readings-handwritten.html': `${AO3}/users/example_reader/readings`,
  'ffn/ambtus-counting-ch1.html': `${FFN}/s/5853866/1/Counting`,
  'ffn/ambtus-counting-ch2.html': `${FFN}/s/5853866/2/Counting`,
  'ffn/stuck-sga-ch1-old-layout.html': `${FFN}/s/2652996/1/Stuck`,
} as const satisfies Record<string, string>;

export type FixtureFile = keyof typeof FIXTURE_URLS;

/** Normalised URL (no fragment) → fixture file. */
const BY_URL = new Map<string, FixtureFile>(
  (Object.entries(FIXTURE_URLS) as [FixtureFile, string][]).map(([file, url]) => [normaliseUrl(url), file]),
);

export function normaliseUrl(url: string): string {
  const u = new URL(url);
  u.hash = '';
  return u.href;
}

/** The fixture served at `url`, if any (fragment ignored, query significant). */
export function fixtureForUrl(url: string): FixtureFile | undefined {
  try {
    return BY_URL.get(normaliseUrl(url));
  } catch {
    return undefined;
  }
}

const cache = new Map<FixtureFile, Buffer>();

/** The fixture's bytes, exactly as saved. */
export function readFixture(file: FixtureFile): Buffer {
  let body = cache.get(file);
  if (!body) {
    body = fixtureBytes(file);
    cache.set(file, body);
  }
  return body;
}

/** URLs a page may load that are not network requests (extension pages, inline data). */
export function isLocalScheme(url: string): boolean {
  return /^(chrome-extension|moz-extension|data|blob|about|chrome|resource):/i.test(url);
}

/**
 * True if `url` is something a fixture page itself asks for: its markup (raw bytes, so inline
 * scripts' document.write fallbacks count too) names the URL absolutely, protocol-relatively, or
 * (same host) by path. Requests the extension makes on its own are not referenced and fail this.
 */
export function isReferencedBy(file: FixtureFile, url: string): boolean {
  const page = new URL(FIXTURE_URLS[file]);
  const wanted = new URL(url);
  const html = readFixture(file).toString('utf8').replaceAll('&amp;', '&');
  const pathAndQuery = wanted.pathname + wanted.search;
  if (html.includes(wanted.href) || html.includes(`//${wanted.host}${pathAndQuery}`)) return true;
  if (wanted.origin !== page.origin) return false;
  // Relative references: quoted attribute values, or JS strings such as document.write(unescape('%3Cscript src=...')).
  return new RegExp(`["'=]${escapeRegExp(pathAndQuery)}(?=["'\\s>?#]|%22|%27|%3E|$)`).test(html);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Who started a request, as far as the browser says (Chromium: CDP Network.requestWillBeSent initiator). */
export type Initiator =
  | 'extension' // a chrome-extension:// / moz-extension:// script is on the initiator stack (e.g. a content script's fetch)
  | 'service-worker' // the extension's background
  | 'page-script' // a script of the page itself (its inline scripts; its external ones are refused)
  | 'markup'; // the parser or the browser: must then be named in the page's markup

export interface LoggedRequest {
  url: string;
  outcome: 'fixture' | 'aborted';
  initiator?: Initiator;
}

/**
 * What in `log` was not the test's own doing: fixture pages served that no test opened, requests
 * the extension started, and requests the opened pages neither name in their markup nor make from
 * their own scripts. Returns one line per problem; empty means only the opened fixtures and their
 * own assets were asked for (and those assets were refused).
 */
export function auditRequests(log: readonly LoggedRequest[], opened: readonly { file: FixtureFile; url: string }[]): string[] {
  const openedUrls = new Set(opened.map((o) => normaliseUrl(o.url)));
  const problems: string[] = [];
  for (const entry of log) {
    if (entry.initiator === 'extension' || entry.initiator === 'service-worker') {
      problems.push(`the extension (${entry.initiator}) requested ${entry.url}`);
    } else if (entry.outcome === 'fixture') {
      if (!openedUrls.has(normaliseUrl(entry.url))) problems.push(`fixture page requested but never opened by a test: ${entry.url}`);
    } else if (entry.initiator !== 'page-script' && !opened.some((o) => isReferencedBy(o.file, entry.url))) {
      problems.push(`request named by no opened page's markup: ${entry.url}`);
    }
  }
  for (const url of openedUrls) {
    if (!log.some((e) => e.outcome === 'fixture' && normaliseUrl(e.url) === url)) problems.push(`opened ${url} but it was never served`);
  }
  return problems;
}
