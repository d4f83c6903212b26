import type { Finding } from '../model/finding';
import type { BoundLedger, BoundTable, BoundTotals } from '../find/recognise';
import type { CellValue } from '../model/cell';
import { cellText, isBlank } from '../model/cell';
import { a1 } from '../model/address';
import { tableById } from '../tables';
import { renderRule, type Params } from '../../i18n/zh-CN/rules';
import { computeTotals, sortingColumns, type ComputedTotals, type UncountedRow } from './compute';
import { groupOfRow, rowLabels } from './fill';

/** At most this many row numbers are listed in a message; the rest are "…". */
const LISTED_ROWS = 30;

type Count = { kind: 'blank' } | { kind: 'number'; n: number } | { kind: 'text'; text: string };

/** A totals cell as a count: blank, a number (also typed as text), or something else. */
function readCount(v: CellValue | undefined): Count {
  if (isBlank(v)) return { kind: 'blank' };
  if (typeof v === 'number') return { kind: 'number', n: v };
  const text = cellText(v).normalize('NFKC').trim();
  return /^-?\d+(\.\d+)?$/.test(text) ? { kind: 'number', n: Number(text) } : { kind: 'text', text };
}

const valueOf = (c: Count): number => (c.kind === 'number' ? c.n : 0);
const shown = (c: Count): string => (c.kind === 'blank' ? '' : c.kind === 'number' ? String(c.n) : c.text.slice(0, 20));

function finding(t: BoundTotals, row: number, col: number, column: string, rule: string, severity: Finding['severity'], params: Params): Finding {
  const text = renderRule(rule, params);
  return { sheet: t.sheet.name, cell: a1(row, col), row: row + 1, column, rule, severity, message: text.message, fix: text.fix };
}

function listRows(rows: readonly UncountedRow[]): string {
  const numbers = rows.slice(0, LISTED_ROWS).map((r) => r.row + 1);
  return numbers.join('、') + (rows.length > LISTED_ROWS ? '…' : '');
}

/** The warning listing the detail rows that no figure counts, with their cells. */
function uncountedFinding(t: BoundTotals, c: ComputedTotals, at: { row: number; col: number }): Finding | null {
  if (c.uncounted.length === 0) return null;
  const by = (reason: UncountedRow['reason']) => c.uncounted.filter((u) => u.reason === reason);
  const sortingKey = c.uncounted.find((u) => u.reason !== 'no-group')?.column;
  const sortingLabel = c.ledger.def.columns.find((col) => col.key === sortingKey)?.label ?? '';
  const groupColumn = c.def.groupBy.map((g) => g.label).join('/');
  const f = finding(t, at.row, at.col, '', 'totals.uncounted', 'warning', {
    source: c.ledger.sheet.name,
    count: c.uncounted.length,
    column: sortingLabel,
    invalid: listRows(by('invalid')),
    empty: listRows(by('empty')),
    noGroup: listRows(by('no-group')),
    groupColumn,
  });
  const quoted = `'${c.ledger.sheet.name.replace(/'/g, "''")}'!`;
  f.related = c.uncounted.slice(0, LISTED_ROWS).map((u) => quoted + u.cell);
  return f;
}

type Placed = { measure: BoundTotals['def']['measures'][number]; i: number; col: number };

/** The parts of a totals table that the checks read. */
interface Layout {
  body: number[];
  /** Body rows and the 总计 row. */
  rows: number[];
  /** The measures the sheet has a column for. */
  measures: Placed[];
  cell: (r: number, col: number) => Count;
  groupName: (r: number) => string;
}

function layoutOf(t: BoundTotals): Layout {
  const m = t.match;
  const body = m.rows.filter((r) => r !== m.totalRow);
  return {
    body,
    rows: m.totalRow === null ? body : [...body, m.totalRow],
    measures: t.def.measures
      .map((measure, i) => ({ measure, i, col: m.measureColumns.get(measure.id) }))
      .filter((x): x is Placed => x.col !== undefined),
    cell: (r, col) => readCount(t.sheet.rows[r]?.[col]),
    groupName: (r) => (r === m.totalRow ? t.def.totalLabel : rowLabels(t, r).filter((l) => l).join('/')),
  };
}

