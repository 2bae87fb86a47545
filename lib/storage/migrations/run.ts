/**
 * The migration mechanism, shared by WXT's versioned items and by the per-key bookmark records.
 *
 * A chain is the current version plus one step per version change: `steps[n]` turns a value
 * of version n-1 into version n. Each step lives in its own file next to its chain
 * (`bookmark/v2.ts` …) with a test fixture of the old shape.
 */

export type MigrationStep = (old: any) => unknown;

export interface MigrationChain {
  /** The version this code reads and writes. */
  readonly version: number;
  /** `steps[n]`: version n-1 → n, for every n in 2..version. */
  readonly steps: Readonly<Record<number, MigrationStep>>;
}

export type MigrationResult =
  | { ok: true; value: unknown; migrated: boolean }
  | { ok: false; error: string };

/** Run every step from `from` up to the chain's version. Never throws. */
export function runMigrations(value: unknown, from: number, chain: MigrationChain): MigrationResult {
  if (!Number.isInteger(from) || from < 1) {
    return { ok: false, error: `unknown record version ${String(from)}` };
  }
  if (from > chain.version) {
    return {
      ok: false,
      error: `record version ${from} is newer than this Lamplight understands (${chain.version})`,
    };
  }
  let current = value;
  for (let v = from + 1; v <= chain.version; v++) {
    const step = chain.steps[v];
    if (!step) return { ok: false, error: `no migration to version ${v}` };
    try {
      current = step(current);
    } catch (err) {
      return {
        ok: false,
        error: `migration to version ${v} failed: ${err instanceof Error ? err.message : String(err)}`,
      };
    }
  }
  return { ok: true, value: current, migrated: from !== chain.version };
}

/** The chain in the shape `storage.defineItem({ version, migrations })` wants. */
export function wxtMigrations(chain: MigrationChain): {
  version: number;
  migrations: Record<number, MigrationStep>;
} {
  return { version: chain.version, migrations: { ...chain.steps } };
}
