import type { Severity } from '../model/finding';
import type { ColumnDef, ColumnKey, TableSettings } from '../tables/schema';

/** Where a table stands in its sheet: the cells the armed rules cover. */
export interface ArmPlacement {
  /** Column role → 0-based column. */
  columns: ReadonlyMap<ColumnKey, number>;
  /** The table's columns (definition order) that this sheet has. */
  defs: readonly ColumnDef[];
  /** 0-based rows, inclusive: from the first data row to the last row a clerk may fill. */
  firstRow: number;
  lastRow: number;
}

export interface ArmOptions {
  settings: TableSettings;
  /** yyyy-mm-dd; without it the workbook judges at TODAY(). */
  referenceDate?: string;
}

/**
 * One rule compiled for a conditional format: `formula` (relative to the top-left cell of
 * `sqref`) is TRUE on a cell the rule faults. `rules` are the core rule ids it mirrors.
 */
export interface ArmCheck {
  id: string;
  key: ColumnKey;
  sqref: string;
  formula: string;
  rules: readonly string[];
  severity: Severity;
}

/** A validation: 'custom' (formula TRUE = accepted), 'date' (between formula and formula2) or 'list'. */
export interface ArmValidation {
  key: ColumnKey;
  sqref: string;
  type: 'custom' | 'date' | 'list';
  formula: string;
  formula2?: string;
  /** Shown when the cell is selected; its title marks the validation as ours. */
  prompt: { title: string; message: string };
  /** Shown when a value is refused. */
  error: { title: string; message: string };
  severity: Severity;
}

export interface ArmPlan {
  checks: ArmCheck[];
  validations: ArmValidation[];
  /** Workbook names the formulas use (name → value). */
  names: Readonly<Record<string, string>>;
}
