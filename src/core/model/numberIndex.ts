/**
 * Whole numbers by group (group, number) → a positive integer, in typed arrays: no object per
 * entry, so indexing 100,000 rows leaves nothing for the collector to copy (serial.*'s numbers
 * seen, by run). Numbers are doubles: a serial cell may hold any whole number.
 */
export class NumberIndex {
  private groups: Int32Array;
  private numbers: Float64Array;
  /** 0 marks a free slot. */
  private values: Int32Array;
  private size = 0;

  constructor(expected = 0) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.groups = new Int32Array(cap);
    this.numbers = new Float64Array(cap);
    this.values = new Int32Array(cap);
  }

  get(group: number, n: number): number | undefined {
    const j = this.slot(group, n);
    return this.values[j] === 0 ? undefined : this.values[j];
  }

  /** `value` ≥ 1. */
  set(group: number, n: number, value: number): void {
    if ((this.size + 1) * 2 > this.values.length) this.grow();
    const j = this.slot(group, n);
    if (this.values[j] === 0) this.size++;
    this.groups[j] = group;
    this.numbers[j] = n;
    this.values[j] = value;
  }

  /** Where (group, n) is, or the free slot where it would go (linear probing). */
  private slot(group: number, n: number): number {
    const mask = this.values.length - 1;
    // Both halves of the number: 原始序号 such as 1047 and 4294968343 must not share a slot chain.
    const lo = n % 4294967296 | 0;
    const hi = (n / 4294967296) | 0;
    let j = (Math.imul(lo ^ (lo >>> 16), 0x85ebca6b) ^ Math.imul(hi + group * 0x9e3779b1, 0xc2b2ae35)) & mask;
    while (this.values[j] !== 0 && !(this.numbers[j] === n && this.groups[j] === group)) j = (j + 1) & mask;
    return j;
  }

  private grow(): void {
    const { groups, numbers, values } = this;
    this.groups = new Int32Array(values.length * 2);
    this.numbers = new Float64Array(values.length * 2);
    this.values = new Int32Array(values.length * 2);
    this.size = 0;
    for (let j = 0; j < values.length; j++) if (values[j] !== 0) this.set(groups[j]!, numbers[j]!, values[j]!);
  }
}
