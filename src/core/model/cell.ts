/**
 * The plain cell values every host hands to the core. Hosts (Office.js, the xlsx
 * reader, tests) convert their own representation into these; the core never sees
 * Office objects, DOM nodes or XML.
 */

/** A cell that Excel shows as a date (its number format is a date format). */
export interface DateCell {
  readonly t: 'date';
  /** Excel serial number in the 1900 system (already converted from 1904 if needed). */
  readonly serial: number;
}

/** An Excel error value such as #N/A, or a formula with no cached value (#NOCACHE). */
export interface ErrorCell {
  readonly t: 'error';
  readonly code: string;
}

export type CellValue = string | number | boolean | null | DateCell | ErrorCell;

export function isDateCell(v: CellValue): v is DateCell {
  return typeof v === 'object' && v !== null && v.t === 'date';
}

export function isErrorCell(v: CellValue): v is ErrorCell {
  return typeof v === 'object' && v !== null && v.t === 'error';
}

/** Blank means empty or only whitespace (including full-width spaces). */
export function isBlank(v: CellValue | undefined): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v !== 'string') return false;
  // A loop, not a regex: this runs on every cell of every row.
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c > 32 && c !== 0x3000 && c !== 0xa0 && c !== 0xfeff && !(c >= 0x2000 && c <= 0x200b)) return false;
  }
  return true;
}

/** Text of a cell as a person would read it; dates as yyyy-mm-dd. */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v.t === 'date') return serialToIso(v.serial);
  return v.code;
}

/** The last day Excel can show: 9999-12-31. */
const MAX_DATE_SERIAL = 2958465;

/**
 * Excel 1900-system serial to yyyy-mm-dd (serial 60, the phantom 1900-02-29, maps to 1900-02-28).
 * A serial outside Excel's dates (a number formatted as a date) is given as the number it is.
 */
export function serialToIso(serial: number): string {
  if (!(serial >= 0 && serial < MAX_DATE_SERIAL + 1)) return String(serial);
  const days = Math.floor(serial);
  const offset = days >= 61 ? days - 25569 : days - 25568;
  const d = new Date(offset * 86400000);
  return d.toISOString().slice(0, 10);
}

/** yyyy-mm-dd (or a Date at UTC midnight) to the Excel 1900-system serial. */
export function isoToSerial(iso: string): number {
  const ms = Date.parse(iso.slice(0, 10) + 'T00:00:00Z');
  const days = Math.round(ms / 86400000) + 25569;
  return days < 61 ? days - 1 : days;
}
