import { a1, columnLetter, formatRange } from '../../../core/model/address';
import { concatBytes } from '../../bytes';
import type { CellValue } from '../../../core/model/cell';
import { XlsxError } from '../errors';
import type { CellSpec, CellStyle, SheetSpec, ValidationSpec } from '../spec';
import { MAIN_NS, type StyleBook } from '../styleBook';
import { escapeAttr, escapeText } from '../xml';
import { cellXml, DEFAULT_DATE_FORMAT } from './cellXml';

export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** Excel's width when none is given, so a styled column keeps its usual look. */
const DEFAULT_COLUMN_WIDTH = 9;
/** Excel refuses longer validation texts (and repairs the file). */
const MAX_PROMPT_TITLE = 32;
const MAX_PROMPT = 255;
const MAX_INLINE_LIST = 255;
/** Rows of sheet XML joined and encoded at a time (see rowsXml). */
const ROWS_PER_BLOCK = 256;
const encoder = new TextEncoder();

/** Defined names a sheet needs (print titles), scoped to it. */
export interface LocalName {
  name: string;
  value: string;
  hidden?: boolean;
}

export interface BuiltSheet {
  /** The part's XML, UTF-8. */
  bytes: Uint8Array;
  localNames: LocalName[];
}

/** 'O'Brien' → quoted for formulas: ''O''Brien''. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Style index of a cell: its own style over its column's, and a date format for dates. */
export function styleFor(styles: StyleBook, base: number, style: CellStyle | undefined, value: CellValue): number {
  let s = style ? styles.derive(base, style) : base;
  if (value !== null && typeof value === 'object' && value.t === 'date' && !styles.isDateXf(s)) {
    s = styles.derive(s, { numFmt: DEFAULT_DATE_FORMAT });
  }
  return s;
}

function colsXml(spec: SheetSpec, colStyles: Map<number, number>): string {
  const cols = new Set<number>(colStyles.keys());
  (spec.columnWidths ?? []).forEach((w, c) => {
    if (typeof w === 'number' && w > 0) cols.add(c);
  });
  if (cols.size === 0) return '';
  const items = [...cols].sort((x, y) => x - y).map((c) => {
    const w = spec.columnWidths?.[c];
    const width = typeof w === 'number' && w > 0 ? `${w}" customWidth="1` : String(DEFAULT_COLUMN_WIDTH);
    const style = colStyles.has(c) ? ` style="${colStyles.get(c)}"` : '';
    return `<col min="${c + 1}" max="${c + 1}" width="${width}"${style}/>`;
  });
  return `<cols>${items.join('')}</cols>`;
}

export function validationXml(v: ValidationSpec): string {
  let formula: string;
  if (Array.isArray(v.list)) {
    const joined = v.list.join(',');
    if (joined.length > MAX_INLINE_LIST || v.list.some((item) => item.includes(','))) {
      throw new XlsxError('list-too-long', { sqref: v.sqref });
    }
    formula = `"${joined.replace(/"/g, '""')}"`;
  } else {
    formula = v.list.formula.replace(/^=/, '');
  }
  const text = (title: string, body: string, kind: 'prompt' | 'error'): string =>
    ` ${kind}Title="${escapeAttr(title.slice(0, MAX_PROMPT_TITLE))}" ${kind}="${escapeAttr(body.slice(0, MAX_PROMPT))}"`;
  const prompt = v.prompt ? text(v.prompt.title, v.prompt.message, 'prompt') : '';
  const error = v.error ? text(v.error.title, v.error.message, 'error') : '';
  return (
    `<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1"${error}${prompt} sqref="${escapeAttr(v.sqref)}">` +
    `<formula1>${escapeText(formula)}</formula1></dataValidation>`
  );
}

function paneXml(freeze: { row: number; col: number }): string {
  const { row, col } = freeze;
  if (row <= 0 && col <= 0) return '';
  const active = row > 0 && col > 0 ? 'bottomRight' : row > 0 ? 'bottomLeft' : 'topRight';
  const split = `${col > 0 ? ` xSplit="${col}"` : ''}${row > 0 ? ` ySplit="${row}"` : ''}`;
  return `<pane${split} topLeftCell="${a1(Math.max(row, 0), Math.max(col, 0))}" activePane="${active}" state="frozen"/><selection pane="${active}"/>`;
}

/** The cells row by row, left to right; of two at one address, the later. Most specs come in order already. */
function inOrder(cells: readonly CellSpec[]): readonly CellSpec[] {
  let sorted = true;
  for (let i = 1; i < cells.length && sorted; i++) {
    const a = cells[i - 1]!;
    const b = cells[i]!;
    sorted = a.row < b.row || (a.row === b.row && a.col < b.col);
  }
  if (sorted) return cells;
  const byAddress = new Map<string, CellSpec>();
  for (const cell of cells) byAddress.set(`${cell.row},${cell.col}`, cell);
  return [...byAddress.values()].sort((x, y) => x.row - y.row || x.col - y.col);
}

