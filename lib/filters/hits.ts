/** The set of rules (by index) that matched one work: O(1) add and reset, no allocation per work. */
export class HitSet {
  private stamp: Uint32Array;
  private gen = 1;
  /** Rule indexes added since the last reset, in the order they were found. */
  readonly list: number[] = [];

  constructor(size: number) {
    this.stamp = new Uint32Array(size);
  }

  reset(): void {
    this.list.length = 0;
    if (++this.gen === 0xffffffff) {
      this.stamp.fill(0);
      this.gen = 1;
    }
  }

  has(index: number): boolean {
    return this.stamp[index] === this.gen;
  }

  add(index: number): void {
    if (this.stamp[index] === this.gen) return;
    this.stamp[index] = this.gen;
    this.list.push(index);
  }
}
