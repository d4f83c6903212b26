import type { CellStyle, SheetSpec } from '../io/xlsx/spec';
import type { MergedInput, MergeResult } from '../core/merge';
import { MERGE } from '../i18n/zh-CN/merge';
import { baseName } from '../core/merge/source';
import { BOX, HEADER, SheetBuilder, TEXT, wrappedLines } from './layout';

/** What `baoxue check` found in one school's workbook. */
export interface SchoolCheck {
  errors: number;
  warnings: number;
}

const WIDTHS = [6, 34, 20, 8, 9, 12, 50, 10, 10];
const CENTRED: CellStyle = { ...BOX, hAlign: 'center' };
const REJECTED: CellStyle = { ...CENTRED, fill: 'FFC7CE' };
const SECTION: CellStyle = { bold: true, fontSize: 12 };

/** What a merged input's 工作表 cell says: its sheets, with the rows of each table when it gave several. */
function sheetsText(input: MergedInput): string | null {
  const tables = input.tables ?? [];
  if (tables.length < 2) return input.sheets?.join('、') ?? null;
  return tables.map((t) => MERGE.inputTableRows(t.sheets.join('、'), t.rows)).join('\n');
}

/** One line per merged table: rows read from the schools, rows written; "nothing left out" only when they agree. */
function tableLines(result: MergeResult, tableSheets: readonly string[]): string[] {
  return result.tables.map((t, k) => MERGE.notesTable(t.def.title, tableSheets[k] ?? '', t.rowsIn, t.rows.length));
}

/**
 * 合并说明: rows in and out of every merged table, every input with its status, rows, reason
 * and what the check found in it, then every child reported by two schools with links to the
 * merged rows.
 */
export function mergeNotesSheet(
  result: MergeResult,
  checks: readonly (SchoolCheck | null)[],
  at: { name: string; tableSheets: readonly string[]; firstRow: number; totals: readonly boolean[] },
): SheetSpec {
  const b = new SheetBuilder(WIDTHS);
  b.title(0, MERGE.notesTitle(result.tables.map((t) => t.def.title).join('、')));
  const merged = result.inputs.filter((i) => i.status === 'merged').length;
  const lines = [MERGE.notesSummary(result.inputs.length, merged, result.inputs.length - merged), ...tableLines(result, at.tableSheets), MERGE.checkHint];
  if (at.totals.every((t) => !t)) lines.push(MERGE.notesNoTotals);
  let row = b.paragraphs(1, lines) + 1;

  MERGE.inputHeader.forEach((h, c) => b.set(row, c, h, HEADER));
  row++;
  result.inputs.forEach((input, i) => {
    const check = checks[i] ?? null;
    const ok = input.status === 'merged';
    const sheets = sheetsText(input);
    const values = [
      i + 1, baseName(input.file), input.school ?? null, ok ? MERGE.merged : MERGE.rejected, input.rows ?? null,
      sheets, input.reason ?? null, check?.errors ?? null, check?.warnings ?? null,
    ];
    values.forEach((v, c) => b.set(row, c, v, c === 3 && !ok ? REJECTED : c === 1 || c === 2 || c === 5 || c === 6 ? BOX : CENTRED));
    b.fit(row, Math.max(wrappedLines(baseName(input.file), WIDTHS[1]!), wrappedLines(input.reason ?? '', WIDTHS[6]!), wrappedLines(sheets ?? '', WIDTHS[5]!)));
    row++;
  });

  row++;
  b.set(row++, 0, MERGE.duplicatesTitle, SECTION);
  const duplicates = result.findings.filter((f) => f.rule === 'merge.duplicate-child');
  if (duplicates.length === 0) b.set(row++, 0, MERGE.noDuplicates, TEXT);
  else {
    const last = WIDTHS.length - 1;
    MERGE.duplicateHeader.forEach((h, c) => (c < 3 ? b.set(row, c, h, HEADER) : b.block(row, c, row, last, h, HEADER)));
    row++;
    duplicates.forEach((f, i) => {
      const rows = f.rows.map((r) => at.firstRow + r + 1);
      const files = f.files.map(baseName).join('\n');
      b.set(row, 0, i + 1, CENTRED);
      b.set(row, 1, files, BOX);
      const sheet = at.tableSheets[f.table ?? 0] ?? '';
      b.cells.push({ row, col: 2, value: MERGE.mergedRows(sheet, rows), style: BOX, link: `'${sheet.replace(/'/g, "''")}'!A${rows[0]}` });
      b.block(row, 3, row, last, f.message, BOX);
      b.fit(row, Math.max(f.files.length, wrappedLines(f.message, b.span(3, last))));
      row++;
    });
  }
  return {
    name: at.name,
    cells: b.cells,
    merges: b.merges,
    columnWidths: WIDTHS,
    rowHeights: b.rowHeights,
    print: { orientation: 'landscape', fitToWidth: true },
  };
}

