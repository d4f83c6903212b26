import type { CellValue } from '../model/cell';
import { cellText, isBlank } from '../model/cell';
import type { ColumnKey, LedgerDef, TableDef } from '../tables/schema';
import { recognise, type BoundLedger, type BoundTable } from '../find/recognise';
import { CATALOGUE } from '../tables';
import { renderRule } from '../../i18n/zh-CN/rules';
import { MERGE } from '../../i18n/zh-CN/merge';
import { extraColumnsOf, type ExtraColumn } from './extraColumns';
import { duplicateChildren } from './duplicates';
import { baseName, schoolFromFileName } from './source';
import type { MergedColumn, MergedInput, MergedTable, MergeFinding, MergeInput, MergeOptions, MergeResult, RowOrigin } from './types';

/** Raised when the merged rows do not add up: the caller must write nothing. */
export class MergeIntegrityError extends Error {
  constructor(rowsIn: number, rowsOut: number) {
    super(MERGE.lostRows(rowsIn, rowsOut));
    this.name = 'MergeIntegrityError';
  }
}

/** The tables of one definition that one input holds. */
interface Taken {
  input: number;
  tables: BoundLedger[];
  extras: Map<number, ExtraColumn>[];
}

function layout(def: LedgerDef, extras: ExtraColumn[]): MergedColumn[] {
  const columns: MergedColumn[] = def.columns.map((d) => ({ kind: 'official', def: d }));
  columns.push({ kind: 'source', label: MERGE.sourceColumn });
  const has = (k: ColumnKey) => def.columns.some((c) => c.key === k);
  // A table with its own 原始序号 (002 附件4) keeps it as it is; elsewhere the school's 序号 goes here.
  if (has('serial') && !has('originalSerial')) columns.push({ kind: 'originalSerial', label: MERGE.originalSerialColumn });
  for (const e of extras) columns.push({ kind: 'extra', label: e.label });
  return columns;
}

function titles(tables: readonly BoundTable[]): string {
  return [...new Set(tables.map((t) => t.def.title))].join('、');
}

function rejectReason(input: MergeInput, tables: readonly BoundTable[] | null, only: LedgerDef | null): string {
  if (!tables) return input.error ?? MERGE.nothingRecognised;
  if (tables.length === 0) return only ? MERGE.noTable(only.title) : MERGE.nothingRecognised;
  return only ? MERGE.otherTable(titles(tables), only.title) : MERGE.noLedger(titles(tables));
}

/** The school most rows name, else the one the caller or the file name gives. */
function schoolOf(input: MergeInput, tables: readonly BoundLedger[]): string {
  if (input.school) return input.school;
  const count = new Map<string, number>();
  for (const t of tables) {
    for (const v of t.views) {
      const s = cellText(v.get('school') ?? null).trim();
      if (s) count.set(s, (count.get(s) ?? 0) + 1);
    }
  }
  let best = '';
  for (const [s, n] of count) if (!best || n > count.get(best)!) best = s;
  return best || schoolFromFileName(input.file);
}

/** The ledgers to merge, in the catalogue's order: the one asked for, or every one some input holds. */
function ledgersToMerge(held: readonly (readonly BoundLedger[])[], defs: readonly TableDef[], tableId?: string): LedgerDef[] {
  if (tableId !== undefined) {
    const def = defs.find((d) => d.id === tableId);
    if (!def || def.kind !== 'ledger') throw new Error(`no ledger table with id ${tableId}`);
    return [def];
  }
  const found = new Set(held.flatMap((tables) => tables.map((t) => t.def.id)));
  return defs.filter((d): d is LedgerDef => d.kind === 'ledger' && found.has(d.id));
}

/** The schools' extra columns of one table, one merged column per header. */
function mergedExtras(taken: readonly Taken[]): { extras: ExtraColumn[]; byKey: Map<string, number> } {
  const byKey = new Map<string, number>();
  const extras: ExtraColumn[] = [];
  for (const t of taken) {
    for (const m of t.extras) {
      for (const e of m.values()) {
        if (byKey.has(e.key)) continue;
        byKey.set(e.key, extras.length);
        extras.push(e);
      }
    }
  }
  return { extras, byKey };
}

/**
 * One table from every input that holds it: official column order, then 来源, 原始序号 and the
 * schools' extra columns. Every data row comes out exactly once (checked before returning).
 */
