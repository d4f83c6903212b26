import type { SheetGrid, WorkbookGrid } from '../core/model/workbook';
import type { CheckOptions, CheckReport } from '../core/check';
import type { Finding } from '../core/model/finding';
import type { MarkResult } from '../host/types';
import type { CellSpec, SheetSpec, ValidationSpec, WorkbookSpec } from '../io/xlsx/spec';
import type { MergeFilesOptions, MergeOutcome, SchoolFile, TotalsOutput, TotalsTrace } from '../pane/services';
import type { SheetInfo } from './workbookFile';

/** What the worker is doing, for the page's progress bar. */
export type Stage = 'unzip' | 'read' | 'check' | 'totals' | 'merge' | 'write' | 'save';

/**
 * A grid the worker read, sent back by its id so a 20,000-row grid crosses to the worker
 * only once; any other grid travels whole.
 */
export type GridRef = number | WorkbookGrid;

/** The worker's operations; every call and result is structured-cloned (bytes are transferred). */
export interface WorkerApi {
  open(bytes: Uint8Array): SheetInfo[];
  sheets(): SheetInfo[];
  readWorkbook(): { id: number; grid: WorkbookGrid };
  readSheet(name: string): SheetGrid;
  /**
   * A grid sent in pieces (the Excel pane's, read on the page): its sheets without rows, then
   * rows in chunks, so no single message holds the page's thread for long. endGrid holds it
   * as the last grid read and returns its id, for check, fillTotals and traceTotals.
   */
  beginGrid(skeleton: WorkbookGrid): void;
  appendRows(sheet: number, rows: SheetGrid['rows']): void;
  endGrid(): number;
  check(grid: GridRef, opts: CheckOptions): CheckReport;
  fillTotals(grid: GridRef): TotalsOutput[];
  traceTotals(grid: GridRef, sheet: string, a1: string): TotalsTrace | null;
  /** 合并工作簿: the schools' files are read and merged here too. */
  mergeFiles(files: readonly SchoolFile[], opts: MergeFilesOptions): Promise<MergeOutcome>;
  /** A new workbook (the county's merged one). */
  createWorkbook(spec: WorkbookSpec): Uint8Array;
  markFindings(findings: readonly Finding[]): MarkResult;
  clearMarks(): void;
  writeCells(sheet: string, cells: readonly CellSpec[]): void;
  addSheet(spec: SheetSpec): void;
  repairValidations(sheet: string, validations: readonly ValidationSpec[]): void;
  save(): Uint8Array;
}

export type Op = keyof WorkerApi;

export interface Request<K extends Op = Op> {
  id: number;
  op: K;
  args: Parameters<WorkerApi[K]>;
}

export type Reply =
  | { kind: 'progress'; id: number; stage: Stage }
  | { kind: 'done'; id: number; value: unknown }
  | { kind: 'failed'; id: number; name: string; message: string };
