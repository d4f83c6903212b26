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

function without(text: string, part: string | undefined): string {
  return part && text.includes(part) ? text.replaceAll(part, '') : text;
}

/** Everything but Han characters, and the Chinese numerals of dates and item numbers (三月五日, 第三次). */
const NOT_KEPT = /[^\u4e00-\u9fff]|[〇零一二两三四五六七八九十]/g;

/**
 * What a copy keeps of an attempt: its Han characters without the child's name, the people and
 * the numerals. Digits go with everything else that is not Han, so 6月12日 and 6月19日 agree.
 */
function copyText(attempt: CopyAttempt, childName: string | undefined): string {
  let s = without(fold(attempt.text), childName);
  // Longest first: 网格员孙某 must go whole, before 孙某 could take part of it.
  for (const p of [...attempt.people].sort((x, y) => y.length - x.length)) s = without(s, p);
  return s.replace(NOT_KEPT, '');
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

/** An attempt as parseRecord read it: its text and the people it names. */
export interface CopyAttempt {
  text: string;
  people: readonly string[];
}

export interface CopyRecord {
  /** The whole record. */
  text: string;
  attempts: readonly CopyAttempt[];
  /** The child's name, taken out of the text before comparing. */
  name?: string;
}

interface Prepared {
  /** Index of the record. */
  index: number;
  /** copyText of each attempt. */
  sentences: string[];
  whole: string;
  /** The record word for word (name, spaces and punctuation aside), dates and people kept. */
  verbatim: string;
}

function prepare(records: readonly CopyRecord[]): Prepared[] {
  const out: Prepared[] = [];
  records.forEach((r, index) => {
    const name = r.name?.replace(/[\s\u3000]/g, '');
    const childName = name && name.length >= 2 ? name : undefined;
    const sentences = r.attempts.map((a) => copyText(a, childName)).filter(Boolean);
    const whole = sentences.join('');
    if (whole.length < MIN_CHARS || (sentences.length < 2 && whole.length < MIN_CHARS_SINGLE)) return;
    const verbatim = without(fold(r.text), childName).replace(/[^\u4e00-\u9fff\d]/g, '');
    out.push({ index, sentences, whole, verbatim });
  });
  return out;
}

/** Sentences found in STOCK_SPREAD or more different records (different whole texts). */
function stockSentences(prepared: readonly Prepared[]): Set<string> {
  const wholeIds = new Map<string, number>();
  const seenIn = new Map<string, number[]>();
  const stock = new Set<string>();
  for (const p of prepared) {
    let w = wholeIds.get(p.whole);
    if (w === undefined) wholeIds.set(p.whole, (w = wholeIds.size));
    for (const s of p.sentences) {
      if (stock.has(s)) continue;
      const ids = seenIn.get(s) ?? [];
      if (!ids.includes(w)) ids.push(w);
      if (ids.length >= STOCK_SPREAD) {
        stock.add(s);
        seenIn.delete(s);
      } else seenIn.set(s, ids);
    }
  }
  return stock;
}

/**
 * Unions near-identical texts found through MinHash LSH. Two all-stock texts are never joined
 * this way: only the same words with the same dates and people make them copies.
 */
function joinNearCopies(texts: readonly string[], distinctive: readonly boolean[], uf: UnionFind): void {
  const buckets = new Map<number, number[]>();
  texts.forEach((s, id) => {
    const sig = signature(s);
    const checked = new Set<number>();
    for (let b = 0; b < BANDS; b++) {
      let key = b;
      for (let r = 0; r < ROWS; r++) key = Math.imul(key ^ sig[b * ROWS + r]!, 0x01000193);
      const peers = buckets.get(key);
      if (!peers) {
        buckets.set(key, [id]);
        continue;
      }
      for (const other of peers) {
        if (checked.has(other) || !(distinctive[id] || distinctive[other]) || uf.find(other) === uf.find(id)) continue;
        checked.add(other);
        if (editSimilarity(s, texts[other]!, SIMILARITY) >= SIMILARITY) uf.union(id, other);
      }
      if (peers.length < BUCKET_PEERS) peers.push(id);
    }
  });
}

/** Groups (of two or more record indexes, ascending) whose records are copies of each other. */
export function findCopies(records: readonly CopyRecord[]): number[][] {
  const prepared = prepare(records);
  const stock = stockSentences(prepared);
  // Records with the same key share one id: the normalised text, or word for word when all stock.
  const idOf = new Map<string, number>();
  const texts: string[] = [];
  const members: number[][] = [];
  const distinctive: boolean[] = [];
  for (const p of prepared) {
    const allStock = p.sentences.every((s) => stock.has(s));
    const key = allStock ? `=${p.verbatim}` : p.whole;
    let id = idOf.get(key);
    if (id === undefined) {
      id = texts.length;
      idOf.set(key, id);
      texts.push(p.whole);
      members.push([]);
      distinctive.push(!allStock);
    }
    members[id]!.push(p.index);
  }
  const uf = new UnionFind(texts.length);
  joinNearCopies(texts, distinctive, uf);
  const groups = new Map<number, number[]>();
  members.forEach((rows, id) => {
    const root = uf.find(id);
    const g = groups.get(root) ?? [];
    g.push(...rows);
    groups.set(root, g);
  });
  return [...groups.values()].filter((g) => g.length > 1).map((g) => g.sort((a, b) => a - b));
}
