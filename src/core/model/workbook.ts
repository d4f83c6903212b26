import type { CellValue } from './cell';
import type { RangeRef } from './address';

/** A data validation as a range, never expanded cell by cell. */
export interface ValidationRule {
  /** Space-separated ranges, as in the sqref attribute, e.g. "I3:I152 K3:K10". */
  sqref: string;
  type: string; // list, whole, decimal, date, textLength, custom, …
  /** For list: the inline items when the formula is a literal list, else null. */
  listItems: string[] | null;
  /** The raw formula1 (e.g. '字典!$A$1:$A$13' or '"是,否,无"'). */
  formula1: string | null;
  /** True when it came from the Excel 2010 x14 extension list. */
  x14: boolean;
}

/** One sheet as a plain grid. rows[r][c] is Excel row r+1, column c+1. */
export interface SheetGrid {
  name: string;
  rows: CellValue[][];
  /** hidden or veryHidden sheets */
  hidden?: boolean;
  /** 0-based indexes of hidden rows */
  hiddenRows?: number[];
  merges?: RangeRef[];
  validations?: ValidationRule[];
  /** Cells holding a formula whose cached value is missing (A1 addresses). */
  uncachedFormulas?: string[];
  /** Values far below the rest (over 65,536 empty rows), not in `rows`: the first one's address and how many. */
  distantCells?: { first: string; count: number };
}

export interface WorkbookGrid {
  sheets: SheetGrid[];
  /** Workbook-level defined names, name → formula text. `_baoxue_template` carries the table id. */
  definedNames?: Record<string, string>;
}

/** Defined name that templates carry: value is '"<tableId>@<version>"'. */
export const TEMPLATE_NAME = '_baoxue_template';
