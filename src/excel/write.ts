import { formatRange } from '../core/model/address';
import type { CellSpec, CellStyle, SheetSpec } from '../io/xlsx/spec';
import type { ExcelEnv } from './env';
import { toExcelInput } from './cells';
import { queueValidation } from './validation';
import { COMMAND_BYTES, jsonBytes, packByBudget } from './payload';

/** A rectangle of cells that share style, number format and link-ness: one range write. */
interface Block {
  row: number;
  col: number;
  cells: CellSpec[][];
  style: CellStyle;
  numFmt: string | undefined;
  links: boolean;
}

function numFmtOf(c: CellSpec): string | undefined {
  return c.style?.numFmt ?? (typeof c.value === 'object' && c.value?.t === 'date' ? 'yyyy-mm-dd' : undefined);
}

function signature(c: CellSpec): string {
  const { numFmt: _ignored, ...style } = c.style ?? {};
  return JSON.stringify([style, numFmtOf(c) ?? null, Boolean(c.link)]);
}

/** Horizontal runs of equal signature, stacked into rectangles where rows repeat the same run. */
export function toBlocks(cells: readonly CellSpec[]): Block[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const done: Block[] = [];
  const open = new Map<string, Block>();
  let i = 0;
  while (i < sorted.length) {
    const first = sorted[i]!;
    const sig = signature(first);
    const run = [first];
    while (i + 1 < sorted.length) {
      const next = sorted[i + 1]!;
      if (next.row !== first.row || next.col !== run[run.length - 1]!.col + 1 || signature(next) !== sig) break;
      run.push(next);
      i++;
    }
    i++;
    const key = `${first.col}:${run.length}:${sig}`;
    const block = open.get(key);
    if (block && block.row + block.cells.length === first.row) block.cells.push(run);
    else {
      if (block) done.push(block);
      const { numFmt: _n, ...style } = first.style ?? {};
      open.set(key, { row: first.row, col: first.col, cells: [run], style, numFmt: numFmtOf(first), links: Boolean(first.link) });
    }
  }
  return [...done, ...open.values()];
}

/** Splits blocks taller than the budget allows (by the average row, then halving any part still over), so every block fits one batch. */
function fitBlocks(blocks: Block[], budget: number): Block[] {
  const out: Block[] = [];
  const fit = (b: Block) => {
    if (b.cells.length === 1 || blockBytes(b) <= budget) {
      out.push(b);
      return;
    }
    const mid = Math.ceil(b.cells.length / 2);
    fit({ ...b, cells: b.cells.slice(0, mid) });
    fit({ ...b, row: b.row + mid, cells: b.cells.slice(mid) });
  };
  for (const b of blocks) {
    const rows = Math.max(1, Math.floor((0.9 * budget * b.cells.length) / blockBytes(b)));
    for (let r = 0; r < b.cells.length; r += rows) fit({ ...b, row: b.row + r, cells: b.cells.slice(r, r + rows) });
  }
  return out;
}

function blockBytes(b: Block): number {
  const cells = b.cells.length * (b.cells[0]?.length ?? 0);
  return jsonBytes(b.cells.map((r) => r.map((c) => c.value))) + (b.numFmt ? cells * (b.numFmt.length + 3) : 0) + (b.links ? cells * 60 : 0) + 4 * COMMAND_BYTES;
}

function quoted(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** A link cell as a HYPERLINK formula: it works in every Excel version and in WPS, and is written with the block. */
function linkFormula(c: CellSpec): string | number | boolean {
  if (!c.link) return toExcelInput(c.value);
  const text = String(toExcelInput(c.value, true)).slice(0, 255);
  return `=HYPERLINK(${quoted(`#${c.link}`)},${quoted(text)})`;
}

function applyStyle(range: Excel.Range, style: CellStyle, rows: number, cols: number) {
  const f = range.format;
  if (style.bold !== undefined) f.font.bold = style.bold;
  if (style.fontSize !== undefined) f.font.size = style.fontSize;
  if (style.fontColor) f.font.color = `#${style.fontColor}`;
  if (style.wrap !== undefined) f.wrapText = style.wrap;
  if (style.hAlign) f.horizontalAlignment = style.hAlign === 'left' ? 'Left' : style.hAlign === 'center' ? 'Center' : 'Right';
  if (style.vAlign) f.verticalAlignment = style.vAlign === 'top' ? 'Top' : 'Center';
  if (style.fill) f.fill.color = `#${style.fill}`;
  if (style.border) {
    const edges: Array<'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideHorizontal' | 'InsideVertical'> = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];
    if (rows > 1) edges.push('InsideHorizontal');
    if (cols > 1) edges.push('InsideVertical');
    for (const e of edges) f.borders.getItem(e).style = 'Continuous';
  }
}

