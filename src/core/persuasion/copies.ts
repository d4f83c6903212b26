import { fold, withoutSpaces } from './text';
import { grown } from '../model/typedArray';

/**
 * Records copied from one child to another. Two records are copies when, with the child's name,
 * dates, digits, people and punctuation taken out, they are the same text or nearly so (edit
 * similarity ≥ SIMILARITY). Only whole records are compared, and a record too short to tell a
 * copy from a stock phrase is left out.
 *
 * Stock sentences ("到学生家中与家长沟通…，家长表示同意考虑") are shared by honest records, and with
 * few of them two children's records can read alike by chance. A sentence that turns up in
 * STOCK_SPREAD or more different records is stock; a record made of stock sentences only is a
 * copy of another only when it is the same word for word, dates and people included.
 *
 * Near-linear: identical texts are grouped by hash; near-identical ones are found by MinHash
 * with banded LSH, and each new text is checked against at most BUCKET_PEERS texts per bucket.
 */

const SIMILARITY = 0.95;
/** Normalised characters a record needs to be compared at all. */
const MIN_CHARS = 24;
/** A single attempt this long is a record of its own, not a stock phrase. */
const MIN_CHARS_SINGLE = 60;
/** Different records a sentence must turn up in to count as stock wording. */
const STOCK_SPREAD = 3;
const SHINGLE = 4;
const BANDS = 8;
const ROWS = 4;
const HASHES = BANDS * ROWS;
const BUCKET_PEERS = 4;

/** One-permutation hashing: a hash's top bits pick its bin, the rest is compared. */
const BIN_SHIFT = 32 - Math.log2(HASHES);
const REST_MASK = 2 ** BIN_SHIFT - 1;
/** Marks a bin filled by borrowing, above every value a shingle can leave. */
const BORROWED = 2 ** BIN_SHIFT;
const SEEDS = Uint32Array.from({ length: HASHES }, (_, i) => Math.imul(i + 1, 0x9e3779b1) >>> 0);

/** murmur3's finaliser: a cheap, well-mixed 32-bit hash of a 32-bit value. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Han characters (U+4E00 to U+9FFF), by code unit. */
const han = () => new Uint8Array(0x10000).fill(1, 0x4e00, 0xa000);
/** Han characters but the Chinese numerals of dates and item numbers (三月五日, 第三次). */
const KEPT = han();
for (const ch of '〇零一二两三四五六七八九十') KEPT[ch.charCodeAt(0)] = 0;
/** Han characters and digits: a record's wording, dates included. */
const VERBATIM = han().fill(1, 0x30, 0x3a);

/**
 * Working space for one record's copy text, reused from record to record: a million records are
 * read without a string built for any of them (only a sentence seen for the first time is kept).
 */
let work = new Uint16Array(1024);

/** Room in `work` for `n` code units. */
function reserve(n: number): void {
  if (n <= work.length) return;
  work = grown(work, Math.max(n, work.length * 2));
}

/**
 * work[from … to) without any `part` in it, left to right as replaceAll would leave it; returns the
 * new end. In place: what is kept only ever moves left.
 */
function cut(from: number, to: number, part: string | undefined): number {
  const m = part === undefined ? 0 : part.length;
  if (m === 0 || to - from < m) return to;
  const first = part!.charCodeAt(0);
  let w = from;
  for (let i = from; i < to; ) {
    if (work[i] === first && i + m <= to && matchesAt(i, part!)) {
      i += m;
      continue;
    }
    work[w++] = work[i++]!;
  }
  return w;
}

function matchesAt(at: number, part: string): boolean {
  for (let k = 1; k < part.length; k++) if (work[at + k] !== part.charCodeAt(k)) return false;
  return true;
}

/** work[from …) = `s` without any `part` in it (found by indexOf, as replaceAll would); returns the end. */
function copyWithout(s: string, part: string, from: number): number {
  let w = from;
  let start = 0;
  for (let at = s.indexOf(part); at >= 0; at = s.indexOf(part, start)) {
    for (let i = start; i < at; i++) work[w++] = s.charCodeAt(i);
    start = at + part.length;
  }
  for (let i = start; i < s.length; i++) work[w++] = s.charCodeAt(i);
  return w;
}

/**
 * Takes `part` out of the text: `s` itself while nothing has been taken out (to = −1), where a
 * part that indexOf does not find leaves it as it is; else work[from … to). Returns the new `to`.
 */
function takeOut(s: string, part: string | undefined, from: number, to: number): number {
  if (part === undefined || part.length === 0) return to;
  if (to >= 0) return cut(from, to, part);
  return s.indexOf(part) < 0 ? -1 : copyWithout(s, part, from);
}

