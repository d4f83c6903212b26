import { serialToIso, type CellValue } from '../model/cell';

export type ParsedDate =
  /** iso is yyyy-mm-dd for 'day' precision and yyyy-mm for 'month'. */
  | { ok: true; iso: string; precision: 'day' | 'month'; inferredYear: boolean }
  /** 'invalid': shaped like a date but impossible (2021.2.30, 13月5日); 'unrecognised': not a date. */
  | { ok: false; reason: 'empty' | 'invalid' | 'unrecognised' };

export interface DateContext {
  /** Year for dates written without one (3月5日); without it such dates are 'unrecognised'. */
  defaultYear?: number;
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;
/** Plain numbers read as Excel serials only between 1950-01-01 and 2100-12-31. */
const MIN_SERIAL = 18264;
const MAX_SERIAL = 73415;

const UNRECOGNISED: ParsedDate = { ok: false, reason: 'unrecognised' };
const INVALID: ParsedDate = { ok: false, reason: 'invalid' };

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Builds the result from numeric parts. A missing year is checked against a leap year first,
 * so 13月5日 is 'invalid' whether or not a default year is known.
 */
function build(year: number | null, month: number, day: number | null, ctx: DateContext | undefined): ParsedDate {
  if (month < 1 || month > 12) return INVALID;
  if (day !== null && (day < 1 || day > daysIn(year ?? 2000, month))) return INVALID;
  let y = year;
  if (y === null) {
    if (ctx?.defaultYear === undefined) return UNRECOGNISED;
    y = ctx.defaultYear;
    if (day !== null && day > daysIn(y, month)) return INVALID;
  }
  if (y < MIN_YEAR || y > MAX_YEAR) return INVALID;
  const iso = day === null ? `${y}-${pad(month)}` : `${y}-${pad(month)}-${pad(day)}`;
  return { ok: true, iso, precision: day === null ? 'month' : 'day', inferredYear: year === null };
}

const CN_DIGITS: Record<string, number> = {
  〇: 0, 零: 0, '○': 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** 二〇二一 → 2021 (digit by digit); 十 → 10, 十一 → 11, 二十一 → 21, 廿一 → 21. */
function cnNumber(run: string): string {
  const tens = /^([一二三])?十(.)?$|^(廿|卅)(.)?$/.exec(run);
  if (tens) {
    const t = tens[3] === '廿' ? 2 : tens[3] === '卅' ? 3 : tens[1] ? CN_DIGITS[tens[1]]! : 1;
    const unit = tens[2] ?? tens[4];
    return String(t * 10 + (unit ? (CN_DIGITS[unit] ?? NaN) : 0));
  }
  return [...run].map((c) => CN_DIGITS[c] ?? '?').join('');
}

function fromChineseNumerals(s: string): string {
  return s.replace(/[〇零○一二两三四五六七八九十廿卅]+/g, cnNumber);
}

const DAY_PATTERNS: RegExp[] = [
  /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/,
  /^(\d{4})([./-])(\d{1,2})\2(\d{1,2})$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

const PERIOD = '凌晨|清晨|早上|早晨|上午|中午|午后|下午|傍晚|晚上|晚间|夜里|夜间|晚';
const CLOCK = '\\d{1,2}(?:[:：]\\d{2}){1,2}|\\d{1,2}[时点](?:\\d{1,2}分|半|钟)?(?:左右)?';
/** A time of day after the date ("9月24日上午", "下午3点", "晚上8:30"), as the 劝返 records write it. */
const TIME_OF_DAY = new RegExp(`(${PERIOD})?(${CLOCK})?$`);

/** The date without its time of day; a bare clock only after 日/号 (2021.3.510:30 stays unread). */
function withoutTime(s: string): string {
  const m = TIME_OF_DAY.exec(s);
  if (!m || m[0] === '') return s;
  const head = s.slice(0, m.index);
  if (head === '') return s;
  return m[1] !== undefined || /[日号]$/.test(head) ? head : s;
}

function parseText(raw: string, ctx: DateContext | undefined): ParsedDate {
  const s = withoutTime(
    fromChineseNumerals(
      raw
        .normalize('NFKC')
        .trim()
        .replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, '')
        .replace(/\s+/g, ''),
    ),
  );
  if (s === '') return { ok: false, reason: 'empty' };
  for (const re of DAY_PATTERNS) {
    const m = re.exec(s);
    if (m) {
      const parts = m.slice(1).filter((p) => /^\d+$/.test(p)).map(Number);
      return build(parts[0]!, parts[1]!, parts[2]!, ctx);
    }
  }
  let m = /^(\d{4})年(\d{1,2})(月份?)?$/.exec(s) ?? /^(\d{4})[./-](\d{1,2})$/.exec(s);
  if (m) return build(Number(m[1]), Number(m[2]), null, ctx);
  m = /^(\d{1,2})月(\d{1,2})[日号]?$/.exec(s) ?? /^(\d{1,2})[./](\d{1,2})$/.exec(s);
  if (m) return build(null, Number(m[1]), Number(m[2]), ctx);
  return UNRECOGNISED;
}

/**
 * A decimal typed into a General cell (2021.3, 3.5) arrives as a number that has lost its
 * trailing zero: 2021.1 may have been 2021.10. Read it only when one reading is possible.
 */
function parseDecimal(v: number, ctx: DateContext | undefined): ParsedDate {
  const m = /^(\d{1,4})\.(\d{1,2})$/.exec(String(v));
  if (!m) return UNRECOGNISED;
  const head = Number(m[1]);
  const tails = m[2]!.length === 1 ? [Number(m[2]), Number(m[2]) * 10] : [Number(m[2])];
  const results = tails.map((t) =>
    m[1]!.length === 4 ? build(head, t, null, ctx) : m[1]!.length <= 2 ? build(null, head, t, ctx) : UNRECOGNISED,
  );
  const readings = results.filter((r) => r.ok);
  if (readings.length === 1) return readings[0]!;
  if (readings.length > 1) return UNRECOGNISED;
  return results.some((r) => !r.ok && r.reason === 'unrecognised') ? UNRECOGNISED : INVALID;
}

function parseNumber(v: number, ctx: DateContext | undefined): ParsedDate {
  if (!Number.isFinite(v) || v <= 0) return UNRECOGNISED;
  if (Number.isInteger(v) && v >= 19000101 && v <= 21001231) return parseText(String(v), ctx);
  if (v >= MIN_SERIAL && v < MAX_SERIAL + 1) return { ok: true, iso: serialToIso(v), precision: 'day', inferredYear: false };
  if (!Number.isInteger(v)) return parseDecimal(v, ctx);
  return UNRECOGNISED;
}

/** Reads a date as clerks type it (§4 of the domain notes). Never throws. */
export function parseCnDate(value: CellValue, ctx?: DateContext): ParsedDate {
  if (value === null) return { ok: false, reason: 'empty' };
  if (typeof value === 'string') return parseText(value, ctx);
  if (typeof value === 'number') return parseNumber(value, ctx);
  if (typeof value === 'boolean' || value.t === 'error') return UNRECOGNISED;
  // 2958465 is 9999-12-31, Excel's last date.
  if (!Number.isFinite(value.serial) || value.serial < 1 || value.serial > 2958465) return INVALID;
  return { ok: true, iso: serialToIso(value.serial), precision: 'day', inferredYear: false };
}
