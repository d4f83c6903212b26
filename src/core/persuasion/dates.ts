import { parseCnDate } from '../parse/date';
import { isAfter } from '../parse/dateAt';
import { charTable } from './text';

/** A date as written inside a record: where it stands and the parts it was written with. */
export interface DateToken {
  start: number;
  end: number;
  /** The parts in the form parseCnDate reads (Chinese numerals are left to it). */
  canonical: string;
  hasYear: boolean;
  hasDay: boolean;
  /** Written as 3.5: a date only where an attempt starts, elsewhere maybe a decimal. */
  dotted: boolean;
}

export type ResolvedDate =
  | { ok: true; iso: string; precision: 'day' | 'month'; inferred: boolean }
  | { ok: false; reason: 'invalid' | 'unrecognised' | 'no-year' };

const Y = '\\d{4}|[〇零○一二三四五六七八九]{4}';
const N = '\\d{1,2}|[一二两三四五六七八九十]{1,3}';
const DATE_RE = new RegExp(
  [
    // 2023年6月12日, 二〇二三年六月, 2023年6月
    `(${Y})\\s*年\\s*(${N})\\s*月(?:\\s*(${N})\\s*[日号])?`,
    // 2023.6.12, 2023-06-12, 2023/6
    `(\\d{4})\\s*[./-]\\s*(\\d{1,2})(?:\\s*[./-]\\s*(\\d{1,2}))?(?!\\d)[日号]?`,
    // 6月12日, 六月十二号, 6月12, 6月份, 6月上旬
    `(${N})\\s*月\\s*(?:(${N})\\s*[日号]|(\\d{1,2})(?!\\d)|(?:份|上旬|中旬|下旬|初|底)?)`,
    // 3.5, 3/5 (not 1.6月: that is an item number before a date); not after a digit or a dot, see findDates
    `(\\d{1,2})\\s*[./]\\s*(\\d{1,2})(?![\\d.月年])[日号]?`,
  ].join('|'),
  'y',
);
/** 次日, 当天, 三天后: a date told by the attempt before, as good as written. */
const RELATIVE_RE = /次日|第二天|翌日|隔天|隔日|当天|当日|同日|同一天|[一二两三四五六七八九十\d]{1,2}(?:天|日|周|个?星期|个?月)(?:后|以后|之后)/y;

/** The relative date written at `at`, or null. */
export function relativeDateAt(folded: string, at: number): string | null {
  RELATIVE_RE.lastIndex = at;
  return RELATIVE_RE.exec(folded)?.[0] ?? null;
}

/**
 * Where a date can start; the full pattern is only tried there, which keeps long texts fast. A
 * table, not a global regex: each of its matches would be an array for the collector.
 */
const DATE_START = charTable('0123456789〇零○一二两三四五六七八九十');
const isDigitOrDot = (c: number) => c === 0x2e || (c >= 0x30 && c <= 0x39);

