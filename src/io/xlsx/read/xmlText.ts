import { utf8 } from './bytes';
import { decodeXml, refDigit, unescapeXstring } from '../xml';

/** Scratch code units of the run being decoded (grown on demand, never shrunk). */
let units = new Uint16Array(256);

const CHUNK = 8192;

const NAMED = new Map([['amp', 38], ['lt', 60], ['gt', 62], ['quot', 34], ['apos', 39]]);

/**
 * Raw text between tags [from, to) as XML means it: UTF-8 decoded, line ends normalised
 * (CR LF and lone CR are LF, XML 1.0 §2.11) before character references, so a written &#13;
 * stays a CR, then entities decoded. One pass straight into code units: bulk writers put every
 * Chinese character as &#NNNNN;, and an intermediate string per run dominated reading them.
 * Runs the pass does not follow byte for byte as utf8 does (non-ASCII bytes in a long run, a
 * malformed sequence) take the two-step way, so the result is always the same.
 */
export function xmlText(b: Uint8Array, from: number, to: number): string {
  const long = to - from > 128;
  if (units.length < to - from) units = new Uint16Array(2 * (to - from));
  const u = units;
  let n = 0;
  let semi = -1;
  for (let i = from; i < to; ) {
    const c = b[i]!;
    if (c === 38 /* & */) {
      if (semi <= i) semi = semiAfter(b, i + 1, to);
      const code = semi >= 0 && semi - i <= 10 ? entity(b, i + 1, semi) : -1;
      if (code < 0) {
        u[n++] = c;
        i++;
      } else {
        if (code < 0x10000) u[n++] = code;
        else {
          u[n++] = 0xd800 + ((code - 0x10000) >> 10);
          u[n++] = 0xdc00 + ((code - 0x10000) & 0x3ff);
        }
        i = semi + 1;
      }
    } else if (c === 13 /* CR */) {
      u[n++] = 10;
      i += b[i + 1] === 10 && i + 1 < to ? 2 : 1;
    } else if (c < 0x80) {
      u[n++] = c;
      i++;
    } else if (long) {
      return slowText(b, from, to);
    } else if (c >= 0xc2 && c < 0xe0 && i + 1 < to) {
      u[n++] = ((c & 0x1f) << 6) | (b[i + 1]! & 0x3f);
      i += 2;
    } else if (c >= 0xe0 && c < 0xf0 && i + 2 < to) {
      u[n++] = ((c & 0x0f) << 12) | ((b[i + 1]! & 0x3f) << 6) | (b[i + 2]! & 0x3f);
      i += 3;
    } else if (c >= 0xf0 && c < 0xf5 && i + 3 < to) {
      const x = (((c & 0x07) << 18) | ((b[i + 1]! & 0x3f) << 12) | ((b[i + 2]! & 0x3f) << 6) | (b[i + 3]! & 0x3f)) - 0x10000;
      u[n++] = 0xd800 + (x >> 10);
      u[n++] = 0xdc00 + (x & 0x3ff);
      i += 4;
    } else {
      return slowText(b, from, to);
    }
  }
  return n === 0 ? '' : fromUnits(u, n);
}

/** Plain arrays of each short length, reused: apply over one is about twice as fast as over a typed array's view. */
const SHORT = 64;
const exact: number[][] = Array.from({ length: SHORT + 1 }, (_, n) => new Array<number>(n).fill(0));

/** The first n code units as a string, in slices: apply's argument count is bounded by the stack. */
function fromUnits(u: Uint16Array, n: number): string {
  // Names and short values: direct arguments skip the copy and apply.
  if (n <= 4) return n === 1 ? String.fromCharCode(u[0]!) : n === 2 ? String.fromCharCode(u[0]!, u[1]!) : n === 3 ? String.fromCharCode(u[0]!, u[1]!, u[2]!) : String.fromCharCode(u[0]!, u[1]!, u[2]!, u[3]!);
  if (n <= SHORT) {
    const a = exact[n]!;
    for (let k = 0; k < n; k++) a[k] = u[k]!;
    return String.fromCharCode.apply(null, a);
  }
  if (n <= CHUNK) return String.fromCharCode.apply(null, u.subarray(0, n) as unknown as number[]);
  let out = '';
  for (let k = 0; k < n; k += CHUNK) out += String.fromCharCode.apply(null, u.subarray(k, Math.min(n, k + CHUNK)) as unknown as number[]);
  return out;
}

