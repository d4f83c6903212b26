import type { CellValue } from '../model/cell';
import { cellText, isBlank } from '../model/cell';
import type { ColumnKey, LedgerDef } from '../tables/schema';
import { recognise, type BoundLedger, type BoundTable } from '../find/recognise';
import { CATALOGUE } from '../tables';
import { renderRule } from '../../i18n/zh-CN/rules';
import { MERGE } from '../../i18n/zh-CN/merge';
import { chooseTable } from './choose';
import { extraColumnsOf, type ExtraColumn } from './extraColumns';
import { duplicateChildren } from './duplicates';
import { baseName, schoolFromFileName } from './source';
import type { MergedColumn, MergedInput, MergeFinding, MergeInput, MergeOptions, MergeResult, RowOrigin } from './types';

/** Raised when the merged rows do not add up: the caller must write nothing. */
export class MergeIntegrityError extends Error {
  constructor(rowsIn: number, rowsOut: number) {
    super(MERGE.lostRows(rowsIn, rowsOut));
    this.name = 'MergeIntegrityError';
  }
}

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

function rejectReason(input: MergeInput, tables: readonly BoundTable[] | null, def: LedgerDef | null): string {
  if (!tables) return input.error ?? MERGE.nothingRecognised;
  if (tables.length === 0) return def ? MERGE.noTable(def.title) : MERGE.nothingRecognised;
  return def ? MERGE.otherTable(titles(tables), def.title) : MERGE.nothingRecognised;
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

/**
 * Merges the schools' workbooks of one table into one list in the official column order,
 * with 来源 and 原始序号 columns and the schools' extra columns at the end. Inputs that hold
 * another table, none, or could not be read are listed as rejected; the rest always merge.
 * Every data row of a merged input comes out exactly once (checked before returning).
 */
export function mergeTables(inputs: readonly MergeInput[], opts: MergeOptions = {}): MergeResult {
  const defs = opts.tables ?? CATALOGUE;
  const recognised = inputs.map((i) => (i.grid ? recognise(i.grid, defs) : null));
  const ledgers = recognised.map((r) => (r?.tables ?? []).filter((x): x is BoundLedger => x.kind === 'ledger'));
  const def = chooseTable(ledgers, defs, opts.tableId);

  const taken: Taken[] = [];
  const report: MergedInput[] = [];
  const findings: MergeFinding[] = [];
  inputs.forEach((input, i) => {
    const mine = def ? ledgers[i]!.filter((t) => t.def.id === def.id) : [];
    if (mine.length > 0) {
      taken.push({ input: i, tables: mine, extras: mine.map(extraColumnsOf) });
      report.push({
        file: input.file, status: 'merged', rows: mine.reduce((n, t) => n + t.views.length, 0), template: def!.id,
        school: schoolOf(input, mine), sheets: mine.map((t) => t.sheet.name),
      });
      return;
    }
    const reason = rejectReason(input, recognised[i]?.tables ?? null, def);
    const held = recognised[i]?.tables[0];
    report.push({ file: input.file, status: 'rejected', reason, ...(held ? { template: held.def.id } : {}) });
    const text = renderRule('merge.rejected', { file: baseName(input.file), reason });
    findings.push({ rule: 'merge.rejected', severity: 'error', message: text.message, fix: text.fix, files: [input.file], rows: [] });
  });

  if (!def) return { tableId: null, def: null, columns: [], header: [], rows: [], origins: [], inputs: report, findings, recognised };

  const extraByKey = new Map<string, number>();
  const extras: ExtraColumn[] = [];
  for (const t of taken) {
    for (const m of t.extras) {
      for (const e of m.values()) {
        if (extraByKey.has(e.key)) continue;
        extraByKey.set(e.key, extras.length);
        extras.push(e);
      }
    }
  }
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
      const extraCols = [...t.extras[k]!].map(([c, e]) => [c, firstExtra + extraByKey.get(e.key)!] as const);
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
  const perInputOk = taken.every((t) => (rowsByInput.get(t.input) ?? 0) === report[t.input]!.rows);
  if (rows.length !== rowsIn || !perInputOk) throw new MergeIntegrityError(rowsIn, rows.length);

  const colOfKey = (k: ColumnKey) => {
    const j = def.columns.findIndex((c) => c.key === k);
    return j >= 0 ? j : undefined;
  };
  findings.push(
    ...duplicateChildren(rows, origins, inputs, { idcard: colOfKey('idcard'), name: colOfKey('name'), birthDate: colOfKey('birthDate') }, opts.mask ?? false),
  );
  const header = columns.map((c) => (c.kind === 'official' ? c.def.label : c.label));
  return { tableId: def.id, def, columns, header, rows, origins, inputs: report, findings, recognised };
}
