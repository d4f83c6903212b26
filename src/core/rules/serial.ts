import type { RuleFamily } from './family';
import type { Emit, RowView, RuleContext, TableRule } from './types';
import type { ColumnKey } from '../tables/schema';
import { cellText, isBlank } from '../model/cell';

function asInteger(v: ReturnType<RowView['get']>): number | null {
  if (typeof v === 'number') return Number.isInteger(v) ? v : null;
  const t = cellText(v ?? null).normalize('NFKC').trim();
  return /^\d+$/.test(t) ? Number(t) : null;
}

/**
 * Rows numbered apart: in a merged county workbook each 来源 keeps its school's 原始序号 (the
 * merge renumbers 序号 over all of them), and a section after "注：以下为补报学生" may start
 * again from 1. A section that goes on from the one before is judged with it, as one run.
 */
function runsOf(rows: readonly RowView[], key: ColumnKey): RowView[][] {
  const runs = new Map<string, RowView[]>();
  let lastSection = 0;
  let restart = 0;
  // Consecutive rows mostly share their run: its key is built only when 来源 or the restart changes.
  let lastSource = '';
  let lastRestart = 0;
  let run: RowView[] | undefined;
  for (const row of rows) {
    const section = row.section ?? 0;
    if (section !== lastSection) {
      lastSection = section;
      if (asInteger(row.get(key)) === 1) restart++;
    }
    const sourceCell = key === 'originalSerial' ? row.get('source') : undefined; // undefined without 来源
    const source = sourceCell === undefined ? '' : cellText(sourceCell).trim();
    if (!run || source !== lastSource || restart !== lastRestart) {
      const id = `${source}\u0000${restart}`;
      run = runs.get(id);
      if (!run) runs.set(id, (run = []));
      lastSource = source;
      lastRestart = restart;
    }
    run.push(row);
  }
  return [...runs.values()];
}

/**
 * serial.*: 序号 and 原始序号 run 1, 2, 3 … A repeat or a value that is not a whole number is an
 * error; a gap (a row deleted) is an error for 原始序号 where the table says so (002: 原始序号
 * 不要删除), else a warning; a number smaller than the one before is a warning (rows sorted).
 * 原始序号 may start anywhere: 002 hands each 乡镇 its own slice of the county list with the
 * county's numbers kept, so a list starting at 1047 lost nothing before it (`--issued` proves
 * deleted rows); only gaps inside the slice count.
 */
function serialRule(key: ColumnKey): TableRule {
  return {
    id: `serial.${key}`,
    needs: [key],
    check(rows, ctx, emit) {
      if (!rows[0]?.has(key)) return;
      for (const run of runsOf(rows, key)) checkRun(run, key, ctx, emit);
    },
  };
}

/** Serials below this are kept by index (a list has at most a few million rows). */
const SMALL = 1 << 24;

function checkRun(rows: readonly RowView[], key: ColumnKey, ctx: RuleContext, emit: Emit) {
  const label = ctx.columns.find((c) => c.key === key)?.label ?? key;
  const gapSeverity = key === 'originalSerial' && ctx.settings.serialGapIsError ? 'error' : 'warning';
  // Excel rows of the numbers seen: small whole numbers in an array (no hashing), others in a Map.
  const seenSmall: number[] = [];
  const seenOther = new Map<number, number>();
  const seenAt = (n: number) => (n >= 0 && n < SMALL ? seenSmall[n] : seenOther.get(n));
  /** The highest number so far: a number above it cannot have been seen (serials mostly climb). */
  let highest = -Infinity;
  let previous: number | null = key === 'originalSerial' ? null : 0;
  for (const row of rows) {
    const v = row.get(key);
    if (isBlank(v)) continue; // required. reports it when the column is required
    const n = asInteger(v);
    if (n === null) {
      emit({ key, rule: 'serial.not-number', severity: 'error', view: row, params: { column: label, value: cellText(v ?? null).slice(0, 20) } });
      continue;
    }
    previous ??= n - 1;
    const firstRow = n > highest ? undefined : seenAt(n);
    if (firstRow !== undefined) {
      emit({ key, rule: 'serial.repeat', severity: 'error', view: row, params: { column: label, value: n, row: firstRow } });
    } else if (n > previous + 1) {
      const from = previous + 1;
      const to = n - 1;
      emit({ key, rule: 'serial.gap', severity: gapSeverity, view: row, params: { column: label, missing: from === to ? `${from}` : `${from}–${to}` } });
    } else if (n < previous) {
      emit({ key, rule: 'serial.order', severity: 'warning', view: row, params: { column: label, value: n, previous } });
    }
    if (firstRow === undefined) {
      if (n >= 0 && n < SMALL) seenSmall[n] = row.rowOf(key);
      else seenOther.set(n, row.rowOf(key));
    }
    if (n > highest) highest = n;
    previous = Math.max(previous, n);
  }
}

export const serialRules: RuleFamily = { row: [], table: [serialRule('serial'), serialRule('originalSerial')] };
