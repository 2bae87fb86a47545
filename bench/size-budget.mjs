#!/usr/bin/env node
/**
 * `npm run size`: the size budget of the built Chrome extension (.output/chrome-mv3; run
 * `npm run build` first). Fails (exit 1) when a bundle, gzipped, is over its budget.
 *
 *   content script  the script of a site's pages but its work pages (content-scripts/ao3.js,
 *                   ffn.js; at document_start): all a listing loads; the larger of the sites'
 *   work script     the script of a site's work pages (content-scripts/ao3-work.js, ffn-work.js; at
 *                   document_start): the same features plus the reader; a work page loads only
 *                   this one; the larger of the sites'
 *   popup           every JS file popup.html loads: its module scripts, modulepreloads and their
 *                   static imports, followed through the chunks
 *
 * Sizes are of the files as built (WXT minifies production builds), gzipped at level 9.
 * Also used by the bench (bench/main.ts) for its Size rows.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/**
 * Budgets in bytes, gzipped. Since 2026-12-07 (issue 17) each page loads one of two scripts: work
 * pages (WORK_MATCHES) the work script with the reader, every other page the content script without
 * it. Content script 40.9 KB then (49.7 KB with the reader inside and before the reading history's
 * 4.4 KB), budget 42 KB; work script 54.4 KB, budget 56 KB (before, one script for all pages: 48 KB,
 * over the 40 KB first aimed at; 42.6 KB on 2026-11-25, then the reader's markup sanitiser, the
 * per-load marks and in-memory page state, the everyday-reading fixes, the reader's header and
 * toolbar, and the reading history). The every-page-load issue aims at 15 KB at document_start and
 * 25 KB in all on a listing: leaving bookmarks, the history and the polyfill out of what runs before
 * paint is what would get there. Popup: 32 KB, from measurement: 26.6 KB on 2026-11-25 with the
 * shelf, filters and "this page" panels (Preact and the browser polyfill included), plus about 20%
 * headroom; 33 KB since 2026-12-07, when rule names as sentences and the shelf's site, last-read,
 * progress and status filter (issue 16 friction 6 and 7, about 1.1 KB) took the popup from 31.5 to
 * 32.6 KB; then the popup's reading-history line and Forget this work (the words come from the
 * page's content script, so the popup loads no history storage code) and issue 18's tag synonyms
 * (the validation of a rule's other names and the "also covers" line, 0.4 KB), history rules and the
 * Dim action (the rule form's reading-history field, +0.3 KB). * Issue 18 (reading-history rules and Dim, series rules, fandom scopes, notes, tag synonyms, Filter
 * on AO3 too) took the content script to 44.4 KB, the work script to 58.8 KB and the popup to 35.3 KB
 * (the rule form's new inputs and the validation of every new rule field, which every part that
 * stores rules carries). The content script then stopped carrying the work-page parts of bookmarks
 * and the history, which only work pages use (work-feature.ts, in the work script alone): 39.5 KB,
 * budget 41 KB (lowered). Work script 59.1 KB, budget 60 KB; popup 35.3 KB, budget 35.5 KB.
 * Loading the Filters tab's code only when it is opened is what would bring the popup back down.
 * Storage items defined on first use (lib/storage/lazy-item.ts: each popup open no longer reads
 * every item's value and version) took the popup to 35.6 KB: budget 35.7 KB. The content script
 * grew to 40.3 KB (blurb fields read on first use, the page's work read once) for about 15 ms less
 * of its main-thread time on a listing. Then one script per site (issue 17): a page no longer carries
 * the other site's adapter. AO3's listing script 35.2 KB (from 40.0), FFN's 35.5 KB; work scripts
 * 54.9 and 55.2 KB (from 59.6): budgets 37 and 57.5 KB. Listing scripts then left out the work page's
 * parser (ao3Listing, ffnListing: their matches exclude work pages): AO3's 33.9 KB, FFN's 32.8 KB,
 * budget 35 KB.
 */
export const BUDGETS = {
  content: 35 * 1024,
  work: 57.5 * 1024,
  popup: 35.7 * 1024,
};

const gz = (buf) => gzipSync(buf, { level: 9 }).length;