function queueBlock(ws: Excel.Worksheet, b: Block) {
  const rows = b.cells.length;
  const cols = b.cells[0]!.length;
  const range = ws.getRangeByIndexes(b.row, b.col, rows, cols);
  // The number format goes first, so that text written into "@" cells stays text.
  if (b.numFmt) range.numberFormat = b.cells.map((r) => r.map(() => b.numFmt!));
  const asText = b.numFmt === '@';
  if (b.links) range.formulas = b.cells.map((r) => r.map(linkFormula));
  else range.values = b.cells.map((r) => r.map((c) => toExcelInput(c.value, asText)));
  applyStyle(range, b.style, rows, cols);
}

/**
 * Writes blocks in as few syncs as the payload budget allows, values before formats,
 * with calculation suspended until each sync. `first` queues extra commands into the first batch.
 */
async function writeBlocks(ctx: Excel.RequestContext, env: ExcelEnv, ws: Excel.Worksheet, cells: readonly CellSpec[], budget: number, first?: () => void) {
  const groups = packByBudget(fitBlocks(toBlocks(cells), budget), blockBytes, budget);
  if (groups.length === 0 && first) groups.push([]);
  for (const [i, group] of groups.entries()) {
    if (env.supports('1.6')) ctx.workbook.application.suspendApiCalculationUntilNextSync();
    for (const b of group) queueBlock(ws, b);
    if (i === 0) first?.();
    await ctx.sync();
  }
}

export async function writeCells(ctx: Excel.RequestContext, env: ExcelEnv, sheet: string, cells: readonly CellSpec[], budget: number): Promise<void> {
  await writeBlocks(ctx, env, ctx.workbook.worksheets.getItem(sheet), cells, budget);
}

/** Excel measures column widths in points; a character of the default font is about 7 pixels. */
function widthInPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** Adds the sheet (replacing one of the same name) with its cells, layout, validations and print setup. */
export async function addSheet(ctx: Excel.RequestContext, env: ExcelEnv, spec: SheetSpec, budget: number): Promise<void> {
  const old = ctx.workbook.worksheets.getItemOrNullObject(spec.name);
  old.load('name');
  await ctx.sync();
  if (!old.isNullObject) old.delete();
  const ws = ctx.workbook.worksheets.add(spec.name);
  const lastRow = spec.cells.reduce((m, c) => Math.max(m, c.row), 0);
  for (const cs of spec.columnStyles ?? []) {
    const range = ws.getRangeByIndexes(0, cs.col, lastRow + 1, 1);
    if (cs.style.numFmt) range.numberFormat = Array.from({ length: lastRow + 1 }, () => [cs.style.numFmt!]);
    const { numFmt: _n, ...style } = cs.style;
    applyStyle(range, style, lastRow + 1, 1);
  }
  await writeBlocks(ctx, env, ws, spec.cells, budget, () => layout(ws, env, spec));
}

function layout(ws: Excel.Worksheet, env: ExcelEnv, spec: SheetSpec) {
  spec.columnWidths?.forEach((w, c) => {
    ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = widthInPoints(w);
  });
  for (const [r, h] of Object.entries(spec.rowHeights ?? {})) ws.getRangeByIndexes(Number(r), 0, 1, 1).format.rowHeight = h;
  for (const m of spec.merges ?? []) ws.getRange(formatRange(m)).merge(false);
  const areas = env.supports('1.9');
  if (env.supports('1.8')) for (const v of spec.validations ?? []) queueValidation(ws, v, areas);
  const fr = spec.freeze;
  if (fr && env.supports('1.7')) {
    if (fr.row > 0 && fr.col > 0) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, fr.row, fr.col));
    else if (fr.row > 0) ws.freezePanes.freezeRows(fr.row);
    else if (fr.col > 0) ws.freezePanes.freezeColumns(fr.col);
  }
  if (spec.print && areas) {
    const p = ws.pageLayout;
    p.orientation = spec.print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
    if (spec.print.fitToWidth) p.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    const t = spec.print.titleRows;
    if (t) p.setPrintTitleRows(`$${t.from + 1}:$${t.to + 1}`);
    for (const r of spec.print.rowBreaks ?? []) ws.horizontalPageBreaks.add(`A${r + 1}`);
  }
  if (spec.state === 'hidden') ws.visibility = 'Hidden';
  else if (spec.state === 'veryHidden') ws.visibility = 'VeryHidden';
}
