/**
 * Where the content script's sampled time goes: each sample whose stack holds a frame of the
 * content script counts for the innermost such frame's source file (native calls such as
 * `getMessage` or `querySelectorAll` count for the code that made them), grouped into parts of
 * Lamplight, for the phase it fell in, and for the outermost such frame (the entry point).
 */
import { stackOf, type CallFrame, type ThreadProfile } from './cpu-profile';
import type { SourceMap, SourcePosition } from './source-map';

/** Parts of Lamplight, by source path; the first that matches names a file's part. */
const PARTS: readonly [RegExp, string][] = [
  [/^lib\/i18n\.ts$/, 'i18n: browser.i18n messages through t()'],
  [/^lib\/storage\/|^node_modules\/(@wxt-dev\/storage|superlock)\//, 'storage: lib/storage and WXT storage'],
  [/^node_modules\/(webextension-polyfill|@wxt-dev\/webextension-polyfill|@wxt-dev\/browser)\//, 'webextension-polyfill'],
  [/^lib\/sites\//, 'site adapters: reading the page'],
  [/^lib\/filters\//, 'filter engine: compiling and matching rules'],
  [/^entrypoints\/content\/filtering\//, 'filtering: observer, judging, placeholders'],
  [/^(entrypoints\/content\/bookmarks|lib\/bookmarks)\//, 'bookmarks'],
  [/^(entrypoints\/content\/reader|lib\/reader)\//, 'reader'],
  [/^(entrypoints\/content\/history|lib\/history)\//, 'reading history'],
  [/^entrypoints\/(content\/|[\w-]+\.content\.ts$)/, 'content entry and page buttons'],
  [/^node_modules\/wxt\//, 'WXT runtime'],
];

/** Frames no source map segment covers: the bundle's own wrapper around the modules. */
const UNMAPPED = 'the bundle\'s top level (unmapped)';

export function partOf(source: string): string {
  return PARTS.find(([pattern]) => pattern.test(source))?.[1] ?? `other: ${source.replace(/^node_modules\//, '')}`;
}

export interface Breakdown {
  /** Every sample with a content-script frame, ms. */
  total: number;
  startUp: number;
  afterStartUp: number;
  /** ms per part of Lamplight. */
  parts: Map<string, number>;
  /** ms per entry point, `file:line function`. */
  entries: Map<string, number>;
}

export interface Window {
  /** µs, trace clock: the script's top-level evaluation. */
  start: number;
  end: number;
}

const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);

export function attribute(profile: ThreadProfile, scriptUrl: string, map: SourceMap, startUp: Window | null): Breakdown {
  const breakdown: Breakdown = { total: 0, startUp: 0, afterStartUp: 0, parts: new Map(), entries: new Map() };
  const positions = new Map<CallFrame, SourcePosition | null>();
  const position = (frame: CallFrame) => {
    if (!positions.has(frame)) positions.set(frame, map.lookup(frame.lineNumber ?? 0, frame.columnNumber ?? 0));
    return positions.get(frame) ?? null;
  };
  for (const sample of profile.samples) {
    let inner: CallFrame | null = null;
    let outer: CallFrame | null = null;
    for (const frame of stackOf(profile, sample.node)) {
      if (frame.url !== scriptUrl) continue;
      inner ??= frame;
      outer = frame;
    }
    if (!inner || !outer) continue;
    breakdown.total += sample.ms;
    if (startUp && sample.ts >= startUp.start && sample.ts <= startUp.end) breakdown.startUp += sample.ms;
    else breakdown.afterStartUp += sample.ms;
    const innerPosition = position(inner);
    add(breakdown.parts, innerPosition ? partOf(innerPosition.source) : UNMAPPED, sample.ms);
    const entry = position(outer);
    add(breakdown.entries, entry ? `${entry.source}:${entry.line} ${entry.name ?? outer.functionName}`.trim() : UNMAPPED, sample.ms);
  }
  return breakdown;
}
