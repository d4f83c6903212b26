import type { CheckReport } from '../core/check';
import type { PersonalData } from '../core/privacy/maskFindings';
import type { CellSpec, CellStyle, SheetSpec } from '../io/xlsx/spec';
import { ui } from '../i18n/zh-CN/ui';

const HEAD: CellStyle = { bold: true, fill: 'D9E1F2', border: true, hAlign: 'center', vAlign: 'center' };
const BODY: CellStyle = { border: true, vAlign: 'top' };
const TEXT: CellStyle = { border: true, vAlign: 'top', wrap: true };
const FIRST_ROW = 3;

function sheetRef(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/**
 * The 审核意见 sheet: every finding with a link to its cell, for reviewers to send back
 * with the file. Plain cells and HYPERLINK links, so it reads the same in every Excel and WPS.
 * With `mask` (the workbook's personal data), 身份证号 and names in the texts are masked.
 */
export function reviewSheet(report: CheckReport, date: string, name: string = ui.review.sheetName, mask?: PersonalData): SheetSpec {
  const r = ui.review;
  const cells: CellSpec[] = [
    { row: 0, col: 0, value: r.title, style: { bold: true, fontSize: 14 } },
    { row: 1, col: 0, value: r.summary(date, report.counts.errors, report.counts.warnings) },
    ...r.headers.map((h, col) => ({ row: 2, col, value: h, style: HEAD })),
  ];
  const findings = mask ? report.findings.map((f) => mask.maskFinding(f)) : report.findings;
  findings.forEach((f, i) => {
    const row = FIRST_ROW + i;
    cells.push(
      { row, col: 0, value: i + 1, style: BODY },
      { row, col: 1, value: f.sheet, style: BODY },
      { row, col: 2, value: f.cell, style: BODY, link: sheetRef(f.sheet, f.cell) },
      { row, col: 3, value: f.column, style: BODY },
      { row, col: 4, value: ui.severity[f.severity], style: BODY },
      { row, col: 5, value: f.message, style: TEXT },
      { row, col: 6, value: f.fix, style: TEXT },
    );
  });
  if (findings.length === 0) cells.push({ row: FIRST_ROW, col: 0, value: r.none });
  return {
    name,
    cells,
    columnWidths: [6, 14, 9, 14, 6, 48, 40],
    freeze: { row: FIRST_ROW, col: 0 },
    print: { orientation: 'landscape', fitToWidth: true, titleRows: { from: 2, to: 2 } },
  };
}
