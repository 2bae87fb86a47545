#!/usr/bin/env node
/**
 * `npm run mutate`: Stryker (stryker.config.mjs) on lib/filters, lib/bookmarks and lib/reader, one
 * folder at a time, then the score gate (./mutation-gate.mjs). Each folder keeps its results in
 * tests/mutation/<folder>.json, committed: a run reuses them and retests only the mutants whose code
 * or covering tests changed, so a run on unchanged code takes minutes, not hours.
 *
 *   npm run mutate                    every gated folder, then the gate
 *   npm run mutate -- lib/reader      one folder, then the gate on it
 *   npm run mutate -- --force         retest every mutant (Stryker's --force)
 *
 * Stryker mutates the files in place while it runs; it puts them back when it ends or is stopped
 * with Ctrl-C. If the process is killed, `git checkout lib` restores them.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GATED, mutatePatterns, reportFileOf } from './mutation-gate.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const args = process.argv.slice(2);
const force = args.includes('--force');
const asked = args.filter((arg) => !arg.startsWith('--')).map((folder) => folder.replace(/\/+$/, ''));
const unknown = asked.filter((folder) => !GATED.includes(folder));
if (unknown.length > 0) {
  console.error(`Not a gated folder: ${unknown.join(', ')} (gated: ${GATED.join(', ')})`);
  process.exit(1);
}
const folders = asked.length > 0 ? asked : GATED;

const run = (command, commandArgs) => spawnSync(command, commandArgs, { cwd: ROOT, stdio: 'inherit' }).status ?? 1;

let failed = false;
for (const folder of folders) {
  console.log(`\n--- Stryker: ${folder} ---`);
  const mutate = mutatePatterns([folder]).join(',');
  const status = run('npx', ['stryker', 'run', '--mutate', mutate, '--incrementalFile', reportFileOf(folder), ...(force ? ['--force'] : [])]);
  if (status !== 0) {
    console.error(`Stryker failed on ${folder} (exit status ${status}).`);
    failed = true;
  }
}
const gate = run('node', ['scripts/mutation-gate.mjs', `--folders=${folders.join(',')}`]);
process.exit(failed || gate !== 0 ? 1 : 0);
