import { isPlainId18 } from '../parse/idcard';

/**
 * First rows by 身份证号 key. A 100,000-row table makes a Map of strings the costliest part of its
 * check (every key hashed and compared as text); keys of 17 digits and a digit or X, nearly all
 * of them, are held here as two integers in typed arrays (digits 1–9; digits 10–17 with the check
 * character), without hashing a string. Other keys go to a Map.
 */
export class IdIndex<T> {
  private cap = 1024;
  private hi = new Int32Array(this.cap);
  private lo = new Int32Array(this.cap);
  /** Index into `values` + 1; 0 marks a free slot. */
  private slot = new Int32Array(this.cap);
  private readonly values: T[] = [];
  private readonly other = new Map<string, T>();

  /** The value first stored under `key`; else stores `value` and returns undefined. */
  firstOrAdd(key: string, value: T): T | undefined {
    if (!isPlainId18(key)) {
      const first = this.other.get(key);
      if (first === undefined) this.other.set(key, value);
      return first;
    }
    const hi = digitsAt(key, 0, 9);
    const last = key.charCodeAt(17);
    const lo = digitsAt(key, 9, 17) * 11 + (last === 88 /* X */ ? 10 : last - 48);
    const mask = this.cap - 1;
    let j = hashOf(hi, lo) & mask;
    for (let s = this.slot[j]!; s !== 0; j = (j + 1) & mask, s = this.slot[j]!) {
      if (this.hi[j] === hi && this.lo[j] === lo) return this.values[s - 1];
    }
    this.values.push(value);
    this.hi[j] = hi;
    this.lo[j] = lo;
    this.slot[j] = this.values.length;
    if (this.values.length * 2 > this.cap) this.grow();
    return undefined;
  }

  private grow(): void {
    const { hi, lo, slot } = this;
    this.cap *= 2;
    this.hi = new Int32Array(this.cap);
    this.lo = new Int32Array(this.cap);
    this.slot = new Int32Array(this.cap);
    const mask = this.cap - 1;
    for (let k = 0; k < slot.length; k++) {
      if (slot[k] === 0) continue;
      let j = hashOf(hi[k]!, lo[k]!) & mask;
      while (this.slot[j] !== 0) j = (j + 1) & mask;
      this.hi[j] = hi[k]!;
      this.lo[j] = lo[k]!;
      this.slot[j] = slot[k]!;
    }
  }
}

function digitsAt(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
}

function hashOf(hi: number, lo: number): number {
  return (Math.imul(hi, 0x9e3779b1) ^ Math.imul(lo ^ (lo >>> 15), 0x85ebca6b)) >>> 0;
}
