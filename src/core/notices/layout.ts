import type { CellSpec, CellStyle, SheetSpec, WorkbookSpec } from '../../io/xlsx/spec';
import type { RangeRef } from '../model/address';
import type { NoticeSelection, Shortfall } from './select';
import { noticeLines, type NoticeLine } from './wording';
import { NOTICE_SHEETS, SHORTFALL_SHEET } from '../../i18n/zh-CN/notices';

/**
 * Eight columns of 8.5 characters fit the printable width of A4 portrait (default margins)
 * whatever the workbook's default font makes a character: 7 px (Calibri) to 9 px (宋体 and its
 * substitutes). No fit-to-page scaling: under it Excel may ignore the manual page breaks.
 */
const COLUMNS = 8;
const COLUMN_WIDTH = 8.5;
const BODY_FONT = 14;
/** Characters of 14 pt that a line of the merged body holds at the narrowest (≈ 516 px). */
const CHARS_PER_LINE = 26;
const LINE_HEIGHT = 22;
/** Two full-width spaces: the first-line indent of Chinese official letters. */
const INDENT = '\u3000\u3000';

const TITLE: CellStyle = { bold: true, fontSize: 20, hAlign: 'center', vAlign: 'center' };
const TEXT: CellStyle = { fontSize: BODY_FONT, wrap: true, hAlign: 'left', vAlign: 'top' };
const SIGNATURE: CellStyle = { fontSize: BODY_FONT, hAlign: 'right', vAlign: 'center' };

function wideRow(row: number): RangeRef {
  return { top: row, left: 0, bottom: row, right: COLUMNS - 1 };
}

/** Row height for text wrapped in the merged width: Excel does not fit merged cells itself. */
function heightFor(text: string): number {
  const lines = Math.max(1, Math.ceil([...text].length / CHARS_PER_LINE));
  return lines * LINE_HEIGHT + 8;
}

interface Block {
  text: string;
  style: CellStyle;
  height: number;
}

/** The rows of one notice, top to bottom; the empty ones are spacing. */
function noticeBlocks(title: string, lines: NoticeLine[]): Block[] {
  const blocks: Block[] = [
    { text: title, style: TITLE, height: 56 },
    { text: '', style: TEXT, height: 16 },
  ];
  let signed = false;
  for (const line of lines) {
    if (line.role === 'signature' && !signed) {
      blocks.push({ text: '', style: TEXT, height: 40 });
      signed = true;
    }
    if (line.role === 'signature') blocks.push({ text: line.text, style: SIGNATURE, height: 30 });
    else {
      const text = line.role === 'paragraph' ? INDENT + line.text : line.text;
      blocks.push({ text, style: TEXT, height: heightFor(text) });
    }
  }
  return blocks;
}

function noticeSheet(selection: NoticeSelection): SheetSpec {
  const cells: CellSpec[] = [];
  const merges: RangeRef[] = [];
  const rowHeights: Record<number, number> = {};
  const rowBreaks: number[] = [];
  let row = 0;
  for (const notice of selection.notices) {
    if (row > 0) rowBreaks.push(row);
    const { title, lines } = noticeLines(notice.fields);
    for (const block of noticeBlocks(title, lines)) {
      if (block.text) cells.push({ row, col: 0, value: block.text, style: block.style });
      merges.push(wideRow(row));
      rowHeights[row] = block.height;
      row++;
    }
  }
  return {
    name: NOTICE_SHEETS.notices,
    cells,
    merges,
    columnWidths: Array<number>(COLUMNS).fill(COLUMN_WIDTH),
    rowHeights,
    print: { orientation: 'portrait', rowBreaks },
  };
}

/** 工作表, 行号, 姓名, 情况, 原因: the reason wraps in its wide column. */
const SHORTFALL_WIDTHS = [22, 6, 10, 7, 42];
const REASON_CHARS_PER_LINE = 20;

function shortfallSheet(selection: NoticeSelection): SheetSpec {
  const header = SHORTFALL_SHEET.header;
  const cells: CellSpec[] = [
    { row: 0, col: 0, value: SHORTFALL_SHEET.title, style: { bold: true, fontSize: 14, hAlign: 'center' } },
    ...header.map((h, col): CellSpec => ({ row: 1, col, value: h, style: { bold: true, border: true, hAlign: 'center', fill: 'D9E1F2' } })),
  ];
  const rows: [Shortfall, string][] = [
    ...selection.lacking.map((s): [Shortfall, string] => [s, SHORTFALL_SHEET.noNotice]),
    ...selection.handFill.map((s): [Shortfall, string] => [s, SHORTFALL_SHEET.handFill]),
  ];
  const merges: RangeRef[] = [{ top: 0, left: 0, bottom: 0, right: header.length - 1 }];
  const rowHeights: Record<number, number> = { 0: 24 };
  rows.forEach(([s, status], i) => {
    const values = [s.sheet, s.row, s.child, status, s.reason];
    values.forEach((value, col) => cells.push({ row: i + 2, col, value, style: { border: true, wrap: true, vAlign: 'top', hAlign: col === 1 ? 'center' : 'left' } }));
    rowHeights[i + 2] = Math.ceil([...s.reason].length / REASON_CHARS_PER_LINE) * 15 + 4;
  });
  if (rows.length === 0) {
    cells.push({ row: 2, col: 0, value: SHORTFALL_SHEET.none });
    merges.push({ top: 2, left: 0, bottom: 2, right: header.length - 1 });
  }
  return {
    name: NOTICE_SHEETS.shortfalls,
    cells,
    merges,
    columnWidths: SHORTFALL_WIDTHS,
    rowHeights,
    freeze: { row: 2, col: 0 },
    print: { orientation: 'portrait', fitToWidth: true, titleRows: { from: 1, to: 1 } },
  };
}

/**
 * The printable workbook: every notice on its own A4 page of sheet 通知书, then the sheet
 * 未能生成 listing the children who got none or whose notice has a blank to fill by hand.
 */
export function noticeWorkbook(selection: NoticeSelection): WorkbookSpec {
  const sheets = selection.notices.length > 0 ? [noticeSheet(selection)] : [];
  sheets.push(shortfallSheet(selection));
  return { sheets };
}
