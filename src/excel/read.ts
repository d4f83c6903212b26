import type { CellValue } from '../core/model/cell';
import type { SheetGrid, WorkbookGrid } from '../core/model/workbook';
import { parseRange, type RangeRef } from '../core/model/address';
import { hasApi, HostError, type ExcelEnv } from './env';
import { ui } from '../i18n/zh-CN/ui';
import { toCellValue } from './cells';
import { areasOf } from './addresses';
import { isPayloadLimitError, jsonBytes, MAX_CELLS_PER_GET, READ_BYTES_PER_CELL } from './payload';

export interface SheetMeta {
  name: string;
  hidden: boolean;
}

interface Dims {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

/** Rows [row, row + rows) of one sheet's used columns. */
interface Block {
  sheet: number;
  row: number;
  rows: number;
  col: number;
  cols: number;
}

const DIMS = 'rowIndex,columnIndex,rowCount,columnCount';

/** Sheets, their visibility and the workbook's defined names, in one sync. */
async function loadMeta(ctx: Excel.RequestContext, env: ExcelEnv) {
  const sheets = ctx.workbook.worksheets;
  sheets.load('items/name,items/visibility');
  // NamedItem.formula is ExcelApi 1.7; templates carry their table id in a defined name.
  const names = env.supports('1.7') ? ctx.workbook.names : null;
  names?.load('items/name,items/formula');
  await ctx.sync();
  const metas: SheetMeta[] = sheets.items.map((w) => ({ name: w.name, hidden: w.visibility !== 'Visible' }));
  const definedNames: Record<string, string> = {};
  for (const n of names?.items ?? []) {
    if (typeof n.formula === 'string') definedNames[n.name] = n.formula.replace(/^=/, '');
  }
  return { metas, definedNames };
}

function mergesOf(areas: Excel.RangeAreas | null): RangeRef[] | undefined {
  if (!areas || areas.isNullObject) return undefined;
  return areasOf(areas.address)
    .map((a) => parseRange(a))
    .filter((r): r is RangeRef => r !== null);
}

/** An empty grid of the sheet's extent; rows[r] is Excel row r + 1 from A1, as the core expects. */
function emptyRows(d: Dims | null): CellValue[][] {
  if (!d) return [];
  const rows: CellValue[][] = [];
  for (let r = 0; r < d.rowIndex + d.rowCount; r++) rows.push([]);
  return rows;
}

function fill(rows: CellValue[][], row: number, col: number, values: unknown[][], formats: unknown[][]) {
  for (let i = 0; i < values.length; i++) {
    const target = rows[row + i]!;
    const vs = values[i]!;
    const fs = formats[i] ?? [];
    for (let j = 0; j < col; j++) if (target[j] === undefined) target[j] = null;
    for (let j = 0; j < vs.length; j++) target[col + j] = toCellValue(vs[j], fs[j] as string | undefined);
  }
}

function dimsOf(r: Excel.Range): Dims | null {
  if (r.isNullObject) return null;
  return { rowIndex: r.rowIndex, columnIndex: r.columnIndex, rowCount: r.rowCount, columnCount: r.columnCount };
}

/**
 * What one sync of values may carry, measured in the answer's own JSON bytes: under the payload
 * budget with room for the protocol's text, and small enough that parsing an answer and filling
 * the grid with it stay a short task on the pane's thread (issue 20: none over 200 ms while
 * checking 100,000 rows; bench case excel-pane-longest-task).
 */
export const READ_BLOCK_BYTES = 3 * 1024 * 1024;

/** Head room over the densest rows seen so far: rows further down may carry longer text. */
const DENSITY_MARGIN = 1.25;

/**
 * Bytes per cell of the answers so far. Blocks are sized by it, so a sheet of short cells comes in
 * few syncs near the budget; before any answer, READ_BYTES_PER_CELL's generous guess stands.
 */
class Density {
  private bytes = 0;
  private cells = 0;
  private densest = 0;

  perCell(): number {
    return this.cells === 0 ? READ_BYTES_PER_CELL : Math.max(1, Math.max(this.densest, this.bytes / this.cells) * DENSITY_MARGIN);
  }