/**
 * What a copy keeps of an attempt, written to work[from …); returns its end. Its Han characters
 * without the child's name, the people and the numerals. Digits go with everything else that is
 * not Han, so 6月12日 and 6月19日 agree.
 */
function copyTextAt(attempt: CopyAttempt, childName: string | undefined, from: number): number {
  const s = attempt.folded ?? fold(attempt.text);
  reserve(from + s.length);
  let to = takeOut(s, childName, from, -1);
  // Longest first: 网格员孙某 must go whole, before 孙某 could take part of it (equal lengths in
  // the order written, as a stable sort leaves them).
  const people = attempt.people;
  for (let longest = Infinity; ; ) {
    let next = 0;
    for (const p of people) if (p.length < longest && p.length > next) next = p.length;
    if (next === 0) break;
    for (const p of people) if (p.length === next) to = takeOut(s, p, from, to);
    longest = next;
  }
  let w = from;
  if (to < 0) {
    for (let i = 0; i < s.length; i++) if (KEPT[s.charCodeAt(i)] === 1) work[w++] = s.charCodeAt(i);
  } else {
    for (let i = from; i < to; i++) if (KEPT[work[i]!] === 1) work[w++] = work[i]!;
  }
  return w;
}

/**
 * MinHash signature by one-permutation hashing: each shingle is hashed once and kept in one of
 * HASHES bins (the minimum per bin); an empty bin borrows from the next filled one.
 */
function signature(s: string): Uint32Array {
  const EMPTY = 0xffffffff;
  const sig = new Uint32Array(HASHES).fill(EMPTY);
  const last = Math.max(0, s.length - SHINGLE);
  for (let i = 0; i <= last; i++) {
    let h = 0x811c9dc5;
    for (let k = i; k < i + SHINGLE && k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
    const v = mix(h);
    const bin = v >>> BIN_SHIFT;
    const rest = v & REST_MASK;
    if (rest < sig[bin]!) sig[bin] = rest;
  }
  for (let j = 0; j < HASHES; j++) {
    if (sig[j] !== EMPTY) continue;
    for (let step = 1; step < HASHES; step++) {
      const from = sig[(j + step) % HASHES]!;
      if (from < BORROWED) {
        sig[j] = BORROWED + (mix(from ^ SEEDS[step]!) & REST_MASK);
        break;
      }
    }
  }
  return sig;
}

/** 1 − edit distance / longer length, or 0 as soon as it is sure to fall below `min`. */
export function editSimilarity(a: string, b: string, min: number): number {
  const n = a.length;
  const m = b.length;
  const longest = Math.max(n, m);
  if (longest === 0) return 1;
  const budget = Math.floor((1 - min) * longest);
  if (Math.abs(n - m) > budget) return 0;
  // Banded Levenshtein: only cells within `budget` of the diagonal can stay under budget.
  const INF = longest + 1;
  let prev = new Int32Array(m + 2).fill(INF);
  let cur = new Int32Array(m + 2).fill(INF);
  for (let j = 0; j <= Math.min(m, budget); j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    const from = Math.max(1, i - budget);
    const to = Math.min(m, i + budget);
    // Only the band is written; its two neighbours must read as out of reach.
    cur[from - 1] = from === 1 && i <= budget ? i : INF;
    cur[to + 1] = INF;
    let best = cur[from - 1]!;
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j - 1]! + cost, prev[j]! + 1, cur[j - 1]! + 1);
      cur[j] = v;
      if (v < best) best = v;
    }
    if (best > budget) return 0;
    [prev, cur] = [cur, prev];
  }
  const d = prev[m]!;
  return d > budget ? 0 : 1 - d / longest;
}

class UnionFind {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
  }
  find(x: number): number {
    while (this.parent[x] !== x) {
      this.parent[x] = this.parent[this.parent[x]!]!;
      x = this.parent[x]!;
    }
    return x;
  }
  union(a: number, b: number): void {
    this.parent[this.find(a)] = this.find(b);
  }
}

/** A text's LSH band keys, BANDS of them, written to keys[at …]. */
function writeBandKeys(s: string, keys: Uint32Array, at: number): void {
  const sig = signature(s);
  for (let b = 0; b < BANDS; b++) {
    let key = b;
    for (let r = 0; r < ROWS; r++) key = Math.imul(key ^ sig[b * ROWS + r]!, 0x01000193);
    keys[at + b] = key >>> 0;
  }
}

