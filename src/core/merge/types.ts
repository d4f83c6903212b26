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
  /** Merge this table; by default the one most inputs hold. */
  tableId?: string;
  /** Mask 身份证号 and names in findings (reports that leave the office). */
  mask?: boolean;
  tables?: readonly TableDef[];
}

/** One column of the merged table, in output order. */
export type MergedColumn =
  | { kind: 'official'; def: ColumnDef }
  | { kind: 'source'; label: string }
  | { kind: 'originalSerial'; label: string }
  | { kind: 'extra'; label: string };

export interface MergedInput {
  file: string;
  status: 'merged' | 'rejected';
  /** Data rows taken from this input (merged inputs only). */
  rows?: number;
  /** Table id of what was merged or, for a rejected input, of what it holds. */
  template?: string;
  reason?: string;
  school?: string;
  /** Sheets whose rows were merged. */
  sheets?: string[];
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
  /** 0-based indexes into MergeResult.rows of the rows concerned. */
  rows: number[];
}

export interface MergeResult {
  /** Null when no input holds a table that can be merged. */
  tableId: string | null;
  def: LedgerDef | null;
  columns: MergedColumn[];
  header: string[];
  rows: CellValue[][];
  origins: RowOrigin[];
  inputs: MergedInput[];
  findings: MergeFinding[];
  /** The tables found in each input (null for an unreadable one), so a check need not find them again. */
  recognised: (Recognised | null)[];
}
