/** The typed arrays the core keeps per-row numbers in (row indexes, keys, serials, code units). */
export type NumberArray = Int32Array | Uint8Array | Uint16Array | Float64Array;

/**
 * A copy of `a` with room for `n` entries (`n` ≥ a.length), the new ones set to `fill`: how every
 * growable typed array of the core grows.
 */
export function grown<A extends NumberArray>(a: A, n: number, fill = 0): A {
  const bigger = new (a.constructor as new (length: number) => A)(n);
  if (fill !== 0) bigger.fill(fill, a.length);
  bigger.set(a as never);
  return bigger;
}
