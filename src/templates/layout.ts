import type { CellSpec, CellStyle, SheetSpec, ValidationSpec } from '../io/xlsx/spec';
import type { CellValue } from '../core/model/cell';
import type { ColumnType } from '../core/tables/schema';
import { columnLetter } from '../core/model/address';
import { TEMPLATE_TEXTS } from '../i18n/zh-CN/templates';

const TITLE: CellStyle = { bold: true, fontSize: 18, hAlign: 'center', vAlign: 'center' };
export const HEADER: CellStyle = { bold: true, border: true, wrap: true, hAlign: 'center', vAlign: 'center' };
export const BOX: CellStyle = { border: true, wrap: true, vAlign: 'center' };
export const TEXT: CellStyle = { wrap: true, vAlign: 'top' };
const TITLE_HEIGHT = 36;

/** Past this many characters of columns a table is printed landscape (A4 portrait holds about 90). */
const PORTRAIT_WIDTH = 90;

/** Number formats that keep what clerks type: 18-digit 身份证 and phone numbers as text, dates as dates. */
export function numFmtOf(type: ColumnType): string | undefined {
  if (type === 'idcard' || type === 'phone') return '@';
  if (type === 'date') return 'yyyy-mm-dd';
  return undefined;
}

/** Width in character units: CJK and full-width characters take two. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.codePointAt(0)! > 0x2e7f ? 2 : 1;
  return w;
}

/** Lines `text` wraps to in `width` characters (a little is lost to cell padding). */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(1, width - 1);
  return text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(textWidth(part) / usable)), 0);
}

/** Row height in points for `lines` lines of `fontSize`-point text. */
function heightFor(lines: number, fontSize = 11): number {
  return Math.ceil(lines * fontSize * 1.4 + 4);
}

function sum(widths: readonly number[]): number {
  return widths.reduce((a, b) => a + b, 0);
}

export function orientationFor(widths: readonly number[]): 'portrait' | 'landscape' {
  return sum(widths) > PORTRAIT_WIDTH ? 'landscape' : 'portrait';
}

/** Cells and merges of one sheet under construction. */
export class SheetBuilder {
  readonly cells: CellSpec[] = [];
  readonly merges: NonNullable<SheetSpec['merges']> = [];
  readonly rowHeights: Record<number, number> = {};

  constructor(readonly widths: readonly number[]) {}

  /** The sheet as built, with what each layout decides itself (freeze, print setup, validations …). */
  spec(name: string, rest: Omit<SheetSpec, 'name' | 'cells' | 'merges' | 'columnWidths' | 'rowHeights'>): SheetSpec {
    return { name, cells: this.cells, merges: this.merges, columnWidths: [...this.widths], rowHeights: this.rowHeights, ...rest };
  }

  get lastCol(): number {
    return this.widths.length - 1;
  }

  set(row: number, col: number, value: CellValue, style?: CellStyle): void {
    this.cells.push(style ? { row, col, value, style } : { row, col, value });
  }

  /** A merged block; every cell of it gets the style so borders run round the whole block. */
  block(top: number, left: number, bottom: number, right: number, value: CellValue, style: CellStyle): void {
    for (let r = top; r <= bottom; r++) {
      for (let c = left; c <= right; c++) this.set(r, c, r === top && c === left ? value : null, style);
    }
    if (bottom > top || right > left) this.merges.push({ top, left, bottom, right });
  }

  /** Width of columns left…right in characters. */
  span(left: number, right: number): number {
    return sum(this.widths.slice(left, right + 1));
  }

  /** Raises a row's height so `lines` lines fit. */
  fit(row: number, lines: number, fontSize = 11): void {
    this.rowHeights[row] = Math.max(this.rowHeights[row] ?? 0, heightFor(lines, fontSize));
  }

  title(row: number, text: string): void {
    this.block(row, 0, row, this.lastCol, text, TITLE);
    this.rowHeights[row] = TITLE_HEIGHT;
  }

  /** One line of fields (填报单位, 单位, 填报人 …) spread evenly over the table's width. */
  spread(row: number, items: readonly string[]): void {
    items.forEach((text, i) => this.set(row, Math.floor((i * this.widths.length) / items.length), text));
  }

  /** Full-width wrapped lines of text (notes under a table), one row each. */
  paragraphs(first: number, lines: readonly string[]): number {
    let row = first;
    for (const line of lines) {
      this.block(row, 0, row, this.lastCol, line, TEXT);
      this.fit(row, wrappedLines(line, this.span(0, this.lastCol)));
      row++;
    }
    return row;
  }
}

/** Longest inline list Excel accepts: 255 characters; counted in UTF-8 bytes to stay safe in every host. */
const INLINE_LIST_MAX = 255;
const PROMPT_TITLE_MAX = 32;
const PROMPT_MAX = 255;
const ERROR_MAX = 225;

function inlineFits(items: readonly string[]): boolean {
  if (items.some((s) => /[,"]/.test(s))) return false;
  return new TextEncoder().encode(`"${items.join(',')}"`).length <= INLINE_LIST_MAX;
}

/**
 * Dropdown lists of one workbook. Short lists are written inline; longer ones go to a hidden
 * 字典 sheet, one column per list, and the validation refers to that column.
 */
export class DropdownLists {
  private readonly columns: string[][] = [];

  /** `sheetName`: another name when the workbook the lists go into has a 字典 of its own. */
  constructor(private readonly sheetName: string = TEMPLATE_TEXTS.dictionarySheet) {}

  validation(sqref: string, label: string, items: readonly string[]): ValidationSpec {
    const T = TEMPLATE_TEXTS;
    const prompt = T.prompt(items);
    const error = T.error(label, items);
    return {
      sqref,
      list: inlineFits(items) ? [...items] : { formula: this.reference(items) },
      prompt: {
        title: T.promptTitle(label).slice(0, PROMPT_TITLE_MAX),
        message: prompt.length <= PROMPT_MAX ? prompt : T.promptShort,
      },
      error: { title: T.errorTitle, message: error.length <= ERROR_MAX ? error : T.errorShort(label) },
    };
  }

  private reference(items: readonly string[]): string {
    let col = this.columns.findIndex((c) => c.join('\n') === items.join('\n'));
    if (col < 0) col = this.columns.push([...items]) - 1;
    const letter = columnLetter(col);
    // A name with anything but letters and digits, 字典(2) say, must be quoted in a formula.
    const sheet = /^[\p{L}\p{N}_]+$/u.test(this.sheetName) ? this.sheetName : `'${this.sheetName.replace(/'/g, "''")}'`;
    return `${sheet}!$${letter}$1:$${letter}$${items.length}`;
  }

  /** The hidden 字典 sheet, when some list needed it. */
  sheet(): SheetSpec | null {
    if (this.columns.length === 0) return null;
    const cells: CellSpec[] = this.columns.flatMap((items, col) => items.map((value, row) => ({ row, col, value })));
    return { name: this.sheetName, cells, state: 'hidden' };
  }
}