/**
 * Compares a totals table with its details: every body cell against its 地市/区县's count
 * (totals.mismatch, the right value in the message), each group of the details that has no
 * row (totals.missing-group), and the 总计 row against the details' totals. A 总计 cell that
 * only repeats the sum of wrong body cells above it is not reported again: the body cell is
 * the one to correct. An untouched template gets one totals.unfilled warning, not one per cell.
 * Without details, the table is checked against itself: 合计 against the sum of its
 * categories (totals.row-sum), 总计 against the sum of the rows (totals.column-sum), and a
 * measure against the sum it cannot exceed (totals.over-limit: 复学人数 > I+J+K+L+M). With
 * details these add nothing: a wrong sum is a wrong cell, reported as such.
 */
export function reconcileTotals(t: BoundTotals, c: ComputedTotals | null): Finding[] {
  const l = layoutOf(t);
  const allCol = l.measures.find((x) => 'all' in x.measure.count)?.col ?? l.measures[0]?.col ?? 0;
  const note = c && uncountedFinding(t, c, { row: t.match.totalRow ?? l.body[0] ?? t.match.headerRow, col: allCol });
  const out: Finding[] = [];
  if (l.rows.every((r) => l.measures.every((x) => l.cell(r, x.col).kind === 'blank'))) {
    const params = { source: c?.ledger.sheet.name ?? '', count: c?.ledger.views.length ?? 0 };
    out.push(finding(t, l.body[0] ?? t.match.headerRow, l.measures[0]?.col ?? 0, '', 'totals.unfilled', 'warning', params));
  } else if (c) {
    out.push(...compareWithDetails(t, c, l));
  } else {
    out.push(...columnSums(t, l), ...rowSums(t, l), ...limits(t, l));
  }
  if (note) out.push(note);
  return out;
}

function compareWithDetails(t: BoundTotals, c: ComputedTotals, l: Layout): Finding[] {
  const m = t.match;
  const out: Finding[] = [];
  const wrong: { r: number; x: Placed; expected: number; found: Count }[] = [];
  /** Columns whose 总计 only adds up wrong cells above it: the right 总计, by column. */
  const followsAbove = new Map<number, number>();
  const agrees = (found: Count, expected: number) => (found.kind === 'blank' ? expected === 0 : found.kind === 'number' && found.n === expected);
  const checked = l.measures.filter((x) => !c.unavailable.has(x.measure.id));

  const placed = new Set<number>();
  for (const r of l.body) {
    let g = groupOfRow(c, rowLabels(t, r));
    if (g >= 0 && placed.has(g)) g = -1; // a 地市/区县 listed twice: its figures belong to the first row
    if (g >= 0) placed.add(g);
    for (const x of checked) {
      const expected = g >= 0 ? c.groups[g]!.counts[x.i]! : 0;
      const found = l.cell(r, x.col);
      if (!agrees(found, expected)) wrong.push({ r, x, expected, found });
    }
  }

  const allIndex = Math.max(0, t.def.measures.findIndex((x) => 'all' in x.count));
  c.groups.forEach((g, i) => {
    if (placed.has(i)) return;
    const params = { source: c.ledger.sheet.name, group: g.labels.filter(Boolean).join('/'), count: g.counts[allIndex]! };
    out.push(finding(t, m.totalRow ?? m.headerRow, m.groupColumns.values().next().value ?? 0, '', 'totals.missing-group', 'error', params));
  });

  if (m.totalRow !== null) {
    for (const x of checked) {
      const expected = c.total.counts[x.i]!;
      const found = l.cell(m.totalRow, x.col);
      if (agrees(found, expected)) continue;
      const bodySum = l.body.reduce((s, r) => s + valueOf(l.cell(r, x.col)), 0);
      const wrongAbove = wrong.some((w) => w.x.col === x.col);
      if (wrongAbove && found.kind === 'number' && found.n === bodySum) followsAbove.set(x.col, expected);
      else wrong.push({ r: m.totalRow, x, expected, found });
    }
  }

  for (const { r, x, expected, found } of wrong) {
    const total = r === m.totalRow ? undefined : followsAbove.get(x.col);
    const params: Params = { group: l.groupName(r), measure: x.measure.label, found: shown(found), expected, source: c.ledger.sheet.name };
    if (total !== undefined) Object.assign(params, { totalCell: a1(m.totalRow!, x.col), totalExpected: total });
    const f = finding(t, r, x.col, x.measure.label, 'totals.mismatch', 'error', params);
    if (total !== undefined) f.related = [a1(m.totalRow!, x.col)];
    out.push(f);
  }
  return out;
}

