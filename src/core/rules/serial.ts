import type { RuleFamily } from './family';
import type { Emit, RowView, RuleContext, TableRule } from './types';
import type { ColumnKey } from '../tables/schema';
import { cellText, isBlank } from '../model/cell';
import { SLOT } from '../find/columnSlot';

function asInteger(v: ReturnType<RowView['get']>): number | null {
  if (typeof v === 'number') return Number.isInteger(v) ? v : null;
  const t = cellText(v ?? null).normalize('NFKC').trim();
  return /^\d+$/.test(t) ? Number(t) : null;
}

/**
 * A cell's whole number: a number cell at once, text of ASCII digits read in place (what
 * asInteger gives for it, without normalising), NaN for a blank cell or one that is not a number.
 */
function numberIn(v: ReturnType<RowView['get']>): number {
  if (typeof v === 'number') return Number.isInteger(v) ? v : NaN;
  if (typeof v === 'string' && v.length > 0 && v.length <= 15) {
    let n = 0;
    for (let i = 0; i < v.length; i++) {
      const d = v.charCodeAt(i) - 48;
      if (!(d >= 0 && d <= 9)) return isBlank(v) ? NaN : (asInteger(v) ?? NaN);
      n = n * 10 + d;
    }
    return n;
  }
  return isBlank(v) ? NaN : (asInteger(v) ?? NaN);
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
      const numbered = readRuns(rows, key);
      new Judge(rows, key, ctx, emit, numbered).all();
    },
  };
}

/** Each row's number (NaN: blank or not a number) and run, read in one pass over the rows. */
interface Numbered {
  values: Float64Array;
  runOf: Int32Array;
  runs: number;
}

/**
 * Rows numbered apart: in a merged county workbook each 来源 keeps its school's 原始序号 (the
 * merge renumbers 序号 over all of them), and a section after "注：以下为补报学生" may start
 * again from 1. A section that goes on from the one before is judged with it, as one run.
 */
function readRuns(rows: readonly RowView[], key: ColumnKey): Numbered {
  const slot = SLOT[key];
  const values = new Float64Array(rows.length);
  const runOf = new Int32Array(rows.length);
  const ids = new Map<string, number>();
  let lastSection = 0;
  let restart = 0;
  // Consecutive rows mostly share their run: its key is built only when 来源 or the restart changes.
  let lastSource = '';
  let lastRestart = 0;
  let run = -1;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const n = numberIn(row.valueAt(slot));
    values[i] = n;
    const section = row.section ?? 0;
    if (section !== lastSection) {
      lastSection = section;
      if (n === 1) restart++;
    }
    const sourceCell = key === 'originalSerial' ? row.valueAt(SLOT.source) : undefined; // undefined without 来源
    const source = sourceCell === undefined ? '' : cellText(sourceCell).trim();
    if (run < 0 || source !== lastSource || restart !== lastRestart) {
      const id = `${source}\u0000${restart}`;
      run = ids.get(id) ?? ids.size;
      ids.set(id, run);
      lastSource = source;
      lastRestart = restart;
    }
    runOf[i] = run;
  }
  return { values, runOf, runs: ids.size };
}

/**
 * Judges each row against the rows before it in its run, in row order. While every run's numbers
 * climb, no number can have been seen before and nothing is looked up; at the first that does not,
 * the rows so far are indexed once and every later number is looked up.
 */
class Judge {
  private readonly label: string;
  private readonly gapSeverity: 'error' | 'warning';
  /** Per run: the highest number so far, and `previous` (see row). */
  private readonly highest: Float64Array;
  private readonly previous: Float64Array;
  /** Per run: Excel rows of the numbers seen, once the numbers stop climbing. */
  private seen: Map<number, number>[] | null = null;

  constructor(
    private readonly rows: readonly RowView[],
    private readonly key: ColumnKey,
    ctx: RuleContext,
    private readonly emit: Emit,
    private readonly numbered: Numbered,
  ) {
    this.label = ctx.columns.find((c) => c.key === key)?.label ?? key;
    this.gapSeverity = key === 'originalSerial' && ctx.settings.serialGapIsError ? 'error' : 'warning';
    this.highest = new Float64Array(numbered.runs).fill(-Infinity);
    // 序号 counts from 1; 原始序号 from its first number (NaN: none yet).
    this.previous = new Float64Array(numbered.runs).fill(key === 'originalSerial' ? NaN : 0);
  }

  all(): void {
    const { values, runOf } = this.numbered;
    const { highest, previous } = this;
    for (let i = 0; i < values.length; i++) {
      const n = values[i]!;
      const r = runOf[i]!;
      // The common case, a number above every one before it in its run, in one loop.
      if (n > highest[r]! && this.seen === null && n <= previous[r]! + 1 && n >= previous[r]!) {
        highest[r] = n;
        previous[r] = n;
        continue;
      }
      this.row(i, n, r);
    }
  }

  private row(i: number, n: number, r: number): void {
    const { key, label } = this;
    const row = this.rows[i]!;
    if (n !== n) {
      const v = row.valueAt(SLOT[key]);
      if (isBlank(v)) return; // required. reports it when the column is required
      this.emit({ key, rule: 'serial.not-number', severity: 'error', view: row, params: { column: label, value: cellText(v ?? null).slice(0, 20) } });
      return;
    }
    const previous = this.previous[r]! === this.previous[r]! ? this.previous[r]! : n - 1;
    const firstRow = n > this.highest[r]! ? undefined : this.seenOf(i, r).get(n);
    if (firstRow !== undefined) {
      this.emit({ key, rule: 'serial.repeat', severity: 'error', view: row, params: { column: label, value: n, row: firstRow } });
    } else if (n > previous + 1) {
      const from = previous + 1;
      const to = n - 1;
      this.emit({ key, rule: 'serial.gap', severity: this.gapSeverity, view: row, params: { column: label, missing: from === to ? `${from}` : `${from}–${to}` } });
    } else if (n < previous) {
      this.emit({ key, rule: 'serial.order', severity: 'warning', view: row, params: { column: label, value: n, previous } });
    }
    if (firstRow === undefined && this.seen !== null) this.seen[r]!.set(n, row.rowOf(key));
    if (n > this.highest[r]!) this.highest[r] = n;
    this.previous[r] = Math.max(previous, n);
  }

  /** Run r's numbers so far, by number: indexed from the rows before `upTo` the first time one is asked for. */
  private seenOf(upTo: number, r: number): Map<number, number> {
    if (this.seen === null) {
      const seen: Map<number, number>[] = [];
      for (let k = 0; k < this.numbered.runs; k++) seen.push(new Map());
      const { values, runOf } = this.numbered;
      // Until now every number climbed in its run: each was new.
      for (let j = 0; j < upTo; j++) if (values[j] === values[j]) seen[runOf[j]!]!.set(values[j]!, this.rows[j]!.rowOf(this.key));
      this.seen = seen;
    }
    return this.seen[r]!;
  }
}

export const serialRules: RuleFamily = { row: [], table: [serialRule('serial'), serialRule('originalSerial')] };
