import { formatRange, parseRange, type RangeRef } from '../core/model/address';
import type { CellSpec } from '../io/xlsx/spec';
import { ui } from '../i18n/zh-CN/ui';

/** What an action changed on one sheet (A1 ranges), to name in its message and highlight. */
export interface Change {
  sheet: string;
  ranges: string[];
}

/** Ranges named in a message before "等 N 处". */
const NAMED = 3;

/** The one range around the cells written. */
export function rangeAround(cells: readonly Pick<CellSpec, 'row' | 'col'>[]): string {
  const r: RangeRef = { top: Infinity, left: Infinity, bottom: -1, right: -1 };
  for (const c of cells) {
    r.top = Math.min(r.top, c.row);
    r.left = Math.min(r.left, c.col);
    r.bottom = Math.max(r.bottom, c.row);
    r.right = Math.max(r.right, c.col);
  }
  return formatRange(r);
}

/** 已修改工作表“附件5”的 C4:Q6（已高亮显示），并已重新检查。 for each sheet changed. */
export function describeChanges(changes: readonly Change[]): string {
  return changes
    .map((c) => {
      const named = c.ranges.slice(0, NAMED).join('、');
      return ui.recheck.changed(c.sheet, c.ranges.length > NAMED ? ui.recheck.moreCells(named, c.ranges.length) : named);
    })
    .join('');
}

/** Whether a cell lies in one of the ranges changed on its sheet. */
export function changedAt(changes: readonly Change[], sheet: string): (row: number, col: number) => boolean {
  const ranges = changes
    .filter((c) => c.sheet === sheet)
    .flatMap((c) => c.ranges.map(parseRange))
    .filter((r): r is RangeRef => r !== null);
  return (row, col) => ranges.some((r) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right);
}
