/** Which hosts serve each site, from the adapters' own URL modules (small: no markup code comes along). */
import { AO3_HOSTS } from './ao3-urls';
import { FFN_HOSTS } from './ffn-urls';
import type { SiteId } from './types';

export const SITE_HOSTS: Record<SiteId, readonly string[]> = { ao3: AO3_HOSTS, ffn: FFN_HOSTS };

/** Every site id: a `SiteId` added without its hosts above fails to compile. */
export const SITE_IDS = Object.keys(SITE_HOSTS) as readonly SiteId[];

/** `https://<host>/`: an address starting so is on that host, whatever follows (the common case, no parse). */
const PREFIXES = Object.fromEntries(
  Object.entries(SITE_HOSTS).map(([site, hosts]) => [site, hosts.map((host) => `https://${host}/`)]),
) as Record<SiteId, string[]>;

/** Whether `value` is an https address on one of the site's own hosts (no other port, no credentials). */
export function isSiteAddress(site: SiteId, value: string): boolean {
  if (PREFIXES[site].some((prefix) => value.startsWith(prefix))) return true;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && url.port === '' && url.username === '' && url.password === '' && SITE_HOSTS[site].includes(url.hostname);
}
