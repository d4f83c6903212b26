import type { RuleFamily } from './family';
import type { RowRule } from './types';
import { cellText, isBlank } from '../model/cell';
import { normaliseItem } from '../find/normalise';
import { CHECK_RESULTS, CHECK_RESULTS_TO_RETURN } from '../tables/lists';
import { intendedItem } from './listItem';
import { SLOT } from '../find/columnSlot';

/** Each 核查结果 item and whether it takes 是/否 (I–M) rather than 无: one lookup per row. */
const TO_RETURN: ReadonlyMap<string, boolean> = new Map(CHECK_RESULTS.map((item) => [item, toReturn(item)]));

function toReturn(item: string): boolean {
  return CHECK_RESULTS_TO_RETURN.includes(item[0]!);
}

/**
 * 002 附件3: "属于I.因病因残 … M.其他原因等五类的填写“是”或“否”，其余类填写“无”".
 * Only judged when 核查结果 names an item (one that names none is category.'s finding).
 */
const byCheckResult: RowRule = {
  id: 'return-status.by-check-result',
  needs: ['checkResult'],
  check(row, _ctx, emit) {
    // valueAt() gives undefined for a column the sheet lacks: no has() on every row.
    const resultCell = row.valueAt(SLOT.checkResult);
    const statusCell = row.valueAt(SLOT.returnStatus);
    if (resultCell === undefined || statusCell === undefined) return;
    const result = normaliseItem(resultCell);
    // A misspelt item ("K、打工务农") is category.'s error, and still says which 复学情况 it takes.
    const known = TO_RETURN.get(result);
    const item = known !== undefined ? result : result ? intendedItem(result, CHECK_RESULTS) : null;
    const status = normaliseItem(statusCell);
    if (!item || status === '') return;
    const yesNo = known ?? toReturn(item);
    if (yesNo && status === '无') {
      emit({ key: 'returnStatus', rule: 'return-status.should-be-yes-no', severity: 'error', params: { result: item } });
    } else if (!yesNo && (status === '是' || status === '否')) {
      emit({ key: 'returnStatus', rule: 'return-status.should-be-none', severity: 'error', params: { result: item, status } });
    }
  },
};

const RETURNED = /^(?:1[.、．]?)?已复学/;
const NOT_RETURNED = /^(?:2[.、．]?)?尚未复学/;
const PLANNED = /拟于?(\d{4}年)?(\d{1,2})月(\d{1,2})[日号]/;

/** 000 附件1 劝返结果: "1.已复学" or "2.尚未复学，拟于XX月XX日返校复学". */
const dropoutResult: RowRule = {
  id: 'return-status.result',
  needs: ['persuasionResult'],
  check(row, ctx, emit) {
    if (ctx.table.kind !== 'ledger') return;
    const v = row.valueAt(SLOT.persuasionResult); // undefined without the column
    if (v === undefined || isBlank(v)) return;
    const text = cellText(v).normalize('NFKC').replace(/[\s\u3000]/g, '');
    if (RETURNED.test(text)) return;
    if (NOT_RETURNED.test(text)) {
      const m = PLANNED.exec(text);
      if (!m) {
        emit({ key: 'persuasionResult', rule: 'return-status.no-planned-date', severity: 'error' });
        return;
      }
      const month = Number(m[2]);
      const day = Number(m[3]);
      const probe = new Date(Date.UTC(2024, month - 1, day)); // a leap year admits 2月29日
      if (month < 1 || month > 12 || probe.getUTCMonth() !== month - 1) {
        emit({ key: 'persuasionResult', rule: 'return-status.bad-planned-date', severity: 'error', params: { date: `${month}月${day}日` } });
      }
      return;
    }
    emit({ key: 'persuasionResult', rule: 'return-status.invalid-result', severity: 'error', params: { value: text.slice(0, 30) } });
  },
};

/** 004 附件2: 复学学校, 复学时间 and 班级 are filled together (returned) or not at all. */
const returnTogether: RowRule = {
  id: 'return-status.incomplete',
  needs: ['returnSchool', 'returnDate', 'className'],
  check(row, ctx, emit) {
    const keys = (['returnSchool', 'returnDate', 'className'] as const).filter((k) => row.has(k));
    if (keys.length < 2) return;
    const filled = keys.filter((k) => !isBlank(row.get(k)));
    if (filled.length === 0 || filled.length === keys.length) return;
    const labels = new Map(ctx.columns.map((c) => [c.key, c.label]));
    const missing = keys.filter((k) => isBlank(row.get(k)));
    for (const k of missing) {
      emit({
        key: k,
        rule: 'return-status.incomplete',
        severity: 'error',
        params: { column: labels.get(k) ?? k, filled: filled.map((f) => labels.get(f) ?? f).join('、') },
      });
    }
  },
};

/** 004 附件5 (一生一表): 未复学原因 is required when 劝返结果 is 未复学. */
const notReturnedReason: RowRule = {
  id: 'return-status.not-returned-reason',
  needs: ['notReturnedReason'],
  check(row, ctx, emit) {
    if (ctx.table.kind !== 'form') return;
    const reason = row.valueAt(SLOT.notReturnedReason); // undefined without the field
    if (reason === undefined) return;
    const result = normaliseItem(row.valueAt(SLOT.persuasionResult) ?? null);
    if (result === '未复学' && isBlank(reason)) {
      emit({ key: 'notReturnedReason', rule: 'return-status.not-returned-reason', severity: 'error' });
    }
  },
};

export const returnStatusRules: RuleFamily = {
  row: [byCheckResult, dropoutResult, returnTogether, notReturnedReason],
  table: [],
};
