/**
 * What the pane needs from wherever the workbook lives: Excel through Office.js
 * (src/excel) or a file opened in the browser page. Hosts speak in the core's plain
 * grids and findings; the pane never touches Office.js or a file format.
 */
import type { SheetGrid, WorkbookGrid } from '../core/model/workbook';
import type { Finding } from '../core/model/finding';
import type { CellSpec, SheetSpec, ValidationSpec } from '../io/xlsx/spec';

/** Cells to write into one existing sheet. */
export interface SheetCells {
  sheet: string;
  cells: CellSpec[];
}

export interface MarkResult {
  /** Cells given a mark (a cell with several findings counts once). */
  cells: number;
  /** Cells that also got a note with the messages (only where the host has notes). */
  notes: number;
  /** Marked cells left without a note: the host has no notes, the cell has its own note, or the batch was full. */
  withoutNote: number;
}

export interface WorkbookHost {
  /** Every sheet, values only, as the core reads them. */
  readWorkbook(): Promise<WorkbookGrid>;
  readSheet(name: string): Promise<SheetGrid>;
  /**
   * Marks the cell of every finding (errors over warnings) and removes the marks of an
   * earlier run, so the marks always match the last check.
   */
  markFindings(findings: readonly Finding[]): Promise<MarkResult>;
  /** Removes what markFindings added and nothing else; the cells' own formatting shows again. */
  clearMarks(): Promise<void>;
  /** Writes values (and their styles or links) into an existing sheet; other cells stay as they are. */
  writeCells(sheet: string, cells: readonly CellSpec[]): Promise<void>;
  /** Adds a sheet, replacing a sheet of the same name. */
  addSheet(spec: SheetSpec): Promise<void>;
  /** Shows the sheet and selects the cell (A1 address). */
  selectCell(sheet: string, a1: string): Promise<void>;
  /** Puts the given list validations on their ranges, replacing whatever validation was there. */
  repairValidations(sheet: string, validations: readonly ValidationSpec[]): Promise<void>;
  /** The selected cell (the top-left one of a selected range); hosts without a selection leave it out. */
  getSelection?(): Promise<{ sheet: string; a1: string }>;
  /** Every sheet's name, hidden ones included, without reading their cells. */
  listSheets?(): Promise<string[]>;
  /**
   * Reads another workbook (an .xlsx as base64) through the host itself, leaving the open
   * workbook as it was; throws where the host cannot, and the caller reads the file itself.
   */
  readExternalWorkbook?(base64: string): Promise<WorkbookGrid>;
}
