/**
 * One look-up of a tag's synonyms (components/synonyms/lookup.ts): the permission first, then exactly
 * one GET without cookies to the tag's page; every failure has its own words; what is offered and
 * added to the rule.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { addCoveredNames, lookUpSynonyms, namesToOffer, type LookupDeps } from '../../../components/synonyms/lookup';
import { ruleSearchText } from '../../../components/rules';
import type { TextRule } from '../../../lib/filters/types';
import { loadRules, saveRules } from '../../../lib/storage/rules';
import { fixtureText } from '../../support/fixtures';

const PAGE = fixtureText('ao3/tag-show-synonyms-handwritten.html');
const rule: TextRule = { id: 'r1', field: 'freeform', pattern: 'Slow Burn', action: 'hide', enabled: true };

function deps(overrides: Partial<LookupDeps> = {}) {
  const requestPermission = vi.fn(async () => true);
  const fetch = vi.fn(async () => new Response(PAGE, { status: 200 }));
  const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
  return { requestPermission, fetch, parse, ...overrides } as LookupDeps & {
    requestPermission: typeof requestPermission;
    fetch: typeof fetch;
  };
}

beforeEach(() => fakeBrowser.reset());

describe('lookUpSynonyms', () => {
  it('asks for archiveofourown.org before anything is awaited, then fetches the tag’s page once, without cookies', async () => {
    const d = deps();
    const pending = lookUpSynonyms('Slow Burn', d);
    expect(d.requestPermission).toHaveBeenCalledWith(['https://archiveofourown.org/*']);
    expect(d.fetch).not.toHaveBeenCalled();
    const found = await pending;
    expect(d.fetch).toHaveBeenCalledTimes(1);
    expect(d.fetch).toHaveBeenCalledWith('https://archiveofourown.org/tags/Slow%20Burn', { credentials: 'omit', redirect: 'follow' });
    expect(found).toEqual({
      ok: true,
      name: 'Slow Burn',
      synonyms: ['Slow Build', 'slow burn', 'Slow-Burn', 'Slow Burn & Mutual Pining', 'Slowburn', 'Very Slow Burn'],
      mergedInto: null,
    });
  });

  it('refused permission (false or thrown): says so and requests nothing', async () => {
    for (const requestPermission of [vi.fn(async () => false), vi.fn(() => Promise.reject(new Error('no gesture'))), vi.fn(() => {
      throw new Error('sync');
    })]) {
      const d = deps({ requestPermission: requestPermission as LookupDeps['requestPermission'] });
      expect(await lookUpSynonyms('Slow Burn', d)).toEqual({ ok: false, error: expect.stringMatching(/not allowed to read archiveofourown\.org, so nothing was requested/) });
      expect(d.fetch).not.toHaveBeenCalled();
    }
  });

  it('network failure, 404, another error status, markup not understood: each its own message', async () => {
    const cases: [LookupDeps['fetch'], RegExp][] = [
      [async () => Promise.reject(new TypeError('Failed to fetch')), /Could not reach AO3 \(Failed to fetch\)/],
      [async () => new Response('<h1>Error 404</h1>', { status: 404 }), /AO3 has no tag named Slow Burn \(page not found\)/],
      [async () => new Response('busy', { status: 503 }), /AO3 answered with an error \(503\)/],
      [async () => new Response('<html><body><p>Retry later</p></body></html>', { status: 200 }), /could not understand AO3’s page for Slow Burn/],
    ];
    for (const [fetch, message] of cases) {
      const d = deps({ fetch: vi.fn(fetch) });
      expect(await lookUpSynonyms('Slow Burn', d)).toEqual({ ok: false, error: expect.stringMatching(message) });
      expect(d.fetch).toHaveBeenCalledTimes(1);
    }
  });
});

describe('namesToOffer', () => {
  it('offers the names the rule does not cover yet, once each', () => {
    const found = { synonyms: ['Slow Build', 'slow burn', 'Slowburn', 'SLOW BUILD', 'Bad*Name'], mergedInto: null };
    expect(namesToOffer(rule, found)).toEqual(['Slow Build', 'Slowburn']);
    expect(namesToOffer({ ...rule, alsoCovers: ['slowburn'] }, found)).toEqual(['Slow Build']);
  });

  it('offers the tag a name was made a synonym of first', () => {
    expect(namesToOffer({ ...rule, pattern: 'slowburn' }, { synonyms: [], mergedInto: 'Slow Burn' })).toEqual(['Slow Burn']);
  });

  it('offers no more than the rule has room for', () => {
    const full = { ...rule, alsoCovers: Array.from({ length: 49 }, (_, i) => `n${i}`) };
    expect(namesToOffer(full, { synonyms: ['a', 'b', 'c'], mergedInto: null })).toEqual(['a']);
  });
});

describe('addCoveredNames', () => {
  it('adds the names to the stored rule, validated', async () => {
    await saveRules([rule, { id: 'r2', field: 'title', pattern: 'x', action: 'hide', enabled: true }]);
    await addCoveredNames('r1', ['Slow Build', 'slowburn']);
    await addCoveredNames('r1', ['SLOW BUILD', 'Slow-Burn']);
    const rules = await loadRules();
    expect(rules[0]).toEqual({ ...rule, alsoCovers: ['Slow Build', 'slowburn', 'Slow-Burn'] });
    expect(rules[1]).not.toHaveProperty('alsoCovers');
  });

  it('refuses a name the rule cannot take, storing nothing', async () => {
    await saveRules([rule]);
    await expect(addCoveredNames('r1', ['Bad*Name'])).rejects.toThrow(/contains \*/);
    expect(await loadRules()).toEqual([rule]);
  });
});

describe('the options page’s rule search', () => {
  it('finds a rule by a name it also covers', () => {
    expect(ruleSearchText({ ...rule, alsoCovers: ['Slowburn'] })).toContain('slowburn');
    expect(ruleSearchText(rule)).not.toContain('slowburn');
  });
});
