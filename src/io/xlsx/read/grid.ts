import type { CellValue } from '../../../core/model/cell';
import { a1 } from '../../../core/model/address';
import { XlsxError } from '../errors';

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;
/**
 * Values further than this below the last row holding one (a note typed at row 1,048,576, a
 * block far down) are not materialised: the grid would be that many empty rows. They are
 * counted and the check reports them (file.distant-cells), so nothing goes unmentioned.
 */
export const FAR_GAP = 65536;

/** Workbook-wide ceilings, shared by every sheet read from one file, so no input can exhaust memory. */
export interface ReadBudget {
  /** Grid cells, the padding of a row up to its last value included. */
  cells: number;
  /** Rows materialised (empty rows between values included). */
  rows: number;
  readonly maxCells: number;
  readonly maxRows: number;
}

export function newBudget(maxCells: number, maxRows: number): ReadBudget {
  return { cells: 0, rows: 0, maxCells, maxRows };
}

/**
 * The rows of one sheet as values arrive. Only rows up to the last one holding a value exist:
 * empty and format-only rows (Excel writes <row r="1048576"> for a comment far down) are never
 * materialised, and every cell and row counts against the workbook's budget.
 */
export class GridBuilder {
  readonly rows: CellValue[][] = [];
  readonly hiddenRows: number[] = [];
  readonly uncachedFormulas: string[] = [];
  /** Values set aside by FAR_GAP: the first one's address and how many. */
  distant: { first: string; count: number } | null = null;

  constructor(
    private readonly sheet: string,
    private readonly budget: ReadBudget,
  ) {}

  put(row: number, col: number, value: CellValue): void {
    const rows = this.rows;
    if (row - rows.length >= FAR_GAP) {
      if (this.distant) this.distant.count++;
      else this.distant = { first: a1(row, col), count: 1 };
      return;
    }
    if (row >= rows.length) {
      this.budget.rows += row + 1 - rows.length;
      if (this.budget.rows > this.budget.maxRows) this.tooLarge(this.budget.maxRows);
      while (rows.length <= row) rows.push([]);
    }
    const r = rows[row]!;
    if (col >= r.length) {
      this.budget.cells += col + 1 - r.length;
      if (this.budget.cells > this.budget.maxCells) this.tooLarge(this.budget.maxCells);
      while (r.length < col) r.push(null);
      r.push(value);
    } else r[col] = value;
  }

  private tooLarge(limit: number): never {
    throw new XlsxError('too-large', { sheet: this.sheet, limit });
  }
}