/**
 * Unions near-identical texts found through MinHash LSH: texts sharing a band key (`keys`, BANDS
 * per text) share a bucket, and each is compared with the first BUCKET_PEERS texts of its bucket.
 * Texts are built only when compared (`textOf`). Buckets are found by sorting (key, id) pairs
 * packed in doubles, band by band, rather than held in a map of arrays.
 * Two all-stock texts are never joined this way: only the same words with the same dates and
 * people make them copies.
 */
function joinNearCopies(keys: Uint32Array, textOf: (id: number) => string, distinctive: Uint8Array, uf: UnionFind): void {
  const n = distinctive.length;
  // A double holds 53 bits exactly: beyond 2^21 texts the key gives up low bits (buckets only merge).
  const idBits = Math.max(1, Math.ceil(Math.log2(n + 1)));
  const keyShift = Math.max(0, 32 + idBits - 53);
  const scale = 2 ** idBits;
  const order = new Float64Array(n);
  for (let b = 0; b < BANDS; b++) {
    for (let id = 0; id < n; id++) order[id] = (keys[id * BANDS + b]! >>> keyShift) * scale + id;
    order.sort();
    for (let start = 0; start < n; ) {
      const key = Math.floor(order[start]! / scale);
      let end = start + 1;
      while (end < n && Math.floor(order[end]! / scale) === key) end++;
      for (let m = start + 1; m < end; m++) {
        const id = order[m]! - key * scale;
        for (let p = start; p < Math.min(start + BUCKET_PEERS, m); p++) {
          const other = order[p]! - key * scale;
          if (!(distinctive[id] || distinctive[other]) || uf.find(other) === uf.find(id)) continue;
          if (editSimilarity(textOf(id), textOf(other), SIMILARITY) >= SIMILARITY) uf.union(id, other);
        }
      }
      start = end;
    }
  }
}

/** An attempt as parseRecord read it: its text and the people it names. */
export interface CopyAttempt {
  text: string;
  /** `text` folded (see fold), when the caller has it already. */
  folded?: string;
  people: readonly string[];
}

export interface CopyRecord {
  /** The whole record. */
  text: string;
  /** `text` folded, when the caller has it already. */
  folded?: string;
  attempts: readonly CopyAttempt[];
  /** The child's name, taken out of the text before comparing. */
  name?: string;
}

/** Two independent hashes folded into one exact double (32 + 21 bits): collisions are negligible. */
const join53 = (a: number, b: number) => mix(a) * 2 ** 21 + (mix(b) & 0x1fffff);

/** The 53-bit hash of work[from … to). */
function hashWork(from: number, to: number): number {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = from; i < to; i++) {
    const c = work[i]!;
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return join53(a, b);
}

/**
 * The 53-bit hash of what `text` would be without `name` (taken out left to right, as replaceAll
 * would) and with only its VERBATIM characters, without making that string.
 */
function verbatimHash(text: string, name: string | undefined): number {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  const m = name === undefined ? 0 : name.length;
  const first = m === 0 ? -1 : name!.charCodeAt(0);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === first && text.startsWith(name!, i)) {
      i += m - 1;
      continue;
    }
    if (VERBATIM[c] !== 1) continue;
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return join53(a, b);
}

/** work[from … to) as a string, made only for a sentence seen for the first time. */
function workText(from: number, to: number): string {
  let out = '';
  // fromCharCode takes its code units as arguments: a long sentence goes a piece at a time.
  for (let i = from; i < to; i += 4096) out += String.fromCharCode(...work.subarray(i, Math.min(to, i + 4096)));
  return out;
}

/** `a` copied into a new array of `n` entries, the new ones `fill`. */
/** A growable Int32 list: a million records' numbers without a million small arrays. */
class IntList {
  // Small to start: a merge makes one index per school, most of them a few dozen rows.
  private data = new Int32Array(16);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) this.data = grown(this.data, this.length * 2);
    this.data[this.length++] = v;
  }
  get(i: number): number {
    return this.data[i]!;
  }
}

/**
 * Small ids (0, 1, 2 … in order of first sight) for hash53 values, in an open-addressing table of
 * typed arrays: a Map would box every key that is not a small integer.
 */
class HashIds {
  /** Where a key's search starts in a table of mask + 1 slots. */
  private static home(key: number, mask: number): number {
    return mix((key % 4294967296) ^ Math.floor(key / 4294967296)) & mask;
  }

  private keys = new Float64Array(16);
  private ids = new Int32Array(16).fill(-1);
  size = 0;

