/**
 * Where a history call's main-thread time goes: a V8 CPU profile (CDP Profiler, 50 µs sampling)
 * around the call, its samples' self time summed by kind: Lamplight's code (the bench bundle,
 * named by its sourceURL), the page's own app (the options or popup chunks), garbage collection,
 * "(program)" (native work outside JS: IPC, storage replies' deserialisation, style, layout), and
 * other JS (builtins, Playwright's evaluate glue).
 */
import type { CDPSession } from 'playwright-core';

export const BENCH_SOURCE_URL = 'lamplight-history-bench.js';

type Node = { id: number; callFrame: { functionName: string; url: string } };
type CpuProfile = { nodes: Node[]; samples?: number[]; timeDeltas?: number[]; startTime: number; endTime: number };

export type Breakdown = Record<'lamplight' | 'app' | 'gc' | 'program' | 'other', number>;

function kind(frame: Node['callFrame']): keyof Breakdown | null {
  const { functionName: name, url } = frame;
  if (name === '(idle)' || name === '(root)') return null;
  if (name === '(garbage collector)') return 'gc';
  if (name === '(program)') return 'program';
  if (url.endsWith(BENCH_SOURCE_URL)) return 'lamplight';
  if (/^chrome-extension:\/\/[^/]+\/chunks\//.test(url)) return 'app';
  return 'other';
}

/** `run` inside a CPU profile; the self time (ms) of its samples by kind. */
export async function profiled(cdp: CDPSession, run: () => Promise<unknown>): Promise<Breakdown> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  await run();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const out: Breakdown = { lamplight: 0, app: 0, gc: 0, program: 0, other: 0 };
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // A sample's time is the delta to the next one.
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i]!);
    const k = node ? kind(node.callFrame) : null;
    if (k) out[k] += (deltas[i + 1] ?? 0) / 1000;
  }
  return out;
}

/** The per-kind medians of several profiles, as a note: "Lamplight 0.4, app 0.0, GC 0.1, program 3.2, other 0.5 ms". */
export function describeBreakdown(list: readonly Breakdown[]): string {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const m = (k: keyof Breakdown) => median(list.map((b) => b[k])).toFixed(2);
  return `CPU profile self time (median of ${list.length}): Lamplight's code ${m('lamplight')}, the page's app ${m('app')}, GC ${m('gc')}, native "(program)" ${m('program')}, other JS ${m('other')} ms`;
}
