#!/usr/bin/env node
/**
 * `npm run bench [-- --quick] [-- --rebuild]`: builds the extension if .output/chrome-mv3 is missing
 * (or with --rebuild), compiles the TypeScript bench (bench/main.ts) with esbuild (wxt's own
 * dependency: no extra tool), and runs it. See bench/README.md. The size budget alone: `npm run size`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

if (args.includes('--help') || args.includes('-h')) {
  console.log(`Usage: npm run bench [-- options]
  --quick      1 warm-up and 3 measured runs per row (CI, ~1 min); default: 2 warm-ups, 10 runs (~2.5 min)
  --rebuild    run \`npm run build\` first even if .output/chrome-mv3 exists
  --only=a,b   only these sections: size, filtering, listing, profile, flash, reader, shelf, progress, history, backup
               (the memory rows come with listing and reader)
  --json=FILE  where to write the results (default bench/results.json)`);
  process.exit(0);
}

const manifest = path.join(root, '.output', 'chrome-mv3', 'manifest.json');
if (args.includes('--rebuild') || !existsSync(manifest)) {
  console.log(existsSync(manifest) ? 'Rebuilding the extension (npm run build)…' : 'No build in .output/chrome-mv3: running npm run build…');
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// The bundle sits beside node_modules' packages so its bare imports (playwright-core, esbuild) resolve.
const outDir = path.join(root, 'node_modules', '.cache', 'lamplight-bench');
mkdirSync(outDir, { recursive: true });
const outfile = path.join(outDir, 'main.mjs');
await build({
  entryPoints: [path.join(root, 'bench', 'main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'warning',
});

// tests/support/fixtures.ts finds the repository from its own location; bundled, it is elsewhere.
process.env.LAMPLIGHT_E2E_OUTPUT ??= path.join(root, '.output');
process.env.LAMPLIGHT_ROOT = root;

const { main } = await import(pathToFileURL(outfile).href);
process.exitCode = await main(args);
