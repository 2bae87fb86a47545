/**
 * Literal-key lookups whose cost is O(length of the value) with a small constant, whatever the
 * number of keys: prefix and suffix tries, and an Aho-Corasick automaton for "contains".
 * Keys are added to a Map-based trie, then `build()` flattens it into one Int32Array of
 * transitions over the alphabet of the keys (a character no key uses is "other").
 */

interface BuildNode {
  next: Map<number, number>;
}

export type TrieMode = 'prefix' | 'suffix' | 'contains';

export class KeyTrie<T> {
  private nodes: BuildNode[] = [{ next: new Map() }];
  private outs: (T[] | null)[] = [null];
  /** char code < 128 → alphabet id (0: no key uses it) */
  private readonly ascii = new Int32Array(128);
  /** The same for raw ASCII text: A-Z read as a-z, every ASCII space as " " (see `findRaw`). */
  private readonly rawAscii = new Int32Array(128);
  private readonly other = new Map<number, number>();
  private width = 1;
  private delta: Int32Array = new Int32Array(0);
  private built = false;
  size = 0;

  /**
   * prefix: keys that start the value; suffix: keys that end it; contains: keys anywhere in it
   * (emitted once per occurrence).
   */
  constructor(private readonly mode: TrieMode) {}

  private letter(code: number): number {
    if (code < 128) return this.ascii[code]!;
    return this.other.get(code) ?? 0;
  }

  add(key: string, item: T): void {
    if (this.built) throw new Error('KeyTrie: add after build');
    let at = 0;
    const n = key.length;
    for (let i = 0; i < n; i++) {
      const code = key.charCodeAt(this.mode === 'suffix' ? n - 1 - i : i);
      if (this.letter(code) === 0) {
        if (code < 128) this.ascii[code] = this.width++;
        else this.other.set(code, this.width++);
      }
      const node = this.nodes[at]!;
      let child = node.next.get(code);
      if (child === undefined) {
        child = this.nodes.length;
        this.nodes.push({ next: new Map() });
        this.outs.push(null);
        node.next.set(code, child);
      }
      at = child;
    }
    (this.outs[at] ??= []).push(item);
    this.size++;
  }

  /** Call once after the last `add`. */
  build(): void {
    if (this.built) return;
    this.built = true;
    const w = this.width;
    const delta = new Int32Array(this.nodes.length * w);
    if (this.mode !== 'contains') {
      // 0 (the root) doubles as "dead": no edge leads back to it.
      this.nodes.forEach((node, s) => {
        for (const [code, child] of node.next) delta[s * w + this.letter(code)] = child;
      });
    } else {
      // Aho-Corasick as a full automaton: a missing edge goes where the failure link's goes.
      const fail = new Int32Array(this.nodes.length);
      const queue: number[] = [];
      for (const [code, child] of this.nodes[0]!.next) {
        delta[this.letter(code)] = child;
        queue.push(child);
      }
      for (let q = 0; q < queue.length; q++) {
        const s = queue[q]!;
        const f = fail[s]!;
        for (let a = 0; a < w; a++) delta[s * w + a] = delta[f * w + a]!;
        for (const [code, child] of this.nodes[s]!.next) {
          const a = this.letter(code);
          const target = delta[f * w + a]!;
          fail[child] = target;
          const inherited = this.outs[target];
          if (inherited) this.outs[child] = (this.outs[child] ?? []).concat(inherited);
          delta[s * w + a] = child;
          queue.push(child);
        }
      }
    }
    if (this.mode === 'contains') {
      // Keys are normalized, so they never hold two spaces in a row: a state reached by a space
      // can loop on more spaces. Normalized text never has two either; raw text read by
      // `findRaw` thereby has its runs of whitespace collapsed for free.
      const space = this.ascii[32]!;
      if (space !== 0) {
        for (const node of this.nodes) {
          const child = node.next.get(32);
          if (child !== undefined) delta[child * w + space] = child;
        }
      }
      for (let c = 0; c < 128; c++) this.rawAscii[c] = this.ascii[c]!;
      for (let c = 65; c <= 90; c++) this.rawAscii[c] = this.ascii[c + 32]!;
      for (const c of [9, 10, 11, 12, 13]) this.rawAscii[c] = space;
    }
    // Store row offsets (state × width) instead of states, negated (−offset − 1) when the
    // target state has items: one array read per character, and a sign test.
    for (let i = 0; i < delta.length; i++) {
      const target = delta[i]!;
      delta[i] = this.outs[target] ? -target * w - 1 : target * w;
    }
    this.delta = delta;
    this.nodes = []; // only the flat table is needed from now on
  }

  /** Calls `emit` for every item whose key is found in `value` (see the constructor). */
  find(value: string, emit: (item: T) => void): void {
    if (!this.built) this.build();
    const { delta, width: w, outs, ascii, other } = this;
    const n = value.length;
    const contains = this.mode === 'contains';
    const reversed = this.mode === 'suffix';
    let row = 0;
    for (let i = 0; i < n; i++) {
      const code = value.charCodeAt(reversed ? n - 1 - i : i);
      const next = delta[row + (code < 128 ? ascii[code]! : (other.get(code) ?? 0))]!;
      if (next >= 0) {
        if (next === 0 && !contains) return; // prefix/suffix: no key continues this way
        row = next;
      } else {
        row = -next - 1;
        const out = outs[(row / w) | 0]!;
        for (let k = 0; k < out.length; k++) emit(out[k]!);
      }
    }
  }

  /**
   * `contains` only: like `find` on `normalize(raw)`, reading raw ASCII text directly (case
   * folded, whitespace runs collapsed), so a summary with no candidate is never normalized.
   * May also emit for a key that spans the untrimmed ends: callers verify candidates on the
   * normalized text anyway. Returns false at the first non-ASCII character (NFKC could change
   * the text): the caller then normalizes and calls `find`.
   */
  findRaw(raw: string, emit: (item: T) => void): boolean {
    if (!this.built) this.build();
    if (this.mode !== 'contains') throw new Error('KeyTrie: findRaw needs contains mode');
    const { delta, width: w, outs, rawAscii } = this;
    const n = raw.length;
    let row = 0;
    for (let i = 0; i < n; i++) {
      const code = raw.charCodeAt(i);
      if (code >= 128) return false;
      const next = delta[row + rawAscii[code]!]!;
      if (next >= 0) row = next;
      else {
        row = -next - 1;
        const out = outs[(row / w) | 0]!;
        for (let k = 0; k < out.length; k++) emit(out[k]!);
      }
    }
    return true;
  }
}
