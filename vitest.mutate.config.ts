/**
 * The unit tests that judge mutants of lib/filters, lib/bookmarks and lib/reader (`npm run mutate`,
 * stryker.config.mjs): the project's unit config, limited to the tests of those parts.
 */
import { defineConfig, mergeConfig } from 'vitest/config';
import unit from './vitest.config';

export default mergeConfig(
  unit,
  defineConfig({
    test: {
      include: ['tests/unit/{filters,bookmarks,reader}/**/*.test.{ts,tsx}', 'tests/unit/*.test.ts'],
      // The content features' DOM tests load whole saved pages: slow, and they test entrypoints/.
      exclude: ['tests/unit/bookmarks/content.test.ts', 'tests/unit/reader/reader-dom.test.ts'],
    },
  }),
);
