/**
 * Reading a source map (version 3) far enough to say which source file and function a generated
 * position belongs to. The maps are our own build's (`LAMPLIGHT_SOURCEMAP=hidden wxt build`).
 */
import { readFileSync } from 'node:fs';

export interface SourcePosition {
  /** Source path relative to the repository, e.g. `lib/i18n.ts` or `node_modules/wxt/...`. */
  source: string;
  line: number;
  name: string | null;
}

interface RawMap {
  version: number;
  sources: string[];
  names: string[];
  mappings: string;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((char, value) => [char, value]));

/** The base64 VLQ numbers of one mapping segment. */
function decodeSegment(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = DIGIT.get(char);
    if (digit === undefined) throw new Error(`bad source map character ${JSON.stringify(char)}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
}

/** Per generated line: [column, source, line, name] sorted by column (name -1 when none). */
type Line = [number, number, number, number][];

export class SourceMap {
  private readonly lines: Line[] = [];
  private readonly sources: string[];
  private readonly names: string[];

  constructor(raw: RawMap, sourcePrefix: RegExp) {
    if (raw.version !== 3) throw new Error(`source map version ${raw.version}, expected 3`);
    this.sources = raw.sources.map((source) => source.replace(sourcePrefix, ''));
    this.names = raw.names;
    let source = 0;
    let line = 0;
    let name = 0;
    for (const text of raw.mappings.split(';')) {
      const segments: Line = [];
      let column = 0;
      for (const segment of text.split(',')) {
        if (!segment) continue;
        const [dColumn = 0, dSource, dLine = 0, , dName] = decodeSegment(segment);
        column += dColumn;
        if (dSource === undefined) continue;
        source += dSource;
        line += dLine;
        let nameIndex = -1;
        if (dName !== undefined) nameIndex = name += dName;
        segments.push([column, source, line, nameIndex]);
      }
      this.lines.push(segments);
    }
  }

  static read(file: string, sourcePrefix: RegExp): SourceMap {
    return new SourceMap(JSON.parse(readFileSync(file, 'utf8')) as RawMap, sourcePrefix);
  }

  /** The source position of a 0-based generated line and column, or null where nothing maps. */
  lookup(line: number, column: number): SourcePosition | null {
    const segments = this.lines[line];
    if (!segments?.length) return null;
    let lo = 0;
    let hi = segments.length - 1;
    if (segments[0]![0] > column) return null;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segments[mid]![0] <= column) lo = mid;
      else hi = mid - 1;
    }
    const [, source, sourceLine, name] = segments[lo]!;
    return { source: this.sources[source] ?? '?', line: sourceLine + 1, name: name >= 0 ? (this.names[name] ?? null) : null };
  }
}
