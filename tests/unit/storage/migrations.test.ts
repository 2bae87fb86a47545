import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { validateBookmark } from '../../../lib/bookmarks/validate';
import { MIGRATIONS, runMigrations, type MigrationChain } from '../../../lib/storage/migrations';
import { checkStoredRules } from '../../../lib/storage/rules';
import { validateAppSettings, validateHistorySettings, validateReaderSettings } from '../../../lib/storage/validate';
import { checkHistoryFields } from '../../../lib/storage/history-codec';
import { decodeStoredBookmark, getBookmark } from '../../../lib/storage/bookmarks';
import { VERSIONED_ITEMS, filterRulesItem } from '../../../lib/storage/items';
import { loadRules, updateRules } from '../../../lib/storage/rules';

const FIXTURES = join(__dirname, 'fixtures');

/** How each shape's current value is validated after migrating. */
const VALIDATE: Record<keyof typeof MIGRATIONS, (value: unknown) => { ok: boolean; error?: string }> = {
  bookmark: validateBookmark,
  filterRules: (value) => {
    const check = checkStoredRules(value);
    return check.bad.length === 0 ? { ok: true } : { ok: false, error: check.bad[0]?.reason };
  },
  readerSettings: validateReaderSettings,
  appSettings: validateAppSettings,
  history: checkHistoryFields,
  historySettings: validateHistorySettings,
};

function fixtures(shape: string): { version: number; value: unknown }[] {
  return readdirSync(join(FIXTURES, shape))
    .map((name) => /^v(\d+)\.json$/.exec(name))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({
      version: Number(m[1]),
      value: JSON.parse(readFileSync(join(FIXTURES, shape, m[0]), 'utf8')) as unknown,
    }))
    .sort((a, b) => a.version - b.version);
}

describe('every stored shape: walk each old-shape fixture through every step to the current version', () => {
  for (const [shape, chain] of Object.entries(MIGRATIONS) as [keyof typeof MIGRATIONS, MigrationChain][]) {
    describe(shape, () => {
      it('has a step for every version after 1 and a fixture for every version', () => {
        for (let v = 2; v <= chain.version; v++) expect(chain.steps[v], `step to v${v}`).toBeTypeOf('function');
        expect(fixtures(shape).map((f) => f.version)).toEqual(
          Array.from({ length: chain.version }, (_, i) => i + 1),
        );
      });

      for (const fixture of fixtures(shape)) {
        it(`v${fixture.version} → v${chain.version} is valid`, () => {
          let value = fixture.value;
          let from = fixture.version;
          if (shape === 'bookmark') {
            // A bookmark fixture is a stored record, `{ v, ...bookmark }`: its version is inside.
            const { v, ...data } = value as { v: number };
            expect(v).toBe(fixture.version);
            value = data;
            from = v;
          }
          if (shape === 'history') {
            // A history fixture is a stored record, a list whose first element is its version.
            const [v, ...data] = value as [number, ...unknown[]];
            expect(v).toBe(fixture.version);
            value = data;
            from = v;
          }
          const result = runMigrations(value, from, chain);
          expect(result.ok).toBe(true);
          if (result.ok) expect(VALIDATE[shape](result.value)).toMatchObject({ ok: true });
        });
      }
    });
  }
});

describe('the mechanism (runMigrations)', () => {
  // A made-up three-version chain: only to prove steps run in order, once each.
  const chain: MigrationChain = {
    version: 3,
    steps: {
      2: (old: { name: string }) => ({ title: old.name }),
      3: (old: { title: string }) => ({ title: old.title, tags: [] as string[] }),
    },
  };

  it('runs every step from the stored version', () => {
    expect(runMigrations({ name: 'x' }, 1, chain)).toEqual({ ok: true, value: { title: 'x', tags: [] }, migrated: true });
    expect(runMigrations({ title: 'x' }, 2, chain)).toEqual({ ok: true, value: { title: 'x', tags: [] }, migrated: true });
    expect(runMigrations({ title: 'x', tags: [] }, 3, chain)).toEqual({
      ok: true,
      value: { title: 'x', tags: [] },
      migrated: false,
    });
  });

  it('refuses a version newer than the code, a bad version, a missing step, and a step that throws', () => {
    expect(runMigrations({}, 4, chain)).toEqual({
      ok: false,
      error: 'record version 4 is newer than this Lamplight understands (3)',
    });
    expect(runMigrations({}, 0, chain)).toEqual({ ok: false, error: 'unknown record version 0' });
    expect(runMigrations({}, 1, { version: 2, steps: {} })).toEqual({ ok: false, error: 'no migration to version 2' });
    const throwing: MigrationChain = {
      version: 2,
      steps: {
        2: () => {
          throw new Error('boom');
        },
      },
    };
    expect(runMigrations({}, 1, throwing)).toEqual({ ok: false, error: 'migration to version 2 failed: boom' });
  });
});

describe('versions in storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('the WXT items are declared with their chain version', () => {
    for (const { item, chain } of VERSIONED_ITEMS) {
      expect(item.key).toMatch(/^(sync|local):/);
      expect(chain.version).toBeGreaterThanOrEqual(1);
    }
  });

  it('a stored v1 bookmark fixture reads back through the API', async () => {
    const [fixture] = fixtures('bookmark');
    const record = fixture!.value as { site: 'ao3'; workId: string };
    await fakeBrowser.storage.local.set({ [`bookmark:${record.site}:${record.workId}`]: record });
    const { v: _v, ...bookmark } = record as Record<string, unknown>;
    expect(await getBookmark(record.site, record.workId)).toEqual(bookmark);
  });

  it('a record from a newer Lamplight is quarantined, not misread', () => {
    const [fixture] = fixtures('bookmark');
    const record = { ...(fixture!.value as object), v: 99 };
    expect(decodeStoredBookmark('local:bookmark:ao3:48582418', record)).toEqual({
      ok: false,
      error: 'record version 99 is newer than this Lamplight understands (1)',
    });
  });

  it('rules written by this code carry their version, so a later migration knows where to start', async () => {
    await fakeBrowser.storage.local.set({ filterRules: fixtures('filterRules')[0]!.value });
    await filterRulesItem.migrate();
    await updateRules((rules) => rules.slice(1));
    expect(await fakeBrowser.storage.local.get('filterRules$')).toEqual({
      filterRules$: { v: MIGRATIONS.filterRules.version },
    });
    expect(await loadRules()).toHaveLength(3);
  });
});
