import type { CellSpec, SheetSpec } from '../../io/xlsx/spec';
import type { BoundLedger, BoundTotals, Recognised } from '../find/recognise';
import type { TableDef, TotalsDef } from '../tables/schema';
import { CATALOGUE } from '../tables';
import { cellText, isBlank } from '../model/cell';
import { normaliseHeader, normaliseItem } from '../find/normalise';
import { computeTotals, type ComputedTotals } from './compute';
import { groupKey } from './tally';
import { twoRowSheet } from './layout';
import { freeSheetName } from './sheetName';
import { TOTALS_TEXTS } from '../../i18n/zh-CN/totals';

/** What filling one totals table writes: cells of the existing table, or a new sheet. */
export type TotalsWrite =
  | { kind: 'cells'; sheet: string; cells: CellSpec[] }
  /** `missingRows`: empty rows the existing table `beside` lacked, so its sheet was left alone. */
  | { kind: 'sheet'; newSheet: SheetSpec; missingRows?: number; beside?: string };

export interface TotalsFill {
  computed: ComputedTotals;
  write: TotalsWrite;
}

/** The figure of measure `i` of a tally, or null when the details cannot give it. */
function figures(c: ComputedTotals, counts: readonly number[]): (number | null)[] {
  return c.def.measures.map((m, i) => (c.unavailable.has(m.id) ? null : counts[i]!));
}

/** Index of the computed group a body row stands for: the same 地市/区县, or (when some are left blank) the only group agreeing on the rest. */
export function groupOfRow(c: ComputedTotals, labels: readonly (string | null)[]): number {
  const key = groupKey(labels);
  const exact = c.groups.findIndex((g) => g.key === key);
  if (exact >= 0) return exact;
  const given = labels.map((l) => normaliseItem(l));
  if (given.every((g) => g === '')) return -1;
  const candidates = c.groups
    .map((g, i) => ({ i, parts: g.key.split('\u0001') }))
    .filter(({ parts }) => given.every((v, j) => v === '' || v === parts[j]));
  return candidates.length === 1 ? candidates[0]!.i : -1;
}

/** The group cells of a totals body row, in def.groupBy order. */
export function rowLabels(t: BoundTotals, row: number): (string | null)[] {
  return t.def.groupBy.map((g) => {
    const c = t.match.groupColumns.get(g.key);
    const v = c === undefined ? null : (t.sheet.rows[row]?.[c] ?? null);
    return isBlank(v) ? null : cellText(v).trim();
  });
}

/**
 * Cells that fill an existing totals table: each body row gets its group's figures (zeros for
 * a 地市/区县 without detail rows), groups without a row go into empty rows above the 总计,
 * and the 总计 row gets the totals. When there are not enough empty rows, says how many are missing.
 */
export function fillExisting(t: BoundTotals, c: ComputedTotals): { cells: CellSpec[] } | { missingRows: number } {
  const m = t.match;
  const cells: CellSpec[] = [];
  const writeFigures = (row: number, values: (number | null)[]) => {
    c.def.measures.forEach((measure, i) => {
      const col = m.measureColumns.get(measure.id);
      const v = values[i];
      if (col !== undefined && v !== null && v !== undefined) cells.push({ row, col, value: v });
    });
  };
  const zeros = figures(c, c.def.measures.map(() => 0));
  const placed = new Set<number>();
  for (const r of m.rows) {
    if (r === m.totalRow) continue;
    const g = groupOfRow(c, rowLabels(t, r));
    if (g >= 0 && !placed.has(g)) {
      placed.add(g);
      writeFigures(r, figures(c, c.groups[g]!.counts));
    } else writeFigures(r, zeros);
  }
  const unplaced = c.groups.map((_, i) => i).filter((i) => !placed.has(i));
  const free = emptyRows(t);
  const needed = unplaced.length + (m.totalRow === null ? 1 : 0);
  if (needed > free.length) return { missingRows: needed - free.length };
  const groupCols = t.def.groupBy.map((g) => m.groupColumns.get(g.key));
  unplaced.forEach((g, i) => {
    const r = free[i]!;
    c.groups[g]!.labels.forEach((label, j) => {
      const col = groupCols[j];
      if (col !== undefined && label !== '') cells.push({ row: r, col, value: label });
    });
    writeFigures(r, figures(c, c.groups[g]!.counts));
  });
  let totalRow = m.totalRow;
  if (totalRow === null) {
    totalRow = free[unplaced.length]!;
    cells.push({ row: totalRow, col: groupCols.find((x) => x !== undefined) ?? 0, value: t.def.totalLabel });
  }
  writeFigures(totalRow, figures(c, c.total.counts));
  return { cells };
}

