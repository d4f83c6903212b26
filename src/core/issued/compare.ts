import type { WorkbookGrid } from '../model/workbook';
import type { Finding } from '../model/finding';
import type { ColumnKey } from '../tables/schema';
import type { RowView } from '../rules/types';
import { recognise, type BoundLedger } from '../find/recognise';
import { cellText } from '../model/cell';
import { a1 } from '../model/address';
import { renderRule, type Params } from '../../i18n/zh-CN/rules';

function ledgers(grid: WorkbookGrid): BoundLedger[] {
  return recognise(grid).tables.filter((t): t is BoundLedger => t.kind === 'ledger');
}

const comparable = (v: ReturnType<RowView['get']>) => cellText(v ?? null).normalize('NFKC').replace(/[\s\u3000]/g, '');

/** The row key: 原始序号 where the list has one, else the 身份证号. */
function keyColumn(t: BoundLedger): ColumnKey | null {
  if (t.match.columns.has('originalSerial')) return 'originalSerial';
  if (t.match.columns.has('idcard')) return 'idcard';
  return null;
}

function finding(t: BoundLedger, cell: string, row: number, column: string, rule: string, severity: Finding['severity'], params: Params): Finding {
  const text = renderRule(rule, params);
  return { sheet: t.sheet.name, cell, row, column, rule, severity, message: text.message, fix: text.fix };
}

/**
 * Compares a returned list with the list that was issued (002: "原始序号（不要删除）", "只在表中更新
 * 核查结果、复学情况和填写工作小组成员姓名"): rows deleted, rows added, and changes to columns
 * that were not to be edited. Values are never echoed: they are personal data.
 */
export function compareWithIssued(issued: WorkbookGrid, returned: WorkbookGrid): Finding[] {
  const out: Finding[] = [];
  const before = ledgers(issued);
  for (const now of ledgers(returned)) {
    const was = before.find((b) => b.def.id === now.def.id && b.sheet.name === now.sheet.name) ?? before.find((b) => b.def.id === now.def.id);
    const key = keyColumn(now);
    if (!was || !key || keyColumn(was) !== key) continue;
    const editable = new Set<ColumnKey>(now.def.settings.editableColumns ?? now.def.columns.map((c) => c.key));
    // A key listed twice (a repeated 原始序号) pairs its occurrences in order, first with first.
    const nowByKey = new Map<string, RowView[]>();
    for (const v of now.views) {
      const k = comparable(v.get(key));
      if (k) nowByKey.set(k, [...(nowByKey.get(k) ?? []), v]);
    }
    const keyLabel = now.match.labels.get(key) ?? key;
    const matched = new Set<RowView>();
    for (const old of was.views) {
      const k = comparable(old.get(key));
      if (!k) continue;
      const cur = nowByKey.get(k)?.shift();
      if (!cur) {
        const col = now.match.columns.get(key)!;
        out.push(finding(now, a1(now.match.headerRow, col), now.match.headerRow + 1, keyLabel, 'serial.deleted', 'error', { row: old.rowOf(key), key: keyLabel, value: key === 'originalSerial' ? k : '' }));
        continue;
      }
      matched.add(cur);
      for (const col of now.def.columns) {
        if (editable.has(col.key) || col.key === key || !now.match.columns.has(col.key) || !was.match.columns.has(col.key)) continue;
        if (comparable(old.get(col.key)) !== comparable(cur.get(col.key))) {
          out.push(finding(now, cur.cellOf(col.key), cur.rowOf(col.key), col.label, 'issued.changed', 'error', { column: col.label, row: old.rowOf(col.key) }));
        }
      }
    }
    for (const cur of now.views) {
      if (comparable(cur.get(key)) && !matched.has(cur)) out.push(finding(now, cur.cellOf(key), cur.rowOf(key), keyLabel, 'issued.added', 'warning', { key: keyLabel }));
    }
  }
  return out;
}