function token(m: RegExpExecArray): DateToken {
  const start = m.index;
  const end = m.index + m[0].length;
  if (m[1] !== undefined) {
    return { start, end, canonical: `${m[1]}年${m[2]}月${m[3] ? `${m[3]}日` : ''}`, hasYear: true, hasDay: !!m[3], dotted: false };
  }
  if (m[4] !== undefined) {
    return { start, end, canonical: `${m[4]}.${m[5]}${m[6] ? `.${m[6]}` : ''}`, hasYear: true, hasDay: !!m[6], dotted: false };
  }
  if (m[7] !== undefined) {
    const day = m[8] ?? m[9];
    return { start, end, canonical: `${m[7]}月${day ? `${day}日` : ''}`, hasYear: false, hasDay: !!day, dotted: false };
  }
  return { start, end, canonical: `${m[10]}.${m[11]}`, hasYear: false, hasDay: true, dotted: true };
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const MONTH = '月'.charCodeAt(0);
const DAY = '日'.charCodeAt(0);
const HAO = '号'.charCodeAt(0);

/**
 * 6月12日 at `at`, written without spaces: the form most dates take, read as DATE_RE would read it
 * (its third pattern; the first two want four digits) without the regex's match, an array and a
 * string per group. Null for any other form, which the regex then reads.
 */
function monthDayAt(folded: string, at: number): DateToken | null {
  let i = at + 1;
  if (isDigit(folded.charCodeAt(i))) i++;
  if (folded.charCodeAt(i) !== MONTH) return null;
  const dayFrom = ++i;
  if (!isDigit(folded.charCodeAt(i))) return null;
  if (isDigit(folded.charCodeAt(++i))) i++;
  const c = folded.charCodeAt(i);
  if (c !== DAY && c !== HAO) return null;
  const canonical = `${folded.slice(at, dayFrom - 1)}月${folded.slice(dayFrom, i)}日`;
  return { start: at, end: i + 1, canonical, hasYear: false, hasDay: true, dotted: false };
}

/**
 * The first date written in `folded` at or after `from`, or null. Dates follow one another from
 * the end of the one before: findDates is nextDate from 0, then from each date's end.
 */
export function nextDate(folded: string, from: number): DateToken | null {
  for (let at = from; at < folded.length; at++) {
    const c = folded.charCodeAt(at);
    if (DATE_START[c] !== 1) continue;
    const quick = isDigit(c) ? monthDayAt(folded, at) : null;
    if (quick !== null) return quick;
    DATE_RE.lastIndex = at;
    const m = DATE_RE.exec(folded);
    if (m === null || m[0] === '') continue;
    // 3.5 is no date inside 12.3.5 or 2.5.5 (no lookbehind: old Safari webviews lack it).
    if (m[10] !== undefined && at > 0 && isDigitOrDot(folded.charCodeAt(at - 1))) continue;
    return token(m);
  }
  return null;
}

/** Every date written in `folded` (see fold), in order. */
export function findDates(folded: string): DateToken[] {
  const out: DateToken[] = [];
  for (let t = nextDate(folded, 0); t !== null; t = nextDate(folded, t.end)) out.push(t);
  return out;
}

function parseWithYear(t: DateToken, year?: number): ResolvedDate {
  // parseCnDate wants a day or a year; a month written alone (6月份) gets the year put in front.
  const text = t.hasYear || t.hasDay ? t.canonical : `${year}年${t.canonical}`;
  const d = parseCnDate(text, { defaultYear: year });
  if (!d.ok) return { ok: false, reason: d.reason === 'invalid' ? 'invalid' : 'unrecognised' };
  return { ok: true, iso: d.iso, precision: d.precision, inferred: !t.hasYear };
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/**
 * Resolved dates by their canonical form (which shows whether a year and a day were written),
 * for one year and reference date: a table's records repeat the same few dates.
 */
const resolved = new Map<string, ResolvedDate>();
let resolvedFor: { year: number | undefined; referenceDate: string | undefined } = { year: undefined, referenceDate: undefined };
/** Enough for every day of several years; past it the memo starts again (it is only a cache). */
const RESOLVED_MAX = 4096;

/**
 * The date a token stands for. Without a year written it takes `year`; a record tells of the
 * past, so when that puts it after `referenceDate` it takes the year before. Either way it is
 * marked inferred. The answer is shared between equal tokens: never change it.
 */
export function resolveDate(t: DateToken, year: number | undefined, referenceDate: string | undefined): ResolvedDate {
  if (resolvedFor.year !== year || resolvedFor.referenceDate !== referenceDate || resolved.size >= RESOLVED_MAX) {
    resolved.clear();
    resolvedFor = { year, referenceDate };
  }
  let d = resolved.get(t.canonical);
  if (d === undefined) resolved.set(t.canonical, (d = resolveUncached(t, year, referenceDate)));
  return d;
}

function resolveUncached(t: DateToken, year: number | undefined, referenceDate: string | undefined): ResolvedDate {
  if (t.hasYear) return parseWithYear(t);
  if (year === undefined) {
    // Still tell an impossible date (13月5日) from one that only lacks its year: 2000 is a leap year.
    const probe = parseWithYear(t, 2000);
    return probe.ok ? { ok: false, reason: 'no-year' } : probe;
  }
  const d = parseWithYear(t, year);
  if (d.ok && referenceDate !== undefined && isAfter(d.iso, referenceDate)) {
    const iso = `${year - 1}${d.iso.slice(4)}`;
    return iso.endsWith('-02-29') && !isLeap(year - 1) ? d : { ok: true, iso, precision: d.precision, inferred: true };
  }
  // 2月29日 read in a common year may be last year's.
  if (!d.ok && d.reason === 'invalid') {
    const before = parseWithYear(t, year - 1);
    if (before.ok) return before;
  }
  return d;
}
