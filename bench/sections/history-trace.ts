/**
 * The main-thread time of one call in an extension page, from a Chromium trace, split in two: the
 * browser drawing what the call changed (style, layout, paint and the rest of the frame's
 * rendering) and everything else (the call's own JavaScript and DOM work, storage replies, the
 * measuring's glue). The trace runs over the call and the frame after it, so the drawing is always
 * inside the window and never left to chance.
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterNextFrame, traceDuring, type TraceEvent } from '../browser';
import { unionMs } from '../context';

/** Top-level rendering phases of a frame (devtools.timeline names) on the renderer's main thread. */
const RENDERING = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'UpdateLayer', 'UpdateLayerTree', 'CompositeLayers']);
const CATEGORIES = ['devtools.timeline', 'toplevel', '__metadata'];

export interface CallTime {
  /** Main-thread task time, in ms. */
  total: number;
  /** Of it, the rendering phases, in ms. */
  rendering: number;
}

/** The main thread of the renderer that hosts `frameId` (its events name the frame). */
function mainThreadOf(events: readonly TraceEvent[], frameId: string): TraceEvent[] {
  const named = events.find((e) => e.args?.data?.frame === frameId || e.args?.beginData?.frame === frameId);
  if (!named) throw new Error('the trace has no event of the page');
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === named.pid && e.args?.name === 'CrRendererMain');
  const tid = main?.tid ?? named.tid;
  return events.filter((e) => e.pid === named.pid && e.tid === tid && e.ph === 'X');
}

export async function frameIdOf(cdp: CDPSession): Promise<string> {
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  return frameTree.frame.id;
}

/** `run` and the frame after it, traced: the page's main-thread time and its rendering part. */
export async function tracedCall(cdp: CDPSession, page: Page, frameId: string, run: () => Promise<unknown>): Promise<CallTime> {
  const events = await traceDuring(cdp, CATEGORIES, async () => {
    await run();
    await afterNextFrame(page);
  });
  const main = mainThreadOf(events, frameId);
  const tasks = main.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  return { total: unionMs(tasks), rendering: unionMs(main.filter((e) => RENDERING.has(e.name))) };
}
