import type { RuleFamily } from './family';
import type { RowRule } from './types';
import type { ColumnKey } from '../tables/schema';
import { isBlank } from '../model/cell';
import { perTable } from './columns';
import { SLOT } from '../find/columnSlot';

/** Columns whose emptiness another family reports with a better message. */
const OWNED_ELSEWHERE: ReadonlySet<ColumnKey> = new Set(['persuasionRecord']);

const requiredColumns = perTable((columns) =>
  columns.filter((col) => col.required && !OWNED_ELSEWHERE.has(col.key)).map((col) => ({ col, slot: SLOT[col.key] })),
);

/** required.missing: a column the table requires is empty on this row. */
const missing: RowRule = {
  id: 'required.missing',
  check(row, ctx, emit) {
    const cols = requiredColumns(ctx.columns);
    for (let i = 0; i < cols.length; i++) {
      const { col, slot } = cols[i]!;
      if (isBlank(row.valueAt(slot))) {
        emit({ key: col.key, rule: 'required.missing', severity: 'error', params: { column: col.label } });
      }
    }
  },
};

/** What a 备注 holds in place of the work group's names. */
const NOT_NAMES: ReadonlySet<string> = new Set(['已核查', '无', '见附件', '同上', '核查', '已入户']);

/** Two CJK characters in a row (as /[\u4e00-\u9fff]{2,}/, without a regex on every row). */
function hasTwoHanzi(v: string): boolean {
  let run = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    run = c >= 0x4e00 && c <= 0x9fff ? run + 1 : 0;
    if (run === 2) return true;
  }
  return false;
}

/** Surely not white space: printable ASCII or a CJK ideograph. */
function isInk(c: number): boolean {
  return (c > 32 && c < 127) || (c >= 0x4e00 && c <= 0x9fff);
}

/** v.trim(), without the call for the usual note that starts and ends with ink. */
function trimmed(v: string): string {
  return isInk(v.charCodeAt(0)) && isInk(v.charCodeAt(v.length - 1)) ? v : v.trim();
}

/**
 * required.workgroup: 002 附件4's 备注 "须填写入门入户核查…工作小组成员姓名": a note that is
 * filled but names nobody (e.g. "已核查") does not do.
 */
const workgroup: RowRule = {
  id: 'required.workgroup',
  needs: ['remark'],
  check(row, ctx, emit) {
    if (ctx.table.id !== 'wafangdian-individual') return;
    const v = row.valueAt(SLOT.remark); // undefined without the column
    if (typeof v !== 'string' || isBlank(v)) return;
    if (!hasTwoHanzi(v) || NOT_NAMES.has(trimmed(v))) {
      emit({ key: 'remark', rule: 'required.workgroup', severity: 'error' });
    }
  },
};

export const requiredRules: RuleFamily = { row: [missing, workgroup], table: [] };
