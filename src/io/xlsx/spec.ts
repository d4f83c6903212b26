import type { CellValue } from '../../core/model/cell';
import type { RangeRef } from '../../core/model/address';

/** Formatting a writer may give a cell. Colours are RRGGBB. */
export interface CellStyle {
  bold?: boolean;
  fontSize?: number;
  fontColor?: string;
  wrap?: boolean;
  hAlign?: 'left' | 'center' | 'right';
  vAlign?: 'top' | 'center';
  border?: boolean;
  fill?: string;
  /** Number format code: '@' (text), 'yyyy-mm-dd', 'yyyy"年"m"月"d"日"', '0' … */
  numFmt?: string;
}

export interface CellSpec {
  row: number; // 0-based
  col: number; // 0-based
  value: CellValue;
  style?: CellStyle;
  /** An internal hyperlink, e.g. "'附件4'!G57". */
  link?: string;
}

export interface ValidationSpec {
  sqref: string;
  /** Inline items, or a formula such as '字典!$A$1:$A$13'. */
  list: string[] | { formula: string };
  prompt?: { title: string; message: string };
  error?: { title: string; message: string };
}

export interface SheetSpec {
  name: string;
  cells: CellSpec[];
  merges?: RangeRef[];
  /** Widths in characters, by 0-based column. */
  columnWidths?: number[];
  /** Whole-column styles (e.g. '@' on the 身份证号 column so numbers stay text). */
  columnStyles?: { col: number; style: CellStyle }[];
  /** Row heights in points, by 0-based row. */
  rowHeights?: Record<number, number>;
  validations?: ValidationSpec[];
  /** Freeze panes above `row` and left of `col` (0-based counts). */
  freeze?: { row: number; col: number };
  print?: {
    orientation: 'portrait' | 'landscape';
    /** Fit all columns on one page width. */
    fitToWidth?: boolean;
    /** Rows repeated at the top of every printed page, 0-based inclusive. */
    titleRows?: { from: number; to: number };
    /** Page breaks before these 0-based rows. */
    rowBreaks?: number[];
  };
  state?: 'visible' | 'hidden' | 'veryHidden';
}

export interface DefinedNameSpec {
  name: string;
  value: string;
  hidden?: boolean;
}

/**
 * How users got the add-in. Excel opens the pane with a workbook only when the workbook's
 * reference names that same route (Microsoft's "Automatically open a task pane with a document").
 */
export type AddinRoute =
  /** Centralized Deployment from the Microsoft 365 admin center (EXCatalog). */
  | { kind: 'centralized' }
  /** A network-share catalog: the share's path exactly as in the Trust Center, e.g. \\server\addins. */
  | { kind: 'share'; path: string }
  /** A developer sideload through the registry (npm run start:excel). */
  | { kind: 'sideload' };

/** A web add-in that the workbook carries, so its task pane opens with the file. */
export interface TaskpaneSpec {
  /** The manifest's <Id> GUID. */
  addinId: string;
  version: string;
  route: AddinRoute;
  /** Office.AutoShowTaskpaneWithDocument */
  autoShow: boolean;
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
  definedNames?: DefinedNameSpec[];
  taskpane?: TaskpaneSpec;
}
