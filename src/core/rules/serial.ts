import type { RuleFamily } from './family';
import type { Emit, FedTableRule, RowList, RowView, RuleContext } from './types';
import type { ColumnKey } from '../tables/schema';
import { cellText, isBlank } from '../model/cell';
import { SLOT, type ColumnSlot } from '../find/columnSlot';
import { grown } from '../model/typedArray';
import { NumberIndex } from '../model/numberIndex';

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
function serialRule(key: ColumnKey): FedTableRule {
  /** The table being fed: tables are checked one at a time, row after row. */
  let fed: Numbering | null = null;
  return {
    id: `serial.${key}`,
    needs: [key],
    row(view, ctx) {
      (fed !== null && fed.ctx === ctx ? fed : (fed = new Numbering(ctx, key))).add(view);
    },
    check(rows, ctx, emit) {
      let numbered = fed;
      fed = null;
      if (!rows.view(0)?.has(key)) return;
      if (numbered === null || numbered.ctx !== ctx || numbered.n !== rows.length) {
        // Not fed (a rule called on its own): read the rows here.
        numbered = new Numbering(ctx, key);
        for (let i = 0; i < rows.length; i++) numbered.add(rows.view(i)!);
      }
      new Judge(rows, key, ctx, emit, numbered).all();
    },
  };
}

/**
 * Each row's number (NaN: blank or not a number), run and Excel row, read as the row loop reaches
 * the row (its cells are at hand then). Rows numbered apart are in different runs: in a merged county
 * workbook each 来源 keeps its school's 原始序号 (the merge renumbers 序号 over all of them), and
 * a section after "注：以下为补报学生" may start again from 1. A section that goes on from the
 * one before is judged with it, as one run.
 */
class Numbering {
  values = new Float64Array(1024);
  runOf = new Int32Array(1024);
  excelRow = new Int32Array(1024);
  n = 0;
  runs = 0;
  private readonly slot: ColumnSlot;
  private readonly ids = new Map<string, number>();
  private lastSection = 0;
  private restart = 0;
  // Consecutive rows mostly share their run: its key is built only when 来源 or the restart changes.
  private lastSource = '';
  private lastRestart = 0;
  private run = -1;

  constructor(
    readonly ctx: RuleContext,
    private readonly key: ColumnKey,
  ) {
    this.slot = SLOT[key];
  }

  add(row: RowView): void {
    const i = this.n++;
    if (i === this.values.length) {
      this.values = grown(this.values, i * 2);
      this.runOf = grown(this.runOf, i * 2);
      this.excelRow = grown(this.excelRow, i * 2);
    }
    this.excelRow[i] = row.rowOf(this.key);
    const n = numberIn(row.valueAt(this.slot));
    this.values[i] = n;
    const section = row.section ?? 0;
    if (section !== this.lastSection) {
      this.lastSection = section;
      if (n === 1) this.restart++;
    }
    const sourceCell = this.key === 'originalSerial' ? row.valueAt(SLOT.source) : undefined; // undefined without 来源
    const source = sourceCell === undefined ? '' : cellText(sourceCell).trim();
    if (this.run < 0 || source !== this.lastSource || this.restart !== this.lastRestart) {
      const id = `${source}\u0000${this.restart}`;
      this.run = this.ids.get(id) ?? this.ids.size;
      this.ids.set(id, this.run);
      this.runs = this.ids.size;
      this.lastSource = source;
      this.lastRestart = this.restart;
    }
    this.runOf[i] = this.run;
  }
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
  /** Excel rows of the numbers seen, by run and number, once the numbers stop climbing. */
  private seen: NumberIndex | null = null;

  constructor(
    private readonly rows: RowList,
    private readonly key: ColumnKey,
    ctx: RuleContext,
    private readonly emit: Emit,
    private readonly numbered: Numbering,
  ) {
    this.label = ctx.columns.find((c) => c.key === key)?.label ?? key;
    this.gapSeverity = key === 'originalSerial' && ctx.settings.serialGapIsError ? 'error' : 'warning';
    this.highest = new Float64Array(numbered.runs).fill(-Infinity);
    // 序号 counts from 1; 原始序号 from its first number (NaN: none yet).
    this.previous = new Float64Array(numbered.runs).fill(key === 'originalSerial' ? NaN : 0);
  }

  all(): void {
    const { values, runOf, n: rows } = this.numbered;
    const { highest, previous } = this;
    for (let i = 0; i < rows; i++) {
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
    // The row's view only for a finding (a ledger makes one per call).
    if (n !== n) {
      const row = this.rows.view(i)!;
      const v = row.valueAt(SLOT[key]);
      if (isBlank(v)) return; // required. reports it when the column is required
      this.emit({ key, rule: 'serial.not-number', severity: 'error', view: row, params: { column: label, value: cellText(v ?? null).slice(0, 20) } });
      return;
    }
    const previous = this.previous[r]! === this.previous[r]! ? this.previous[r]! : n - 1;
    const firstRow = n > this.highest[r]! ? undefined : this.seenBefore(i).get(r, n);
    if (firstRow !== undefined) {
      this.emit({ key, rule: 'serial.repeat', severity: 'error', view: this.rows.view(i)!, params: { column: label, value: n, row: firstRow } });
    } else if (n > previous + 1) {
      const from = previous + 1;
      const to = n - 1;
      this.emit({ key, rule: 'serial.gap', severity: this.gapSeverity, view: this.rows.view(i)!, params: { column: label, missing: from === to ? `${from}` : `${from}–${to}` } });
    } else if (n < previous) {
      this.emit({ key, rule: 'serial.order', severity: 'warning', view: this.rows.view(i)!, params: { column: label, value: n, previous } });
    }
    if (firstRow === undefined && this.seen !== null) this.seen.set(r, n, this.numbered.excelRow[i]!);
    if (n > this.highest[r]!) this.highest[r] = n;
    this.previous[r] = Math.max(previous, n);
  }

  /** The numbers so far: indexed from the rows before `upTo` the first time one is asked for. */
  private seenBefore(upTo: number): NumberIndex {
    if (this.seen === null) {
      const { values, runOf, excelRow, n } = this.numbered;
      const seen = new NumberIndex(n);
      // Until now every number climbed in its run: each was new.
      for (let j = 0; j < upTo; j++) if (values[j] === values[j]) seen.set(runOf[j]!, values[j]!, excelRow[j]!);
      this.seen = seen;
    }
    return this.seen;
  }
}

export const serialRules: RuleFamily = { row: [], table: [serialRule('serial'), serialRule('originalSerial')] };
