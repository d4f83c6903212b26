import type { CellValue } from '../model/cell';
import { cellText, isBlank } from '../model/cell';

/**
 * What a row under a ledger's header is, by its first text:
 * - end: the footer (单位：、填报人 …) or the 填表说明 block: the table is over;
 * - total: a 合计/小计/总计 row ("合计 共158人"): not a child, may be checked against the rows it sums;
 * - note: a 注：/说明：/备注： line or a sub-heading ("以下为补报学生", "二、转入学生"): not a child,
 *   and the table goes on if children follow it;
 * - data: anything else (a child, or an empty row).
 */
export type RowKind = 'end' | 'total' | 'note' | 'data';

const END = /^(填表说明|填报说明|单位[:：(（]|填报单位|填报人|主管领导|联系电话[:：]|学校[:：(（]|时间[:：]|审核人|负责人[:：]|制表人)/;
const TOTAL = /^(合计|小计|总计|共计|累计)/;
const NOTE = /^(说明[:：]|注[:：]|注\d|备注[:：]|附注|以下|[一二三四五六七八九十]+[、．.]|[(（][一二三四五六七八九十]+[)）])/;
/** A lone cell that reads as a heading, not as a child's value. */
const HEADING = /(以下|以上|学生[:：]?$|名单[:：]?$|[:：]$)/;

export function firstText(row: readonly CellValue[] | undefined): string {
  if (!row) return '';
  for (const v of row) {
    const t = cellText(v ?? null).replace(/[\s\u3000]/g, '');
    if (t) return t;
  }
  return '';
}

/**
 * The first value is a number (a child's 序号): its text cannot open a footer, a total or a note,
 * so the row is data without building any text (this runs on every row under a header).
 */
function startsWithNumber(row: readonly CellValue[] | undefined): boolean {
  if (!row) return false;
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (v !== null && v !== undefined) return typeof v === 'number';
  }
  return false;
}

function filledCells(row: readonly CellValue[]): number {
  let n = 0;
  for (const v of row) if (!isBlank(v)) n++;
  return n;
}

export function rowKind(row: readonly CellValue[] | undefined): RowKind {
  if (startsWithNumber(row)) return 'data';
  const text = firstText(row);
  if (!text) return 'data';
  if (END.test(text)) return 'end';
  if (TOTAL.test(text)) return 'total';
  if (NOTE.test(text)) return 'note';
  if (HEADING.test(text) && filledCells(row!) === 1) return 'note';
  return 'data';
}

/** The number of people a 合计 row states: "共158人", "158人", or a bare number beside the label. */
export function statedCount(row: readonly CellValue[]): number | null {
  const texts = Array.from(row, (v) => cellText(v ?? null).normalize('NFKC').replace(/[\s\u3000]/g, '')).filter((t) => t);
  for (const t of texts) {
    const m = /(\d+)[人名个]/.exec(t);
    if (m) return Number(m[1]);
  }
  // "合计 | 158": the first cell after the label holding only a whole number.
  const next = texts[1];
  return next !== undefined && /^\d+$/.test(next) && TOTAL.test(texts[0] ?? '') ? Number(next) : null;
}
