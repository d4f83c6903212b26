import type { CellValue } from '../../../core/model/cell';
import { escapeText, escapeXstring } from '../xml';

/**
 * One <c> element (with the sheet's namespace prefix `p`, e.g. 'x:'). Text goes in as an inline string (no shared-string table to keep in step);
 * a string is always text, never a formula, even when it starts with '='.
 */
export function cellXml(ref: string, value: CellValue, style: number, p = ''): string {
  const s = style > 0 ? ` s="${style}"` : '';
  const head = `<${p}c r="${ref}"${s}`;
  const v = (t: string, text: string): string => `${head}${t}><${p}v>${text}</${p}v></${p}c>`;
  if (value === null) return `${head}/>`;
  if (typeof value === 'string') {
    const space = /^\s|\s$|\n/.test(value) ? ' xml:space="preserve"' : '';
    return `${head} t="inlineStr"><${p}is><${p}t${space}>${escapeXstring(value)}</${p}t></${p}is></${p}c>`;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? v('', String(value)) : v(' t="e"', '#NUM!');
  if (typeof value === 'boolean') return v(' t="b"', value ? '1' : '0');
  if (value.t === 'date') return v('', String(value.serial));
  return v(' t="e"', escapeText(value.code));
}

/** Date cells need a date format to show as dates. */
export const DEFAULT_DATE_FORMAT = 'yyyy-mm-dd';
