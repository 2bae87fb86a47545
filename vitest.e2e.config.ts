import { defineConfig } from 'vitest/config';

// E2E: real Chromium and Firefox ESR drive the built extension (.output/), so run `npm run build` first
// (scripts/test.sh does). One browser per file, files one after another: the CI machines have 2 cores.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    setupFiles: ['tests/e2e/setup/i18n.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    sequence: { concurrent: false },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    retry: 0,
  },
});
