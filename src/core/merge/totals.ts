import type { SheetSpec } from '../../io/xlsx/spec';
import type { WorkbookGrid } from '../model/workbook';
import { recognise } from '../find/recognise';
import { TOTALS } from '../tables';
import { computeTotals } from '../totals/compute';
import { totalsSheet } from '../totals/fill';
import type { MergeResult } from './types';

/** The merged rows as a plain sheet under the table's title, as the county workbook holds them. */
export function mergedGrid(result: MergeResult, sheetName: string): WorkbookGrid {
  return { sheets: [{ name: sheetName, rows: [[result.def?.title ?? null], result.header, ...result.rows] }] };
}

/** The totals table computed from the merged rows (002 附件5 from 附件4), when the table has one. */
export function mergedTotalsSheet(result: MergeResult, detailSheet: string, name: string): SheetSpec | null {
  const def = result.def;
  const totalsDef = def && TOTALS.find((t) => t.from === def.id);
  if (!def || !totalsDef) return null;
  const ledger = recognise(mergedGrid(result, detailSheet), [def]).tables[0];
  if (ledger?.kind !== 'ledger') return null;
  return totalsSheet(computeTotals(ledger, totalsDef), name);
}
