import type { SheetGrid } from '../model/workbook';
import type { LedgerMatch } from './ledger';
import { normaliseHeader } from './normalise';
import { MERGE } from '../../i18n/zh-CN/merge';

const SOURCE = normaliseHeader(MERGE.sourceColumn);

/**
 * The 来源 column a county merge adds after the official ones (no official table has it):
 * rows from different schools' files are judged apart (serial numbers) and named by it (duplicates).
 */
export function sourceColumn(sheet: SheetGrid, m: LedgerMatch): number | null {
  if (m.columns.has('source')) return null;
  const taken = new Set(m.columns.values());
  for (const r of new Set([m.headerRow, m.headerEnd])) {
    const row = sheet.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      if (!taken.has(c) && normaliseHeader(row[c] ?? null) === SOURCE) return c;
    }
  }
  return null;
}