function mergeOne(def: LedgerDef, taken: readonly Taken[], inputs: readonly MergeInput[], report: readonly MergedInput[]): MergedTable {
  const { extras, byKey } = mergedExtras(taken);
  const columns = layout(def, extras);
  const width = columns.length;
  const at = (kind: MergedColumn['kind']) => columns.findIndex((c) => c.kind === kind);
  const sourceCol = at('source');
  const originalCol = at('originalSerial');
  const firstExtra = width - extras.length;
  const serialCol = def.columns.findIndex((c) => c.key === 'serial');
  const schoolKey = def.columns.some((c) => c.key === 'school');

  const rows: CellValue[][] = [];
  const origins: RowOrigin[] = [];
  let rowsIn = 0;
  for (const t of taken) {
    const input = inputs[t.input]!;
    const file = baseName(input.file);
    const fallbackSchool = input.school ?? report[t.input]!.school ?? null;
    t.tables.forEach((table, k) => {
      rowsIn += table.views.length;
      const colOf = def.columns.map((c) => table.match.columns.get(c.key));
      const schoolCol = table.match.columns.get('school');
      const extraCols = [...t.extras[k]!].map(([c, e]) => [c, firstExtra + byKey.get(e.key)!] as const);
      for (const view of table.views) {
        const src = table.sheet.rows[view.row] ?? [];
        const out: CellValue[] = new Array<CellValue>(width).fill(null);
        // Through the view: a cell merged down several rows gives each of them its value.
        colOf.forEach((c, j) => {
          if (c !== undefined) out[j] = view.get(def.columns[j]!.key) ?? null;
        });
        if (serialCol >= 0) {
          if (originalCol >= 0) out[originalCol] = out[serialCol] ?? null;
          out[serialCol] = rows.length + 1;
        }
        const rowSchool = schoolKey && schoolCol !== undefined && !isBlank(src[schoolCol]) ? cellText(src[schoolCol]!).trim() : null;
        out[sourceCol] = MERGE.source(file, input.school ?? rowSchool ?? fallbackSchool);
        for (const [c, j] of extraCols) out[j] = src[c] ?? null;
        rows.push(out);
        origins.push({ input: t.input, sheet: table.sheet.name, row: view.row + 1 });
      }
    });
  }
  const rowsByInput = new Map<number, number>();
  for (const o of origins) rowsByInput.set(o.input, (rowsByInput.get(o.input) ?? 0) + 1);
  // An input whose list has no rows yet merges nothing, and that adds up too.
  const perInputOk = taken.every((t) => (rowsByInput.get(t.input) ?? 0) === t.tables.reduce((n, x) => n + x.views.length, 0));
  if (rows.length !== rowsIn || !perInputOk) throw new MergeIntegrityError(rowsIn, rows.length);
  const header = columns.map((c) => (c.kind === 'official' ? c.def.label : c.label));
  return { tableId: def.id, def, columns, header, rows, origins, rowsIn };
}

function childColumns(def: LedgerDef) {
  const colOfKey = (k: ColumnKey) => {
    const j = def.columns.findIndex((c) => c.key === k);
    return j >= 0 ? j : undefined;
  };
  return { idcard: colOfKey('idcard'), name: colOfKey('name'), birthDate: colOfKey('birthDate') };
}

/**
 * Merges the schools' workbooks into one list per official table (004 附件1-2 and 附件2 each
 * their own), in the official column order, with 来源 and 原始序号 columns and the schools'
 * extra columns at the end. Inputs that hold no list (or not the one asked for), or could not
 * be read, are listed as rejected; the rest always merge, every table of them.
 */
export function mergeTables(inputs: readonly MergeInput[], opts: MergeOptions = {}): MergeResult {
  const defs = opts.tables ?? CATALOGUE;
  const recognised = inputs.map((i) => (i.grid ? recognise(i.grid, defs) : null));
  const ledgers = recognised.map((r) => (r?.tables ?? []).filter((x): x is BoundLedger => x.kind === 'ledger'));
  const wanted = ledgersToMerge(ledgers, defs, opts.tableId);
  const only = opts.tableId !== undefined ? wanted[0]! : null;

  const takenByTable: Taken[][] = wanted.map(() => []);
  const report: MergedInput[] = [];
  const findings: MergeFinding[] = [];
  inputs.forEach((input, i) => {
    const mine = wanted.map((def) => ledgers[i]!.filter((t) => t.def.id === def.id));
    const held = mine.flat();
    if (held.length > 0) {
      const tables = mine.flatMap((ts, k) => {
        if (ts.length === 0) return [];
        takenByTable[k]!.push({ input: i, tables: ts, extras: ts.map(extraColumnsOf) });
        return [{ template: wanted[k]!.id, rows: ts.reduce((n, t) => n + t.views.length, 0), sheets: ts.map((t) => t.sheet.name) }];
      });
      report.push({
        file: input.file, status: 'merged', rows: held.reduce((n, t) => n + t.views.length, 0), template: tables[0]!.template,
        school: schoolOf(input, held), sheets: held.map((t) => t.sheet.name), tables,
      });
      return;
    }
    const reason = rejectReason(input, recognised[i]?.tables ?? null, only);
    const first = recognised[i]?.tables[0];
    report.push({ file: input.file, status: 'rejected', reason, ...(first ? { template: first.def.id } : {}) });
    const text = renderRule('merge.rejected', { file: baseName(input.file), reason });
    findings.push({ rule: 'merge.rejected', severity: 'error', message: text.message, fix: text.fix, files: [input.file], rows: [] });
  });

  const tables = wanted
    .map((def, k) => ({ def, taken: takenByTable[k]! }))
    .filter((x) => x.taken.length > 0)
    .map((x) => mergeOne(x.def, x.taken, inputs, report));
  tables.forEach((table, k) => {
    for (const f of duplicateChildren(table.rows, table.origins, inputs, childColumns(table.def), opts.mask ?? false)) findings.push({ ...f, table: k });
  });
  return { tables, inputs: report, findings, recognised };
}
