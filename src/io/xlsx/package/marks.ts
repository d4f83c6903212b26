import type { SheetGrid } from '../../../core/model/workbook';
import { MARKS_SHEET } from '../internal';
import type { CellSpec, SheetSpec } from '../spec';
import { MARKS_SHEET_PURPOSE } from '../../../i18n/zh-CN/files';

/**
 * What a mark replaced: the cell's own s attribute ('none' when it had none) or 'absent' when
 * the cell did not exist; `base` is the style the mark was derived from.
 */
export interface MarkEntry {
  sheet: string;
  ref: string;
  original: number | 'none' | 'absent';
  base: number;
  mark: number;
}

/** Beside the entries, where the marks are never read from. */
const PURPOSE_COLUMN = 6;

/** The marks memory as a very hidden sheet: one row per marked cell, and a line saying what it is for. */
export function marksSheet(entries: readonly MarkEntry[]): SheetSpec {
  const cells: CellSpec[] = [{ row: 0, col: PURPOSE_COLUMN, value: MARKS_SHEET_PURPOSE }];
  entries.forEach((e, row) => {
    [e.sheet, e.ref, e.original, e.base, e.mark].forEach((value, col) => cells.push({ row, col, value }));
  });
  return { name: MARKS_SHEET, cells, state: 'veryHidden' };
}

export function marksFromGrid(grid: SheetGrid | undefined): MarkEntry[] {
  if (!grid) return [];
  const out: MarkEntry[] = [];
  for (const row of grid.rows) {
    const [sheet, ref, original, base, mark] = row;
    if (typeof sheet !== 'string' || typeof ref !== 'string' || typeof base !== 'number' || typeof mark !== 'number') continue;
    if (typeof original !== 'number' && original !== 'none' && original !== 'absent') continue;
    out.push({ sheet, ref, original, base, mark });
  }
  return out;
}
