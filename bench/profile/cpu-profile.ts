/**
 * The V8 CPU profile a Chromium trace carries (category `disabled-by-default-v8.cpu_profiler`):
 * `Profile` and `ProfileChunk` events (the chunks come from the profiler's own thread, tied to the
 * profile by its id), put back together for one thread as samples with their stacks.
 */
import type { TraceEvent } from '../browser';

export interface CallFrame {
  functionName: string;
  url?: string;
  lineNumber?: number;
  columnNumber?: number;
}

export interface ProfileNode {
  callFrame: CallFrame;
  parent?: number;
}

export interface Sample {
  /** Trace timestamp, µs. */
  ts: number;
  /** Time the sample stands for: the gap to the next sample (capped), ms. */
  ms: number;
  node: number;
}

export interface ThreadProfile {
  nodes: Map<number, ProfileNode>;
  samples: Sample[];
}

/** The profile of the thread `tid` of process `pid`, or null when the trace has none. */
export function threadProfile(events: readonly TraceEvent[], pid: number, tid: number): ThreadProfile | null {
  const start = events.find((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid);
  if (!start) return null;
  const chunks = events.filter((e) => e.name === 'ProfileChunk' && e.pid === pid && e.id === start.id);
  const nodes = new Map<number, ProfileNode>();
  const ids: number[] = [];
  const times: number[] = [];
  let ts = Number(start.args?.data?.startTime ?? start.ts);
  for (const chunk of chunks) {
    const data = chunk.args?.data ?? {};
    for (const node of data.cpuProfile?.nodes ?? []) nodes.set(node.id, { callFrame: node.callFrame, parent: node.parent });
    const samples: number[] = data.cpuProfile?.samples ?? [];
    const deltas: number[] = data.timeDeltas ?? [];
    samples.forEach((id, i) => {
      ts += deltas[i] ?? 0;
      ids.push(id);
      times.push(ts);
    });
  }
  if (ids.length < 2) return null;
  const gaps = times.slice(1).map((t, i) => t - times[i]!);
  const typical = [...gaps].sort((a, b) => a - b)[gaps.length >> 1]!;
  const samples = ids.map((node, i) => ({ ts: times[i]!, node, ms: Math.min(gaps[i] ?? typical, typical * 4) / 1000 }));
  return { nodes, samples };
}

/** The sample's stack, innermost frame first. */
export function* stackOf(profile: ThreadProfile, node: number): Generator<CallFrame> {
  for (let id: number | undefined = node; id !== undefined; id = profile.nodes.get(id)?.parent) {
    const found = profile.nodes.get(id);
    if (!found) return;
    yield found.callFrame;
  }
}
