import type { WorkbookGrid } from '../core/model/workbook';
import type { CheckOptions, CheckReport } from '../core/check';
import type { CellSpec, SheetSpec, WorkbookSpec } from '../io/xlsx/spec';
import type { WorkbookHost } from '../host/types';
import type { MergedInput } from '../core/merge/types';
import type { ArmWorkbookFn } from './ArmButton';
import type { Change } from './changes';

/** What 填写汇总 writes for one totals table: cells of an existing sheet, or a new sheet. */
export type TotalsOutput = { kind: 'cells'; sheet: string; cells: CellSpec[] } | { kind: 'sheet'; newSheet: SheetSpec };

/** Either may answer later: the browser page runs them in its worker. */
export type CheckFn = (grid: WorkbookGrid, opts?: CheckOptions) => CheckReport | Promise<CheckReport>;
export type FillTotals = (grid: WorkbookGrid) => TotalsOutput[] | Promise<TotalsOutput[]>;

/** A detail row that a totals figure counts: its sheet, Excel row, and the cell that puts it there. */
export interface TracedRow {
  sheet: string;
  row: number;
  cell: string;
}

/** What a totals cell counts: its 地市/区县 and measure, the figure the details give, and those rows. */
export interface TotalsTrace {
  label: string;
  value: number;
  rows: TracedRow[];
}

/** Null when the cell is not a figure of a totals table whose details are in the workbook. */
export type TraceTotals = (grid: WorkbookGrid, sheet: string, a1: string) => TotalsTrace | null | Promise<TotalsTrace | null>;

/** A school's workbook as the user picked it. */
export interface SchoolFile {
  name: string;
  bytes: Uint8Array;
}

/** A child reported by two schools: both rows are kept; `rows` are Excel rows of the merged list sheet. */
export interface MergedDuplicate {
  message: string;
  files: string[];
  rows: number[];
}

/** The county merge of the schools' workbooks, as the pane reports and writes it. */
export interface MergeOutcome {
  /** The merged table's title; null when no file holds a table that can be merged. */
  title: string | null;
  rows: number;
  inputs: MergedInput[];
  duplicates: MergedDuplicate[];
  /** The county workbook: the list, its totals, 合并说明 (and the hidden 字典); null when nothing merged. */
  workbook: WorkbookSpec | null;
  /** The merged list's sheet in `workbook`. */
  listSheet: string | null;
}

export interface MergeFilesOptions {
  /** Sheets the result must not replace (Excel: the open workbook's); none for a new file. */
  existingSheets?: readonly string[];
  /** yyyy-mm-dd for the check of each school's workbook (合并说明). */
  referenceDate?: string;
}

export type MergeFiles = (files: readonly SchoolFile[], opts?: MergeFilesOptions) => MergeOutcome | Promise<MergeOutcome>;

/** Everything the pane depends on, so the Excel pane, the browser page and tests can each bring their own. */
export interface PaneServices {
  host: WorkbookHost;
  check: CheckFn;
  /** Without it the pane has no 填写汇总 button. */
  fillTotals?: FillTotals;
  /** Without it the pane offers no 追溯汇总数 (nor 查看明细 under a wrong totals figure). */
  traceTotals?: TraceTotals;
  /** Without it the pane has no 给表格加上自动检查 button. */
  armWorkbook?: ArmWorkbookFn;
  /** Without it the pane has no 合并工作簿 button. */
  mergeFiles?: MergeFiles;
  /** Where a merge goes (the browser page: a new file); by default into the open workbook. Returns the sheet or file written. */
  writeMerged?: (outcome: MergeOutcome) => Promise<string>;
  /** After a successful check (Excel: open the pane with this workbook from now on). */
  onChecked?: () => Promise<void>;
  /**
   * Saves a new workbook where the user finds it (the browser page: a download) and returns
   * the file's name; without it 导出审核意见 is not offered and notices go into the open workbook.
   */
  saveWorkbook?: (spec: WorkbookSpec, fileName: string) => Promise<string>;
  /** The open file's name without its extension, to name what the pane exports. */
  fileBase?: () => string;
  /** Calls back with each cell the user picks in the sheet; returns the unsubscribe. */
  watchSelection?: (listener: (picked: { sheet: string; cell: string }) => void) => () => void;
  /** Prints the page (the browser's print); without it 打印审核意见 is not offered. */
  print?: () => void;
  /** Shows the cells an action changed (the browser grid highlights them). */
  showChanges?: (changes: readonly Change[]) => void;
  /** yyyy-mm-dd; tests fix it, the pane uses today. */
  today?: () => string;
}
