import type { SheetGrid, WorkbookGrid } from '../model/workbook';
import { TEMPLATE_NAME } from '../model/workbook';
import type { ChecklistDef, FormDef, LedgerDef, TableDef, TotalsDef } from '../tables/schema';
import { findChecklist, type ChecklistMatch } from './checklist';
import type { RowView } from '../rules/types';
import { CATALOGUE } from '../tables';
import { dataRows, findLedgerHeader, headerTexts, type LedgerMatch, type RowTexts, type SummaryRow } from './ledger';
import { sourceColumn } from './source';
import { findTotalsTable, type TotalsMatch } from './totals';
import { findForms } from './form';
import { LedgerColumns, LedgerRowList, MergedValues } from './rowView';

export interface BoundLedger {
  kind: 'ledger';
  sheet: SheetGrid;
  def: LedgerDef;
  match: LedgerMatch;
  /** The data rows, without an object per row: the check walks them with one view. */
  rows: LedgerRowList;
  /** The data rows' views, made on first use (rows.views()). */
  readonly views: RowView[];
  repeatedHeaders: number[];
  /** 合计/小计/总计 rows, notes and sub-headings inside or under the table (not children). */
  summaries: SummaryRow[];
}

export interface BoundTotals {
  kind: 'totals';
  sheet: SheetGrid;
  def: TotalsDef;
  match: TotalsMatch;
}

export interface BoundForm {
  kind: 'form';
  sheet: SheetGrid;
  def: FormDef;
  /** 0-based row of each form's title; views[i] is the form starting there. */
  titleRows: number[];
  views: RowView[];
}

/** A filled 档案资料清单 (003 附件1): items, not children; checked against the official items. */
export interface BoundChecklist {
  kind: 'checklist';
  sheet: SheetGrid;
  def: ChecklistDef;
  match: ChecklistMatch;
}

export type BoundTable = BoundLedger | BoundTotals | BoundForm;

export interface Recognised {
  tables: BoundTable[];
  /** Sheets holding a 档案资料清单 (kept apart: their rows are items, not children). */
  checklists?: BoundChecklist[];
  /** Sheets that hold none of the official tables. */
  unrecognised: string[];
}

/** Table ids a template names in its defined name: '"wafangdian-individual@1,wafangdian-totals@1"'. */
export function templateIds(grid: WorkbookGrid): string[] {
  const raw = grid.definedNames?.[TEMPLATE_NAME];
  if (!raw) return [];
  return raw
    .replace(/^"|"$/g, '')
    .split(',')
    .map((s) => s.split('@')[0]!.trim())
    .filter(Boolean);
}

/** A ledger's header found, its rows not yet read: only the sheet's best match reads them. */
interface LedgerHeader {
  kind: 'ledger-header';
  sheet: SheetGrid;
  def: LedgerDef;
  match: LedgerMatch;
}

function bindLedger({ sheet, def, match }: LedgerHeader): BoundLedger {
  const source = sourceColumn(sheet, match);
  if (source !== null) match.columns.set('source', source);
  const columns = new LedgerColumns(match.columns, MergedValues.of(sheet, match.columns.values()));
  const { rows, repeatedHeaders, summaries } = dataRows(sheet, match, columns);
  return {
    kind: 'ledger', sheet, def, match, rows, repeatedHeaders, summaries,
    get views() {
      return rows.views();
    },
  };
}

function bindSheet(sheet: SheetGrid, defs: readonly TableDef[]): BoundTable | null {
  // A score depends on the header alone, so a ledger's rows are read once, for the winner:
  // 附件1's header also reads as a poor survey ledger, and reading a million rows twice is costly.
  let best: { table: BoundTable | LedgerHeader; score: number } | null = null;
  const consider = (table: BoundTable | LedgerHeader, score: number) => {
    if (!best || score > best.score) best = { table, score };
  };
  let texts: RowTexts[] | undefined;
  const header = () => (texts ??= headerTexts(sheet));
  for (const def of defs) {
    if (def.kind === 'ledger') {
      const match = findLedgerHeader(sheet, def, header());
      if (match) consider({ kind: 'ledger-header', sheet, def, match }, match.score);
    } else if (def.kind === 'totals') {
      const match = findTotalsTable(sheet, def, header());
      if (match) consider({ kind: 'totals', sheet, def, match }, match.score);
    } else if (def.kind === 'form' && !best) {
      // A sheet holding a list is not a form; scanning a big list for form labels is costly.
      const forms = findForms(sheet, def);
      if (forms.length > 0) {
        const score = Math.max(...forms.map((f) => f.score));
        consider({ kind: 'form', sheet, def, titleRows: forms.map((f) => f.titleRow), views: forms.map((f) => f.view) }, score);
      }
    }
  }
  if (best === null) return null;
  const { table } = best as { table: BoundTable | LedgerHeader };
  return table.kind === 'ledger-header' ? bindLedger(table) : table;
}

function bindChecklist(sheet: SheetGrid, defs: readonly TableDef[]): BoundChecklist | null {
  for (const def of defs) {
    const match = def.kind === 'checklist' ? findChecklist(sheet, def) : null;
    if (match) return { kind: 'checklist', sheet, def: def as ChecklistDef, match };
  }
  return null;
}

/** Finds the official table on every sheet, wherever its header is and whatever its column order. */
export function recognise(grid: WorkbookGrid, defs: readonly TableDef[] = CATALOGUE): Recognised {
  const named = templateIds(grid);
  const preferred = named.length ? defs.filter((d) => named.includes(d.id)) : [];
  const tables: BoundTable[] = [];
  const checklists: BoundChecklist[] = [];
  const unrecognised: string[] = [];
  for (const sheet of grid.sheets) {
    const bound = (preferred.length ? bindSheet(sheet, preferred) : null) ?? bindSheet(sheet, defs);
    const checklist = bound ? null : bindChecklist(sheet, defs);
    if (bound) tables.push(bound);
    else if (checklist) checklists.push(checklist);
    else unrecognised.push(sheet.name);
  }
  return { tables, unrecognised, checklists };
}
