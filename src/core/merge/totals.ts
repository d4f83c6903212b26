import type { SheetSpec } from '../../io/xlsx/spec';
import type { WorkbookGrid } from '../model/workbook';
import { recognise } from '../find/recognise';
import { TOTALS } from '../tables';
import { computeTotals } from '../totals/compute';
import { totalsSheet } from '../totals/fill';
import type { MergedTable } from './types';

/** The merged rows as a plain sheet under the table's title, as the county workbook holds them. */
export function mergedGrid(table: MergedTable, sheetName: string): WorkbookGrid {
  return { sheets: [{ name: sheetName, rows: [[table.def.title], table.header, ...table.rows] }] };
}

/** The totals table computed from the merged rows (002 附件5 from 附件4), when the table has one. */
export function mergedTotalsSheet(table: MergedTable, detailSheet: string, name: string): SheetSpec | null {
  const def = table.def;
  const totalsDef = TOTALS.find((t) => t.from === def.id);
  if (!totalsDef) return null;
  const ledger = recognise(mergedGrid(table, detailSheet), [def]).tables[0];
  if (ledger?.kind !== 'ledger') return null;
  return totalsSheet(computeTotals(ledger, totalsDef), name);
}
