/**
 * The unit tests that judge mutants of lib/filters, lib/bookmarks and lib/reader (`npm run mutate`,
 * stryker.config.mjs): the project's unit config, limited to the tests of those parts and of the code
 * that uses them (the shelf, storage, sync).
 */
import type { TestSpecification } from 'vitest/node';
import { BaseSequencer } from 'vitest/node';
import { defineConfig, mergeConfig } from 'vitest/config';
import unit from './vitest.config';

/**
 * Quickest test files first: Stryker stops a mutant's run at its first failing test, so a mutant a
 * quick test kills never waits for the slow corpus cross-checks (vitest's own order is slowest first).
 */
class QuickestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return (await super.sort(files)).reverse();
  }
}

const config = mergeConfig(
  unit,
  defineConfig({
    test: {
      // The content features' DOM tests load whole saved pages: slow, and they test entrypoints/.
      exclude: ['tests/unit/bookmarks/content.test.ts', 'tests/unit/reader/reader-dom.test.ts'],
      sequence: { sequencer: QuickestFirst },
      // Stryker switches mutants at run time, so modules need not load afresh for each test file;
      // loading them once makes a mutant's run about five times quicker.
      isolate: false,
      // Instrumented code on a busy machine is slow, not wrong.
      testTimeout: 60_000,
    },
  }),
);
// mergeConfig concatenates arrays: the unit config's include (every unit test) is replaced, not extended.
config.test!.include = ['tests/unit/{filters,bookmarks,reader,shelf,storage,sync}/**/*.test.{ts,tsx}', 'tests/unit/*.test.ts'];
export default config;
