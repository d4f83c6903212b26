import type { CellValue } from '../model/cell';
import { regionOf } from './region';

/** What was cleaned off a 身份证号 that is otherwise readable. */
export type NormaliseChange = 'lowercase-x' | 'full-width' | 'spaces' | 'quotes';

/**
 * A fault of one 身份证号 cell (GB 11643-1999). Severity is the rules' business; the parser
 * only says what it found.
 */
export type IdIssue =
  /** 'number': stored as a number (Excel keeps 15 significant digits); 'scientific': text like
   * 4.50102E+17; 'zeroed': 18 digits ending in 000 whose check digit fails, the trace of a number
   * turned back into text. */
  | { code: 'precision-lost'; cause: 'number' | 'scientific' | 'zeroed' }
  /** A first-generation 15-digit number; checkDigit completes its 18-digit form. */
  | { code: 'legacy-15'; checkDigit: string }
  /** 'truncated': 15 digits that read as the first 15 of an 18-digit number born 19xx/20xx. */
  | { code: 'format'; cause: 'length' | 'characters' | 'truncated' | 'not-text'; length: number }
  | { code: 'birthdate' }
  | { code: 'checksum'; expected: string }
  | { code: 'normalise'; changes: NormaliseChange[] }
  | { code: 'region'; status: 'province-only' | 'unknown' };

export interface ParsedIdCard {
  /** The cleaned 18- (or 15-) character number; null when the cell holds no such number. */
  normalized: string | null;
  /** Never mutated: a number without fault shares one empty list with every other. */
  issues: readonly IdIssue[];
  /** An 18-character number whose format, birth date and check digit are right. */
  valid: boolean;
  /** yyyy-mm-dd, only for a valid number. */
  birth?: string;
  /** From the 17th digit (odd = male), only for a valid number. */
  male?: boolean;
  /** The six-digit 地址码 of an 18-character number. */
  region?: string;
  /**
   * `normalized` as two integers when it is 17 digits and a digit or X: 地址码 × 1000 + 顺序码,
   * and birth digits × 11 + check (X = 10). Equal pairs, equal numbers: duplicate.idcard compares
   * them without reading the text again.
   */
  digitsHigh?: number;
  digitsLow?: number;
}

/**
 * The MOD 11-2 check characters (ISO 7064), by S mod 11 where S = Σ d_i·W_i and W_i = 2^(17−i)
 * mod 11. S ≡ 2·h (mod 11) where h is the digits read as a binary number, h = h·2 + d_i: no
 * table of weights to load per digit (h < 2^21).
 */
const CHECK = '10X98765432';

/** The number the ASCII digits s[from, to) spell. */
function digitsAt(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
}

/** Index into CHECK of the first 17 characters of `s`, which are ASCII digits. */
function checkIndex(s: string): number {
  let h = 0;
  for (let i = 0; i < 17; i++) h = h * 2 + (s.charCodeAt(i) - 48);
  return (h * 2) % 11;
}

/** The check character of the first 17 digits of an 18-digit number; null when they are not 17 digits. */
export function idCheckDigit(body17: string): string | null {
  for (let i = 0; i < 17; i++) {
    const c = body17.charCodeAt(i);
    if (!(c >= 48 && c <= 57)) return null;
  }
  return CHECK[checkIndex(body17)]!;
}

/** Birth dates as text, by yyyymmdd: a list's children share a few thousand, so each is built once. */
const BIRTH_MEMO_LIMIT = 50_000;
const births = new Map<number, string>();

/** yyyymmdd → yyyy-mm-dd when it is a real date, else null. The standard's own test vector is
 * born 1880, so only years before 1800 are refused as no living person's. */
function realDate(yyyymmdd: number): string | null {
  const y = Math.floor(yyyymmdd / 10000);
  const m = Math.floor(yyyymmdd / 100) % 100;
  const d = yyyymmdd % 100;
  if (y < 1800 || m < 1 || m > 12 || d < 1) return null;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  if (d > days) return null;
  let text = births.get(yyyymmdd);
  if (text === undefined) {
    if (births.size >= BIRTH_MEMO_LIMIT) births.clear();
    births.set(yyyymmdd, (text = `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`));
  }
  return text;
}

const SPACE = '[\\s\\u00a0\\u3000\\u200b-\\u200d\\ufeff]';
const QUOTE = '[\'"`\\u2018\\u2019\\u201c\\u201d\\uff07\\uff02]';
const HAS_SPACE = new RegExp(SPACE);
const HAS_QUOTE = new RegExp(QUOTE);
const ALL_SPACES = new RegExp(SPACE, 'g');
const ALL_QUOTES = new RegExp(QUOTE, 'g');

function clean(raw: string): { text: string; changes: NormaliseChange[] } {
  const changes: NormaliseChange[] = [];
  if (HAS_QUOTE.test(raw)) changes.push('quotes');
  if (HAS_SPACE.test(raw)) changes.push('spaces');
  if (/[\uff10-\uff19\uff38\uff58]/.test(raw)) changes.push('full-width');
  const folded = raw.normalize('NFKC').replace(ALL_SPACES, '').replace(ALL_QUOTES, '');
  if (folded.includes('x')) changes.push('lowercase-x');
  return { text: folded.toUpperCase(), changes };
}

const NO_ISSUES: readonly IdIssue[] = Object.freeze([]);

