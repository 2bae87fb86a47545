/**
 * One look-up of a tag's synonyms, started by the reader's click: ask for the optional permission to
 * read archiveofourown.org, then one GET of the tag's page (no cookies), read by the AO3 adapter.
 * Nothing here runs unless the reader clicks; nothing is retried.
 */
import { browser } from 'wxt/browser';
import { normalize, tidyPattern } from '../../lib/filters/pattern';
import { MAX_COVERED_NAME_LENGTH, MAX_COVERED_NAMES } from '../../lib/filters/synonyms';
import { validateRule } from '../../lib/filters/validate';
import type { Rule, TextRule } from '../../lib/filters/types';
import { t } from '../../lib/i18n';
import { ao3TagPageUrl, AO3_TAG_PAGE_PERMISSION, readTagPage } from '../../lib/sites/ao3-tag-page';
import { updateRules } from '../../lib/storage/rules';

export type Lookup =
  | { ok: true; name: string; synonyms: string[]; mergedInto: string | null }
  | { ok: false; error: string };

export interface LookupDeps {
  requestPermission: (origins: string[]) => Promise<boolean>;
  fetch: typeof fetch;
  parse: (html: string) => Document;
}

const defaultDeps: LookupDeps = {
  requestPermission: (origins) => browser.permissions.request({ origins }),
  fetch: (...args) => globalThis.fetch(...args),
  parse: (html) => new DOMParser().parseFromString(html, 'text/html'),
};

const describe = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * Call it synchronously from the click handler: browsers grant a permission prompt only while the
 * click is being handled, so the permission is asked for before anything is awaited.
 */
export function lookUpSynonyms(tagName: string, deps: LookupDeps = defaultDeps): Promise<Lookup> {
  let asked: Promise<boolean>;
  try {
    asked = deps.requestPermission([AO3_TAG_PAGE_PERMISSION]);
  } catch (err) {
    asked = Promise.reject(err);
  }
  return asked.then(
    (granted) => (granted ? fetchTagPage(tagName, deps) : { ok: false, error: t('synonymsErrorPermission') }),
    () => ({ ok: false, error: t('synonymsErrorPermission') }),
  );
}

async function fetchTagPage(tagName: string, deps: LookupDeps): Promise<Lookup> {
  let response: Response;
  let html: string;
  try {
    response = await deps.fetch(ao3TagPageUrl(tagName), { credentials: 'omit', redirect: 'follow' });
    if (response.status === 404) return { ok: false, error: t('synonymsErrorNotFound', tagName) };
    if (!response.ok) return { ok: false, error: t('synonymsErrorStatus', String(response.status)) };
    html = await response.text();
  } catch (err) {
    return { ok: false, error: t('synonymsErrorNetwork', describe(err)) };
  }
  const facts = readTagPage(deps.parse(html));
  if (!facts) return { ok: false, error: t('synonymsErrorMarkup', tagName) };
  return { ok: true, ...facts };
}

/**
 * The names a look-up offers for a rule: the synonyms, or the tag it was made a synonym of, that the
 * rule does not cover yet, each once, as many as the rule still has room for.
 */
export function namesToOffer(rule: TextRule, found: { synonyms: string[]; mergedInto: string | null }): string[] {
  const seen = new Set([rule.pattern, ...(rule.alsoCovers ?? [])].map(normalize));
  const room = MAX_COVERED_NAMES - (rule.alsoCovers?.length ?? 0);
  const offered: string[] = [];
  for (const raw of found.mergedInto ? [found.mergedInto, ...found.synonyms] : found.synonyms) {
    const name = tidyPattern(raw);
    const key = normalize(name);
    if (name === '' || name.includes('*') || name.length > MAX_COVERED_NAME_LENGTH || seen.has(key)) continue;
    seen.add(key);
    if (offered.length < room) offered.push(name);
  }
  return offered;
}

/** Adds `names` to the rule's covered names (validated with the rule; throws the refusal). */
export function addCoveredNames(ruleId: string, names: readonly string[]): Promise<Rule[]> {
  return updateRules((rules) =>
    rules.map((r) => {
      if (r.id !== ruleId || !('pattern' in r)) return r;
      const checked = validateRule({ ...r, alsoCovers: [...(r.alsoCovers ?? []), ...names] });
      if (!checked.ok) throw new Error(checked.error);
      return checked.rule;
    }),
  );
}