/** Module specifiers a built chunk imports: static (`import … from "x"`, `import "x"`, `export … from "x"`) and dynamic. */
function importsOf(code) {
  const statics = new Set();
  const dynamics = new Set();
  for (const m of code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"']+)["']/g)) statics.add(m[1]);
  for (const m of code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) dynamics.add(m[1]);
  return { statics: [...statics], dynamics: [...dynamics] };
}

/** Extension-relative path of `spec` imported from `from` (both extension-relative, '/'-separated). */
function resolve(from, spec) {
  if (spec.startsWith('/')) return spec.slice(1);
  return path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
}

/** The JS an extension page loads, following static imports. */
export function pageScripts(dir, html) {
  const page = readFileSync(path.join(dir, html), 'utf8');
  const entries = [
    ...[...page.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]),
    ...[...page.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)].map((m) => m[1]),
    ...[...page.matchAll(/<link\b[^>]*\bhref="([^"]+)"[^>]*\brel="modulepreload"/g)].map((m) => m[1]),
  ].map((src) => resolve(html, src));
  const seen = new Set();
  const dynamic = new Set();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.shift();
    if (seen.has(file) || !file.endsWith('.js')) continue;
    seen.add(file);
    const { statics, dynamics } = importsOf(readFileSync(path.join(dir, file), 'utf8'));
    for (const spec of statics) if (spec.startsWith('.') || spec.startsWith('/')) queue.push(resolve(file, spec));
    for (const spec of dynamics) if (spec.startsWith('.') || spec.startsWith('/')) dynamic.add(resolve(file, spec));
  }
  return { files: [...seen], dynamic: [...dynamic].filter((f) => !seen.has(f)) };
}

function measureFiles(dir, files) {
  let bytes = 0;
  let gzip = 0;
  for (const file of files) {
    const buf = readFileSync(path.join(dir, file));
    bytes += buf.length;
    gzip += gz(buf);
  }
  // One gzip stream over everything too: what a single download of them all would be.
  return { files, bytes, gzip };
}

/**
 * Sizes of the built extension in `dir` (.output/chrome-mv3). Per file gzip, summed (each file is
 * loaded, and would be compressed, on its own).
 */
export function measureSizes(dir) {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  // A script whose matches include a whole site ("https://host/*") runs on listings; the others
  // (work-page patterns such as "https://host/works/*") only where their pages are.
  // Each site has one of each, and a page loads one script: the larger site's counts.
  const scripts = manifest.content_scripts ?? [];
  const everyPage = (c) => (c.matches ?? []).some((m) => /^[^:]+:\/\/[^/]+\/\*$/.test(m));
  const largest = (list) =>
    list.map((c) => measureFiles(dir, c.js ?? [])).reduce((max, m) => (m.gzip > max.gzip ? m : max), { files: [], bytes: 0, gzip: 0 });
  const popupHtml = manifest.action?.default_popup ?? manifest.browser_action?.default_popup;
  const popup = popupHtml ? pageScripts(dir, popupHtml) : { files: [], dynamic: [] };
  return {
    content: largest(scripts.filter(everyPage)),
    work: largest(scripts.filter((c) => !everyPage(c))),
    popup: { ...measureFiles(dir, popup.files), lazy: measureFiles(dir, popup.dynamic) },
  };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

function cli() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const dir = path.resolve(process.env.LAMPLIGHT_E2E_OUTPUT ?? path.join(root, '.output'), 'chrome-mv3');
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    console.error(`size: ${dir} has no manifest.json: run \`npm run build\` first.`);
    return 1;
  }
  const sizes = measureSizes(dir);
  let failed = 0;
  const line = (name, m, budget) => {
    const ok = m.files.length > 0 && m.gzip <= budget;
    if (!ok) failed++;
    const what = m.files.length ? `${kb(m.gzip)} gzipped (${kb(m.bytes)} as built, ${m.files.length} file${m.files.length === 1 ? '' : 's'})` : 'no files found';
    console.log(`${ok ? 'ok  ' : 'OVER'} ${name.padEnd(15)} ${what}; budget ${kb(budget)}`);
    if (!ok || process.argv.includes('--verbose')) for (const f of m.files) console.log(`       ${f}`);
  };
  line('content script', sizes.content, BUDGETS.content);
  line('work script', sizes.work, BUDGETS.work);
  line('popup', sizes.popup, BUDGETS.popup);
  if (sizes.popup.lazy.files.length) console.log(`     (popup also imports lazily: ${kb(sizes.popup.lazy.gzip)} gzipped in ${sizes.popup.lazy.files.join(', ')})`);
  if (failed) console.error(`size: ${failed} bundle${failed === 1 ? '' : 's'} over budget`);
  return failed ? 1 : 0;
}

// Run as a command (not when bundled into the bench, where import.meta.url is the bundle's).
const self = fileURLToPath(import.meta.url);
if (path.basename(self) === 'size-budget.mjs' && process.argv[1] && path.resolve(process.argv[1]) === self) process.exitCode = cli();
