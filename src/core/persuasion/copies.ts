import { fold } from './text';

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

/** `text` without any `part` in it, as replaceAll would leave it (an indexOf loop is twice as fast). */
function without(text: string, part: string | undefined): string {
  let at = part ? text.indexOf(part) : -1;
  if (at < 0) return text;
  let out = '';
  let from = 0;
  for (; at >= 0; at = text.indexOf(part!, from)) {
    out += text.slice(from, at);
    from = at + part!.length;
  }
  return out + text.slice(from);
}

/** Han characters (U+4E00 to U+9FFF), by code unit. */
const han = () => new Uint8Array(0x10000).fill(1, 0x4e00, 0xa000);
/** Han characters but the Chinese numerals of dates and item numbers (三月五日, 第三次). */
const KEPT = han();
for (const ch of '〇零一二两三四五六七八九十') KEPT[ch.charCodeAt(0)] = 0;
/** Han characters and digits: a record's wording, dates included. */
const VERBATIM = han().fill(1, 0x30, 0x3a);

/** `s` with only the characters of KEPT, copied a run at a time. */
function kept(s: string): string {
  let out = '';
  let run = -1;
  for (let i = 0; i < s.length; i++) {
    if (KEPT[s.charCodeAt(i)] === 1) {
      if (run < 0) run = i;
    } else if (run >= 0) {
      out += s.slice(run, i);
      run = -1;
    }
  }
  return run === 0 ? s : run > 0 ? out + s.slice(run) : out;
}

/**
 * What a copy keeps of an attempt: its Han characters without the child's name, the people and
 * the numerals. Digits go with everything else that is not Han, so 6月12日 and 6月19日 agree.
 */
function copyText(attempt: CopyAttempt, childName: string | undefined): string {
  let s = without(attempt.folded ?? fold(attempt.text), childName);
  const people = attempt.people;
  if (people.length === 1) s = without(s, people[0]);
  // Longest first: 网格员孙某 must go whole, before 孙某 could take part of it.
  else if (people.length > 1) for (const p of [...people].sort((x, y) => y.length - x.length)) s = without(s, p);
  return kept(s);
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

const SPACED = /[\s\u3000]/;
const SPACES_ALL = /[\s\u3000]/g;

/**
 * Two independent hashes of a string in one exact double (32 + 21 bits): collisions are negligible.
 * With `only`, of the string its characters there would leave (without making that string).
 */
function hash53(s: string, only?: Uint8Array): number {
  return hash53Joined([s], only);
}

/** hash53 of the strings joined, without joining them. */
function hash53Joined(parts: readonly string[], only?: Uint8Array): number {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (const s of parts) {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (only !== undefined && only[c] !== 1) continue;
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
    }
  }
  return mix(a) * 2 ** 21 + (mix(b) & 0x1fffff);
}

/** A growable Int32 list: a million records' numbers without a million small arrays. */
class IntList {
  // Small to start: a merge makes one index per school, most of them a few dozen rows.
  private data = new Int32Array(16);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
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

  /** The id of `key`; a key not seen before gets the next one (then the id equals size − 1). */
  idOf(key: number): number {
    if (this.size * 2 >= this.ids.length) this.grow();
    const mask = this.ids.length - 1;
    for (let at = HashIds.home(key, mask); ; at = (at + 1) & mask) {
      if (this.ids[at] === -1) {
        this.keys[at] = key;
        return (this.ids[at] = this.size++);
      }
      if (this.keys[at] === key) return this.ids[at]!;
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
 * Memory grows with what is distinct, and not with the length of the texts.
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
  private readonly sentenceIdOf = new Map<string, number>();
  private readonly sentences: string[] = [];
  /** The different wholes each sentence was seen in, until it is stock (STOCK_SPREAD of them). */
  private readonly seenIn = new Map<number, number[]>();
  private readonly stock = new Set<number>();

  constructor() {
    this.sentenceFrom.push(0);
  }

  /** Adds the next record; one too short to tell from a stock phrase is counted but not compared. */
  add(r: CopyRecord): void {
    const index = this.added++;
    const name = r.name !== undefined && SPACED.test(r.name) ? r.name.replace(SPACES_ALL, '') : r.name;
    const childName = name && name.length >= 2 ? name : undefined;
    const sentences: string[] = [];
    let length = 0;
    for (const a of r.attempts) {
      const s = copyText(a, childName);
      if (s === '') continue;
      sentences.push(s);
      length += s.length;
    }
    if (length < MIN_CHARS || (sentences.length < 2 && length < MIN_CHARS_SINGLE)) return;
    const w = this.wholeIds.idOf(hash53Joined(sentences));
    if (w === this.wholeIds.size - 1) this.wholeFrom.push(this.recordOf.length);
    for (const s of sentences) {
      let id = this.sentenceIdOf.get(s);
      if (id === undefined) {
        this.sentenceIdOf.set(s, (id = this.sentences.length));
        this.sentences.push(s);
      }
      this.sentenceIds.push(id);
      if (this.stock.has(id)) continue;
      const ids = this.seenIn.get(id) ?? [];
      if (!ids.includes(w)) ids.push(w);
      if (ids.length >= STOCK_SPREAD) {
        this.stock.add(id);
        this.seenIn.delete(id);
      } else this.seenIn.set(id, ids);
    }
    this.sentenceFrom.push(this.sentenceIds.length);
    this.recordOf.push(index);
    this.wholeOf.push(w);
    this.verbatimOf.push(hash53(without(r.folded ?? fold(r.text), childName), VERBATIM));
  }

  private allStock(k: number): boolean {
    for (let i = this.sentenceFrom.get(k); i < this.sentenceFrom.get(k + 1); i++) if (!this.stock.has(this.sentenceIds.get(i))) return false;
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
