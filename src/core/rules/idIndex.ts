/**
 * First rows by 身份证号 key. A 100,000-row table makes a Map of strings the costliest part of its
 * check (every key hashed and compared as text); keys of 17 digits and a digit or X, nearly all
 * of them, are held here as two integers in typed arrays (digits 1–9; digits 10–17 with the check
 * character), without hashing a string. Other keys go to a Map.
 */
export class IdIndex<T extends NonNullable<unknown>> {
  private cap: number;
  /**
   * Slots of three integers side by side (digits 1–9; digits 10–17 with the check character;
   * index into `values` + 1, 0 marking a free slot): a probe touches one cache line, not three arrays.
   */
  private table: Int32Array;
  private readonly values: T[] = [];
  private readonly other = new Map<string, T>();

  /** `expected`: about how many keys will come (a table's rows), so the slots are not grown as they do. */
  constructor(expected = 0) {
    let cap = 1024;
    while (cap < expected * 2) cap *= 2;
    this.cap = cap;
    this.table = new Int32Array(cap * 3);
  }

  /** The value first stored under `key`; else stores `value` and returns undefined. */
  firstOrAdd(key: string, value: T): T | undefined {
    const plain = this.firstOrAddPlain(key, value);
    if (plain !== null) return plain;
    const first = this.other.get(key);
    if (first === undefined) this.other.set(key, value);
    return first;
  }

  /**
   * firstOrAdd for a key of 17 ASCII digits and a digit or X; null, storing nothing, for any
   * other key (a caller can then clean it: a raw cell need not be checked twice).
   */
  firstOrAddPlain(key: string, value: T): T | undefined | null {
    // One pass over the characters reads the integers and tells whether the key is 17 digits and a digit or X.
    if (key.length !== 18) return null;
    let hi = 0;
    let body = 0;
    for (let i = 0; i < 17; i++) {
      const d = key.charCodeAt(i) - 48;
      if (!(d >= 0 && d <= 9)) return null;
      if (i < 9) hi = hi * 10 + d;
      else body = body * 10 + d;
    }
    const last = key.charCodeAt(17);
    const check = last === 88 /* X */ ? 10 : last >= 48 && last <= 57 ? last - 48 : -1;
    if (check < 0) return null;
    const lo = body * 11 + check;
    const t = this.table;
    const mask = this.cap - 1;
    let j = hashOf(hi, lo) & mask;
    for (let s = t[j * 3 + 2]!; s !== 0; j = (j + 1) & mask, s = t[j * 3 + 2]!) {
      if (t[j * 3] === hi && t[j * 3 + 1] === lo) return this.values[s - 1];
    }
    this.values.push(value);
    t[j * 3] = hi;
    t[j * 3 + 1] = lo;
    t[j * 3 + 2] = this.values.length;
    if (this.values.length * 2 > this.cap) this.grow();
    return undefined;
  }

  private grow(): void {
    const old = this.table;
    this.cap *= 2;
    const t = (this.table = new Int32Array(this.cap * 3));
    const mask = this.cap - 1;
    for (let k = 0; k < old.length; k += 3) {
      if (old[k + 2] === 0) continue;
      let j = hashOf(old[k]!, old[k + 1]!) & mask;
      while (t[j * 3 + 2] !== 0) j = (j + 1) & mask;
      t[j * 3] = old[k]!;
      t[j * 3 + 1] = old[k + 1]!;
      t[j * 3 + 2] = old[k + 2]!;
    }
  }
}

function hashOf(hi: number, lo: number): number {
  return (Math.imul(hi, 0x9e3779b1) ^ Math.imul(lo ^ (lo >>> 15), 0x85ebca6b)) >>> 0;
}
