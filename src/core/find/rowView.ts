import type { SheetGrid } from '../model/workbook';
import type { CellValue } from '../model/cell';
import type { ColumnKey } from '../tables/schema';
import type { RowView } from '../rules/types';
import { a1 } from '../model/address';

const MAX_COLS = 16384;

/** What a cell covered by a merged range shows, by row * 16384 + column. */
export type MergedValues = ReadonlyMap<number, CellValue>;

/**
 * Cells that merged ranges spanning several rows cover, with the value of the range's first
 * cell: a 区县 merged down a county's rows belongs to every one of them. Null without such merges.
 */
export function mergedValues(sheet: SheetGrid): MergedValues | null {
  const out = new Map<number, CellValue>();
  for (const m of sheet.merges ?? []) {
    const value = sheet.rows[m.top]?.[m.left] ?? null;
    if (m.bottom <= m.top || value === null) continue;
    // Rows past the last one read hold nothing to check.
    const bottom = Math.min(m.bottom, sheet.rows.length - 1);
    for (let r = m.top; r <= bottom; r++) {
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) out.set(r * MAX_COLS + c, value);
    }
  }
  return out.size ? out : null;
}

/** A data row of a ledger: one grid row, columns found by role. Cheap: one object per row. */
export class LedgerRow implements RowView {
  constructor(
    private readonly sheet: SheetGrid,
    private readonly columns: ReadonlyMap<ColumnKey, number>,
    readonly row: number,
    private readonly merged: MergedValues | null = null,
  ) {}

  get(key: ColumnKey): CellValue | undefined {
    const c = this.columns.get(key);
    if (c === undefined) return undefined;
    const v = this.sheet.rows[this.row]?.[c] ?? null;
    return v === null && this.merged ? (this.merged.get(this.row * MAX_COLS + c) ?? null) : v;
  }

  has(key: ColumnKey): boolean {
    return this.columns.has(key);
  }

  cellOf(key: ColumnKey): string {
    return a1(this.row, this.columns.get(key) ?? this.firstColumn());
  }

  rowOf(): number {
    return this.row + 1;
  }

  private firstColumn(): number {
    let min = Infinity;
    for (const c of this.columns.values()) min = Math.min(min, c);
    return Number.isFinite(min) ? min : 0;
  }
}
