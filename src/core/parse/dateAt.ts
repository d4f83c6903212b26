import type { CellValue } from '../model/cell';
import { parseCnDate, type ParsedDate } from './date';

/**
 * Reads a date the way the rules judge it, at a reference date (yyyy-mm-dd). A date written
 * without a year (3月5日) records something that has happened, so it takes the latest year that
 * does not put it after the reference date; it stays marked as inferred.
 */
export function parseDateAt(value: CellValue, referenceDate: string): ParsedDate {
  const year = Number(referenceDate.slice(0, 4));
  const d = parseCnDate(value, { defaultYear: year });
  if (!d.ok || !d.inferredYear || !isAfter(d.iso, referenceDate)) return d;
  return parseCnDate(value, { defaultYear: year - 1 });
}

/** a after b, compared at the coarser of the two precisions (yyyy-mm against yyyy-mm-dd). */
export function isAfter(a: string, b: string): boolean {
  if (a.length === b.length) return a > b; // the common case, without cutting either
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) > b.slice(0, n);
}
