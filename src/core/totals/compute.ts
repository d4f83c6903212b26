import type { BoundLedger } from '../find/recognise';
import type { ColumnDef, ColumnKey, LedgerDef, TotalsDef } from '../tables/schema';
import type { RowView } from '../rules/types';
import { isBlank } from '../model/cell';
import { normaliseItem } from '../find/normalise';
import { cachedNormalise, tally, type Tallies } from './tally';

/** A detail row that no figure counts, and why. */
export interface UncountedRow {
  /** 0-based grid row of the detail sheet. */
  row: number;
  /** The column that keeps it out (its category, or the first grouping column). */
  column: ColumnKey;
  /** A1 address of that cell. */
  cell: string;
  reason: 'empty' | 'invalid' | 'no-group';
}

export interface ComputedTotals extends Tallies {
  def: TotalsDef;
  ledger: BoundLedger;
  /** Measures the details cannot give because their column is missing from the detail sheet. */
  unavailable: Set<string>;
  uncounted: UncountedRow[];
}

/** Normalised list item or alias → the item, for a category column. */
function itemsOf(col: ColumnDef): Map<string, string> {
  const items = new Map<string, string>();
  for (const item of col.list ?? []) items.set(normaliseItem(item), item);
  for (const [alias, item] of Object.entries(col.listAliases ?? {})) items.set(normaliseItem(alias), item);
  return items;
}

/**
 * The category columns that sort the children into the measures: those whose every dropdown
 * item has a measure (核查结果 A–M). 复学情况, counted only for 是, does not sort anyone out.
 */
export function sortingColumns(def: TotalsDef, ledgerDef: LedgerDef): ColumnDef[] {
  return ledgerDef.columns.filter((col) => {
    if (!col.list) return false;
    const counted = new Set(def.measures.flatMap((m) => ('column' in m.count && m.count.column === col.key ? [normaliseItem(m.count.item)] : [])));
    return col.list.every((item) => counted.has(normaliseItem(item)));
  });
}

/**
 * The totals of a totals table (002 附件5) from its detail rows (附件4): one group per
 * distinct 地市/区县 in first-seen order, and the 总计.
 *
 * A row counts only when each sorting category (核查结果) is one of its dropdown items: the
 * official table has a column for each item and none for "other", so 疑似失学儿童合计 is the
 * sum of A–M and a row with an empty or misspelt 核查结果 would count in no column. Such rows,
 * and rows without any grouping value, are returned in `uncounted` for the user to see.
 */
export function computeTotals(ledger: BoundLedger, def: TotalsDef): ComputedTotals {
  const present = ledger.match.columns;
  const sorting = sortingColumns(def, ledger.def)
    .filter((col) => present.has(col.key))
    .map((col) => ({ key: col.key, items: itemsOf(col) }));
  const unavailable = new Set(def.measures.filter((m) => 'column' in m.count && !present.has(m.count.column)).map((m) => m.id));
  // Labels keep the positions of def.groupBy even when the detail sheet lacks a grouping column.
  const groupBy = def.groupBy.map((g) => g.key);
  const presentGroupBy = groupBy.filter((k) => present.has(k));

  const always: number[] = [];
  // column → normalised value → measures counting it
  const byValue = new Map<ColumnKey, Map<string, number[]>>();
  def.measures.forEach((m, i) => {
    if (unavailable.has(m.id)) return;
    if ('all' in m.count) {
      always.push(i);
      return;
    }
    const { column, item } = m.count;
    const col = ledger.def.columns.find((c) => c.key === column);
    const spellings = new Set([normaliseItem(item)]);
    for (const [alias, target] of Object.entries(col?.listAliases ?? {})) if (target === item) spellings.add(normaliseItem(alias));
    const values = byValue.get(column) ?? new Map<string, number[]>();
    for (const v of spellings) values.set(v, [...(values.get(v) ?? []), i]);
    byValue.set(column, values);
  });

  const uncounted: UncountedRow[] = [];
  const normalise = cachedNormalise();
  const counted = (row: RowView): boolean => {
    for (const s of sorting) {
      const v = normalise(row.get(s.key));
      if (v === '' || !s.items.has(v)) {
        uncounted.push({ row: row.row, column: s.key, cell: row.cellOf(s.key), reason: v === '' ? 'empty' : 'invalid' });
        return false;
      }
    }
    if (presentGroupBy.length > 0 && presentGroupBy.every((k) => isBlank(row.get(k)))) {
      uncounted.push({ row: row.row, column: presentGroupBy[0]!, cell: row.cellOf(presentGroupBy[0]!), reason: 'no-group' });
      return false;
    }
    return true;
  };

  const tallies = tally(ledger.views, groupBy, def.measures.length, (row, out) => {
    if (!counted(row)) return;
    for (const i of always) out.push(i);
    for (const [column, values] of byValue) {
      const hit = values.get(normalise(row.get(column)));
      if (hit) for (const i of hit) out.push(i);
    }
  });
  return { ...tallies, def, ledger, unavailable, uncounted };
}
