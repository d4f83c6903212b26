import type { SheetGrid } from '../model/workbook';
import type { CellValue } from '../model/cell';
import { COLUMN_KEYS, type ColumnKey } from '../tables/schema';
import type { RowList, RowView } from '../rules/types';
import { a1 } from '../model/address';
import { SLOT, type ColumnSlot } from './columnSlot';

interface Span {
  top: number;
  bottom: number;
  left: number;
  value: CellValue;
}

/**
 * What cells covered by merged ranges spanning several rows show: the value of the range's first
 * cell (a 区县 merged down a county's rows belongs to every one of them). Kept as ranges per
 * table column, never cell by cell, so a crafted merge over the whole sheet costs nothing.
 */
export class MergedValues {
  private readonly byColumn = new Map<number, Span[]>();

  private constructor(sheet: SheetGrid, columns: Iterable<number>) {
    const wanted = [...new Set(columns)];
    for (const m of sheet.merges ?? []) {
      const value = sheet.rows[m.top]?.[m.left] ?? null;
      if (m.bottom <= m.top || value === null) continue;
      for (const c of wanted) {
        if (c < m.left || c > m.right) continue;
        const spans = this.byColumn.get(c) ?? [];
        spans.push({ top: m.top, bottom: m.bottom, left: m.left, value });
        this.byColumn.set(c, spans);
      }
    }
    for (const spans of this.byColumn.values()) spans.sort((a, b) => a.top - b.top);
  }

  /** Null when no merge spanning rows covers any of `columns`. */
  static of(sheet: SheetGrid, columns: Iterable<number>): MergedValues | null {
    if (!sheet.merges?.length) return null;
    const merged = new MergedValues(sheet, columns);
    return merged.byColumn.size ? merged : null;
  }

  /** The value a merge shows at (row, col), or null when no merge covers the cell. */
  get(row: number, col: number): CellValue {
    const spans = this.byColumn.get(col);
    if (!spans) return null;
    let lo = 0;
    let hi = spans.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (spans[mid]!.top <= row) lo = mid;
      else hi = mid - 1;
    }
    const s = spans[lo]!;
    return s.top <= row && row <= s.bottom && !(row === s.top && col === s.left) ? s.value : null;
  }
}

/** Where a ledger's columns are, shared by all its rows. */
export class LedgerColumns {
  /** Column of each slot (see columnSlot), -1 where the sheet lacks the role. */
  readonly bySlot: Int32Array;
  /** The leftmost column found: where a finding about a column the sheet lacks points. */
  readonly first: number;

  constructor(
    readonly byKey: ReadonlyMap<ColumnKey, number>,
    readonly merged: MergedValues | null = null,
  ) {
    this.bySlot = new Int32Array(COLUMN_KEYS.length).fill(-1);
    let first = Infinity;
    for (const [key, c] of byKey) {
      this.bySlot[SLOT[key]] = c;
      first = Math.min(first, c);
    }
    this.first = Number.isFinite(first) ? first : 0;
  }
}

/**
 * A data row of a ledger: one grid row, columns found by role. The check reads every row through
 * one of these, moved from row to row (`moveTo`); others are made only for rows a finding names.
 * Its fields are declared, not defined (`declare`): a defined field runs an initialiser on each
 * construction, and the CLI builds them before V8 has optimised anything.
 */
export class LedgerRow implements RowView {
  /** The grid row itself (sheet.rows[row]), looked up once: every rule reads several of its cells. */
  private declare cells: readonly CellValue[];
  private declare readonly columns: LedgerColumns;
  declare row: number;
  declare section: number;

  constructor(cells: readonly CellValue[], columns: LedgerColumns, row: number, section: number) {
    this.cells = cells;
    this.columns = columns;
    this.row = row;
    this.section = section;
  }

  /** Points this view at another row of the same ledger (see LedgerRowList.cursor). */
  moveTo(cells: readonly CellValue[], row: number, section: number): void {
    this.cells = cells;
    this.row = row;
    this.section = section;
  }

  get(key: ColumnKey): CellValue | undefined {
    const c = this.columns.byKey.get(key);
    return c === undefined ? undefined : this.cell(c);
  }

  valueAt(slot: ColumnSlot): CellValue | undefined {
    const c = this.columns.bySlot[slot];
    if (c === undefined || c < 0) return undefined;
    // cell(c), written out: rules call this some twenty times a row, long before V8 inlines it.
    const v = this.cells[c];
    if (v !== null && v !== undefined) return v;
    return this.columns.merged === null ? null : this.columns.merged.get(this.row, c);
  }

  has(key: ColumnKey): boolean {
    return this.columns.byKey.has(key);
  }

  cellOf(key: ColumnKey): string {
    return a1(this.row, this.columns.byKey.get(key) ?? this.columns.first);
  }

  rowOf(): number {
    return this.row + 1;
  }

  private cell(c: number): CellValue {
    const v = this.cells[c] ?? null;
    return v === null && this.columns.merged ? this.columns.merged.get(this.row, c) : v;
  }
}

/** Views already made (a form's, a test's) as a RowList. */
export function viewList(views: readonly RowView[]): RowList {
  return { length: views.length, view: (i) => views[i] };
}

/**
 * A ledger's data rows as grid row numbers and sections, two numbers a row: a view is made only
 * when asked for (`view`), so that finding a table of 100,000 rows makes no object per row.
 */
export class LedgerRowList implements RowList {
  private materialised: LedgerRow[] | null = null;

  constructor(
    private readonly sheet: SheetGrid,
    private readonly columns: LedgerColumns,
    /** 0-based grid row of each data row, in order. */
    private readonly gridRows: Int32Array,
    private readonly sections: Int32Array,
    readonly length: number,
  ) {}

  /** The i-th data row's view, undefined past the end: a new one on each call until views() made them all. */
  view(i: number): LedgerRow | undefined {
    if (!(i >= 0 && i < this.length)) return undefined;
    if (this.materialised) return this.materialised[i];
    const r = this.gridRows[i]!;
    return new LedgerRow(this.sheet.rows[r]!, this.columns, r, this.sections[i]!);
  }

  /** One view for walking the rows in order: `moveCursor(view, i)` points it at the i-th row. */
  cursor(): LedgerRow {
    return new LedgerRow([], this.columns, -1, 0);
  }

  moveCursor(view: LedgerRow, i: number): LedgerRow {
    const r = this.gridRows[i]!;
    view.moveTo(this.sheet.rows[r]!, r, this.sections[i]!);
    return view;
  }

  /** Every row's own view, made once (for code that keeps views: totals, merges, notices). */
  views(): LedgerRow[] {
    if (!this.materialised) {
      const views: LedgerRow[] = [];
      for (let i = 0; i < this.length; i++) views.push(this.view(i)!);
      this.materialised = views;
    }
    return this.materialised;
  }
}
