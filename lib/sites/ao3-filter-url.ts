/**
 * "Filter on AO3 too": the address of an AO3 listing with the reader's exclusions added to AO3's own
 * filter parameters, as otwarchive reads them (WorksController#index and #search, WorkSearchForm,
 * TaggableQuery): `exclude_work_search[<type>_ids][]` (tag ids; #index only, as the filter sidebar's
 * Exclude checkboxes send them) and `work_search[excluded_tag_names]` (comma-separated names; also what
 * #search reads). The ids below are AO3's, as its filter form lists them (config/config.yml has only the
 * names; the ids are the archive's database's, the same on every page).
 */
import type { SiteExclusions } from '../filters/site-exclusions';
import { AO3_HOSTS } from './ao3-urls';

// i18n-ignore-start: AO3's tag names, keys to AO3's ids.
const RATING_IDS: Record<string, number> = {
  'Not Rated': 9,
  'General Audiences': 10,
  'Teen And Up Audiences': 11,
  Mature: 12,
  Explicit: 13,
};
const WARNING_IDS: Record<string, number> = {
  'Choose Not To Use Archive Warnings': 14,
  'No Archive Warnings Apply': 16,
  'Graphic Depictions Of Violence': 17,
  'Major Character Death': 18,
  'Rape/Non-Con': 19,
  'Underage Sex': 20,
};
const CATEGORY_IDS: Record<string, number> = { Gen: 21, 'F/M': 22, 'M/M': 23, Other: 24, 'F/F': 116, Multi: 2246 };
// i18n-ignore-end

const NAMES_KEY = 'work_search[excluded_tag_names]';
/** Keep the address well under what AO3's servers accept, however many tag rules there are. */
const MAX_NAMES_LENGTH = 1500;

/** `key=value` as a browser's form submission writes it (brackets encoded, UTF-8). */
const param = (key: string, value: string) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`;

/**
 * Which kind of AO3 work listing this is: a tag's works (`/tags/<name>/works`, or `/works?tag_id=<name>`
 * as older links and the filter form write it), search results (`/works/search` with a search, not its
 * "Edit Your Search" form), or null for any other page.
 */
function listingKind(url: URL): 'index' | 'search' | null {
  if (url.protocol !== 'https:' || !AO3_HOSTS.includes(url.hostname.toLowerCase())) return null;
  const path = url.pathname.replace(/\/$/, '');
  if (/^\/tags\/[^/]+\/works$/.test(path)) return 'index';
  if (path === '/works' && url.searchParams.has('tag_id')) return 'index';
  if (path !== '/works/search' || url.searchParams.has('edit_search')) return null;
  return [...url.searchParams.keys()].some((key) => key.startsWith('work_search[')) ? 'search' : null;
}

/**
 * Whether the address already says what to exclude: ours, or the reader's own from AO3's filter form
 * (which always sends the "Other tags to exclude" field, even empty). Such an address is left as it is.
 */
function hasOwnExclusions(url: URL): boolean {
  return [...url.searchParams.keys()].some((key) => key === NAMES_KEY || key.startsWith('exclude_work_search['));
}

function namesParam(names: readonly string[]): string | null {
  let value = '';
  for (const name of names) {
    const next = value === '' ? name : `${value},${name}`;
    if (encodeURIComponent(next).length > MAX_NAMES_LENGTH) break;
    value = next;
  }
  return value === '' ? null : param(NAMES_KEY, value);
}

/**
 * The listing's address with the exclusions added, every parameter it had kept as it was (its page
 * too); null when the page is no AO3 tag listing or search result, already carries exclusions, or
 * there is nothing to add.
 */
export function ao3FilterUrl(url: URL, exclusions: SiteExclusions): string | null {
  const kind = listingKind(url);
  if (kind === null || hasOwnExclusions(url)) return null;
  const params: string[] = [];
  let names = exclusions.tags;
  if (kind === 'index') {
    const ids = (type: string, table: Record<string, number>, list: readonly string[]) => {
      for (const name of list) {
        const id = table[name];
        if (id !== undefined) params.push(param(`exclude_work_search[${type}_ids][]`, String(id)));
      }
    };
    ids('rating', RATING_IDS, exclusions.ratings);
    ids('archive_warning', WARNING_IDS, exclusions.warnings);
    ids('category', CATEGORY_IDS, exclusions.categories);
  } else {
    // Search results read no ids: every exclusion goes by name (AO3 looks the names up itself).
    names = [...exclusions.ratings, ...exclusions.warnings, ...exclusions.categories, ...names];
  }
  const named = namesParam(names);
  if (named !== null) params.push(named);
  if (params.length === 0) return null;
  const query = url.search === '' || url.search === '?' ? '?' : `${url.search}&`;
  return `${url.origin}${url.pathname}${query}${params.join('&')}${url.hash}`;
}
