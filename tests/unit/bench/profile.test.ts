/**
 * The bench's profile pieces: the source map reader against a map esbuild writes, the CPU profile
 * put back together from trace events, and the attribution of samples to parts, phases and entries.
 */
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../bench/browser';
import { attribute, partOf } from '../../../bench/profile/attribute';
import { threadProfile } from '../../../bench/profile/cpu-profile';
import { SourceMap } from '../../../bench/profile/source-map';

const SOURCES: Record<string, string> = {
  'lib/i18n.ts': "export function message() {\n  return 'FROM-I18N';\n}\n",
  'entrypoints/content/filtering/scan.ts':
    "import { message } from '../../../lib/i18n';\n\nexport function scan() {\n  return message() + 'FROM-SCAN';\n}\n",
  'entry.ts': "import { scan } from './entrypoints/content/filtering/scan';\n(globalThis as any).out = scan();\n",
};

/** Bundles SOURCES minified into one line, with its source map. */
async function bundle(): Promise<{ code: string; map: SourceMap }> {
  const result = await build({
    stdin: { contents: SOURCES['entry.ts']!, resolveDir: '/virtual', sourcefile: 'entry.ts', loader: 'ts' },
    bundle: true,
    minify: true,
    write: false,
    sourcemap: 'external',
    outfile: '/virtual/out.js',
    plugins: [
      {
        name: 'virtual',
        setup(b) {
          b.onResolve({ filter: /./ }, (args) => {
            const file = new URL(`${args.path}.ts`, `file://${args.resolveDir}/`).pathname.replace(/^\/virtual\//, '');
            return { path: file, namespace: 'virtual' };
          });
          b.onLoad({ filter: /./, namespace: 'virtual' }, (args) => ({
            contents: SOURCES[args.path],
            loader: 'ts',
            resolveDir: path.posix.dirname(`/virtual/${args.path}`),
          }));
        },
      },
    ],
  });
  const code = result.outputFiles.find((f) => f.path.endsWith('.js'))!.text;
  const raw = JSON.parse(result.outputFiles.find((f) => f.path.endsWith('.map'))!.text);
  return { code, map: new SourceMap(raw, /^virtual:/) };
}

describe('SourceMap', () => {
  it('maps a generated position back to its source file and line', async () => {
    const { code, map } = await bundle();
    const line = code.split('\n').findIndex((l) => l.includes('FROM-I18N'));
    const text = code.split('\n')[line]!;
    expect(map.lookup(line, text.indexOf('FROM-I18N'))).toMatchObject({ source: 'lib/i18n.ts', line: 2 });
    expect(map.lookup(line, text.indexOf('FROM-SCAN'))).toMatchObject({ source: 'entrypoints/content/filtering/scan.ts', line: 4 });
    // Back to line 2 of another file: a negative line delta in the mappings.
    expect(map.lookup(line, text.indexOf('.out='))).toMatchObject({ source: 'entry.ts', line: 2 });
  });

  it('says null where nothing maps, and refuses other versions', async () => {
    const { map } = await bundle();
    expect(map.lookup(999, 0)).toBeNull();
    expect(() => new SourceMap({ version: 2, sources: [], names: [], mappings: '' }, /^/)).toThrow('version 2');
  });
});

describe('partOf', () => {
  it.each([
    ['lib/i18n.ts', 'i18n: browser.i18n messages through t()'],
    ['lib/storage/rules.ts', 'storage: lib/storage and WXT storage'],
    ['node_modules/@wxt-dev/storage/dist/index.mjs', 'storage: lib/storage and WXT storage'],
    ['node_modules/webextension-polyfill/dist/browser-polyfill.js', 'webextension-polyfill'],
    ['lib/sites/ao3-blurbs.ts', 'site adapters: reading the page'],
    ['lib/filters/engine.ts', 'filter engine: compiling and matching rules'],
    ['entrypoints/content/filtering/index.ts', 'filtering: observer, judging, placeholders'],
    ['lib/bookmarks/record.ts', 'bookmarks'],
    ['entrypoints/content/reader/session.ts', 'reader'],
    ['entrypoints/content/run.ts', 'content entry and page buttons'],
    ['entrypoints/ao3.content.ts', 'content entry and page buttons'],
    ['lib/messages.ts', 'other: lib/messages.ts'],
  ])('%s is %s', (source, part) => {
    expect(partOf(source)).toBe(part);
  });
});

const SCRIPT = 'chrome-extension://abc/content-scripts/ao3.js';

/** A renderer main thread's profile: root → (program) | top level → scan → getMessage (native), and a page script. */
function traceEvents(): TraceEvent[] {
  const frame = (functionName: string, url = '', columnNumber = 0) => ({ functionName, url, lineNumber: 0, columnNumber });
  const nodes = [
    { id: 1, callFrame: frame('(root)') },
    { id: 2, callFrame: frame('(program)'), parent: 1 },
    { id: 3, callFrame: frame('', SCRIPT, 0), parent: 1 },
    { id: 4, callFrame: frame('s', SCRIPT, 20), parent: 3 },
    { id: 5, callFrame: frame('getMessage'), parent: 4 },
    { id: 6, callFrame: frame('pageScript', 'https://archiveofourown.org/x.js'), parent: 1 },
  ];
  const base = { cat: 'disabled-by-default-v8.cpu_profiler', pid: 7, id: '0x1' };
  return [
    { ...base, name: 'Profile', ph: 'P', tid: 70, ts: 1000, args: { data: { startTime: 1000 } } },
    // Chunks come from the profiler's own thread.
    {
      ...base,
      name: 'ProfileChunk',
      ph: 'P',
      tid: 71,
      ts: 1100,
      args: { data: { cpuProfile: { nodes: nodes.slice(0, 4), samples: [2, 3, 3] }, timeDeltas: [100, 200, 200] } },
    },
    {
      ...base,
      name: 'ProfileChunk',
      ph: 'P',
      tid: 71,
      ts: 2000,
      args: { data: { cpuProfile: { nodes: nodes.slice(4), samples: [5, 4, 6, 2] }, timeDeltas: [200, 200, 200, 200] } },
    },
    // Another thread's profile in the same process, with another id: not mixed in.
    { ...base, id: '0x2', name: 'ProfileChunk', ph: 'P', tid: 72, ts: 1200, args: { data: { cpuProfile: { nodes: [], samples: [99] }, timeDeltas: [5] } } },
  ];
}

/** The generated columns map to: 0 → the bundle wrapper (unmapped), 20 → lib/i18n.ts:3 `t`. */
const MAP = { lookup: (_line: number, column: number) => (column === 20 ? { source: 'lib/i18n.ts', line: 3, name: 't' } : null) } as unknown as SourceMap;

describe('threadProfile and attribute', () => {
  it('puts the chunks of the thread’s profile back together, with a time per sample', () => {
    const profile = threadProfile(traceEvents(), 7, 70)!;
    expect(profile.samples.map((s) => s.node)).toEqual([2, 3, 3, 5, 4, 6, 2]);
    expect(profile.samples.map((s) => s.ts)).toEqual([1100, 1300, 1500, 1700, 1900, 2100, 2300]);
    // Each sample stands for the gap to the next (the last one for the typical gap): 0.2 ms each.
    expect(profile.samples.map((s) => s.ms)).toEqual([0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2]);
    expect(threadProfile(traceEvents(), 7, 99)).toBeNull();
  });

  it('counts each content-script sample for its innermost frame’s part, its phase and its outermost frame', () => {
    const profile = threadProfile(traceEvents(), 7, 70)!;
    const breakdown = attribute(profile, SCRIPT, MAP, { start: 1250, end: 1550 });
    // Ours: samples at 1300, 1500 (top level), 1700 (getMessage under t), 1900 (t): 4 × 0.2 ms.
    expect(breakdown.total).toBeCloseTo(0.8);
    expect(breakdown.startUp).toBeCloseTo(0.4);
    expect(breakdown.afterStartUp).toBeCloseTo(0.4);
    expect(Object.fromEntries(breakdown.parts)).toEqual({
      "the bundle's top level (unmapped)": expect.closeTo(0.4),
      'i18n: browser.i18n messages through t()': expect.closeTo(0.4),
    });
    expect([...breakdown.entries.keys()]).toEqual(["the bundle's top level (unmapped)"]);
  });
});
