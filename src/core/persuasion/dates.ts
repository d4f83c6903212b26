import { parseCnDate } from '../parse/date';
import { isAfter } from '../parse/dateAt';

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
    // 3.5, 3/5 (not 1.6月: that is an item number before a date); not after a digit or a dot,
    // which findDates checks: Safari before 16.4 cannot parse a lookbehind.
    `(\\d{1,2})\\s*[./]\\s*(\\d{1,2})(?![\\d.月年])[日号]?`,
  ].join('|'),
  'y',
);
/** Where a date can start; the full pattern is only tried there, which keeps long texts fast. */
const DATE_START = /[\d〇零○一二两三四五六七八九十]/g;

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

/** Every date written in `folded` (see fold), in order. */
export function findDates(folded: string): DateToken[] {
  const out: DateToken[] = [];
  DATE_START.lastIndex = 0;
  for (let c = DATE_START.exec(folded); c !== null; c = DATE_START.exec(folded)) {
    DATE_RE.lastIndex = c.index;
    const m = DATE_RE.exec(folded);
    if (m === null || m[0] === '') continue;
    if (m[10] !== undefined && /[\d.]/.test(folded[m.index - 1] ?? '')) continue;
    DATE_START.lastIndex = m.index + m[0].length;
    out.push(token(m));
  }
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
 * The date a token stands for. Without a year written it takes `year`; a record tells of the
 * past, so when that puts it after `referenceDate` it takes the year before. Either way it is
 * marked inferred.
 */
export function resolveDate(t: DateToken, year: number | undefined, referenceDate: string | undefined): ResolvedDate {
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
