import type { BoundLedger } from '../find/recognise';
import { cellText, isBlank } from '../model/cell';
import { columnLetter } from '../model/address';
import { normaliseHeader } from '../find/normalise';
import { MERGE } from '../../i18n/zh-CN/merge';

export interface ExtraColumn {
  /** Columns of different schools with the same key land in one merged column. */
  key: string;
  label: string;
}

function headerLabel(t: BoundLedger, c: number): string {
  for (let r = t.match.headerEnd; r >= t.match.headerRow; r--) {
    const text = cellText(t.sheet.rows[r]?.[c] ?? null).replace(/\s+/g, '');
    if (text) return text;
  }
  return '';
}

/**
 * Columns a school added to the official ones that hold data on some data row, by sheet
 * column. They are kept (never lose data), named by their header, or by their place when
 * they have none.
 */
export function extraColumnsOf(t: BoundLedger): Map<number, ExtraColumn> {
  const official = new Set(t.match.columns.values());
  const extras = new Map<number, ExtraColumn>();
  for (const view of t.views) {
    const row = t.sheet.rows[view.row] ?? [];
    for (let c = 0; c < row.length; c++) {
      if (official.has(c) || extras.has(c) || isBlank(row[c])) continue;
      const label = headerLabel(t, c);
      extras.set(c, label ? { key: normaliseHeader(label), label } : { key: `\u0000${c}`, label: MERGE.unnamedColumn(columnLetter(c)) });
    }
  }
  return new Map([...extras].sort((a, b) => a[0] - b[0]));
}
