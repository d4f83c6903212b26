import { REGION_CODES } from '../data/regions';

export type RegionStatus = 'known' | 'province-only' | 'unknown';

const CODE_COUNT = REGION_CODES.length / 6;

/** The i-th listed code against `code` (six characters), compared in place: below 0, 0 or above 0. */
function compareAt(i: number, code: string): number {
  const at = i * 6;
  for (let k = 0; k < 6; k++) {
    const d = REGION_CODES.charCodeAt(at + k) - code.charCodeAt(k);
    if (d !== 0) return d;
  }
  return 0;
}

/** Binary search over the fixed-width sorted string: no table is built at load time. */
function isListed(code: string): boolean {
  let lo = 0;
  let hi = CODE_COUNT - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = compareAt(mid, code);
    if (c === 0) return true;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

let provinces: Set<string> | null = null;

function provinceKnown(two: string): boolean {
  if (!provinces) {
    provinces = new Set();
    for (let i = 0; i < CODE_COUNT; i++) provinces.add(REGION_CODES.slice(i * 6, i * 6 + 2));
  }
  return provinces.has(two);
}

/**
 * Whether a six-digit 地址码 is a GB/T 2260 code (current or retired): 'province-only' when
 * only its first two digits name a province, 'unknown' when not even those do.
 */
export function regionKnown(code: string): RegionStatus {
  if (!/^\d{6}$/.test(code)) return 'unknown';
  if (isListed(code)) return 'known';
  return provinceKnown(code.slice(0, 2)) ? 'province-only' : 'unknown';
}

/** The 地址码 of a 身份证号: one string shared by every number that has it, and its status. */
export interface Region {
  readonly code: string;
  readonly status: RegionStatus;
}

/** A list's children share a few dozen 地址码; a crafted list of all-different ones empties the memo. */
const REGION_MEMO_LIMIT = 10_000;
const regionMemo = new Map<number, Region>();
let lastCode = -1;
let lastRegion: Region | undefined;

/** The region of the 地址码 whose six digits spell `code` (0–999999), looked up once per code. */
export function regionOf(code: number): Region {
  if (code === lastCode && lastRegion) return lastRegion; // a county's list: mostly its own code, row after row
  let r = regionMemo.get(code);
  if (r === undefined) {
    if (regionMemo.size >= REGION_MEMO_LIMIT) regionMemo.clear();
    const text = String(code).padStart(6, '0');
    regionMemo.set(code, (r = { code: text, status: regionKnown(text) }));
  }
  lastCode = code;
  lastRegion = r;
  return r;
}
