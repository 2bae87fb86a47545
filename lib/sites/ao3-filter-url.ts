/**
 * "Filter on AO3 too": the address of an AO3 listing with the reader's exclusions added to AO3's own
 * filter, as otwarchive reads it (WorksController#index and #search, WorkSearchForm, TaggableQuery):
 * `work_search[excluded_tag_names]`, comma-separated names, which both actions read. AO3 looks each name
 * up (case aside) and leaves out works carrying that tag, its synonyms or narrower tags; a name it does not
 * know excludes works whose tags contain all its words. Names rather than the filter sidebar's Exclude ids
 * (`exclude_work_search[rating_ids][]=13`…): #search ignores those, and names need no copy of AO3's ids.
 */
import type { SiteExclusions } from '../filters/site-exclusions';
import { AO3_HOSTS } from './ao3-urls';

const NAMES_KEY = 'work_search[excluded_tag_names]';
/** Keep the address well under what AO3's servers accept, however many tag rules there are. */
const MAX_NAMES_LENGTH = 1500;

/**
 * The query's parameter names, decoded. Parsed from the text: in a Firefox content script the page's
 * `URLSearchParams` iterators are not iterable.
 */
function queryKeys(url: URL): string[] {
  return url.search
    .slice(1)
    .split('&')
    .map((part) => {
      const key = part.split('=', 1)[0]!.replace(/\+/g, ' ');
      try {
        return decodeURIComponent(key);
      } catch {
        return key;
      }
    });
}

/**
 * Whether this is an AO3 work listing to filter: a tag's works (`/tags/<name>/works`, or
 * `/works?tag_id=<name>` as older links and the filter form write it) or search results (`/works/search`
 * with a search, not its "Edit Your Search" form) whose address says nothing about exclusions yet: none of
 * ours, and none of the reader's (AO3's filter form always sends "Other tags to exclude", even empty).
 */
function isListingToFilter(url: URL): boolean {
  if (url.protocol !== 'https:' || !AO3_HOSTS.includes(url.hostname.toLowerCase())) return false;
  const path = url.pathname.replace(/\/$/, '');
  const keys = queryKeys(url);
  if (keys.some((key) => key === NAMES_KEY || key.startsWith('exclude_work_search['))) return false;
  if (/^\/tags\/[^/]+\/works$/.test(path)) return true;
  if (path === '/works') return keys.includes('tag_id');
  return path === '/works/search' && !keys.includes('edit_search') && keys.some((key) => key.startsWith('work_search['));
}

/**
 * The listing's address with the exclusions added, every parameter it had kept as it was (its page too);
 * null when the page is no AO3 tag listing or search result, already carries exclusions, or there is
 * nothing to add.
 */
export function ao3FilterUrl(url: URL, exclusions: SiteExclusions): string | null {
  if (!isListingToFilter(url)) return null;
  let names = '';
  for (const name of [...exclusions.ratings, ...exclusions.warnings, ...exclusions.categories, ...exclusions.tags]) {
    const next = names === '' ? name : `${names},${name}`;
    if (encodeURIComponent(next).length > MAX_NAMES_LENGTH) break;
    names = next;
  }
  if (names === '') return null;
  const query = url.search === '' ? '?' : `${url.search}&`;
  return `${url.origin}${url.pathname}${query}${encodeURIComponent(NAMES_KEY)}=${encodeURIComponent(names)}${url.hash}`;
}
