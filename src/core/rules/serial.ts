import type { RuleFamily } from './family';
import type { TableRule } from './types';
import type { ColumnKey } from '../tables/schema';
import { cellText, isBlank } from '../model/cell';

function asInteger(v: ReturnType<Parameters<TableRule['check']>[0][number]['get']>): number | null {
  if (typeof v === 'number') return Number.isInteger(v) ? v : null;
  const t = cellText(v ?? null).normalize('NFKC').trim();
  return /^\d+$/.test(t) ? Number(t) : null;
}

/**
 * serial.*: 序号 and 原始序号 run 1, 2, 3 … A repeat or a value that is not a whole number is an
 * error; a gap (a row deleted) is an error for 原始序号 where the table says so (002: 原始序号
 * 不要删除), else a warning; a number smaller than the one before is a warning (rows sorted).
 */
function serialRule(key: ColumnKey): TableRule {
  return {
    id: `serial.${key}`,
    check(rows, ctx, emit) {
      if (!rows[0]?.has(key)) return;
      const label = ctx.columns.find((c) => c.key === key)?.label ?? key;
      const gapSeverity = key === 'originalSerial' && ctx.settings.serialGapIsError ? 'error' : 'warning';
      const seen = new Map<number, number>();
      let previous = 0;
      for (const row of rows) {
        const v = row.get(key);
        if (isBlank(v)) continue; // required. reports it when the column is required
        const n = asInteger(v);
        if (n === null) {
          emit({ key, rule: 'serial.not-number', severity: 'error', view: row, params: { column: label, value: cellText(v ?? null).slice(0, 20) } });
          continue;
        }
        const firstRow = seen.get(n);
        if (firstRow !== undefined) {
          emit({ key, rule: 'serial.repeat', severity: 'error', view: row, params: { column: label, value: n, row: firstRow } });
        } else if (n > previous + 1) {
          const from = previous + 1;
          const to = n - 1;
          emit({ key, rule: 'serial.gap', severity: gapSeverity, view: row, params: { column: label, missing: from === to ? `${from}` : `${from}–${to}` } });
        } else if (n < previous) {
          emit({ key, rule: 'serial.order', severity: 'warning', view: row, params: { column: label, value: n, previous } });
        }
        if (firstRow === undefined) seen.set(n, row.rowOf(key));
        previous = Math.max(previous, n);
      }
    },
  };
}

export const serialRules: RuleFamily = { row: [], table: [serialRule('serial'), serialRule('originalSerial')] };
