import type { RuleFamily } from './family';
import type { Emit, RowView, RuleContext, TableRule } from './types';
import type { ColumnKey } from '../tables/schema';
import { cellText, isBlank } from '../model/cell';
import { SLOT, type ColumnSlot } from '../find/columnSlot';

function asInteger(v: ReturnType<RowView['get']>): number | null {
  if (typeof v === 'number') return Number.isInteger(v) ? v : null;
  const t = cellText(v ?? null).normalize('NFKC').trim();
  return /^\d+$/.test(t) ? Number(t) : null;
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
      const runs = new Runs(key, ctx, emit);
      for (let i = 0; i < rows.length; i++) runs.see(rows[i]!);
    },
  };
}

/** Serials below this are kept by index (a list has at most a few million rows). */
const SMALL = 1 << 24;

/** One run of numbers, row by row (small methods are optimised after a few rows; a long loop waits for on-stack replacement). */
class SerialRun {
  private readonly slot: ColumnSlot;
  private readonly label: string;
  private readonly gapSeverity: 'error' | 'warning';
  /** Excel rows of the numbers seen: small whole numbers in an array (no hashing), others in a Map. */
  private readonly seenSmall: number[] = [];
  private readonly seenOther = new Map<number, number>();
  /** The highest number so far: a number above it cannot have been seen (serials mostly climb). */
  private highest = -Infinity;
  private previous: number | null;

  constructor(
    private readonly key: ColumnKey,
    ctx: RuleContext,
    private readonly emit: Emit,
  ) {
    this.slot = SLOT[key];
    this.label = ctx.columns.find((c) => c.key === key)?.label ?? key;
    this.gapSeverity = key === 'originalSerial' && ctx.settings.serialGapIsError ? 'error' : 'warning';
    this.previous = key === 'originalSerial' ? null : 0;
  }

  see(row: RowView): void {
    const { key, label } = this;
    const v = row.valueAt(this.slot);
    if (isBlank(v)) return; // required. reports it when the column is required
    const n = asInteger(v);
    if (n === null) {
      this.emit({ key, rule: 'serial.not-number', severity: 'error', view: row, params: { column: label, value: cellText(v ?? null).slice(0, 20) } });
      return;
    }
    const previous = (this.previous ??= n - 1);
    const firstRow = n > this.highest ? undefined : n >= 0 && n < SMALL ? this.seenSmall[n] : this.seenOther.get(n);
    if (firstRow !== undefined) {
      this.emit({ key, rule: 'serial.repeat', severity: 'error', view: row, params: { column: label, value: n, row: firstRow } });
    } else if (n > previous + 1) {
      const from = previous + 1;
      const to = n - 1;
      this.emit({ key, rule: 'serial.gap', severity: this.gapSeverity, view: row, params: { column: label, missing: from === to ? `${from}` : `${from}–${to}` } });
    } else if (n < previous) {
      this.emit({ key, rule: 'serial.order', severity: 'warning', view: row, params: { column: label, value: n, previous } });
    }
    if (firstRow === undefined) {
      if (n >= 0 && n < SMALL) this.seenSmall[n] = row.rowOf(key);
      else this.seenOther.set(n, row.rowOf(key));
    }
    if (n > this.highest) this.highest = n;
    this.previous = Math.max(previous, n);
  }
}

/**
 * Rows numbered apart: in a merged county workbook each 来源 keeps its school's 原始序号 (the
 * merge renumbers 序号 over all of them), and a section after "注：以下为补报学生" may start
 * again from 1. A section that goes on from the one before is judged with it, as one run. Each
 * row goes to its run as it comes (a run's findings are about its own rows: the order they are
 * found in does not matter, the findings are sorted by cell).
 */
class Runs {
  private readonly runs = new Map<string, SerialRun>();
  private lastSection = 0;
  private restart = 0;
  // Consecutive rows mostly share their run: its key is built only when 来源 or the restart changes.
  private lastSource = '';
  private lastRestart = 0;
  private run: SerialRun | undefined;

  constructor(
    private readonly key: ColumnKey,
    private readonly ctx: RuleContext,
    private readonly emit: Emit,
  ) {}

  see(row: RowView): void {
    const section = row.section ?? 0;
    if (section !== this.lastSection) {
      this.lastSection = section;
      if (asInteger(row.valueAt(SLOT[this.key])) === 1) this.restart++;
    }
    const sourceCell = this.key === 'originalSerial' ? row.valueAt(SLOT.source) : undefined; // undefined without 来源
    const source = sourceCell === undefined ? '' : cellText(sourceCell).trim();
    if (!this.run || source !== this.lastSource || this.restart !== this.lastRestart) {
      const id = `${source}\u0000${this.restart}`;
      let run = this.runs.get(id);
      if (!run) this.runs.set(id, (run = new SerialRun(this.key, this.ctx, this.emit)));
      this.run = run;
      this.lastSource = source;
      this.lastRestart = this.restart;
    }
    this.run.see(row);
  }
}

export const serialRules: RuleFamily = { row: [], table: [serialRule('serial'), serialRule('originalSerial')] };
