import type { WorkbookGrid } from '../core/model/workbook';
import type { TotalsTrace } from './services';
import { recognise, type BoundLedger, type BoundTotals } from '../core/find/recognise';
import { a1, parseA1 } from '../core/model/address';
import { computeTotals } from '../core/totals/compute';
import { traceCell } from '../core/totals/reconcile';
import { rowLabels } from '../core/totals/fill';
import { ui } from '../i18n/zh-CN/ui';

/** The detail column that puts a row into a measure: its category, else the first grouping column, else the first column. */
function reasonColumn(t: BoundTotals, ledger: BoundLedger, measure: number): number {
  const count = t.def.measures[measure]!.count;
  const cols = ledger.match.columns;
  const byCategory = 'column' in count ? cols.get(count.column) : undefined;
  const byGroup = t.def.groupBy.map((g) => cols.get(g.key)).find((c) => c !== undefined);
  return byCategory ?? byGroup ?? Math.min(...cols.values());
}

/** 追溯汇总数: the detail rows behind one figure of a totals table (the core's traceCell), for the pane. */
export function traceTotals(grid: WorkbookGrid, sheet: string, cell: string): TotalsTrace | null {
  const at = parseA1(cell);
  if (!at) return null;
  const tables = recognise(grid).tables;
  const t = tables.find((x): x is BoundTotals => x.kind === 'totals' && x.sheet.name === sheet);
  const ledger = t && tables.find((x): x is BoundLedger => x.kind === 'ledger' && x.def.id === t.def.from);
  if (!t || !ledger) return null;
  const measure = t.def.measures.findIndex((m) => t.match.measureColumns.get(m.id) === at.col);
  const computed = computeTotals(ledger, t.def);
  // A measure whose detail column is missing counts nothing: there is nothing to trace.
  if (measure < 0 || computed.unavailable.has(t.def.measures[measure]!.id)) return null;
  const traced = traceCell(t, computed, at.row, at.col);
  if (!traced) return null;
  const group = at.row === t.match.totalRow ? t.def.totalLabel : rowLabels(t, at.row).filter(Boolean).join('/');
  const col = reasonColumn(t, ledger, measure);
  return {
    label: ui.trace.label(group, t.def.measures[measure]!.label),
    value: traced.rows.length,
    rows: traced.rows.map((row) => ({ sheet: traced.sheet, row, cell: a1(row - 1, col) })),
  };
}
