/** Byte-level helpers for scanning UTF-8 XML without decoding the whole part. */

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

export function ascii(s: string): Uint8Array {
  return encoder.encode(s);
}

/** UTF-8 bytes [from, to) as a string; short runs are decoded by hand (TextDecoder's per-call cost dominates there). */
export function utf8(b: Uint8Array, from: number, to: number): string {
  if (to - from > 128) return decoder.decode(b.subarray(from, to));
  const codes: number[] = [];
  for (let i = from; i < to; ) {
    const c = b[i]!;
    if (c < 0x80) {
      codes.push(c);
      i++;
    } else if (c >= 0xc2 && c < 0xe0 && i + 1 < to) {
      codes.push(((c & 0x1f) << 6) | (b[i + 1]! & 0x3f));
      i += 2;
    } else if (c >= 0xe0 && c < 0xf0 && i + 2 < to) {
      codes.push(((c & 0x0f) << 12) | ((b[i + 1]! & 0x3f) << 6) | (b[i + 2]! & 0x3f));
      i += 3;
    } else if (c >= 0xf0 && c < 0xf5 && i + 3 < to) {
      const x = (((c & 0x07) << 18) | ((b[i + 1]! & 0x3f) << 12) | ((b[i + 2]! & 0x3f) << 6) | (b[i + 3]! & 0x3f)) - 0x10000;
      codes.push(0xd800 + (x >> 10), 0xdc00 + (x & 0x3ff));
      i += 4;
    } else {
      // Malformed sequence: let the standard decoder apply its replacement rules.
      return decoder.decode(b.subarray(from, to));
    }
  }
  return String.fromCharCode.apply(null, codes);
}

/** First index of byte `ch` at or after `from`; -1 if absent. (A plain loop: far cheaper per call than TypedArray#indexOf.) */
export function findByte(b: Uint8Array, ch: number, from: number): number {
  for (let i = from; i < b.length; i++) if (b[i] === ch) return i;
  return -1;
}

/** First index of `pat` in `b` at or after `from`; -1 if absent. */
export function indexOfSeq(b: Uint8Array, pat: Uint8Array, from: number): number {
  const first = pat[0]!;
  const last = b.length - pat.length;
  for (let i = findByte(b, first, from); i >= 0 && i <= last; i = findByte(b, first, i + 1)) {
    let k = 1;
    while (k < pat.length && b[i + k] === pat[k]) k++;
    if (k === pat.length) return i;
  }
  return -1;
}

export function startsWithAt(b: Uint8Array, pat: Uint8Array, at: number): boolean {
  if (at + pat.length > b.length) return false;
  for (let k = 0; k < pat.length; k++) if (b[at + k] !== pat[k]) return false;
  return true;
}

/** A non-negative integer from ASCII digits [from, to); NaN when not all digits. */
export function digitsAt(b: Uint8Array, from: number, to: number): number {
  if (from === to || to - from > 15) return NaN;
  let n = 0;
  for (let k = from; k < to; k++) {
    const d = b[k]! - 48;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return n;
}

/** A number written in [from, to): integers parsed in place, anything else through Number(). */
export function numberAt(b: Uint8Array, from: number, to: number): number {
  const negative = b[from] === 45; /* - */
  const n = digitsAt(b, negative ? from + 1 : from, to);
  if (!Number.isNaN(n)) return negative ? -n : n;
  const text = utf8(b, from, to).trim();
  return text === '' ? NaN : Number(text);
}
