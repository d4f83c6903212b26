import type { CellStyle, SheetSpec, WorkbookSpec } from '../io/xlsx/spec';
import type { MergedColumn, MergedTable, MergeResult } from '../core/merge';
import { mergedTotalsSheet } from '../core/merge/totals';
import { TOTALS } from '../core/tables';
import { TEMPLATE_NAME } from '../core/model/workbook';
import { freeSheetName } from '../core/totals/sheetName';
import { MERGE } from '../i18n/zh-CN/merge';
import { TEMPLATE_TEXTS } from '../i18n/zh-CN/templates';
import { BOX, DropdownLists, HEADER, SheetBuilder, numFmtOf, textWidth, wrappedLines } from './layout';
import { finishListSheet, headerText } from './ledger';
import { sourceParts } from './build';
import { mergeNotesSheet, type SchoolCheck } from './mergeNotes';

/** Cells of a child reported by two schools: the reader's eye goes to them first. */
const FLAGGED_FILL = 'FFEB9C';
const SOURCE_WIDTH = 30;

function widthOf(col: MergedColumn): number {
  if (col.kind === 'official') return col.def.width;
  if (col.kind === 'source') return SOURCE_WIDTH;
  if (col.kind === 'originalSerial') return 8;
  return Math.min(30, Math.max(10, textWidth(col.label) + 2));
}

function styleOf(col: MergedColumn): CellStyle {
  if (col.kind === 'originalSerial') return { ...BOX, hAlign: 'center' };
  if (col.kind !== 'official') return BOX;
  const numFmt = numFmtOf(col.def.type);
  const centred = ['serial', 'category', 'integer', 'date'].includes(col.def.type);
  return { ...BOX, ...(numFmt ? { numFmt } : {}), ...(centred ? { hAlign: 'center' } : {}) };
}

/** 0-based row of the merged table's header in its sheet (under the title). */
export const MERGED_HEADER_ROW = 1;

/**
 * A merged table in the official layout: title, header, every merged row (the 身份证号 of a
 * child reported by two schools highlighted), dropdowns on the category columns, footer, notes.
 */
export function mergedTableSheet(table: MergedTable, flagged: ReadonlySet<number>, name: string, lists: DropdownLists): SheetSpec {
  const def = table.def;
  const widths = table.columns.map(widthOf);
  const b = new SheetBuilder(widths);
  b.title(0, def.title);
  const header = MERGED_HEADER_ROW;
  table.columns.forEach((col, c) => {
    const text = col.kind === 'official' ? headerText(col.def.label, col.def.note) : col.label;
    b.set(header, c, text, HEADER);
    b.fit(header, wrappedLines(text, widths[c]!));
  });

  const styles = table.columns.map(styleOf);
  const flagCol = Math.max(0, ['idcard', 'name'].map((k) => def.columns.findIndex((c) => c.key === k)).find((i) => i >= 0) ?? 0);
  const first = header + 1;
  table.rows.forEach((row, i) => {
    row.forEach((value, c) => {
      const style = c === flagCol && flagged.has(i) ? { ...styles[c]!, fill: FLAGGED_FILL } : styles[c]!;
      b.set(first + i, c, value, style);
    });
  });
  const last = first + table.rows.length - 1;

  return finishListSheet(b, {
    name,
    widths,
    header,
    first,
    last,
    columns: table.columns.map((col) => (col.kind === 'official' ? col.def : null)),
    footer: def.footer,
    notes: def.notes,
    lists,
  });
}

/** The county workbook and where each merged table went in it. */
export interface MergedWorkbook extends WorkbookSpec {
  /** The sheet of each of MergeResult.tables, in that order. */
  tableSheets: string[];
}

/**
 * The county workbook: each merged table followed by its totals when it has a totals table, then
 * 合并说明. `existing`: sheets of a workbook the result goes into, which its sheets must not replace.
 */
export function mergedWorkbookSpec(result: MergeResult, checks: readonly (SchoolCheck | null)[], existing: readonly string[] = []): MergedWorkbook {
  if (result.tables.length === 0) throw new Error('nothing was merged');
  const taken = new Set(existing);
  const lists = new DropdownLists(freeSheetName(TEMPLATE_TEXTS.dictionarySheet, taken));
  const sheets: SheetSpec[] = [];
  const tableSheets: string[] = [];
  const ids: string[] = [];
  const withTotals: boolean[] = [];
  result.tables.forEach((table, k) => {
    const tableName = freeSheetName(sourceParts(table.def).attachment, taken);
    const flagged = new Set(result.findings.filter((f) => f.rule === 'merge.duplicate-child' && f.table === k).flatMap((f) => f.rows));
    sheets.push(mergedTableSheet(table, flagged, tableName, lists));
    tableSheets.push(tableName);
    ids.push(`${table.def.id}@${table.def.version}`);
    const totalsDef = TOTALS.find((t) => t.from === table.def.id);
    const totals = totalsDef ? mergedTotalsSheet(table, tableName, freeSheetName(sourceParts(totalsDef).attachment, taken)) : null;
    if (totals && totalsDef) {
      sheets.push(totals);
      ids.push(`${totalsDef.id}@${totalsDef.version}`);
    }
    withTotals.push(totals !== null);
  });
  sheets.push(mergeNotesSheet(result, checks, { name: freeSheetName(MERGE.notesSheet, taken), tableSheets, firstRow: MERGED_HEADER_ROW + 1, totals: withTotals }));
  const dictionary = lists.sheet();
  if (dictionary) sheets.push(dictionary);
  return { sheets, definedNames: [{ name: TEMPLATE_NAME, value: `"${ids.join(',')}"` }], tableSheets };
}
