import type { CellValue } from '../../../core/model/cell';
import { a1, parseRange, type RangeRef } from '../../../core/model/address';
import type { ValidationRule } from '../../../core/model/workbook';
import { XlsxError } from '../errors';
import { unescapeXstring } from '../xml';
import { cellFromText, T, typeOf, type CellType, type ValueContext } from './cellValue';
import { GridBuilder, MAX_COLS, MAX_ROWS } from './grid';
import { parseXml } from './sax';

/** Merges and validations live after <sheetData>; both are read as ranges, never expanded. */
export interface SheetTail {
  merges: RangeRef[];
  validations: ValidationRule[];
}

/** '"是,否,无"' → ['是','否','无']; a range or formula → null. */
export function literalListItems(formula: string | null): string[] | null {
  if (formula === null) return null;
  const m = /^\s*"([\s\S]*)"\s*$/.exec(formula);
  if (!m) return null;
  return m[1]!.replace(/""/g, '"').split(',');
}

function rule(type: string, sqref: string, formula1: string | null, x14: boolean): ValidationRule {
  return { sqref: sqref.trim(), type, listItems: type === 'list' ? literalListItems(formula1) : null, formula1, x14 };
}

/** 'AB12' → column 27 (0-based); -1 when the reference does not start with column letters. */
function columnOf(ref: string): number {
  const m = /^([A-Za-z]{1,3})\d+$/.exec(ref);
  if (!m) return -1;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

/** One validation being read: its attributes, then the texts of formula1 / xm:f / xm:sqref. */
interface OpenValidation {
  type: string;
  sqref: string;
  formula1: string | null;
  x14: boolean;
}

/**
 * The conformant reading of a worksheet part (saxes): values, hidden rows, uncached formulas,
 * merges and validations. Used whenever the fast scanner meets something it does not follow,
 * and for the parts of a sheet outside <sheetData>.
 */
export function readSheetXml(text: string, part: string, grid: GridBuilder, ctx: ValueContext): SheetTail {
  const merges: RangeRef[] = [];
  const validations: ValidationRule[] = [];
  let inData = false;
  let dataSeen = false;
  let ext = 0;
  let row = -1;
  let col = -1;
  // The cell being read.
  let type: CellType = T.Number;
  let style = -1;
  let hasF = false;
  let v: string | null = null;
  let is: string | null = null;
  let collect: 'v' | 't' | 'formula' | 'sqref' | null = null;
  let rph = 0;
  let dv: OpenValidation | null = null;
  let buf = '';

  const corrupt = (): never => {
    throw new XlsxError('part-broken', { part });
  };

  parseXml(text, part, {
    open(local, a, selfClosing) {
      if (inData) {
        if (local === 'row') {
          const r = a.r;
          row = r === undefined ? row + 1 : /^\d{1,7}$/.test(r) ? Number(r) - 1 : corrupt();
          if (row < 0 || row >= MAX_ROWS) corrupt();
          col = -1;
          if (a.hidden === '1' || a.hidden === 'true') grid.hiddenRows.push(row);
        } else if (local === 'c') {
          const c = a.r === undefined ? -1 : columnOf(a.r);
          col = c >= 0 ? c : col + 1;
          if (col >= MAX_COLS || row < 0) corrupt();
          type = typeOf(a.t);
          style = a.s !== undefined && /^\d{1,9}$/.test(a.s) ? Number(a.s) : -1;
          hasF = false;
          v = is = null;
          if (selfClosing) return;
        } else if (local === 'f') hasF = true;
        else if (local === 'v') {
          collect = 'v';
          buf = '';
        } else if (local === 'is') is = '';
        else if (local === 'rPh') rph++;
        else if (local === 't' && is !== null && rph === 0) {
          collect = 't';
          buf = '';
        }
        return;
      }
      if (local === 'sheetData' && !dataSeen) {
        inData = !selfClosing;
        dataSeen = true;
      } else if (local === 'extLst') ext++;
      else if (local === 'mergeCell') {
        const range = parseRange(a.ref ?? '');
        if (range) merges.push(range);
      } else if (local === 'dataValidation') {
        dv = { type: a.type ?? 'none', sqref: ext ? '' : (a.sqref ?? ''), formula1: null, x14: ext > 0 };
        if (selfClosing) {
          validations.push(rule(dv.type, dv.sqref, null, dv.x14));
          dv = null;
        }
      } else if (dv && ((local === 'formula1' && !dv.x14) || (local === 'f' && dv.x14 && dv.formula1 === null))) {
        collect = 'formula';
        buf = '';
      } else if (dv && dv.x14 && local === 'sqref') {
        collect = 'sqref';
        buf = '';
      }
    },
    close(local) {
      if (inData) {
        if (local === 'v' && collect === 'v') {
          v = buf;
          collect = null;
        } else if (local === 't' && collect === 't') {
          is += buf;
          collect = null;
        } else if (local === 'rPh') rph--;
        else if (local === 'c') finishCell();
        else if (local === 'sheetData') inData = false;
        return;
      }
      if (local === 'extLst') ext--;
      else if (collect === 'formula' && (local === 'formula1' || local === 'f')) {
        dv!.formula1 = buf;
        collect = null;
      } else if (collect === 'sqref' && local === 'sqref') {
        dv!.sqref = buf;
        collect = null;
      } else if (local === 'dataValidation' && dv) {
        validations.push(rule(dv.type, dv.sqref, dv.formula1, dv.x14));
        dv = null;
      }
    },
    text(t) {
      if (collect) buf += t;
    },
  });

  function finishCell(): void {
    let value: CellValue = null;
    if (type === T.Inline && is !== null) value = unescapeXstring(is);
    else if (v !== null && (v !== '' || type === T.Str || type === T.Inline)) {
      value = cellFromText(type, unescapeXstring(v), style, ctx);
    } else if (hasF) grid.uncachedFormulas.push(a1(row, col));
    if (value !== null) grid.put(row, col, value);
  }

  return { merges, validations };
}
