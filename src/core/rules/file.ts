import type { WorkbookGrid } from '../model/workbook';
import type { Finding } from '../model/finding';
import { parseA1 } from '../model/address';
import { renderRule } from '../../i18n/zh-CN/rules';

/** Cells named in the message; the rest are counted. */
const SHOWN = 5;

/**
 * file.uncached-formula: formula cells saved without their result (files written by programs
 * that do not calculate, or saved with calculation switched off). Their value cannot be read, so
 * the check cannot judge them: one warning per sheet, at the first such cell.
 */
export function uncachedFormulaFindings(grid: WorkbookGrid): Finding[] {
  const out: Finding[] = [];
  for (const sheet of grid.sheets) {
    const cells = sheet.uncachedFormulas ?? [];
    const first = cells[0];
    const at = first === undefined ? null : parseA1(first);
    if (!first || !at) continue;
    const text = renderRule('file.uncached-formula', { count: cells.length, cells: cells.slice(0, SHOWN).join('、'), more: cells.length > SHOWN ? 1 : 0 });
    out.push({ sheet: sheet.name, cell: first, row: at.row + 1, column: '', rule: 'file.uncached-formula', severity: 'warning', message: text.message, fix: text.fix });
  }
  return out;
}

/**
 * file.distant-cells: values so far below the rest of the sheet (a note at row 1,048,576, a
 * block past row 65,536 of nothing) that the reader does not make them rows. Said once per
 * sheet, so they are never left out without a word.
 */
export function distantCellFindings(grid: WorkbookGrid): Finding[] {
  const out: Finding[] = [];
  for (const sheet of grid.sheets) {
    const d = sheet.distantCells;
    const at = d ? parseA1(d.first) : null;
    if (!d || !at) continue;
    const text = renderRule('file.distant-cells', { count: d.count, cell: d.first });
    out.push({ sheet: sheet.name, cell: d.first, row: at.row + 1, column: '', rule: 'file.distant-cells', severity: 'warning', message: text.message, fix: text.fix });
  }
  return out;
}
