import type { WorkbookGrid } from '../core/model/workbook';
import type { TotalsOutput } from './services';
import { recognise } from '../core/find/recognise';
import { planTotals } from '../core/totals/fill';

/** 填写汇总: every totals table the workbook's details allow, in the core's plan. */
export const fillTotals = (grid: WorkbookGrid): TotalsOutput[] =>
  planTotals(
    recognise(grid),
    grid.sheets.map((s) => s.name),
  ).map((f) => f.write);
