import type { RuleFamily } from './family';
import type { RowRule } from './types';
import type { ColumnKey } from '../tables/schema';
import { isBlank } from '../model/cell';
import { perTable } from './columns';
import { SLOT } from '../find/columnSlot';

/** Columns whose emptiness another family reports with a better message. */
const OWNED_ELSEWHERE: ReadonlySet<ColumnKey> = new Set(['persuasionRecord']);

/** The required columns of a table, and their slots side by side (the loop on every row reads only these). */
const requiredColumns = perTable((columns) => {
  const cols = columns.filter((col) => col.required && !OWNED_ELSEWHERE.has(col.key));
  return { cols, slots: Int32Array.from(cols, (col) => SLOT[col.key]) };
});

/** required.missing: a column the table requires is empty on this row. */
const missing: RowRule = {
  id: 'required.missing',
  check(row, ctx, emit) {
    const { cols, slots } = requiredColumns(ctx.columns);
    for (let i = 0; i < slots.length; i++) {
      if (isBlank(row.valueAt(slots[i]!))) {
        const col = cols[i]!;
        emit({ key: col.key, rule: 'required.missing', severity: 'error', params: { column: col.label } });
      }
    }
  },
};

/** What a 备注 holds in place of the work group's names. */
const NOT_NAMES: ReadonlySet<string> = new Set(['已核查', '无', '见附件', '同上', '核查', '已入户']);
/** Length of the longest NOT_NAMES entry. */
const NOT_NAMES_LONGEST = Math.max(...[...NOT_NAMES].map((s) => s.length));

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

/** NOT_NAMES.has(trimmed(v)), without hashing a note longer than all of them (nearly every note). */
function isNotNames(v: string): boolean {
  const t = trimmed(v);
  return t.length <= NOT_NAMES_LONGEST && NOT_NAMES.has(t);
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
    if (!hasTwoHanzi(v) || isNotNames(v)) {
      emit({ key: 'remark', rule: 'required.workgroup', severity: 'error' });
    }
  },
};

export const requiredRules: RuleFamily = { row: [missing, workgroup], table: [] };
