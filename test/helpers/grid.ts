import type { CellValue } from '../../src/core/model/cell';
import type { SheetGrid, WorkbookGrid } from '../../src/core/model/workbook';

/** A sheet from rows of values; `null` for empty cells. */
export function sheet(name: string, rows: CellValue[][]): SheetGrid {
  return { name, rows };
}

export function workbook(...sheets: SheetGrid[]): WorkbookGrid {
  return { sheets };
}

/** Computes the GB 11643 check digit so tests can make valid synthetic 身份证号. */
export function withCheckDigit(body17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(body17[i]) * w[i]!;
  return body17 + '10X98765432'[s % 11];
}
