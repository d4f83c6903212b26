import type { WorkbookGrid } from './model/workbook';
import type { Finding } from './model/finding';
import type { ColumnDef, TableDef, TableSettings } from './tables/schema';
import type { FedTableRule, Issue, Needs, RowList, RowView, RuleContext } from './rules/types';
import type { Profile } from './profile/schema';
import { ROW_RULES, TABLE_RULES } from './rules';
import { headerFindings } from './rules/header';
import { distantCellFindings, uncachedFormulaFindings } from './rules/file';
import { summaryRowFindings } from './rules/summaryRows';
import { checklistFindings } from './rules/checklist';
import { totalsFindings } from './totals/reconcile';
import { recognise, type BoundChecklist, type BoundTable, type Recognised } from './find/recognise';
import { renderRule } from '../i18n/zh-CN/rules';
import { CATALOGUE } from './tables';
import { viewList } from './find/rowView';
import { a1 } from './model/address';

export interface CheckOptions {
  /** yyyy-mm-dd; ages and "in the future" are judged at this date. Default: today. */
  referenceDate?: string;
  /** Overrides of the tables' settings (age range, thresholds …). */
  settings?: Partial<TableSettings>;
  /** 003 档案资料清单's cases and the attempts each needs on file (a county profile's `cases`). */
  cases?: Profile['cases'];
  tables?: readonly TableDef[];
  /** The tables already found in this grid (a merge finds them first); saves finding them again. */
  recognised?: Recognised;
}

export interface RecognisedTable {
  sheet: string;
  /** Table id, e.g. "wafangdian-individual". */
  template: string;
  title: string;
  kind: TableDef['kind'];
  /** Excel row (1-based) of the first header row; for forms, of the first form's title. */
  headerRow: number;
  /** Data rows (ledgers), body rows (totals) or forms found. */
  rows: number;
}

export interface CheckReport {
  tables: RecognisedTable[];
  unrecognised: string[];
  findings: Finding[];
  counts: { errors: number; warnings: number };
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function describe(t: BoundTable): RecognisedTable {
  const base = { sheet: t.sheet.name, template: t.def.id, title: t.def.title, kind: t.def.kind };
  if (t.kind === 'ledger') return { ...base, headerRow: t.match.headerRow + 1, rows: t.rows.length };
  if (t.kind === 'totals') return { ...base, headerRow: t.match.headerRow + 1, rows: t.match.rows.length };
  return { ...base, headerRow: (t.titleRows[0] ?? 0) + 1, rows: t.views.length };
}

function describeChecklist(c: BoundChecklist): RecognisedTable {
  return { sheet: c.sheet.name, template: c.def.id, title: c.def.title, kind: 'checklist', headerRow: c.match.headerRow + 1, rows: c.match.items.length };
}

/**
 * Turns a rule's issue into a finding at its cell, with the rule's Chinese text. `messages` shares
 * one string among findings with the same message (a rendered message is a rope of its pieces,
 * and a million-row table can have hundreds of thousands of them).
 */
export function toFinding(issue: Issue, view: RowView | undefined, sheet: string, labelOf: (key: Issue['key']) => string, messages?: Map<string, string>): Finding {
  const at = issue.view ?? view;
  if (!at) throw new Error(`issue ${issue.rule} has no row`);
  const text = renderRule(issue.rule, issue.params);
  const known = messages?.get(text.message);
  if (messages && known === undefined) messages.set(text.message, text.message);
  const message = known ?? text.message;
  const f: Finding = {
    sheet,
    cell: at.cellOf(issue.key),
    row: at.rowOf(issue.key),
    column: labelOf(issue.key),
    rule: issue.rule,
    severity: issue.severity,
    message,
    fix: text.fix,
  };
  if (issue.related?.length) f.related = issue.related;
  if (issue.attempts?.length) f.attempts = issue.attempts;
  if (issue.suggested !== undefined) f.suggested = issue.suggested;
  return f;
}

/** Only digits and capital letters: an A1 address. */
function isPlainAddress(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90))) return false;
  }
  return true;
}

/**
 * localeCompare, without the collator for A1 addresses: it orders digits before capital letters
 * and each in code order, as a plain comparison does, and is costly on thousands of findings.
 */
function compareCells(a: string, b: string): number {
  if (isPlainAddress(a) && isPlainAddress(b)) return a < b ? -1 : a > b ? 1 : 0;
  return a.localeCompare(b);
}