  add(bytes: number, cells: number): void {
    this.bytes += bytes;
    this.cells += cells;
    if (cells > 0) this.densest = Math.max(this.densest, bytes / cells);
  }
}

/**
 * Every sheet's used range (values only). The sizes come first, then the rows in blocks under
 * the payload budget and the five-million-cell limit of a get, as many blocks per sync as the
 * budget allows (small workbooks: one). Each answer tells how dense the cells are, and the next
 * blocks are sized by it, so the syncs are about as few as the payload limit allows.
 * Excel may answer a read over five million cells with `values` null instead of an error
 * (OfficeDev/office-js-docs-pr docs/excel/performance.md, "Payload size limit best practices"):
 * null, like a payload error, means smaller blocks.
 * Merged areas come with the sizes, never with values, and the read goes on without them when refused.
 */
export async function readSheets(ctx: Excel.RequestContext, env: ExcelEnv, metas: readonly SheetMeta[]): Promise<SheetGrid[]> {
  const sizes = () =>
    metas.map((m) => {
      const r = ctx.workbook.worksheets.getItem(m.name).getUsedRangeOrNullObject(true);
      r.load(DIMS);
      return r;
    });
  const withMerges = env.supports('1.13');
  let used = sizes();
  const asked = withMerges ? metas.map((m) => askMerges(ctx, m)) : null;
  let merges: (RangeRef[] | undefined)[];
  try {
    await ctx.sync();
    merges = asked ? asked.map(mergesOf) : metas.map(() => undefined);
  } catch (e) {
    if (!asked) throw e;
    // Refused merges fail the whole sync: sizes alone, then each sheet's merges alone.
    used = sizes();
    await ctx.sync();
    merges = await mergesOneByOne(ctx, metas);
  }
  const dims = used.map(dimsOf);

  const rows = dims.map((d) => emptyRows(d));
  const density = new Density();
  const next = dims.map((d) => (d ? d.rowIndex : 0));
  for (let group = nextGroup(dims, next, density.perCell()); group.length > 0; group = nextGroup(dims, next, density.perCell())) {
    await readBlocks(ctx, metas, group, rows, density);
  }
  return metas.map((m, i) => grid(m, rows[i]!, merges[i]));
}

/**
 * The blocks of the next sync, in sheet order from where each sheet's reading stands: as many
 * rows as fit the block budget at the density seen so far (at least one row), never more than
 * five million cells in one get.
 */
function nextGroup(dims: readonly (Dims | null)[], next: number[], perCell: number): Block[] {
  const group: Block[] = [];
  let room = READ_BLOCK_BYTES;
  for (let sheet = 0; sheet < dims.length && room > 0; sheet++) {
    const d = dims[sheet];
    if (!d) continue;
    const left = d.rowIndex + d.rowCount - next[sheet]!;
    if (left <= 0) continue;
    const fit = Math.floor(Math.min(room / perCell, MAX_CELLS_PER_GET) / d.columnCount);
    if (fit < 1 && group.length > 0) break;
    const rows = Math.min(left, Math.max(1, fit));
    group.push({ sheet, row: next[sheet]!, rows, col: d.columnIndex, cols: d.columnCount });
    next[sheet]! += rows;
    room -= rows * d.columnCount * perCell;
  }
  return group;
}

function askMerges(ctx: Excel.RequestContext, m: SheetMeta): Excel.RangeAreas | null {
  const whole = ctx.workbook.worksheets.getItem(m.name).getRange();
  if (!hasApi(whole, 'getMergedAreasOrNullObject')) return null;
  const areas = whole.getMergedAreasOrNullObject();
  areas.load('address');
  return areas;
}

/**
 * getMergedAreasOrNullObject fails past 512 areas ("if the merged areas count in this range is
 * more than 512, then this method will fail": its reference remarks, excel.range in
 * @types/office-js), which notices (8 per letter) and 一生一表 forms (22 per form) reach. Each
 * sheet is asked alone, and a sheet that is refused is read without its merges.
 */
async function mergesOneByOne(ctx: Excel.RequestContext, metas: readonly SheetMeta[]): Promise<(RangeRef[] | undefined)[]> {
  const out: (RangeRef[] | undefined)[] = [];
  for (const m of metas) {
    const areas = askMerges(ctx, m);
    try {
      await ctx.sync();
      out.push(mergesOf(areas));
    } catch {
      out.push(undefined);
    }
  }
  return out;
}

/** One sync for the group; a block the host refuses or answers with null is read again in halves. */
async function readBlocks(ctx: Excel.RequestContext, metas: readonly SheetMeta[], group: Block[], rows: CellValue[][][], density: Density): Promise<void> {
  const ranges = group.map((b) => {
    const r = ctx.workbook.worksheets.getItem(metas[b.sheet]!.name).getRangeByIndexes(b.row, b.col, b.rows, b.cols);
    r.load('values,numberFormat');
    return r;
  });
  try {
    await ctx.sync();
  } catch (e) {
    if (!isPayloadLimitError(e) || (group.length === 1 && group[0]!.rows === 1)) throw e;
    for (const half of halve(group)) await readBlocks(ctx, metas, half, rows, density);
    return;
  }
  for (let i = 0; i < group.length; i++) {
    const b = group[i]!;
    const { values, numberFormat } = ranges[i]!;
    if (Array.isArray(values) && values.length === b.rows) {
      const formats = Array.isArray(numberFormat) ? numberFormat : [];
      density.add(jsonBytes(values) + jsonBytes(formats), b.rows * b.cols);
      fill(rows[b.sheet]!, b.row, b.col, values, formats);
    } else if (b.rows > 1) {
      for (const half of halve([b])) await readBlocks(ctx, metas, half, rows, density);
    } else {
      throw new HostError(ui.errors.readRefused(metas[b.sheet]!.name, b.row + 1));
    }
  }
}

function halve(group: Block[]): Block[][] {
  if (group.length > 1) {
    const mid = Math.ceil(group.length / 2);
    return [group.slice(0, mid), group.slice(mid)];
  }
  const b = group[0]!;
  const top = Math.ceil(b.rows / 2);
  return [[{ ...b, rows: top }], [{ ...b, row: b.row + top, rows: b.rows - top }]];
}

function grid(m: SheetMeta, rows: CellValue[][], merges: RangeRef[] | undefined): SheetGrid {
  const g: SheetGrid = { name: m.name, rows };
  if (m.hidden) g.hidden = true;
  if (merges?.length) g.merges = merges;
  return g;
}

export async function readWorkbook(ctx: Excel.RequestContext, env: ExcelEnv): Promise<WorkbookGrid> {
  const { metas, definedNames } = await loadMeta(ctx, env);
  const sheets = await readSheets(ctx, env, metas);
  const grid: WorkbookGrid = { sheets };
  if (Object.keys(definedNames).length) grid.definedNames = definedNames;
  return grid;
}

export async function readOneSheet(ctx: Excel.RequestContext, env: ExcelEnv, name: string): Promise<SheetGrid> {
  const ws = ctx.workbook.worksheets.getItem(name);
  ws.load('name,visibility');
  await ctx.sync();
  const [sheet] = await readSheets(ctx, env, [{ name: ws.name, hidden: ws.visibility !== 'Visible' }]);
  return sheet!;
}
