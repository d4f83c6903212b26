import type { SheetGrid, WorkbookGrid } from '../core/model/workbook';
import type { ExcelEnv } from './env';
import { readSheets } from './read';

/** Excel renames an inserted sheet whose name is taken: "附件1" becomes "附件1 (2)". */
const RENAMED = /^(.*) \(\d+\)$/;

/** The sheet's name in its own workbook, as far as the open workbook's names tell. */
function originalName(name: string, before: ReadonlySet<string>): string {
  const m = RENAMED.exec(name);
  return m && before.has(m[1]!.toLowerCase()) ? m[1]! : name;
}

/**
 * Reads a workbook file through Excel (ExcelApi 1.13): its sheets are inserted at the end of
 * the open workbook, read in one batch and deleted again, whatever happens in between. Excel
 * opens what it opens (formulas calculated, .xls too). Three syncs for any number of sheets,
 * more only when a sheet's values exceed one request.
 */
export async function readExternal(ctx: Excel.RequestContext, env: ExcelEnv, base64: string): Promise<WorkbookGrid> {
  const existing = ctx.workbook.worksheets;
  existing.load('items/name');
  const inserted = ctx.workbook.insertWorksheetsFromBase64(base64, { positionType: 'End' });
  await ctx.sync();
  const before = new Set(existing.items.map((w) => w.name.toLowerCase()));
  const ids = inserted.value;
  try {
    // Worksheet ids stand in for names until the read brings the names back.
    const sheets = ids.map((id) => ctx.workbook.worksheets.getItem(id).load('name,visibility'));
    const grids = await readSheets(ctx, env, ids.map((id) => ({ name: id, hidden: false })));
    return {
      sheets: grids.map((g, i): SheetGrid => {
        const grid: SheetGrid = { ...g, name: originalName(sheets[i]!.name, before) };
        if (sheets[i]!.visibility !== 'Visible') grid.hidden = true;
        return grid;
      }),
    };
  } finally {
    for (const id of ids) {
      const ws = ctx.workbook.worksheets.getItem(id);
      // Excel refuses to delete a very hidden sheet.
      ws.visibility = 'Hidden';
      ws.delete();
    }
    await ctx.sync();
  }
}