/** The two-step reading: decode the bytes, then normalise line ends and decode entities. */
function slowText(b: Uint8Array, from: number, to: number): string {
  const raw = utf8(b, from, to);
  return decodeXml(raw.indexOf('\r') < 0 ? raw : raw.replace(/\r\n?/g, '\n'));
}

function semiAfter(b: Uint8Array, from: number, to: number): number {
  for (let i = from; i < to; i++) if (b[i] === 59 /* ; */) return i;
  return -1;
}

/** The code point an entity body [from, to) ('#20013', '#x4E2D', 'amp') stands for, or -1. */
function entity(b: Uint8Array, from: number, to: number): number {
  if (b[from] !== 35 /* # */) {
    let name = '';
    for (let i = from; i < to; i++) name += String.fromCharCode(b[i]!);
    return NAMED.get(name) ?? -1;
  }
  const hex = b[from + 1] === 120; /* x */
  let i = hex ? from + 2 : from + 1;
  if (i >= to) return -1;
  let code = 0;
  for (; i < to; i++) {
    const d = refDigit(b[i]!, hex);
    if (d < 0) return -1;
    code = code * (hex ? 16 : 10) + d;
  }
  return code > 0 && code <= 0x10ffff ? code : -1;
}

const SLOTS = 4096;
const HASH_SEED = 0x811c9dc5;
const FNV_PRIME = 16777619;
const LT4 = 0x3c3c3c3c;
const ONES = 0x01010101;
const HIGHS = 0x80808080 | 0;

const MEMO_MAX = 96;

/**
 * Cell texts of one part (its bytes `b`) by their bytes, decoded once: the same few values
 * (省份, 性别, 核查结果 …) repeat on every row of a ledger, and one string object each saves
 * decoding, garbage and hashing later. Direct-mapped: a slot holds the last text that hashed there.
 * Texts are found, hashed and compared four bytes at a time (bulk writers spell each Chinese
 * character as eight bytes of &#NNNNN;, so a byte-at-a-time walk dominated reading them).
 */
export class TextMemo {
  private readonly at = new Int32Array(SLOTS).fill(-1);
  private readonly len = new Int32Array(SLOTS);
  private readonly texts: string[] = new Array<string>(SLOTS).fill('');
  private readonly words: DataView;
  /** The hash of the bytes textEnd last walked over. */
  private hash = HASH_SEED;

  constructor(private readonly b: Uint8Array) {
    this.words = new DataView(b.buffer, b.byteOffset, b.byteLength);
  }

  /** The offset of the first '<' at or after `from` (b.length when none); hashes the bytes before it for text(). */
  textEnd(from: number): number {
    const b = this.b;
    const words = this.words;
    const lastWord = b.length - 4;
    let h = HASH_SEED;
    let p = from;
    for (; p <= lastWord; p += 4) {
      const w = words.getInt32(p, true);
      // Whether any of the four bytes is '<' (the classic has-zero-byte test on w ^ '<<<<').
      const x = w ^ LT4;
      if (((x - ONES) & ~x & HIGHS) !== 0) break;
      h = Math.imul(h ^ w, FNV_PRIME);
    }
    for (; p < b.length; p++) {
      const c = b[p]!;
      if (c === 60 /* < */) break;
      h = Math.imul(h ^ c, FNV_PRIME);
    }
    this.hash = h;
    return p;
  }

  /** The cell text of [from, to), which textEnd(from) just found: entities, then the _xHHHH_ escapes, decoded. */
  text(from: number, to: number): string {
    const b = this.b;
    const n = to - from;
    if (n > MEMO_MAX) return unescapeXstring(xmlText(b, from, to));
    let h = Math.imul(this.hash ^ n, FNV_PRIME);
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    const slot = (h ^ (h >>> 13)) & (SLOTS - 1);
    const at = this.at[slot]!;
    if (at >= 0 && this.len[slot] === n && this.same(at, from, n)) return this.texts[slot]!;
    const s = unescapeXstring(xmlText(b, from, to));
    this.at[slot] = from;
    this.len[slot] = n;
    this.texts[slot] = s;
    return s;
  }

  private same(a: number, c: number, n: number): boolean {
    const b = this.b;
    const words = this.words;
    let k = 0;
    for (; k + 4 <= n; k += 4) if (words.getInt32(a + k, true) !== words.getInt32(c + k, true)) return false;
    for (; k < n; k++) if (b[a + k] !== b[c + k]) return false;
    return true;
  }
}
