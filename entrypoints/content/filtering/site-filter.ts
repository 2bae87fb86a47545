/**
 * "Filter on AO3 too" (appSettings.filterOnAo3): on a listing whose address says nothing about
 * exclusions, on a site that can filter (the adapter's `siteFilterUrl`: AO3's tag listings and search
 * results), load it again at once with the site asked to leave out what Lamplight would certainly
 * hide, so the page still shows a full page of works. Lamplight judges the new page as usual. The new
 * address carries exclusions, so it is never sent on again; nor is the reader's own filtering.
 */
import type { Rule } from '../../../lib/filters/types';
import { siteExclusions } from '../../../lib/filters/site-exclusions';
import type { SiteAdapter } from '../../../lib/sites/types';
import type { AppSettings } from '../../../lib/storage';

/** Called once per page load with the rules and settings filtering read; true when the page is left. */
export function filterOnSite(adapter: SiteAdapter, url: URL, rules: readonly Rule[], settings: AppSettings): boolean {
  if (!settings.filterOnAo3 || !adapter.siteFilterUrl) return false;
  const next = adapter.siteFilterUrl(url, siteExclusions(rules, settings.filteringPaused));
  if (next === null) return false;
  window.stop();
  location.replace(next);
  return true;
}
