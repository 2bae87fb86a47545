/**
 * Where the test pages live: tests/fixtures (see its MANIFEST.md). Every test, the bench and the
 * screenshots read pages through here, so a missing page fails with a message that says what to do.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. The bench runs this module bundled elsewhere and names the root in LAMPLIGHT_ROOT. */
export const REPO_ROOT = process.env.LAMPLIGHT_ROOT
  ? path.resolve(process.env.LAMPLIGHT_ROOT)
  : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const FIXTURES_DIR = path.join(REPO_ROOT, 'tests', 'fixtures');

/** The absolute path of a fixture (`ao3/…`, `ffn/…`, `hostile/…`); throws a clear error if it is missing. */
export function fixturePath(relative: string): string {
  const full = path.join(FIXTURES_DIR, relative);
  if (!existsSync(full)) {
    throw new Error(
      `Test fixture missing: tests/fixtures/${relative}. Every page the tests load is committed under ` +
        'tests/fixtures (listed in tests/fixtures/MANIFEST.md); restore it with `git checkout -- tests/fixtures`.',
    );
  }
  return full;
}

/** A fixture's text. */
export function fixtureText(relative: string): string {
  return readFileSync(fixturePath(relative), 'utf8');
}

/** A fixture's bytes, exactly as saved. */
export function fixtureBytes(relative: string): Buffer {
  return readFileSync(fixturePath(relative));
}
