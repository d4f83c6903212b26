import type { SheetSpec } from '../../io/xlsx/spec';
import type { BoundLedger, Recognised } from '../find/recognise';
import type { ColumnDef, ColumnKey } from '../tables/schema';
import type { RowView } from '../rules/types';
import { cellText } from '../model/cell';
import { normaliseItem } from '../find/normalise';
import { tally, type Tallies } from './tally';
import { twoRowSheet, type FigureColumn } from './layout';
import { freeSheetName } from './sheetName';
import { TOTALS_TEXTS } from '../../i18n/zh-CN/totals';

/** Columns that make the rows of a summary, when the table has them. */
const GROUP_BY: readonly ColumnKey[] = ['county', 'school'];
/** Category pairs counted crosswise: 004 附件1-2 reports 登记类型 by 人员类别. */
const CROSSED: readonly [ColumnKey, ColumnKey][] = [['registrationType', 'personCategory']];
/** Categories not worth a summary column. */
const SKIPPED: readonly ColumnKey[] = ['gender'];

const RETURNED = /^(?:1[.、．]?)?已复学/;
const NOT_RETURNED = /^(?:2[.、．]?)?尚未复学/;

/** One block of summary columns: its items, and which item a row falls in (−1: empty or not an item). */
interface Dimension {
  name: string;
  columns: FigureColumn[];
  index: (row: RowView) => number;
}

function nameOf(col: ColumnDef): string {
  return TOTALS_TEXTS.remarkColumns[col.key] ?? col.label;
}

function itemIndex(col: ColumnDef): (row: RowView) => number {
  const list = col.list ?? [];
  const at = new Map<string, number>(list.map((item, i) => [normaliseItem(item), i]));
  for (const [alias, item] of Object.entries(col.listAliases ?? {})) at.set(normaliseItem(alias), list.indexOf(item));
  return (row) => at.get(normaliseItem(row.get(col.key))) ?? -1;
}

function categoryDimension(col: ColumnDef): Dimension {
  const name = nameOf(col);
  return { name, columns: (col.list ?? []).map((label) => ({ label, group: name })), index: itemIndex(col) };
}

function crossedDimension(a: ColumnDef, b: ColumnDef): Dimension {
  const ia = itemIndex(a);
  const ib = itemIndex(b);
  const nb = b.list?.length ?? 0;
  return {
    name: `${nameOf(a)}/${nameOf(b)}`,
    columns: (a.list ?? []).flatMap((group) => (b.list ?? []).map((label) => ({ label, group }))),
    index: (row) => {
      const x = ia(row);
      const y = ib(row);
      return x < 0 || y < 0 ? -1 : x * nb + y;
    },
  };
}

/** 000 附件1's 劝返结果 is free text that starts "1.已复学" or "2.尚未复学，拟于…". */
function resultDimension(): Dimension {
  const name = TOTALS_TEXTS.persuasionResult;
  return {
    name,
    columns: [TOTALS_TEXTS.returned, TOTALS_TEXTS.notReturned].map((label) => ({ label, group: name })),
    index: (row) => {
      const text = cellText(row.get('persuasionResult')).normalize('NFKC').replace(/[\s\u3000]/g, '');
      return RETURNED.test(text) ? 0 : NOT_RETURNED.test(text) ? 1 : -1;
    },
  };
}

function dimensionsOf(ledger: BoundLedger): Dimension[] {
  const present = ledger.def.columns.filter((c) => ledger.match.columns.has(c.key));
  const byKey = new Map(present.map((c) => [c.key, c]));
  const dims: Dimension[] = [];
  const used = new Set<ColumnKey>();
  for (const [a, b] of CROSSED) {
    const ca = byKey.get(a);
    const cb = byKey.get(b);
    if (!ca?.list || !cb?.list) continue;
    dims.push(crossedDimension(ca, cb));
    used.add(a).add(b);
  }
  for (const col of present) {
    if (col.list && col.type === 'category' && !used.has(col.key) && !SKIPPED.includes(col.key)) dims.push(categoryDimension(col));
  }
  if (byKey.has('persuasionResult')) dims.push(resultDimension());
  return dims;
}

export interface LedgerSummary {
  sheet: SheetSpec;
  /** The figure columns of the sheet, 合计 first. */
  columns: FigureColumn[];
  tallies: Tallies;
}

/**
 * Counts of a ledger by 区县/学校 (whichever it has) against its categories: 学生类型,
 * 劝返结果 已复学/尚未复学, 登记类型 × 人员类别, 核查结果 …; every row counts in 合计, and a row
 * whose category is empty or not an item counts under 未填或不规范 (shown only when there are such rows).
 */
export function ledgerSummary(ledger: BoundLedger, name: string): LedgerSummary {
  const groupBy = GROUP_BY.filter((k) => ledger.match.columns.has(k));
  const dims = dimensionsOf(ledger);
  const all: FigureColumn = { label: TOTALS_TEXTS.all };
  const columns: FigureColumn[] = [all];
  const offsets: number[] = [];
  for (const d of dims) {
    offsets.push(columns.length);
    columns.push(...d.columns, { label: TOTALS_TEXTS.other, group: d.name });
  }
  const tallies = tally(ledger.views, groupBy, columns.length, (row, out) => {
    out.push(0);
    dims.forEach((d, i) => {
      const k = d.index(row);
      out.push(offsets[i]! + (k < 0 ? d.columns.length : k));
    });
  });
  const shownColumns = columns.map((_, i) => i).filter((i) => columns[i]!.label !== TOTALS_TEXTS.other || tallies.total.counts[i]! > 0);
  const pick = (counts: readonly number[]) => shownColumns.map((i) => counts[i]!);
  const labelOf = (key: ColumnKey) => ledger.def.columns.find((c) => c.key === key)!;
  const sheet = twoRowSheet({
    name,
    title: TOTALS_TEXTS.summaryTitle(ledger.def.title),
    // A table without 区县/学校 still needs a column for the 总计 label.
    keys: groupBy.length ? groupBy.map((k) => ({ label: labelOf(k).label, width: Math.max(12, labelOf(k).width) })) : [{ label: '', width: 10 }],
    figures: shownColumns.map((i) => columns[i]!),
    body: groupBy.length === 0 ? [] : tallies.groups.map((g) => ({ labels: g.labels.map((l) => l || TOTALS_TEXTS.blankGroup), values: pick(g.counts) })),
    total: { label: TOTALS_TEXTS.total, values: pick(tallies.total.counts) },
    notes: [],
    footer: [],
  });
  return { sheet, columns: shownColumns.map((i) => columns[i]!), tallies };
}

/** A 汇总 sheet for every ledger of a workbook: "汇总", or "汇总(附件4)" when there are several. */
export function planSummaries(r: Recognised, sheetNames: readonly string[]): SheetSpec[] {
  const taken = new Set(sheetNames);
  const ledgers = r.tables.filter((t): t is BoundLedger => t.kind === 'ledger');
  return ledgers.map((l) =>
    ledgerSummary(l, freeSheetName(ledgers.length === 1 ? TOTALS_TEXTS.summarySheet : TOTALS_TEXTS.summarySheetOf(l.sheet.name), taken)).sheet,
  );
}