/**
 * The rules that can find something on this table: a ledger's rows all have its columns, so a
 * rule needing columns it lacks is left out once here rather than returning on every row. A
 * form's fields differ from form to form: every rule runs there.
 */
function rulesFor<R extends Needs>(rules: readonly R[], t: Extract<BoundTable, { views: RowView[] }>, columns: readonly ColumnDef[]): readonly R[] {
  if (t.kind !== 'ledger') return rules;
  return rules.filter((r) => (!r.needs || r.needs.some((k) => t.match.columns.has(k))) && (!r.appliesTo || r.appliesTo(columns)));
}

function checkRows(t: Extract<BoundTable, { views: RowView[] }>, columns: readonly ColumnDef[], ctx: RuleContext, out: Finding[]) {
  const labels = t.kind === 'ledger' ? t.match.labels : new Map<string, string>();
  const labelOf = (key: Issue['key']) => labels.get(key) ?? columns.find((c) => c.key === key)?.label ?? key;
  const rowRules = rulesFor(ROW_RULES, t, columns);
  const tableRules = rulesFor(TABLE_RULES, t, columns);
  // Table rules that also read each row as it is checked (see TableRule.row).
  const fedRules = tableRules.filter((r): r is FedTableRule => r.row !== undefined);
  let current: RowView | undefined;
  const messages = new Map<string, string>();
  const emit = (issue: Issue) => out.push(toFinding(issue, current, t.sheet.name, labelOf, messages));
  // Indexed loops: this runs cold, once per row and rule, and for…of allocates an iterator
  // result per step until the loop is optimised. A ledger's rows are read through one view.
  const ledger = t.kind === 'ledger' ? t.rows : null;
  const cursor = ledger?.cursor();
  const rows: RowList = ledger ?? viewList(t.views);
  for (let i = 0; i < rows.length; i++) {
    const view = ledger ? ledger.moveCursor(cursor!, i) : rows.view(i)!;
    current = view;
    for (let j = 0; j < rowRules.length; j++) rowRules[j]!.check(view, ctx, emit);
    for (let j = 0; j < fedRules.length; j++) fedRules[j]!.row(view, ctx, i);
  }
  const emitTable = (issue: Issue) => out.push(toFinding(issue, undefined, t.sheet.name, labelOf, messages));
  for (const rule of tableRules) rule.check(rows, ctx, emitTable);
}

/** Checks every recognised table of a workbook and returns every finding at once. */
export function checkWorkbook(grid: WorkbookGrid, opts: CheckOptions = {}): CheckReport {
  const recognised: Recognised = opts.recognised ?? recognise(grid, opts.tables ?? CATALOGUE);
  const referenceDate = opts.referenceDate ?? today();
  const findings: Finding[] = [];
  for (const t of recognised.tables) {
    findings.push(...headerFindings(t));
    if (t.kind === 'totals') continue;
    if (t.kind === 'ledger') findings.push(...summaryRowFindings(t));
    const columns = t.kind === 'ledger' ? t.def.columns.filter((c) => t.match.columns.has(c.key)) : [...t.def.preambleFields, ...t.def.fields];
    const ctx: RuleContext = {
      table: t.def,
      columns,
      settings: { ...t.def.settings, ...opts.settings },
      referenceDate,
      sheet: t.sheet.name,
    };
    checkRows(t, columns, ctx, findings);
  }
  for (const c of recognised.checklists ?? []) findings.push(...checklistFindings(c, opts.cases));
  findings.push(...totalsFindings(recognised.tables));
  findings.push(...uncachedFormulaFindings(grid), ...distantCellFindings(grid));
  if (recognised.tables.length === 0 && !recognised.checklists?.length && grid.sheets.length > 0) {
    const text = renderRule('header.no-table');
    findings.push({
      sheet: grid.sheets[0]!.name, cell: a1(0, 0), row: 1, column: '', rule: 'header.no-table',
      severity: 'error', message: text.message, fix: text.fix,
    });
  }
  const sheetOrder = new Map(grid.sheets.map((s, i) => [s.name, i]));
  findings.sort((a, b) => (sheetOrder.get(a.sheet) ?? 0) - (sheetOrder.get(b.sheet) ?? 0) || a.row - b.row || a.cell.length - b.cell.length || compareCells(a.cell, b.cell));
  const errors = findings.filter((f) => f.severity === 'error').length;
  return {
    tables: [...recognised.tables.map(describe), ...(recognised.checklists ?? []).map(describeChecklist)],
    unrecognised: recognised.unrecognised,
    findings,
    counts: { errors, warnings: findings.length - errors },
  };
}
