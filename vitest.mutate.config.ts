/**
 * The unit tests that judge mutants of lib/filters, lib/bookmarks and lib/reader (`npm run mutate`,
 * stryker.config.mjs): the project's unit config, limited to the tests of those parts (the slow
 * fuzz and UI suites cover other code).
 */
import { defineConfig, mergeConfig } from 'vitest/config';
import unit from './vitest.config';

export default mergeConfig(
  unit,
  defineConfig({
    test: {
      include: ['tests/unit/{filters,bookmarks,reader}/**/*.test.{ts,tsx}', 'tests/unit/*.test.ts'],
    },
  }),
);
