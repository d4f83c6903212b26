import type { WorkbookGrid } from '../core/model/workbook';
import type { CheckOptions, CheckReport } from '../core/check';
import type { CellSpec, SheetSpec } from '../io/xlsx/spec';
import type { WorkbookHost } from '../host/types';

/** What 填写汇总 writes for one totals table: cells of an existing sheet, or a new sheet. */
export type TotalsOutput = { kind: 'cells'; sheet: string; cells: CellSpec[] } | { kind: 'sheet'; newSheet: SheetSpec };

/** Either may answer later: the browser page runs them in its worker. */
export type CheckFn = (grid: WorkbookGrid, opts?: CheckOptions) => CheckReport | Promise<CheckReport>;
export type FillTotals = (grid: WorkbookGrid) => TotalsOutput[] | Promise<TotalsOutput[]>;

/** Everything the pane depends on, so the Excel pane, the browser page and tests can each bring their own. */
export interface PaneServices {
  host: WorkbookHost;
  check: CheckFn;
  /** Without it the pane has no 填写汇总 button. */
  fillTotals?: FillTotals;
  /** After a successful check (Excel: open the pane with this workbook from now on). */
  onChecked?: () => Promise<void>;
  /** yyyy-mm-dd; tests fix it, the pane uses today. */
  today?: () => string;
}
