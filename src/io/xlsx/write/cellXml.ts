import type { CellValue } from '../../../core/model/cell';
import { XlsxError } from '../errors';
import { escapeText, escapeXstring } from '../xml';

/** Excel keeps at most this many characters (UTF-16 units) in a cell; longer text it cuts or refuses. */
export const MAX_CELL_TEXT = 32767;
/** Days between the 1900 and 1904 date systems' day zero. */
const DAYS_1904 = 1462;

/** Where a cell goes, for the cell's XML and for the message when it cannot be written. */
export interface CellTarget {
  sheet: string;
  /** The workbook counts dates from 1904 (workbookPr date1904): serials are 1,462 days smaller. */
  date1904: boolean;
  /** The sheet's namespace prefix, e.g. 'x:'. */
  p?: string;
}

/**
 * One <c> element. Text goes in as an inline string (no shared-string table to keep in step);
 * a string is always text, never a formula, even when it starts with '='. Text over Excel's
 * 32,767 characters is refused, never cut: the caller writes nothing and the user shortens it.
 */
export function cellXml(ref: string, value: CellValue, style: number, at: CellTarget): string {
  const p = at.p ?? '';
  const head = style > 0 ? `<${p}c r="${ref}" s="${style}"` : `<${p}c r="${ref}"`;
  if (value === null) return `${head}/>`;
  if (typeof value === 'string') {
    if (value.length > MAX_CELL_TEXT) throw new XlsxError('cell-too-long', { sheet: at.sheet, cell: ref, length: value.length });
    const space = /^\s|\s$|\n/.test(value) ? ' xml:space="preserve"' : '';
    return `${head} t="inlineStr"><${p}is><${p}t${space}>${escapeXstring(value)}</${p}t></${p}is></${p}c>`;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? valueXml(head, '', String(value), p) : valueXml(head, ' t="e"', '#NUM!', p);
  if (typeof value === 'boolean') return valueXml(head, ' t="b"', value ? '1' : '0', p);
  if (value.t === 'date') return valueXml(head, '', String(at.date1904 ? value.serial - DAYS_1904 : value.serial), p);
  return valueXml(head, ' t="e"', escapeText(value.code), p);
}

/** A cell holding a <v> value; `t` is its type attribute, if any. */
function valueXml(head: string, t: string, text: string, p: string): string {
  return `${head}${t}><${p}v>${text}</${p}v></${p}c>`;
}

/** Date cells need a date format to show as dates. */
export const DEFAULT_DATE_FORMAT = 'yyyy-mm-dd';
