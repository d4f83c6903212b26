import type { CellValue } from '../../../core/model/cell';

/** Cell types (the t attribute), as small integers for the scanner's hot loop. */
export const T = { Number: 0, Shared: 1, Str: 2, Inline: 3, Bool: 4, Error: 5, Date: 6 } as const;
export type CellType = (typeof T)[keyof typeof T];

export function typeOf(t: string | undefined): CellType {
  switch (t) {
    case 's':
      return T.Shared;
    case 'str':
      return T.Str;
    case 'inlineStr':
      return T.Inline;
    case 'b':
      return T.Bool;
    case 'e':
      return T.Error;
    case 'd':
      return T.Date;
    default:
      return T.Number;
  }
}

/** What the value of a cell depends on besides its text. */
export interface ValueContext {
  sharedStrings: readonly string[];
  /** Per cell format: shows numbers as dates or times. */
  dateXfs: readonly boolean[];
  /** Per cell format: elapsed time ([h]:mm), a duration that the 1904 system does not shift. */
  elapsedXfs: readonly boolean[];
  date1904: boolean;
}

/** Days between the 1904 and 1900 date systems' day zero. */
const DAYS_1904 = 1462;

/** A number in a cell, as a date when its format shows one. */
export function numberCell(num: number, style: number, ctx: ValueContext): CellValue {
  if (style >= 0 && ctx.dateXfs[style]) {
    return { t: 'date', serial: ctx.date1904 && !ctx.elapsedXfs[style] ? num + DAYS_1904 : num };
  }
  return num;
}

/** A cell's value from its (entity-decoded) text, by type; `text` is null when the cell has no <v>. */
export function cellFromText(type: CellType, text: string, style: number, ctx: ValueContext): CellValue {
  switch (type) {
    case T.Shared: {
      const i = /^\d{1,15}$/.test(text) ? Number(text) : NaN;
      return ctx.sharedStrings[i] ?? null;
    }
    case T.Str:
    case T.Inline:
      return text;
    case T.Bool:
      return text[0] === '1' || text[0] === 't';
    case T.Error:
      return { t: 'error', code: text };
    case T.Date:
      return isoValue(text);
    default: {
      const s = text.trim();
      const num = s === '' ? NaN : Number(s);
      return Number.isNaN(num) ? text : numberCell(num, style, ctx);
    }
  }
}

const ISO_DATE = /^(-?\d{4,})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(\.\d+)?)?)?(?:Z|[+-]\d\d:?\d\d)?$/;
const ISO_TIME = /^T?(\d\d):(\d\d)(?::(\d\d)(\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?$/;
const ISO_DURATION = /^(-)?P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

function secondsOf(h: string | undefined, m: string | undefined, s: string | undefined, frac: string | undefined): number {
  return Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + Number(s ?? 0) + (frac ? Number(frac) : 0);
}

/** Days from 1899-12-30 to a proleptic Gregorian date (no Date object: years before 1970 and far ones alike). */
function daysFromEpoch(y: number, m: number, d: number): number {
  const a = m <= 2 ? 1 : 0;
  const yy = y - a;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468 + 25569;
}

/**
 * A t="d" value (ISO 8601, as Strict workbooks and some writers store dates) as a serial.
 * Dates count from 1899-12-30 as Excel writes them (its serial 1 is written 1899-12-31), times
 * alone are fractions of a day, durations (PT1H30M) days; a time zone is ignored as Excel does.
 */
export function isoValue(iso: string): CellValue {
  let m = ISO_DATE.exec(iso);
  if (m) {
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (month < 1 || month > 12 || day < 1 || day > 31) return iso;
    const days = daysFromEpoch(Number(m[1]), month, day);
    return { t: 'date', serial: days + secondsOf(m[4], m[5], m[6], m[7]) / 86400 };
  }
  m = ISO_TIME.exec(iso);
  if (m) return { t: 'date', serial: secondsOf(m[1], m[2], m[3], m[4]) / 86400 };
  m = ISO_DURATION.exec(iso);
  if (m && iso !== 'P' && !iso.endsWith('T')) {
    const days = Number(m[2] ?? 0) + secondsOf(m[3], m[4], m[5], undefined) / 86400;
    return { t: 'date', serial: m[1] ? -days : days };
  }
  return iso;
}
