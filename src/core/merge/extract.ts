import type { CellValue } from '../model/cell';
import { cellText, isBlank } from '../model/cell';
import type { TableDef } from '../tables/schema';
import { recognise, type BoundLedger, type Recognised } from '../find/recognise';
import { CATALOGUE } from '../tables';
import { extraColumnsOf, type ExtraColumn } from './extraColumns';
import type { MergeInput } from './types';

/** One data row of a school's table, as the merge needs it. */
export interface ExtractedRow {
  /** Excel row number in the school's sheet. */
  row: number;
  /** The official columns' values in the table's column order, read through the row's view (merged cells filled). */
  values: CellValue[];
  /** The row's own 所在学校 cell, when filled. */
  school: string | null;
  /** Values of the table's extra columns, in the order of ExtractedTable.extras. */
  extras: CellValue[];
}

/** One official list found in a school's workbook. */
export interface ExtractedTable {
  defId: string;
  sheet: string;
  /** Whether the official column at each index of the definition was found. */
  found: boolean[];
  extras: ExtraColumn[];
  rows: ExtractedRow[];
}

/**
 * What the merge needs of one school's workbook, and nothing else: its lists' rows and the titles
 * of every table it holds. Plain data, so a worker thread can send it and the workbook can go.
 */
export interface SchoolExtract {
  file: string;
  school?: string;
  /** Set when the file could not be read. */
  error?: string;
  readable: boolean;
  ledgers: ExtractedTable[];
  /** Every table recognised (lists, totals, forms), to say why an input holding no list is left out. */
  held: { id: string; title: string }[];
}

function extractTable(t: BoundLedger): ExtractedTable {
  const extraMap = extraColumnsOf(t);
  const extraCols = [...extraMap.keys()];
  const found = t.def.columns.map((c) => t.match.columns.has(c.key));
  const schoolCol = t.match.columns.get('school');
  const rows = t.views.map((view) => {
    const src = t.sheet.rows[view.row] ?? [];
    const values = t.def.columns.map((c, j) => (found[j] ? (view.get(c.key) ?? null) : null));
    const school = schoolCol !== undefined && !isBlank(src[schoolCol]) ? cellText(src[schoolCol]!).trim() : null;
    return { row: view.row + 1, values, school, extras: extraCols.map((c) => src[c] ?? null) };
  });
  return { defId: t.def.id, sheet: t.sheet.name, found, extras: [...extraMap.values()], rows };
}

/** The merge's view of one input; `recognised` when the caller has already found its tables. */
export function extractSchool(input: MergeInput, defs: readonly TableDef[] = CATALOGUE, recognised?: Recognised | null): SchoolExtract {
  const base = { file: input.file, ...(input.school ? { school: input.school } : {}) };
  if (!input.grid) return { ...base, ...(input.error ? { error: input.error } : {}), readable: false, ledgers: [], held: [] };
  const found = recognised ?? recognise(input.grid, defs);
  return {
    ...base,
    readable: true,
    ledgers: found.tables.filter((x): x is BoundLedger => x.kind === 'ledger').map(extractTable),
    held: found.tables.map((t) => ({ id: t.def.id, title: t.def.title })),
  };
}
