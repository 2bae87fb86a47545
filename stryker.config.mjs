/**
 * Mutation testing: Stryker changes lib/filters, lib/bookmarks and lib/reader one small bug at a time
 * and checks that a unit test fails. The score is what share of the mutants some test catches.
 * `npm run mutate` (scripts/mutate.mjs) runs it one folder at a time, each with its committed
 * results in tests/mutation/, then the 90% gate. `npx stryker run --mutate lib/x.ts` tries one file.
 */
import { mutatePatterns } from './scripts/mutation-gate.mjs';

export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts', related: false },
  disableTypeChecks: false,
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: mutatePatterns(),
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  concurrency: 2,
  thresholds: { high: 95, low: 90, break: null },
  reporters: ['clear-text', 'progress'],
  // In place, so that the incremental file records test files at their own paths (a sandbox's path
  // changes every run, and then nothing could be reused).
  inPlace: true,
  incremental: true,
  // scripts/mutate.mjs names each folder's own file; this one is for runs outside it.
  incrementalFile: 'node_modules/.cache/stryker/incremental.json',
  dryRunTimeoutMinutes: 20,
};
