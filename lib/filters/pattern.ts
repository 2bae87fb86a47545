/**
 * Text normalization and filter-pattern compilation.
 *
 * A pattern is matched against the WHOLE normalized value; `*` matches any run of characters
 * (including none). Nothing else is special: `.`, `+`, `(`, `[`… are literal. AO3 forbids `*`
 * in tag names, so there is no escape for a literal star.
 */

const SPACES = /\s+/g;

/** Printable ASCII, no space at either end, no two spaces in a row: already NFKC and tidy. */
function isTidyAscii(text: string): boolean {
  const n = text.length;
  if (n > 0 && (text.charCodeAt(0) === 32 || text.charCodeAt(n - 1) === 32)) return false;
  let space = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (space) return false;
      space = true;
    } else if (c < 0x21 || c > 0x7e) return false;
    else space = false;
  }
  return true;
}

/**
 * Case-insensitive, whitespace-collapsed, Unicode NFKC form of a value or pattern.
 * Locale-free: `toLowerCase`, never `toLocaleLowerCase` (a Turkish browser must not change results).
 */
export function normalize(text: string): string {
  if (isTidyAscii(text)) return text.toLowerCase();
  return text.normalize('NFKC').toLowerCase().replace(SPACES, ' ').trim();
}

/** normalize(), and runs of `*` become one `*` (they mean the same). */
export function normalizePattern(pattern: string): string {
  return normalize(pattern).replace(/\*{2,}/g, '*');
}

/** The pattern as a reader should see it again: trimmed, inner whitespace collapsed, case kept. */
export function tidyPattern(pattern: string): string {
  return pattern.replace(SPACES, ' ').trim();
}

export type CompiledPattern =
  /** No star: whole-value equality. */
  | { kind: 'exact'; text: string }
  /** Only stars (or empty): rejected by validation, and never matches in the engine. */
  | { kind: 'none' }
  /**
   * At least one star. `segments` is the pattern split at `*`: the first must be a prefix of
   * the value, the last a suffix, the middle ones occur in order in between.
   * `*angst*` → ['', 'angst', ''].
   */
  | { kind: 'glob'; segments: readonly string[] };

/** Compile a raw (not yet normalized) pattern once. */
export function compilePattern(pattern: string): CompiledPattern {
  const text = normalizePattern(pattern);
  if (!text.includes('*')) return text === '' ? { kind: 'none' } : { kind: 'exact', text };
  const segments = text.split('*');
  if (segments.every((s) => s === '')) return { kind: 'none' };
  return { kind: 'glob', segments };
}

/** True when a pattern has something other than `*` and whitespace in it. */
export function hasLiteral(pattern: string): boolean {
  return /[^*\s]/u.test(normalizePattern(pattern));
}

/**
 * Whole-value glob match on an already normalized value. Greedy leftmost placement of the middle
 * segments is exact for star-only globs, so this never backtracks.
 */
export function globMatch(segments: readonly string[], value: string): boolean {
  const n = segments.length;
  const first = segments[0] ?? '';
  if (n === 1) return value === first;
  const last = segments[n - 1] ?? '';
  const end = value.length - last.length;
  if (end < first.length || !value.startsWith(first) || !value.endsWith(last)) return false;
  let pos = first.length;
  for (let i = 1; i < n - 1; i++) {
    const seg = segments[i] ?? '';
    if (seg === '') continue;
    const at = value.indexOf(seg, pos);
    if (at < 0 || at + seg.length > end) return false;
    pos = at + seg.length;
  }
  return true;
}

/** Whole-value match of a compiled pattern against a normalized value. */
export function matchCompiled(compiled: CompiledPattern, value: string): boolean {
  switch (compiled.kind) {
    case 'exact':
      return value === compiled.text;
    case 'glob':
      return globMatch(compiled.segments, value);
    case 'none':
      return false;
  }
}

/** Escape every RegExp syntax character (valid in `u` mode too). */
export function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/** RegExp source of a pattern's body (no anchors): literals escaped, `*` → `.*`. */
export function patternToRegExpSource(pattern: string): string {
  return normalizePattern(pattern).split('*').map(escapeRegExp).join('.*');
}

/** Letters, digits, combining marks and `_`: what counts as "inside a word" for summaries. */
const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;
/** A position that is not strictly inside a word (word start/end, or next to punctuation/space). */
const EDGE = `(?:(?<!${WORD_CHAR.source})|(?!${WORD_CHAR.source}))`;

/*
 * Summary rules. A whole-value match against a summary would be useless (nobody types a whole
 * summary), so a summary pattern matches when it occurs INSIDE the normalized summary as a word
 * sequence: it may not start or end in the middle of a word. `the end` matches "… to the end."
 * but not "… the endless night"; `*end` matches "weekend" but `end` does not. `*` still
 * matches any run of characters, across words.
 */

/** The summary rule as one RegExp (what the naive baseline runs; the engine uses `wordGlobFind`). */
export function summaryRegExp(pattern: string): RegExp {
  return new RegExp(`${EDGE}${patternToRegExpSource(pattern)}${EDGE}`, 'u');
}

function isWordCode(code: number): boolean {
  if (code < 0x80) {
    return (
      (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || code === 0x5f
    );
  }
  return WORD_CHAR.test(String.fromCodePoint(code));
}

/** Position `i` of `text` is not strictly inside a word (same test as the RegExp's EDGE). */
export function isWordEdge(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return true;
  let before = text.charCodeAt(i - 1);
  if (before >= 0xdc00 && before <= 0xdfff && i >= 2) before = text.codePointAt(i - 2) ?? before;
  if (!isWordCode(before)) return true;
  return !isWordCode(text.codePointAt(i) ?? 0);
}

/**
 * Summary-rule match without backtracking: does the glob (`segments`, split at `*`) occur in
 * the normalized `text` starting and ending at word edges? The earliest valid start is always
 * the best one (a later start only leaves less room), and after it the middle segments are
 * placed leftmost; only the last segment needs its occurrences tried until one ends at an edge.
 */
export function wordGlobFind(segments: readonly string[], text: string): boolean {
  const n = segments.length;
  const first = segments[0] ?? '';
  if (n === 1) {
    for (let at = text.indexOf(first); at >= 0; at = text.indexOf(first, at + 1)) {
      if (isWordEdge(text, at) && isWordEdge(text, at + first.length)) return true;
    }
    return false;
  }
  let pos: number;
  if (first === '') pos = 0;
  else {
    let at = text.indexOf(first);
    while (at >= 0 && !isWordEdge(text, at)) at = text.indexOf(first, at + 1);
    if (at < 0) return false;
    pos = at + first.length;
  }
  for (let i = 1; i < n - 1; i++) {
    const seg = segments[i] ?? '';
    if (seg === '') continue;
    const at = text.indexOf(seg, pos);
    if (at < 0) return false;
    pos = at + seg.length;
  }
  const last = segments[n - 1] ?? '';
  if (last === '') return true; // the end of the text is an edge
  for (let at = text.indexOf(last, pos); at >= 0; at = text.indexOf(last, at + 1)) {
    if (isWordEdge(text, at + last.length)) return true;
  }
  return false;
}

/** The longest literal run of a glob: every match of the glob contains it. */
export function longestSegment(segments: readonly string[]): string {
  let best = '';
  for (const s of segments) if (s.length > best.length) best = s;
  return best;
}
