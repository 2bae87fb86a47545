/**
 * "Filter on AO3 too" (appSettings.filterOnAo3): on an AO3 tag listing or search result whose address
 * says nothing about exclusions, load it again at once with AO3 asked to leave out what Lamplight would
 * certainly hide, so the page still shows a full page of works. Lamplight judges the new page as usual.
 * The new address carries exclusions, so it is never sent on again; nor is the reader's own filtering.
 */
import type { Rule } from '../../../lib/filters/types';
import { siteExclusions } from '../../../lib/filters/site-exclusions';
import { ao3FilterUrl } from '../../../lib/sites/ao3-filter-url';
import type { AppSettings } from '../../../lib/storage';

/** Called once per page load with the rules and settings filtering read; true when the page is left. */
export function filterOnSite(url: URL, rules: readonly Rule[], settings: AppSettings): boolean {
  if (!settings.filterOnAo3) return false;
  const next = ao3FilterUrl(url, siteExclusions(rules, settings.filteringPaused));
  if (next === null) return false;
  window.stop();
  location.replace(next);
  return true;
}
