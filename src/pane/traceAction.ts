import type { WorkbookGrid } from '../core/model/workbook';
import type { WorkbookHost } from '../host/types';
import type { TotalsTrace, TraceTotals } from './services';

export interface TraceAt {
  sheet: string;
  a1: string;
  /** Null when the cell is not a figure that can be traced. */
  trace: TotalsTrace | null;
}

/** A host that can say which cell is selected. */
export type SelectingHost = WorkbookHost & Required<Pick<WorkbookHost, 'getSelection'>>;

export const hasSelection = (host: WorkbookHost): host is SelectingHost => typeof host.getSelection === 'function';

/** 追溯汇总数 on the selected cell, against the workbook as it is now: a figure typed since the last check is traced as it stands. */
export async function traceSelection(host: SelectingHost, traceTotals: TraceTotals): Promise<TraceAt> {
  const { sheet, a1 } = await host.getSelection();
  const grid = await host.readWorkbook();
  return { sheet, a1, trace: await traceTotals(grid, sheet, a1) };
}

/** 查看明细 under a totals finding: traced in the grid that was checked, as the finding was. */
export async function traceFinding(grid: WorkbookGrid, finding: { sheet: string; cell: string }, traceTotals: TraceTotals): Promise<TraceAt> {
  return { sheet: finding.sheet, a1: finding.cell, trace: await traceTotals(grid, finding.sheet, finding.cell) };
}