/** Rows of the table's area with nothing in its group and figure columns, above the 总计 row. */
function emptyRows(t: BoundTotals): number[] {
  const m = t.match;
  const cols = [...m.groupColumns.values(), ...m.measureColumns.values()];
  const taken = new Set(m.rows);
  const end = m.totalRow ?? endOfTable(t);
  const out: number[] = [];
  for (let r = m.headerEnd + 1; r < end; r++) {
    if (taken.has(r)) continue;
    const row = t.sheet.rows[r] ?? [];
    if (cols.every((c) => isBlank(row[c]))) out.push(r);
  }
  return out;
}

/** The first row under the table's body that holds its notes or footer, else the sheet's end. */
function endOfTable(t: BoundTotals): number {
  const last = t.match.rows[t.match.rows.length - 1] ?? t.match.headerEnd;
  for (let r = last + 1; r < t.sheet.rows.length; r++) {
    if ((t.sheet.rows[r] ?? []).some((v) => !isBlank(v))) return r;
  }
  return t.sheet.rows.length;
}

/** The totals table's title with the locality of the details' title: 瓦房店市 + 疑似失学儿童核查劝返总体情况汇总表. */
function localTitle(ledger: BoundLedger, def: TotalsDef): string {
  const official = normaliseHeader(ledger.def.title);
  for (let r = 0; r < ledger.match.headerRow; r++) {
    for (const v of ledger.sheet.rows[r] ?? []) {
      const text = cellText(v).trim();
      const at = text.indexOf(ledger.def.title);
      if (at > 0 && normaliseHeader(text).endsWith(official)) return text.slice(0, at) + def.title;
    }
  }
  return def.title;
}

/** A new totals sheet in the official layout, filled from the details. */
export function totalsSheet(c: ComputedTotals, name: string): SheetSpec {
  const def = c.def;
  const value = (counts: readonly number[]) => figures(c, counts).map((v) => v ?? 0);
  return twoRowSheet({
    name,
    title: localTitle(c.ledger, def),
    keys: def.groupBy.map((g) => ({ label: g.label, width: g.width })),
    figures: def.measures.map((m) => ({ label: m.label, group: m.group, width: m.group ? 7 : 10 })),
    body: c.groups.map((g) => ({ labels: g.labels, values: value(g.counts) })),
    total: { label: def.totalLabel, values: value(c.total.counts) },
    notes: def.notes,
    footer: def.footer,
  });
}

/** The attachment's name from its source ("002 附件5" → "附件5"), else the title. */
function defaultName(def: TotalsDef): string {
  return /附件[\d-]+$/.exec(def.source)?.[0] ?? def.title;
}

/**
 * Everything `fill` writes for a workbook: each totals table found is filled from its detail
 * table (the first one, when several sheets hold it); a totals table the workbook lacks is
 * added as a new sheet when its details are there.
 */
export function planTotals(r: Recognised, sheetNames: readonly string[], defs: readonly TableDef[] = CATALOGUE): TotalsFill[] {
  const taken = new Set(sheetNames);
  const out: TotalsFill[] = [];
  for (const def of defs) {
    if (def.kind !== 'totals') continue;
    const ledger = r.tables.find((t): t is BoundLedger => t.kind === 'ledger' && t.def.id === def.from);
    if (!ledger) continue;
    const computed = computeTotals(ledger, def);
    const existing = r.tables.filter((t): t is BoundTotals => t.kind === 'totals' && t.def.id === def.id);
    if (existing.length === 0) {
      out.push({ computed, write: { kind: 'sheet', newSheet: totalsSheet(computed, freeSheetName(defaultName(def), taken)) } });
    }
    for (const t of existing) {
      const filled = fillExisting(t, computed);
      if ('cells' in filled) {
        out.push({ computed, write: { kind: 'cells', sheet: t.sheet.name, cells: filled.cells } });
      } else {
        const name = freeSheetName(TOTALS_TEXTS.refilledSheet(t.sheet.name), taken);
        out.push({ computed, write: { kind: 'sheet', newSheet: totalsSheet(computed, name), missingRows: filled.missingRows, beside: t.sheet.name } });
      }
    }
  }
  return out;
}
