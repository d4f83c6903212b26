/**
 * For each index, the first earlier index with the same key, −1 for a key not seen before and
 * for an index without one (`high` < 0). Keys are pairs of integers (a 身份证号's digitsHigh and
 * digitsLow). One tight loop over typed arrays, optimised while it runs; its slots hold indexes
 * only (1 MB for 100,000 keys), compared through `high` and `low`.
 */
export function firstOfPairs(high: Int32Array, low: Int32Array, n: number): Int32Array {
  const first = new Int32Array(n).fill(-1);
  let cap = 1024;
  while (cap < n * 2) cap *= 2;
  const mask = cap - 1;
  const slots = new Int32Array(cap); // index + 1, 0 marking a free slot
  for (let i = 0; i < n; i++) {
    const h = high[i]!;
    if (h < 0) continue;
    const l = low[i]!;
    let j = hashOf(h, l) & mask;
    for (let s = slots[j]!; s !== 0; j = (j + 1) & mask, s = slots[j]!) {
      if (high[s - 1] === h && low[s - 1] === l) {
        first[i] = s - 1;
        break;
      }
    }
    if (first[i]! < 0) slots[j] = i + 1;
  }
  return first;
}

/** A signed 32-bit hash: always a small integer, never a boxed number while the loop runs unoptimised. */
function hashOf(hi: number, lo: number): number {
  return Math.imul(hi, 0x9e3779b1) ^ Math.imul(lo ^ (lo >>> 15), 0x85ebca6b);
}
