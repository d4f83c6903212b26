import type { SheetGrid } from '../model/workbook';
import type { CellValue } from '../model/cell';
import type { ColumnKey } from '../tables/schema';
import type { RowView } from '../rules/types';
import { a1 } from '../model/address';

/** A data row of a ledger: one grid row, columns found by role. Cheap: one object per row. */
export class LedgerRow implements RowView {
  constructor(
    private readonly sheet: SheetGrid,
    private readonly columns: ReadonlyMap<ColumnKey, number>,
    readonly row: number,
  ) {}

  get(key: ColumnKey): CellValue | undefined {
    const c = this.columns.get(key);
    if (c === undefined) return undefined;
    return this.sheet.rows[this.row]?.[c] ?? null;
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
