/**
 * All the patterns that look at one kind of value, compiled once into lookups whose cost per
 * value is about the value's length, not the number of patterns:
 * - exact patterns: one Map lookup;
 * - `abc*…`: a prefix trie on the first literal; `…*abc`: a suffix trie on the last literal;
 * - `*abc*…*`: an Aho-Corasick automaton on the longest literal;
 * a full glob check runs only for candidates whose key literal was found, and only when the key
 * does not already say everything (`abc*`, `*abc`, `*abc*` need no check).
 */

import { globMatch, longestSegment, type CompiledPattern } from './pattern';
import { KeyTrie } from './trie';

interface Entry {
  rule: number;
  /** Glob to confirm a candidate with, or null when finding the key is already a match. */
  verify: readonly string[] | null;
  /** Number of the last `match` call that looked at this entry (a key can occur twice). */
  seen: number;
}

/** Shared empty answer (never mutated; not frozen, so every answer is the same kind of array). */
const NONE: readonly number[] = [];

export class PatternIndex {
  private readonly exact = new Map<string, number[]>();
  private readonly prefix = new KeyTrie<Entry>('prefix');
  private readonly suffix = new KeyTrie<Entry>('suffix');
  private readonly contains = new KeyTrie<Entry>('contains');
  private call = 0;
  private value = '';
  private found: number[] = [];
  private readonly emit = (entry: Entry): void => {
    if (entry.seen === this.call) return;
    entry.seen = this.call;
    if (entry.verify === null || globMatch(entry.verify, this.value)) this.found.push(entry.rule);
  };
  size = 0;

  /** Adds a compiled pattern for rule number `rule`; `none` patterns are ignored (never match). */
  add(pattern: CompiledPattern, rule: number): void {
    if (pattern.kind === 'none') return;
    this.size++;
    if (pattern.kind === 'exact') {
      const list = this.exact.get(pattern.text);
      if (list) list.push(rule);
      else this.exact.set(pattern.text, [rule]);
      return;
    }
    const segs = pattern.segments;
    const n = segs.length;
    const first = segs[0] ?? '';
    const last = segs[n - 1] ?? '';
    if (first !== '') {
      this.prefix.add(first, { rule, verify: n === 2 && last === '' ? null : segs, seen: 0 });
    } else if (last !== '') {
      this.suffix.add(last, { rule, verify: n === 2 ? null : segs, seen: 0 });
    } else {
      this.contains.add(longestSegment(segs), { rule, verify: n === 3 ? null : segs, seen: 0 });
    }
  }

  /** Call once after the last `add`. */
  build(): void {
    this.prefix.build();
    this.suffix.build();
    this.contains.build();
  }

  /** The rules whose pattern matches the normalized `value` (each once; a new array or NONE). */
  match(value: string): readonly number[] {
    const exact = this.exact.get(value);
    if (!this.prefix.size && !this.suffix.size && !this.contains.size) return exact ?? NONE;
    this.call++;
    this.value = value;
    const found: number[] = (this.found = exact ? exact.slice() : []);
    if (this.prefix.size) this.prefix.find(value, this.emit);
    if (this.suffix.size) this.suffix.find(value, this.emit);
    if (this.contains.size) this.contains.find(value, this.emit);
    this.found = [];
    return found.length ? found : NONE;
  }
}