  /**
   * The id of `key`; a key not seen before gets the next one (then the id equals size − 1). With
   * `same`, an id under the same key is taken only when `same` says it is the thing sought: the
   * key is then only a hash of it, and two things may share it.
   */
  idOf(key: number, same?: (id: number) => boolean): number {
    if (this.size * 2 >= this.ids.length) this.grow();
    const mask = this.ids.length - 1;
    for (let at = HashIds.home(key, mask); ; at = (at + 1) & mask) {
      if (this.ids[at] === -1) {
        this.keys[at] = key;
        return (this.ids[at] = this.size++);
      }
      if (this.keys[at] === key && (same === undefined || same(this.ids[at]!))) return this.ids[at]!;
    }
  }

  private grow(): void {
    const { keys, ids } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.ids = new Int32Array(ids.length * 2).fill(-1);
    const mask = this.ids.length - 1;
    for (let i = 0; i < ids.length; i++) {
      if (ids[i] === -1) continue;
      let at = HashIds.home(keys[i]!, mask);
      while (this.ids[at] !== -1) at = (at + 1) & mask;
      this.keys[at] = keys[i]!;
      this.ids[at] = ids[i]!;
    }
  }
}

/**
 * Copy detection fed one record at a time, keeping per record only numbers: the ids of its
 * sentences, the id of its normalised text (a hash of it) and a hash of its exact wording. Each
 * distinct sentence is kept once; a distinct normalised text keeps only a record it came from,
 * and is joined again from that record's sentences when the search needs it.
 * Memory grows with what is distinct, and not with the length of the texts; a record makes no
 * string or array (its text is taken apart in a reused buffer): at a million rows every young
 * collection costs milliseconds whatever it finds, so garbage per record is paid per record.
 */
