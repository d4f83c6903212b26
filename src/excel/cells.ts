import type { CellValue } from '../core/model/cell';

/** The error values Excel returns as text in Range.values. */
const ERROR_CODES = new Set([
  '#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA',
  '#SPILL!', '#CALC!', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!', '#PYTHON!',
]);

/**
 * Range.values gives dates as serial numbers; only the number format tells them apart.
 * A format is a date when its first section, without literal text, escapes, padding and
 * bracketed parts ([Red], [$-804], [DBNum1]), has a year or a day, or has a month "m" without
 * hours or seconds (with them, "m" means minutes). Elapsed times ([h]:mm) are durations.
 */
export function isDateFormat(format: string | null | undefined): boolean {
  if (!format || /^(general|@|G\/通用格式)$/i.test(format.trim())) return false;
  const section = (format.split(';')[0] ?? '').replace(/"[^"]*"/g, '');
  if (/\[(h+|m+|s+)\]/i.test(section)) return false; // elapsed time, a duration
  const bare = section
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[[^\]]*\]/g, '');
  if (/[yd]/i.test(bare)) return true;
  return /m/i.test(bare.replace(/AM\/PM|A\/P/gi, '')) && !/[hs]/i.test(bare);
}

/** One value as Range.values and Range.numberFormat give it, in the core's terms. */
export function toCellValue(value: unknown, format: string | undefined): CellValue {
  if (typeof value === 'number') return isDateFormat(format) ? { t: 'date', serial: value } : value;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    if (value === '') return null;
    // A typed text "#N/A" is indistinguishable here; the core treats both as not filled in.
    return ERROR_CODES.has(value) ? { t: 'error', code: value } : value;
  }
  return null;
}

/**
 * Text Excel would turn into something else when written to Range.values (numbers,
 * dates, times, percentages, booleans, formulas). A leading apostrophe keeps it text,
 * exactly as when a person types it.
 */
const REINTERPRETED = [
  /^[=+\-@']/,
  /^\s*[$¥€(]?\s*[\d.,]+\s*%?\)?\s*$/,
  /^\s*\d{1,4}\s*[-/.年]\s*\d{1,2}\s*(月|[-/.月]\s*\d{1,4}\s*日?)?\s*$/,
  /^\s*\d{1,2}\s*月\s*\d{1,2}\s*日?\s*$/,
  /^\s*\d{1,2}:\d{2}/,
  /^\s*\d+(\.\d+)?e[+-]?\d+\s*$/i,
  /^(true|false)$/i,
];

export function keepAsText(s: string): string {
  return REINTERPRETED.some((re) => re.test(s)) ? `'${s}` : s;
}

/** A core value as Range.values takes it. `asText` is for cells formatted "@", where no escape is needed. */
export function toExcelInput(v: CellValue, asText = false): string | number | boolean {
  if (v === null) return '';
  if (typeof v === 'string') return asText ? v : keepAsText(v);
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (v.t === 'date') return v.serial;
  return keepAsText(v.code);
}
