import type { CellValue } from '../model/cell';
import { cellText } from '../model/cell';
import type { ColumnKey, LedgerDef, TableDef } from '../tables/schema';
import { recognise } from '../find/recognise';
import { CATALOGUE } from '../tables';
import { renderRule } from '../../i18n/zh-CN/rules';
import { MERGE } from '../../i18n/zh-CN/merge';
import type { ExtraColumn } from './extraColumns';
import { extractSchool, type ExtractedTable, type SchoolExtract } from './extract';
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

/** The lists of one definition that one input holds. */
interface Taken {
  input: number;
  tables: ExtractedTable[];
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

function rejectReason(input: SchoolExtract, only: LedgerDef | null): string {
  if (!input.readable) return input.error ?? MERGE.nothingRecognised;
  if (input.held.length === 0) return only ? MERGE.noTable(only.title) : MERGE.nothingRecognised;
  const titles = [...new Set(input.held.map((t) => t.title))].join('、');
  return only ? MERGE.otherTable(titles, only.title) : MERGE.noLedger(titles);
}

/** The school most rows name, else the one the caller or the file name gives. */
function schoolOf(input: SchoolExtract, tables: readonly ExtractedTable[], defs: ReadonlyMap<string, LedgerDef>): string {
  if (input.school) return input.school;
  const count = new Map<string, number>();
  for (const t of tables) {
    const at = defs.get(t.defId)!.columns.findIndex((c) => c.key === 'school');
    if (at < 0) continue;
    for (const r of t.rows) {
      const s = cellText(r.values[at] ?? null).trim();
      if (s) count.set(s, (count.get(s) ?? 0) + 1);
    }
  }
  let best = '';
  for (const [s, n] of count) if (!best || n > count.get(best)!) best = s;
  return best || schoolFromFileName(input.file);
}

/** The lists to merge, in the catalogue's order: the one asked for, or every one some input holds. */
function ledgersToMerge(inputs: readonly SchoolExtract[], defs: readonly TableDef[], tableId?: string): LedgerDef[] {
  if (tableId !== undefined) {
    const def = defs.find((d) => d.id === tableId);
    if (!def || def.kind !== 'ledger') throw new Error(`no ledger table with id ${tableId}`);
    return [def];
  }
  const found = new Set(inputs.flatMap((i) => i.ledgers.map((t) => t.defId)));
  return defs.filter((d): d is LedgerDef => d.kind === 'ledger' && found.has(d.id));
}

/** The schools' extra columns of one table, one merged column per header. */
function mergedExtras(taken: readonly Taken[]): { extras: ExtraColumn[]; byKey: Map<string, number> } {
  const byKey = new Map<string, number>();
  const extras: ExtraColumn[] = [];
  for (const t of taken) {
    for (const table of t.tables) {
      for (const e of table.extras) {
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
function mergeOne(def: LedgerDef, taken: readonly Taken[], inputs: readonly SchoolExtract[], report: readonly MergedInput[]): MergedTable {
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
    for (const table of t.tables) {
      rowsIn += table.rows.length;
      const extraAt = table.extras.map((e) => firstExtra + byKey.get(e.key)!);
      for (const r of table.rows) {
        const out: CellValue[] = new Array<CellValue>(width).fill(null);
        for (let j = 0; j < r.values.length; j++) out[j] = r.values[j] ?? null;
        if (serialCol >= 0) {
          if (originalCol >= 0) out[originalCol] = out[serialCol] ?? null;
          out[serialCol] = rows.length + 1;
        }
        out[sourceCol] = MERGE.source(file, input.school ?? (schoolKey ? r.school : null) ?? fallbackSchool);
        extraAt.forEach((j, k) => (out[j] = r.extras[k] ?? null));
        rows.push(out);
        origins.push({ input: t.input, sheet: table.sheet, row: r.row });
      }
    }
  }
  const rowsByInput = new Map<number, number>();
  for (const o of origins) rowsByInput.set(o.input, (rowsByInput.get(o.input) ?? 0) + 1);
  // An input whose list has no rows yet merges nothing, and that adds up too.
  const perInputOk = taken.every((t) => (rowsByInput.get(t.input) ?? 0) === t.tables.reduce((n, x) => n + x.rows.length, 0));
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
 * Merges the schools' lists, one merged table per official list (004 附件1-2 and 附件2 each
 * their own), from what extractSchool took of each workbook: the workbooks themselves need
 * not be held. Inputs that hold no list (or not the one asked for), or could not be read, are
 * listed as rejected; the rest always merge, every list of them.
 */
export function mergeExtracts(inputs: readonly SchoolExtract[], opts: MergeOptions = {}): Omit<MergeResult, 'recognised'> {
  const defs = opts.tables ?? CATALOGUE;
  const wanted = ledgersToMerge(inputs, defs, opts.tableId);
  const wantedById = new Map(wanted.map((d) => [d.id, d]));
  const only = opts.tableId !== undefined ? wanted[0]! : null;

  const takenByTable: Taken[][] = wanted.map(() => []);
  const report: MergedInput[] = [];
  const findings: MergeFinding[] = [];
  inputs.forEach((input, i) => {
    const mine = wanted.map((def) => input.ledgers.filter((t) => t.defId === def.id));
    const held = mine.flat();
    if (held.length > 0) {
      const tables = mine.flatMap((ts, k) => {
        if (ts.length === 0) return [];
        takenByTable[k]!.push({ input: i, tables: ts });
        return [{ template: wanted[k]!.id, rows: ts.reduce((n, t) => n + t.rows.length, 0), sheets: ts.map((t) => t.sheet) }];
      });
      report.push({
        file: input.file, status: 'merged', rows: held.reduce((n, t) => n + t.rows.length, 0), template: tables[0]!.template,
        school: schoolOf(input, held, wantedById), sheets: held.map((t) => t.sheet), tables,
      });
      return;
    }
    const reason = rejectReason(input, only);
    const first = input.held[0];
    report.push({ file: input.file, status: 'rejected', reason, ...(first ? { template: first.id } : {}) });
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
  return { tables, inputs: report, findings };
}

/** mergeExtracts of workbooks at hand, with the tables found in each (so a check need not find them again). */
export function mergeTables(inputs: readonly MergeInput[], opts: MergeOptions = {}): MergeResult {
  const defs = opts.tables ?? CATALOGUE;
  const recognised = inputs.map((i) => (i.grid ? recognise(i.grid, defs) : null));
  const extracts = inputs.map((input, i) => extractSchool(input, defs, recognised[i]));
  return { ...mergeExtracts(extracts, opts), recognised };
}
