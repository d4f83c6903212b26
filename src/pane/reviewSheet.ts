import type { CheckReport } from '../core/check';
import type { PersonalData } from '../core/privacy/maskFindings';
import type { CellSpec, CellStyle, SheetSpec } from '../io/xlsx/spec';
import { ui } from '../i18n/zh-CN/ui';
import { reviewRows } from './reviewRows';
import type { ChildOf } from './child';

const HEAD: CellStyle = { bold: true, fill: 'D9E1F2', border: true, hAlign: 'center', vAlign: 'center' };
const BODY: CellStyle = { border: true, vAlign: 'top' };
const TEXT: CellStyle = { border: true, vAlign: 'top', wrap: true };
const FIRST_ROW = 3;

function sheetRef(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

export interface ReviewOptions {
  /** The child each finding is about (姓名, 原始序号); without it those columns stay empty. */
  childOf?: ChildOf;
  /** The workbook's personal data: 身份证号 and names in the texts are masked. */
  mask?: PersonalData;
  /** Links to the cells only make sense inside the checked workbook, not in one exported on its own. */
  links?: boolean;
}

/**
 * The 审核意见 sheet a school acts on: every finding beside the child's 姓名 and 原始序号, grouped
 * by child, errors first, with a link to its cell. Plain cells and HYPERLINK links, so it reads
 * the same in every Excel and WPS.
 */
export function reviewSheet(report: CheckReport, date: string, name: string = ui.review.sheetName, opts: ReviewOptions = {}): SheetSpec {
  const r = ui.review;
  const { mask, links = true } = opts;
  const cells: CellSpec[] = [
    { row: 0, col: 0, value: r.title, style: { bold: true, fontSize: 14 } },
    { row: 1, col: 0, value: r.summary(date, report.counts.errors, report.counts.warnings) },
    ...r.headers.map((h, col) => ({ row: 2, col, value: h, style: HEAD })),
  ];
  const rows = reviewRows(report, opts.childOf ?? (() => null));
  rows.forEach(({ finding, name: child, serial }, i) => {
    const f = mask ? mask.maskFinding(finding) : finding;
    const row = FIRST_ROW + i;
    cells.push(
      { row, col: 0, value: i + 1, style: BODY },
      { row, col: 1, value: child ? (mask ? mask.maskText(child, finding.sheet, [finding.row]) : child) : r.noChild, style: BODY },
      { row, col: 2, value: serial, style: BODY },
      { row, col: 3, value: f.sheet, style: BODY },
      { row, col: 4, value: f.cell, style: BODY, ...(links ? { link: sheetRef(f.sheet, f.cell) } : {}) },
      { row, col: 5, value: f.column, style: BODY },
      { row, col: 6, value: ui.severity[f.severity], style: BODY },
      { row, col: 7, value: f.message, style: TEXT },
      { row, col: 8, value: f.fix, style: TEXT },
    );
  });
  if (rows.length === 0) cells.push({ row: FIRST_ROW, col: 0, value: r.none });
  return {
    name,
    cells,
    columnWidths: [6, 10, 8, 12, 8, 12, 6, 48, 40],
    freeze: { row: FIRST_ROW, col: 0 },
    print: { orientation: 'landscape', fitToWidth: true, titleRows: { from: 2, to: 2 } },
  };
}
