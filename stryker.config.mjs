/**
 * Mutation testing (`npm run mutate`): Stryker changes lib/filters, lib/bookmarks and lib/reader one
 * small bug at a time and checks that a unit test fails. `npm run mutate -- --mutate lib/x.ts` runs
 * one file. The score is what share of the mutants some test catches.
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts', related: false },
  disableTypeChecks: false,
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: ['lib/filters/**/*.ts', 'lib/bookmarks/**/*.ts', 'lib/reader/**/*.ts', '!lib/filters/naive.ts'],
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  concurrency: 2,
  thresholds: { high: 95, low: 90, break: null },
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'node_modules/.cache/stryker/mutation.json' },
  tempDirName: 'node_modules/.cache/stryker/tmp',
  dryRunTimeoutMinutes: 20,
  incremental: false,
  cleanTempDir: 'always',
};
