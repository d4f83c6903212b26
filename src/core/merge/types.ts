import type { Recognised } from '../find/recognise';
import type { CellValue } from '../model/cell';
import type { WorkbookGrid } from '../model/workbook';
import type { ColumnDef, LedgerDef, TableDef } from '../tables/schema';
import type { Severity } from '../model/finding';

export interface MergeInput {
  /** The file as the user named it (a path or a name); shown in 来源 and the findings. */
  file: string;
  /** The school, when the caller knows it better than the table does. */
  school?: string;
  /** Null when the file could not be read; `error` then says why. */
  grid: WorkbookGrid | null;
  error?: string;
}

export interface MergeOptions {
  /** Merge only this table; by default every official table the inputs hold, each on its own. */
  tableId?: string;
  /** Mask 身份证号 and names in findings (reports that leave the office). */
  mask?: boolean;
  tables?: readonly TableDef[];
}

/** One column of a merged table, in output order. */
export type MergedColumn =
  | { kind: 'official'; def: ColumnDef }
  | { kind: 'source'; label: string }
  | { kind: 'originalSerial'; label: string }
  | { kind: 'extra'; label: string };

/** What one input gave to one merged table. */
export interface InputTable {
  template: string;
  rows: number;
  sheets: string[];
}

export interface MergedInput {
  file: string;
  status: 'merged' | 'rejected';
  /** Data rows taken from this input, all tables together (merged inputs only). */
  rows?: number;
  /** Table id of the first table merged or, for a rejected input, of what it holds. */
  template?: string;
  reason?: string;
  school?: string;
  /** Sheets whose rows were merged. */
  sheets?: string[];
  /** Rows taken per table, in the order of MergeResult.tables. */
  tables?: InputTable[];
}

/** Where a merged row came from. */
export interface RowOrigin {
  input: number;
  sheet: string;
  /** Excel row number in the school's sheet. */
  row: number;
}

export interface MergeFinding {
  rule: 'merge.duplicate-child' | 'merge.rejected';
  severity: Severity;
  /** The child's 身份证号 (masked when asked), for merge.duplicate-child by number. */
  idcard?: string;
  message: string;
  fix: string;
  files: string[];
  /** Index into MergeResult.tables of the table the rows belong to (merge.duplicate-child). */
  table?: number;
  /** 0-based indexes into that table's rows of the rows concerned. */
  rows: number[];
}

/** One official table merged from every input that holds it. */
export interface MergedTable {
  tableId: string;
  def: LedgerDef;
  columns: MergedColumn[];
  header: string[];
  rows: CellValue[][];
  origins: RowOrigin[];
  /** Data rows the inputs' tables hold; equal to rows.length (checked before returning). */
  rowsIn: number;
}

export interface MergeResult {
  /** Every official table the inputs hold, in the catalogue's order; empty when there is none. */
  tables: MergedTable[];
  inputs: MergedInput[];
  findings: MergeFinding[];
  /** The tables found in each input (null for an unreadable one), so a check need not find them again. */
  recognised: (Recognised | null)[];
}