/** 总计 against the sum of the rows above it. */
function columnSums(t: BoundTotals, l: Layout): Finding[] {
  const total = t.match.totalRow;
  if (total === null) return [];
  const out: Finding[] = [];
  for (const x of l.measures) {
    const found = l.cell(total, x.col);
    const sum = l.body.reduce((s, r) => s + valueOf(l.cell(r, x.col)), 0);
    if (valueOf(found) !== sum || found.kind === 'text') {
      out.push(finding(t, total, x.col, x.measure.label, 'totals.column-sum', 'error', { measure: x.measure.label, found: shown(found), sum }));
    }
  }
  return out;
}

/** 合计 against the sum of the category cells (A–M), row by row. */
function rowSums(t: BoundTotals, l: Layout): Finding[] {
  const ledgerDef = tableById(t.def.from);
  if (ledgerDef?.kind !== 'ledger') return [];
  const sorting = new Set(sortingColumns(t.def, ledgerDef).map((col) => col.key));
  const all = l.measures.find((x) => 'all' in x.measure.count);
  const parts = t.def.measures.filter((x) => 'column' in x.count && sorting.has(x.count.column));
  const partCols = parts.map((p) => l.measures.find((x) => x.measure.id === p.id)?.col);
  if (!all || parts.length === 0 || partCols.some((c) => c === undefined)) return [];
  const out: Finding[] = [];
  for (const r of l.rows) {
    const found = l.cell(r, all.col);
    const cells = partCols.map((c) => l.cell(r, c!));
    if (found.kind === 'text' || cells.some((x) => x.kind === 'text')) continue;
    if (found.kind === 'blank' && cells.every((x) => x.kind === 'blank')) continue;
    const sum = cells.reduce((s, x) => s + valueOf(x), 0);
    if (valueOf(found) === sum) continue;
    const params = { group: l.groupName(r), measure: all.measure.label, found: shown(found), sum };
    out.push(finding(t, r, all.col, all.measure.label, 'totals.row-sum', 'error', params));
  }
  return out;
}

/** A measure above the sum it is bounded by, row by row (复学人数 ≤ I+J+K+L+M). */
function limits(t: BoundTotals, l: Layout): Finding[] {
  const out: Finding[] = [];
  const placed = (id: string) => l.measures.find((x) => x.measure.id === id);
  for (const limit of t.def.limits) {
    const bounded = placed(limit.measure);
    const parts = limit.atMostSumOf.map(placed);
    if (!bounded || parts.some((p) => p === undefined)) continue;
    for (const r of l.rows) {
      const found = l.cell(r, bounded.col);
      const cells = parts.map((p) => l.cell(r, p!.col));
      if (found.kind !== 'number' || cells.some((x) => x.kind === 'text')) continue;
      const sum = cells.reduce((s, x) => s + valueOf(x), 0);
      if (found.n <= sum) continue;
      const params = { group: l.groupName(r), measure: bounded.measure.label, found: found.n, sum, parts: parts.map((p) => p!.measure.label).join('+') };
      out.push(finding(t, r, bounded.col, bounded.measure.label, 'totals.over-limit', 'error', params));
    }
  }
  return out;
}

/** Findings of every totals table of a workbook, compared with its details where the workbook has them. */
export function totalsFindings(tables: readonly BoundTable[]): Finding[] {
  const out: Finding[] = [];
  for (const t of tables) {
    if (t.kind !== 'totals') continue;
    const ledger = tables.find((x): x is BoundLedger => x.kind === 'ledger' && x.def.id === t.def.from);
    out.push(...reconcileTotals(t, ledger ? computeTotals(ledger, t.def) : null));
  }
  return out;
}

/** What a totals cell counts, for the pane: its detail sheet and the detail rows (Excel numbers). */
export interface CellTrace {
  sheet: string;
  rows: number[];
}

/** The detail rows behind one cell of a totals table, or null for a cell that is not a figure. */
export function traceCell(t: BoundTotals, c: ComputedTotals, row: number, col: number): CellTrace | null {
  const i = t.def.measures.findIndex((x) => t.match.measureColumns.get(x.id) === col);
  if (i < 0 || !t.match.rows.includes(row)) return null;
  const tallied = row === t.match.totalRow ? c.total : c.groups[groupOfRow(c, rowLabels(t, row))];
  return { sheet: c.ledger.sheet.name, rows: tallied ? tallied.rows[i]!.map((r) => r + 1) : [] };
}