/** Every result has all eight fields (undefined where absent): the rules reading it see one object shape. */
function result(
  normalized: string | null,
  issues: readonly IdIssue[],
  valid: boolean,
  region?: string,
  birth?: string,
  male?: boolean,
  digitsHigh?: number,
  digitsLow?: number,
): ParsedIdCard {
  return { normalized, issues, valid, birth, male, region, digitsHigh, digitsLow };
}

/** A result for parseIdCard to write into, with every field in place (one object shape). */
export function idCardSlot(): ParsedIdCard {
  return result(null, NO_ISSUES, false);
}

function notAnId(cause: 'length' | 'characters' | 'truncated' | 'not-text', length: number): ParsedIdCard {
  return result(null, [{ code: 'format', cause, length }], false);
}

function parse15(s: string, extra: readonly IdIssue[]): ParsedIdCard {
  // A child's number is 18 digits; 15 digits with a 20xx/19xx birth date are a cut-off copy of one.
  if (/^(19|20)/.test(s.slice(6, 8)) && realDate(digitsAt(s, 6, 14))) {
    return result(null, [{ code: 'format', cause: 'truncated', length: 15 }, ...extra], false);
  }
  const upgraded = s.slice(0, 6) + '19' + s.slice(6);
  return result(s, [{ code: 'legacy-15', checkDigit: CHECK[checkIndex(upgraded)]! }, ...extra], false);
}

/**
 * A number written as 17 ASCII digits and a digit or X (the common case), read in one pass over
 * its characters: the check sum, 地址码 and birth date as integers. A right number costs one
 * object, or none when written `into` one (see parseIdCard); its birth date and region text are
 * shared with the other numbers that have them. Null when `s` is not so written.
 */
function parse18(s: string, extra: readonly IdIssue[], into?: ParsedIdCard): ParsedIdCard | null {
  if (s.length !== 18) return null;
  let h = 0; // see CHECK
  let region = 0;
  let yyyymmdd = 0;
  let order = 0; // 顺序码
  for (let i = 0; i < 17; i++) {
    const d = s.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return null;
    h = h * 2 + d;
    if (i < 6) region = region * 10 + d;
    else if (i < 14) yyyymmdd = yyyymmdd * 10 + d;
    else order = order * 10 + d;
  }
  const last = s.charCodeAt(17);
  if (!((last >= 48 && last <= 57) || last === 88)) return null;
  const high = region * 1000 + order;
  const low = yyyymmdd * 11 + (last === 88 ? 10 : last - 48);
  const birth = realDate(yyyymmdd);
  const expected = (h * 2) % 11;
  const checkOk = last === CHECK.charCodeAt(expected);
  if (birth !== null && checkOk) {
    const r = regionOf(region);
    const issues = r.status === 'known' ? extra : [{ code: 'region', status: r.status } as const, ...extra];
    if (!into) return result(s, issues, true, r.code, birth, order % 2 === 1, high, low);
    into.normalized = s;
    into.issues = issues;
    into.valid = true;
    into.birth = birth;
    into.male = order % 2 === 1;
    into.region = r.code;
    into.digitsHigh = high;
    into.digitsLow = low;
    return into;
  }
  const issues: IdIssue[] = [];
  if (!birth) issues.push({ code: 'birthdate' });
  if (!checkOk) {
    issues.push(s.endsWith('000') ? { code: 'precision-lost', cause: 'zeroed' } : { code: 'checksum', expected: CHECK[expected]! });
  }
  issues.push(...extra);
  return result(s, issues, false, s.slice(0, 6), undefined, undefined, high, low);
}

/** 17 ASCII digits and a digit or X: a number with nothing to clean (as /^\d{17}[\dX]$/, without a regex). */
export function isPlainId18(s: string): boolean {
  if (s.length !== 18) return false;
  for (let i = 0; i < 17; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  const last = s.charCodeAt(17);
  return (last >= 48 && last <= 57) || last === 88;
}

function parseText(raw: string, into?: ParsedIdCard): ParsedIdCard {
  const plain = parse18(raw, NO_ISSUES, into); // the common case: nothing to clean
  if (plain) return plain;
  const { text: s, changes } = clean(raw);
  if (s === '') return result(null, NO_ISSUES, false);
  const extra: readonly IdIssue[] = changes.length > 0 ? [{ code: 'normalise', changes }] : NO_ISSUES;
  if (/^\d+(\.\d+)?E\+?\d+$/.test(s)) return result(null, [{ code: 'precision-lost', cause: 'scientific' }], false);
  const cleaned = parse18(s, extra, into);
  if (cleaned) return cleaned;
  if (/^\d{15}$/.test(s)) return parse15(s, extra);
  return notAnId(/^\d*X?$/.test(s) ? 'length' : 'characters', s.length);
}

/**
 * Reads one 身份证号 cell. Never throws; an empty cell gives no issue (required. owns it).
 * `into` (from idCardSlot): an answer the caller lets this parse write over, so that a right
 * number, the common case, makes no new object; what it returns is then good only until the
 * next parse into the same slot.
 */
export function parseIdCard(value: CellValue, into?: ParsedIdCard): ParsedIdCard {
  if (value === null) return result(null, NO_ISSUES, false);
  if (typeof value === 'string') return parseText(value, into);
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || !Number.isInteger(value) || value < 0) return notAnId('not-text', 0);
    // Past 15 digits Excel has already replaced the tail with zeros: nothing to recover.
    if (value >= 1e15) return result(null, [{ code: 'precision-lost', cause: 'number' }], false);
    return parseText(String(value));
  }
  return notAnId('not-text', 0);
}
