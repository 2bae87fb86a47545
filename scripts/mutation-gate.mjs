#!/usr/bin/env node
/**
 * The mutation-score gate: reads each gated folder's Stryker results (tests/mutation/<folder>.json, which
 * `npm run mutate` keeps; see ./mutate.mjs) and fails (exit 1) when the score of lib/filters,
 * lib/bookmarks or lib/reader is under 90%, or when a file of theirs is missing from its results.
 *
 * The score is Stryker's: mutants detected (killed, or timed out) over mutants that count (detected,
 * survived, or with no test covering them). Mutants that do not compile or are ignored do not count.
 *
 *   node scripts/mutation-gate.mjs [--folders=lib/reader,lib/bookmarks] [--survivors]
 *
 * `--folders` gates only those. `--survivors` also lists each mutant no test detected, with its place,
 * its change and the source line: what the next test should catch.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const GATED = ['lib/filters', 'lib/bookmarks', 'lib/reader'];
export const MIN_SCORE = 90;
/** Files Stryker is told not to mutate: the filters' naive matcher exists only to cross-check the engine in tests. */
const NOT_MUTATED = ['lib/filters/naive.ts'];
/**
 * Files Stryker finds nothing to mutate in, so its results never name them. Were code added to one,
 * its mutants would appear in the results like any other file's.
 */
const NOTHING_TO_MUTATE = {
  'lib/filters/index.ts': 'type and function re-exports only',
  'lib/filters/types.ts': 'types only',
};

/** Stryker's `mutate` globs for these folders: their TypeScript, less the files never mutated. */
export const mutatePatterns = (folders = GATED) => [
  ...folders.map((folder) => `${folder}/**/*.ts`),
  ...NOT_MUTATED.filter((file) => folders.some((folder) => file.startsWith(`${folder}/`))).map((file) => `!${file}`),
];

/** Where `npm run mutate` keeps a folder's results: `lib/reader` → tests/mutation/reader.json. */
export const reportFileOf = (folder) => `tests/mutation/${path.basename(folder)}.json`;

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

/** Detected and counted mutants per gated folder, and the gated files the report lacks. */
export function scores(report, sourceFiles, folders = GATED) {
  const byFolder = Object.fromEntries(folders.map((folder) => [folder, { detected: 0, counted: 0 }]));
  const reported = new Set();
  for (const [file, result] of Object.entries(report.files ?? {})) {
    const relative = path.isAbsolute(file) ? path.relative(ROOT, file) : file;
    const folder = folders.find((f) => relative.startsWith(`${f}/`));
    if (!folder) continue;
    reported.add(relative);
    for (const mutant of result.mutants ?? []) {
      if (DETECTED.has(mutant.status)) byFolder[folder].detected++;
      if (DETECTED.has(mutant.status) || UNDETECTED.has(mutant.status)) byFolder[folder].counted++;
    }
  }
  const inFolders = (file) => folders.some((f) => file.startsWith(`${f}/`));
  const expected = (file) => inFolders(file) && !NOT_MUTATED.includes(file) && !(file in NOTHING_TO_MUTATE);
  const missing = sourceFiles.filter((file) => expected(file) && !reported.has(file));
  return { byFolder, missing };
}

/** Each mutant no test detected: `file:line:column Mutator -> replacement | source line`, in file order. */
export function undetectedMutants(report) {
  return Object.entries(report.files ?? {}).flatMap(([file, result]) => {
    const lines = (result.source ?? '').split('\n');
    return (result.mutants ?? [])
      .filter((mutant) => UNDETECTED.has(mutant.status))
      .sort((a, b) => a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column)
      .map(({ status, mutatorName, replacement, location: { start } }) => {
        const source = (lines[start.line - 1] ?? '').trim().slice(0, 120);
        return `${file}:${start.line}:${start.column} ${status} ${mutatorName} -> ${JSON.stringify(replacement ?? '').slice(0, 60)} | ${source}`;
      });
  });
}

function gatedSourceFiles() {
  return GATED.flatMap((folder) =>
    readdirSync(path.join(ROOT, folder), { recursive: true })
      .map((name) => `${folder}/${String(name).split(path.sep).join('/')}`)
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts')),
  );
}

function main() {
  const args = process.argv.slice(2);
  const foldersArg = args.find((arg) => arg.startsWith('--folders='));
  const folders = foldersArg ? foldersArg.slice('--folders='.length).split(',') : GATED;
  const unknown = folders.filter((folder) => !GATED.includes(folder));
  if (unknown.length > 0) {
    console.error(`Not a gated folder: ${unknown.join(', ')} (gated: ${GATED.join(', ')})`);
    process.exit(1);
  }
  const sourceFiles = gatedSourceFiles();
  const byFolder = {};
  const missing = [];
  for (const folder of folders) {
    const file = path.join(ROOT, reportFileOf(folder));
    let report;
    try {
      report = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      console.error(`No readable Stryker results for ${folder} at ${file}: run \`npm run mutate -- ${folder}\`. (${error.message})`);
      process.exit(1);
    }
    if (args.includes('--survivors')) for (const line of undetectedMutants(report)) console.log(line);
    const result = scores(report, sourceFiles, [folder]);
    Object.assign(byFolder, result.byFolder);
    missing.push(...result.missing);
  }
  let failed = false;
  for (const [folder, { detected, counted }] of Object.entries(byFolder)) {
    const score = counted === 0 ? 0 : (100 * detected) / counted;
    const ok = counted > 0 && score >= MIN_SCORE;
    failed ||= !ok;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${folder.padEnd(14)} ${score.toFixed(2)}% (${detected} of ${counted} mutants detected; at least ${MIN_SCORE}%)`);
  }
  for (const missingFile of missing) console.error(`FAIL ${missingFile}: not in the report (not mutation-tested)`);
  process.exit(failed || missing.length > 0 ? 1 : 0);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
