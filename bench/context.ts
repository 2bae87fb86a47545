/** What every bench section gets: the browsers, the data, the run settings, and helpers. */
import { readFileSync } from 'node:fs';
import type { CDPSession, Page, Worker } from 'playwright-core';
import type { Rule } from '../lib/filters/types';
import type { WorkMeta } from '../lib/sites/types';
import type { BenchBrowser, Served, TraceEvent } from './browser';
import type { TagPool } from './data';
import type { Row } from './stats';

export interface Bench {
  root: string;
  quick: boolean;
  warmup: number;
  runs: number;
  /** With the built extension (a copy of .output/chrome-mv3). */
  ext: BenchBrowser;
  /** The same browser without any extension: the baseline. */
  bare: BenchBrowser;
  served: Served;
  streamPort: number;
  extensionId: string;
  /** The unpacked extension the browser runs. */
  extensionDir: string;
  /** bench/in-page/lib.ts bundled as an IIFE (defines globalThis.__lamplightBench). */
  inPageLib: string;
  /** WorkMeta of every work blurb on the listing fixtures, per fixture URL. */
  realBlurbs: Map<string, WorkMeta[]>;
  pool: TagPool;
  rules: { '200': Rule[]; '2000': Rule[] };
  rows: Row[];
  /** Raw measurements, written to results.json. */
  raw: Record<string, unknown>;
  log(message: string): void;
}

/** The extension's service worker, where the bench reaches its storage. */
export function extensionWorker(bench: Bench): Worker {
  const worker =
    bench.ext.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${bench.extensionId}/`)) ??
    bench.ext.serviceWorker;
  if (!worker) throw new Error('the extension has no service worker');
  return worker;
}

/**
 * Empties storage.local and storage.sync. Both: the background mirrors the rules to sync, and a
 * cleared local area would get the previous section's rules back from there.
 */
export async function clearExtensionStorage(bench: Bench): Promise<void> {
  await extensionWorker(bench).evaluate(async () => {
    const chrome = (globalThis as any).chrome;
    await Promise.all([chrome.storage.local.clear(), chrome.storage.sync.clear()]);
  });
}

/** Sets storage.local of the extension to exactly `items` (through its service worker), storage.sync empty. */
export async function setExtensionStorage(bench: Bench, items: Record<string, unknown>): Promise<void> {
  await clearExtensionStorage(bench);
  await extensionWorker(bench).evaluate(async (values) => (globalThis as any).chrome.storage.local.set(values), items);
}

/**
 * Waits until the background has done what seeding `bookmarks` bookmarks sets off, as it has long
 * before a reader opens the popup: its shelf index holds them all, and the sync engine's debounce
 * (2 s of quiet, then one pass over storage) is over.
 */
/** lib/storage/sync.ts's SYNC_DEBOUNCE_MS (2 s; importing it would start WXT's storage here), plus its pass. */
const SYNC_SETTLE_MS = 4000;

export async function backgroundSettled(bench: Bench, bookmarks: number): Promise<void> {
  const worker = extensionWorker(bench);
  const deadline = Date.now() + 30_000;
  const indexed = () =>
    worker.evaluate(async () => ((await (globalThis as any).chrome.storage.session.get('shelfIndex')).shelfIndex?.count as number) ?? -1);
  while ((await indexed()) !== bookmarks) {
    if (Date.now() > deadline) throw new Error(`the background's shelf index did not reach ${bookmarks} bookmarks within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await new Promise((resolve) => setTimeout(resolve, SYNC_SETTLE_MS));
}

/** Main-thread task time of the page's renderer (CDP Performance.getMetrics TaskDuration), in ms. */
export async function taskDurationMs(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const task = metrics.find((m) => m.name === 'TaskDuration');
  if (!task) throw new Error('no TaskDuration metric');
  return task.value * 1000;
}

export interface HeapUsage {
  /** V8 heap in use (JavaScript objects), bytes. */
  js: number;
  /** Blink's heap in use (DOM nodes and other embedder objects), bytes; null if not reported. */
  embedder: number | null;
}

/** Heap of the page's renderer after a full garbage collection (twice, for weak references). */
export async function heapAfterGc(cdp: CDPSession): Promise<HeapUsage> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize?: number };
  return { js: usage.usedSize, embedder: usage.embedderHeapUsedSize ?? null };
}

/** Intervals' total length after merging overlaps, in ms (trace timestamps are µs). */
export function unionMs(events: readonly TraceEvent[]): number {
  const spans = events.map((e) => [e.ts, e.ts + (e.dur ?? 0)] as const).sort((a, b) => a[0] - b[0]);
  let total = 0;
  let start = -1;
  let end = -1;
  for (const [s, e] of spans) {
    if (s > end) {
      total += end - start;
      start = s;
      end = e;
    } else if (e > end) end = e;
  }
  total += end - start;
  return total / 1000;
}

/** Trace events on the main thread of the renderer that parsed `url`. */
export function rendererMainThread(events: readonly TraceEvent[], url: string): TraceEvent[] {
  const parse = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === url);
  if (!parse) throw new Error(`the trace has no ParseHTML of ${url}`);
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === parse.pid && e.args?.name === 'CrRendererMain');
  const tid = main?.tid ?? parse.tid;
  return events.filter((e) => e.pid === parse.pid && e.tid === tid && e.ph === 'X');
}

/** The URL a trace event's script work belongs to, if it names one. */
export function eventScriptUrl(e: TraceEvent): string {
  const a = e.args ?? {};
  return String(a.data?.url ?? a.url ?? a.data?.scriptName ?? a.fileName ?? '');
}

export const TRACE_CATEGORIES = ['devtools.timeline', 'toplevel', 'v8.execute', '__metadata'];

/** Resolves once the page is idle enough: a rendered frame, then `ms` more. */
export async function settle(page: Page, ms = 100): Promise<void> {
  await page.evaluate(
    (wait) =>
      new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, wait)))),
    ms,
  );
}

/** Fraction of all CPUs busy over `ms` (/proc/stat; null where there is none). */
async function cpuBusy(ms: number): Promise<number | null> {
  const sample = () => {
    try {
      const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
      const n = fields.map(Number);
      const idle = (n[3] ?? 0) + (n[4] ?? 0);
      return { idle, total: n.reduce((a, b) => a + b, 0) };
    } catch {
      return null;
    }
  };
  const a = sample();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const b = sample();
  if (!a || !b || b.total === a.total) return null;
  return 1 - (b.idle - a.idle) / (b.total - a.total);
}

/**
 * After seeding storage: waits (at most `maxMs`, 15 s) until the machine is quiet, under 25% busy over
 * half a second. Storing or clearing 50,000 records leaves the browser compacting its database for
 * seconds, and measuring meanwhile would charge that to whatever is measured next.
 */
export async function machineQuiet(maxMs = 15_000): Promise<void> {
  const deadline = Date.now() + maxMs;
  while (Date.now() < deadline) {
    const busy = await cpuBusy(500);
    if (busy === null || busy < 0.25) return;
  }
}
