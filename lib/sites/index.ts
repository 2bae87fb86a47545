import { MatchPattern } from 'wxt/utils/match-patterns';
import { ao3 } from './ao3';
import { ffn } from './ffn';
import type { SiteAdapter } from './types';

export const ADAPTERS: readonly SiteAdapter[] = [ao3, ffn];

/** Match patterns of every supported site, for the manifest. */
export const SITE_MATCHES: string[] = ADAPTERS.flatMap((adapter) => adapter.matches);

const compiled = ADAPTERS.map((adapter) => ({
  adapter,
  patterns: adapter.matches.map((p) => new MatchPattern(p)),
}));

/** The adapter for a page URL, or null when no supported site serves it. */
export function adapterFor(url: URL): SiteAdapter | null {
  return compiled.find(({ patterns }) => patterns.some((p) => p.includes(url)))?.adapter ?? null;
}
