import type { CellValue } from '../model/cell';
import type { AttemptView, Severity } from '../model/finding';
import type { ColumnDef, ColumnKey, TableSettings, TableDef } from '../tables/schema';
import type { ColumnSlot } from '../find/columnSlot';

/** What a rule reports; the engine turns it into a Finding with the Chinese text of its rule id. */
export interface Issue {
  /** The column at fault (its cell is the finding's cell). */
  key: ColumnKey;
  /** Stable id: family.detail, a key of the message catalogue (src/i18n/zh-CN/rules.ts). */
  rule: string;
  severity: Severity;
  /** Values for the message's placeholders. Never put a 身份证号 or a name here unless the message shows it at its own cell. */
  params?: Record<string, string | number>;
  /** Other cells the finding is about, as A1 addresses (another row of a duplicate …). */
  related?: string[];
  attempts?: AttemptView[];
  /** The value the cell should hold, when it is known for sure (a misspelt list item). */
  suggested?: string;
  /** The row the issue is about. Table rules must set it; row rules may omit it. */
  view?: RowView;
}

export type Emit = (issue: Issue) => void;

/** One data row of a recognised table (or one filled form), addressed by column role. */
export interface RowView {
  /** 0-based grid row (Excel row − 1). For forms, the row of the form's title. */
  readonly row: number;
  /** Part of the table the row is in: 0, then one more after each note, sub-heading or 小计 inside it. */
  readonly section?: number;
  get(key: ColumnKey): CellValue | undefined;
  /**
   * get() by the column's slot (SLOT.idcard …, see find/columnSlot): the same value, undefined
   * exactly when the sheet lacks the column (so `valueAt(s) !== undefined` is has()). A ledger row
   * answers from an array, without hashing the key.
   */
  valueAt(slot: ColumnSlot): CellValue | undefined;
  /** The column exists in this sheet (even if this row's cell is empty). */
  has(key: ColumnKey): boolean;
  /** A1 address of the cell of `key` on this row. */
  cellOf(key: ColumnKey): string;
  /** Excel row of the cell of `key` (forms keep fields on different rows). */
  rowOf(key: ColumnKey): number;
}

export interface RuleContext {
  table: TableDef;
  /** Columns (or form fields) of the table that this sheet has. */
  columns: readonly ColumnDef[];
  settings: TableSettings;
  /** yyyy-mm-dd: ages and "in the future" are judged at this date. */
  referenceDate: string;
  sheet: string;
}

/**
 * Columns a rule reads, when it can only find something on a table with at least one of them:
 * a ledger without any is skipped once for the whole table instead of on every row.
 */
export interface Needs {
  readonly needs?: readonly ColumnKey[];
  /**
   * For a rule that reads columns by their type rather than their role (every date column):
   * false when a ledger's columns (ctx.columns) give it nothing to read, so it is left out too.
   */
  appliesTo?(columns: readonly ColumnDef[]): boolean;
}

/** A rule on one row at a time. */
export interface RowRule extends Needs {
  readonly id: string;
  check(row: RowView, ctx: RuleContext, emit: Emit): void;
}

/**
 * A table's rows in order (find/rowView: a ledger's LedgerRowList, or viewList over a form's
 * views). A ledger makes a new view on each `view(i)`: ask for the rows a finding is about.
 */
export interface RowList {
  readonly length: number;
  /** The i-th row, undefined past the end. */
  view(i: number): RowView | undefined;
}

/** A rule over all rows of a table (duplicates, serials, copied records). */
export interface TableRule extends Needs {
  readonly id: string;
  check(rows: RowList, ctx: RuleContext, emit: Emit): void;
  /**
   * Reads each row right after the row rules, so what they parsed is at hand and the row's cells
   * are still in cache (persuasion.copied, duplicate.idcard, serial.*): `check` then judges what
   * was fed, and reads the rows itself when nothing fed it. `view` is good only during the call
   * (the check moves one view from row to row): keep `index`, the row's place in `check`'s rows.
   */
  row?(view: RowView, ctx: RuleContext, index: number): void;
}

/** A table rule the check feeds row by row (it has `row`). */
export type FedTableRule = TableRule & Required<Pick<TableRule, 'row'>>;