export class CopyIndex {
  /** Records added so far, compared or not: groups() names records by their place in this count. */
  private added = 0;
  private readonly recordOf = new IntList();
  private readonly wholeOf = new IntList();
  private readonly verbatimOf: number[] = [];
  /** Compared record k's sentence ids are sentenceIds[sentenceFrom[k] … sentenceFrom[k + 1]). */
  private readonly sentenceFrom = new IntList();
  private readonly sentenceIds = new IntList();
  private readonly wholeIds = new HashIds();
  /** For each distinct whole, a compared record that has it. */
  private readonly wholeFrom = new IntList();
  /** Sentence ids by a hash of their text, the text compared on a match (see sameSentence). */
  private readonly sentenceIdOf = new HashIds();
  private readonly sentences: string[] = [];
  /**
   * The different wholes each sentence was seen in, STOCK_SPREAD − 1 slots per sentence (−1 for
   * none), until it is stock; then stock[id] is 1.
   */
  private seenIn = new Int32Array(16 * (STOCK_SPREAD - 1)).fill(-1);
  private stock = new Uint8Array(16);
  /** Where each sentence of the record being added ends in `work`. */
  private ends = new Int32Array(16);
  /** The sentence being looked up: work[probeFrom … probeTo). */
  private probeFrom = 0;
  private probeTo = 0;
  private readonly sameSentence = (id: number): boolean => {
    const s = this.sentences[id]!;
    if (s.length !== this.probeTo - this.probeFrom) return false;
    for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== work[this.probeFrom + i]) return false;
    return true;
  };

  constructor() {
    this.sentenceFrom.push(0);
  }

  /** Adds the next record; one too short to tell from a stock phrase is counted but not compared. */
  add(r: CopyRecord, rawName = r.name): void {
    const index = this.added++;
    const name = rawName === undefined ? undefined : withoutSpaces(rawName);
    const childName = name && name.length >= 2 ? name : undefined;
    // The record's sentences, one after another in `work`.
    let count = 0;
    let length = 0;
    for (let i = 0; i < r.attempts.length; i++) {
      const end = copyTextAt(r.attempts[i]!, childName, length);
      if (end === length) continue;
      if (count === this.ends.length) this.ends = grown(this.ends, count * 2);
      this.ends[count++] = length = end;
    }
    if (length < MIN_CHARS || (count < 2 && length < MIN_CHARS_SINGLE)) return;
    const w = this.wholeIds.idOf(hashWork(0, length));
    if (w === this.wholeIds.size - 1) this.wholeFrom.push(this.recordOf.length);
    for (let k = 0; k < count; k++) {
      const id = this.sentenceId(k === 0 ? 0 : this.ends[k - 1]!, this.ends[k]!);
      this.sentenceIds.push(id);
      if (this.stock[id] === 1) continue;
      this.seeIn(id, w);
    }
    this.sentenceFrom.push(this.sentenceIds.length);
    this.recordOf.push(index);
    this.wholeOf.push(w);
    this.verbatimOf.push(verbatimHash(r.folded ?? fold(r.text), childName));
  }

  /** The id of the sentence in work[from … to); a new one is kept as a string. */
  private sentenceId(from: number, to: number): number {
    this.probeFrom = from;
    this.probeTo = to;
    const id = this.sentenceIdOf.idOf(hashWork(from, to), this.sameSentence);
    if (id === this.sentences.length) {
      this.sentences.push(workText(from, to));
      if (id === this.stock.length) {
        this.stock = grown(this.stock, id * 2);
        this.seenIn = grown(this.seenIn, id * 2 * (STOCK_SPREAD - 1), -1);
      }
    }
    return id;
  }

  /** Notes that sentence `id` turned up in whole `w`; in STOCK_SPREAD different wholes, it is stock. */
  private seeIn(id: number, w: number): void {
    const at = id * (STOCK_SPREAD - 1);
    for (let j = at; j < at + STOCK_SPREAD - 1; j++) {
      if (this.seenIn[j] === w) return;
      if (this.seenIn[j] === -1) {
        this.seenIn[j] = w;
        return;
      }
    }
    this.stock[id] = 1;
  }

  private allStock(k: number): boolean {
    for (let i = this.sentenceFrom.get(k); i < this.sentenceFrom.get(k + 1); i++) if (this.stock[this.sentenceIds.get(i)] !== 1) return false;
    return true;
  }

  /** Whole w's normalised text, joined again from the sentences of a record that has it (flat, not a rope: it is read char by char). */
  private wholeText(w: number): string {
    const k = this.wholeFrom.get(w);
    const parts: string[] = [];
    for (let i = this.sentenceFrom.get(k); i < this.sentenceFrom.get(k + 1); i++) parts.push(this.sentences[this.sentenceIds.get(i)]!);
    return parts.join('');
  }

  /** Groups (of two or more record numbers, ascending) whose records are copies of each other. */
  groups(): number[][] {
    const n = this.recordOf.length;
    // Records with the same key share one id: the normalised text, or word for word when all stock.
    const idOfWhole = new Int32Array(this.wholeIds.size).fill(-1);
    const verbatimIds = new HashIds();
    /** Ids of all-stock records' verbatim hashes, as verbatimIds numbers them, to shared ids. */
    const idOfVerbatim = new IntList();
    const idOf = new Int32Array(n);
    const textOf = new IntList();
    const distinctive = new Uint8Array(n);
    for (let k = 0; k < n; k++) {
      const w = this.wholeOf.get(k);
      const allStock = this.allStock(k);
      const v = allStock ? verbatimIds.idOf(this.verbatimOf[k]!) : -1;
      let id = allStock ? (v < idOfVerbatim.length ? idOfVerbatim.get(v) : -1) : idOfWhole[w]!;
      if (id === -1) {
        id = textOf.length;
        textOf.push(w);
        distinctive[id] = allStock ? 0 : 1;
        if (allStock) idOfVerbatim.push(id);
        else idOfWhole[w] = id;
      }
      idOf[k] = id;
    }
    const ids = textOf.length;
    const uf = new UnionFind(ids);
    // Only a pair with a distinctive text is ever compared: a table of stock wording has none to search.
    if (distinctive.includes(1)) {
      // Each text's band keys, from its whole's signature (one per whole, however many ids share it).
      const keys = new Uint32Array(ids * BANDS);
      const firstId = new Int32Array(this.wholeIds.size).fill(-1);
      for (let id = 0; id < ids; id++) {
        const w = textOf.get(id);
        if (firstId[w] === -1) {
          firstId[w] = id;
          writeBandKeys(this.wholeText(w), keys, id * BANDS);
        } else keys.copyWithin(id * BANDS, firstId[w]! * BANDS, firstId[w]! * BANDS + BANDS);
      }
      // Joined once each, and only those the search compares.
      const texts = new Array<string | undefined>(ids);
      joinNearCopies(keys, (id) => (texts[id] ??= this.wholeText(textOf.get(id))), distinctive.subarray(0, ids), uf);
    }
    const size = new Int32Array(ids);
    for (let k = 0; k < n; k++) size[uf.find(idOf[k]!)]!++;
    const byRoot = new Map<number, number[]>();
    for (let k = 0; k < n; k++) {
      const root = uf.find(idOf[k]!);
      if (size[root]! < 2) continue;
      const g = byRoot.get(root) ?? [];
      g.push(this.recordOf.get(k));
      byRoot.set(root, g);
    }
    return [...byRoot.values()];
  }
}

/** Groups (of two or more record indexes, ascending) whose records are copies of each other. */
export function findCopies(records: readonly CopyRecord[]): number[][] {
  const index = new CopyIndex();
  for (const r of records) index.add(r);
  return index.groups();
}
