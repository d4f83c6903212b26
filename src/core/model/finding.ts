export type Severity = 'error' | 'warning';

/** One attempt read from a 劝返 record, shown to the user under the finding. */
export interface AttemptView {
  index: number;
  date: string | null;
  /** The record gave no year; it was taken from the reference date. */
  dateInferred?: boolean;
  people: string[];
  method: string | null;
  action: string | null;
  result: string | null;
  text: string;
}

/**
 * One fault at one place. Shaped after frictionless-py's errors, in the field names
 * of the command-line contract (../shared/spec/cli.md).
 */
export interface Finding {
  sheet: string;
  /** A1 address of the cell at fault (or the first cell at fault of a row). */
  cell: string;
  /** Excel row number, 1-based. */
  row: number;
  /** The column's header as it stands in the sheet (or the official label). */
  column: string;
  /** family.detail, e.g. idcard.checksum */
  rule: string;
  severity: Severity;
  message: string;
  fix: string;
  /** Other cells this finding is about (the other row of a duplicate, …). */
  related?: string[];
  /** Attempts read from a persuasion record, for the pane. */
  attempts?: AttemptView[];
  /**
   * The value the cell should hold, when it is known for sure (a misspelt list item): hosts write
   * it into `cell` when the user asks to repair (修复下拉菜单), never by themselves.
   */
  suggested?: string;
  /** For merge findings: the files involved. */
  files?: string[];
}