function rowsXml(spec: SheetSpec, styles: StyleBook, colStyles: Map<number, number>, date1904: boolean): { blocks: Uint8Array[]; links: string[] } {
  const at = { sheet: spec.name, date1904 };
  const cells = inOrder(spec.cells);
  const heights = spec.rowHeights ?? {};
  const rowNumbers = new Set<number>([...cells.map((c) => c.row), ...Object.keys(heights).map(Number)]);
  const links: string[] = [];
  const letters: string[] = [];
  let next = 0;
  // Rows are joined and encoded a block at a time: the sheet is never one string (a large
  // merge's is tens of MB, copied again by every join and by the encoding), and a block's small
  // row strings die young.
  const blocks: Uint8Array[] = [];
  let block: string[] = [];
  for (const r of [...rowNumbers].sort((x, y) => x - y)) {
    const h = heights[r];
    const ht = typeof h === 'number' && h > 0 ? ` ht="${h}" customHeight="1"` : '';
    const row = String(r + 1);
    let xml = `<row r="${row}"${ht}>`;
    for (; next < cells.length && cells[next]!.row === r; next++) {
      const c = cells[next]!;
      const ref = (letters[c.col] ??= columnLetter(c.col)) + row;
      if (c.link) links.push(`<hyperlink ref="${ref}" location="${escapeAttr(c.link.replace(/^#/, ''))}"/>`);
      xml += cellXml(ref, c.value, styleFor(styles, colStyles.get(c.col) ?? 0, c.style, c.value), at);
    }
    block.push(`${xml}</row>`);
    if (block.length === ROWS_PER_BLOCK) {
      blocks.push(encoder.encode(block.join('')));
      block = [];
    }
  }
  blocks.push(encoder.encode(block.join('')));
  return { blocks, links };
}

function dimension(spec: SheetSpec): string {
  if (spec.cells.length === 0) return 'A1';
  let top = Infinity, left = Infinity, bottom = 0, right = 0;
  for (const c of spec.cells) {
    top = Math.min(top, c.row);
    left = Math.min(left, c.col);
    bottom = Math.max(bottom, c.row);
    right = Math.max(right, c.col);
  }
  return formatRange({ top, left, bottom, right });
}

/** A new worksheet part from a SheetSpec, its elements in the order the OOXML schema requires. */
/** `date1904`: the workbook counts dates from 1904, so date cells are written in its serials. */
export function buildSheet(spec: SheetSpec, styles: StyleBook, date1904 = false): BuiltSheet {
  for (const c of spec.cells) {
    if (!Number.isInteger(c.row) || !Number.isInteger(c.col) || c.row < 0 || c.col < 0 || c.row >= 1048576 || c.col >= 16384) {
      throw new XlsxError('bad-address', { ref: `${c.row},${c.col}` });
    }
  }
  const colStyles = new Map<number, number>();
  for (const cs of spec.columnStyles ?? []) colStyles.set(cs.col, styles.derive(0, cs.style));
  const print = spec.print;
  const { blocks: rows, links } = rowsXml(spec, styles, colStyles, date1904);

  const parts: string[] = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n', `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`];
  parts.push(print?.fitToWidth ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '');
  parts.push(`<dimension ref="${dimension(spec)}"/>`);
  parts.push(`<sheetViews><sheetView workbookViewId="0">${spec.freeze ? paneXml(spec.freeze) : ''}</sheetView></sheetViews>`);
  parts.push('<sheetFormatPr defaultRowHeight="14.25"/>');
  parts.push(colsXml(spec, colStyles));
  parts.push('<sheetData>');
  const head = encoder.encode(parts.join(''));
  parts.length = 0;
  parts.push('</sheetData>');
  if (spec.merges?.length) {
    parts.push(`<mergeCells count="${spec.merges.length}">${spec.merges.map((m) => `<mergeCell ref="${formatRange(m)}"/>`).join('')}</mergeCells>`);
  }
  if (spec.validations?.length) {
    parts.push(`<dataValidations count="${spec.validations.length}">${spec.validations.map(validationXml).join('')}</dataValidations>`);
  }
  if (links.length) parts.push(`<hyperlinks>${links.join('')}</hyperlinks>`);
  parts.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  if (print) {
    const fit = print.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : '';
    parts.push(`<pageSetup paperSize="9" orientation="${print.orientation}"${fit}/>`);
    const breaks = [...new Set(print.rowBreaks ?? [])].filter((r) => r > 0).sort((x, y) => x - y);
    if (breaks.length) {
      parts.push(
        `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">` +
          breaks.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join('') +
          '</rowBreaks>',
      );
    }
  }

  const localNames: LocalName[] = [];
  if (print?.titleRows) {
    const { from, to } = print.titleRows;
    localNames.push({ name: '_xlnm.Print_Titles', value: `${quoteSheetName(spec.name)}!$${from + 1}:$${to + 1}` });
  }
  parts.push('</worksheet>');
  return { bytes: concatBytes([head, ...rows, encoder.encode(parts.join(''))]), localNames };
}
