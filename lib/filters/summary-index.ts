/**
 * Summary patterns: each matches when it occurs as a word sequence inside the summary (see
 * `summaryRegExp` in pattern.ts). An Aho-Corasick pass finds the summaries that contain a
 * pattern's longest literal; only those candidates run the full check (`wordGlobFind`).
 * ASCII summaries are scanned raw, and normalized only when a candidate turns up.
 */

import type { HitSet } from './hits';
import { longestSegment, normalize, normalizePattern, wordGlobFind } from './pattern';
import { KeyTrie } from './trie';

interface Entry {
  rule: number;
  segments: readonly string[];
  seen: number;
}

export class SummaryIndex {
  private readonly contains = new KeyTrie<Entry>('contains');
  private call = 0;
  private raw = '';
  /** normalize(raw), computed only once a candidate needs checking */
  private value: string | null = null;
  private hits: HitSet | null = null;
  private readonly emit = (entry: Entry): void => {
    if (entry.seen === this.call) return;
    entry.seen = this.call;
    this.value ??= normalize(this.raw);
    if (wordGlobFind(entry.segments, this.value)) this.hits!.add(entry.rule);
  };
  size = 0;

  /** Adds a raw pattern; false (and ignored) when it has no literal text: it never matches. */
  add(pattern: string, rule: number): boolean {
    const segments = normalizePattern(pattern).split('*');
    const key = longestSegment(segments);
    if (key === '') return false;
    this.contains.add(key, { rule, segments, seen: 0 });
    this.size++;
    return true;
  }

  build(): void {
    this.contains.build();
  }

  /** Adds to `hits` every rule whose pattern occurs in the (raw, not yet normalized) summary. */
  match(summary: string, hits: HitSet): void {
    this.call++;
    this.raw = summary;
    this.value = null;
    this.hits = hits;
    if (!this.contains.findRaw(summary, this.emit)) {
      this.value ??= normalize(summary);
      this.contains.find(this.value, this.emit);
    }
    this.hits = null;
    this.value = null;
  }
}
