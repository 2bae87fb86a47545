/** Stored rules with issue 18's fields: tidy ones repaired in place, bad ones quarantined whole (nothing lost). */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Rule } from '../../../lib/filters/types';
import { getQuarantine } from '../../../lib/storage/quarantine';
import { loadRules } from '../../../lib/storage/rules';

beforeEach(() => fakeBrowser.reset());

const local = async (key: string) => (await fakeBrowser.storage.local.get(key))[key];

describe('loadRules with scopes, notes and series', () => {
  it('keeps good ones, tidies an untidy note and scope in place, quarantines bad ones with why', async () => {
    const good: Rule = {
      id: 'g', field: 'series', pattern: 'ao3:1', seriesTitle: 'OG Titan', action: 'hide', enabled: true,
      scope: { mode: 'except', fandoms: ['Star Wars'] }, note: 'why',
    };
    const untidy = { id: 'u', field: 'freeform', pattern: 'Angst', action: 'hide', enabled: true, note: '  two  words ', scope: { mode: 'only', fandoms: [' A ', 'a'] } };
    const badScope = { id: 'b', field: 'freeform', pattern: 'Angst', action: 'hide', enabled: true, scope: { mode: 'nowhere', fandoms: ['A'] } };
    const longNote = { id: 'l', field: 'complete', value: true, action: 'hide', enabled: true, note: 'x'.repeat(201) };
    await fakeBrowser.storage.local.set({ filterRules: [good, untidy, badScope, longNote] });

    const tidied = { ...untidy, note: 'two words', scope: { mode: 'only', fandoms: ['A'] } };
    expect(await loadRules()).toEqual([good, tidied]);
    expect(await local('filterRules')).toEqual([good, tidied]);
    const [entry, ...more] = await getQuarantine();
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ key: 'local:filterRules', value: [badScope, longNote] });
    expect(entry!.reason).toBe(
      'filterRules[2]: The scope must say “only” or “except”; filterRules[3]: The note is too long (201 characters; the limit is 200)',
    );
  });
});
