import type { CheckReport } from '../core/check';
import type { Finding } from '../core/model/finding';
import type { WorkbookGrid } from '../core/model/workbook';
import { cellText } from '../core/model/cell';

/** The child a finding's row is about: its 姓名 and its 原始序号 (or 序号). */
export interface Child {
  name: string;
  serial: string;
}

export type ChildOf = (f: Finding) => Child | null;

interface Columns {
  headerRow: number;
  name: number | null;
  serial: number | null;
}

/** Header rows are one or two deep: look at the first and the one under it. */
const HEADER_DEPTH = 2;

function findColumn(headers: string[][], exact: string[], partial: RegExp | null): number | null {
  for (const want of exact) {
    for (const row of headers) {
      const i = row.indexOf(want);
      if (i >= 0) return i;
    }
  }
  if (!partial) return null;
  for (const row of headers) {
    const i = row.findIndex((h) => partial.test(h));
    if (i >= 0) return i;
  }
  return null;
}

/**
 * Reads each finding's child from the grid the check ran on: the list's 姓名 and 原始序号/序号
 * columns, found in its header. Findings not on a list row (totals, headers) have no child.
 */
export function childrenOf(grid: WorkbookGrid, report: CheckReport): ChildOf {
  const columns = new Map<string, Columns>();
  for (const t of report.tables) {
    if (t.kind === 'totals') continue;
    const sheet = grid.sheets.find((s) => s.name === t.sheet);
    if (!sheet) continue;
    const headers = sheet.rows.slice(t.headerRow - 1, t.headerRow - 1 + HEADER_DEPTH).map((r) => r.map((v) => cellText(v).replace(/\s+/g, '')));
    columns.set(t.sheet, {
      headerRow: t.headerRow,
      // A guardian's name (监护人姓名, 家长姓名) is not the child's.
      name: findColumn(headers, ['姓名', '学生姓名', '儿童姓名'], /^(?!.*(监护|家长|父|母)).*姓名/),
      // 原始序号（不要删除） and the like: the header's first words.
      serial: findColumn(headers, ['原始序号', '序号'], /^(原始序号|序号)/),
    });
  }
  return (f) => {
    const c = columns.get(f.sheet);
    if (!c || c.name === null || f.row <= c.headerRow) return null;
    const row = grid.sheets.find((s) => s.name === f.sheet)?.rows[f.row - 1];
    const name = cellText(row?.[c.name]).trim();
    if (!name) return null;
    return { name, serial: c.serial === null ? '' : cellText(row?.[c.serial]).trim() };
  };
}
