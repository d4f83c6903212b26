import type { Finding, Severity } from '../core/model/finding';
import { parseA1, type CellRef } from '../core/model/address';
import type { MarkResult } from '../host/types';
import { ui } from '../i18n/zh-CN/ui';
import type { ExcelEnv } from './env';
import { cellRuns, chunkAddresses } from './addresses';
import { COMMAND_BYTES, isItemNotFound, jsonBytes, packByBudget } from './payload';

/**
 * Marks are conditional formats whose formula is always true and names us, so the cell's
 * own fill is never touched: clearing deletes our rules and the cell looks as before, even
 * after rows were inserted or sorted. The token in the formula is how we find our rules.
 */
const MARK_TOKEN = '"baoxue:';
export const MARKS: Record<Severity, { formula: string; fill: string }> = {
  error: { formula: '=N("baoxue:error")=0', fill: '#FFC7CE' },
  warning: { formula: '=N("baoxue:warning")=0', fill: '#FFEB9C' },
};

/** Notes (ExcelApi 1.18) beyond this much text wait for the 审核意见 sheet, to keep marking in one batch. */
const NOTE_BUDGET = 1024 * 1024;

interface Target {
  ref: CellRef;
  address: string;
  severity: Severity;
  messages: string[];
}

/** One target per cell: errors win over warnings, messages are kept in order. */
export function markTargets(findings: readonly Finding[]): Map<string, Target[]> {
  const bySheet = new Map<string, Map<string, Target>>();
  for (const f of findings) {
    const ref = parseA1(f.cell);
    if (!ref) continue;
    let cells = bySheet.get(f.sheet);
    if (!cells) bySheet.set(f.sheet, (cells = new Map()));
    const t = cells.get(f.cell);
    if (!t) cells.set(f.cell, { ref, address: f.cell, severity: f.severity, messages: [f.message] });
    else {
      if (f.severity === 'error') t.severity = 'error';
      if (!t.messages.includes(f.message)) t.messages.push(f.message);
    }
  }
  return new Map([...bySheet].map(([s, cells]) => [s, [...cells.values()]]));
}

function noteText(t: Target): string {
  return ui.mark.notePrefix + t.messages.join('\n');
}

interface SheetState {
  name: string;
  formats: Excel.ConditionalFormatCollection;
  notes: Excel.NoteCollection | null;
  /** Existing notes on the cells we want to annotate, by address. */
  probes: Map<string, Excel.Note>;
}

function queueState(ctx: Excel.RequestContext, names: readonly string[], noteCells: Map<string, Target[]>, withNotes: boolean): SheetState[] {
  return names.map((name) => {
    const ws = ctx.workbook.worksheets.getItem(name);
    const formats = ws.getRange().conditionalFormats;
    formats.load('items/customOrNullObject/rule/formula');
    const probes = new Map<string, Excel.Note>();
    let notes: Excel.NoteCollection | null = null;
    // ExcelApi 1.18 reported does not mean the loaded office.js has notes: an old copy of
    // office.js lacks the property, so the object itself is tested (feature detection).
    const api = withNotes ? (ws as Partial<Pick<Excel.Worksheet, 'notes'>>).notes : undefined;
    if (api) {
      notes = api;
      notes.load('items/content');
      for (const t of noteCells.get(name) ?? []) {
        const n = notes.getItemOrNullObject(t.address);
        n.load('content');
        probes.set(t.address, n);
      }
    }
    return { name, formats, notes, probes };
  });
}

async function sheetNames(ctx: Excel.RequestContext): Promise<string[]> {
  const sheets = ctx.workbook.worksheets;
  sheets.load('items/name');
  await ctx.sync();
  return sheets.items.map((w) => w.name);
}

/**
 * Our rules and notes on every sheet, in one sync when the sheet names are known from the
 * last read. A sheet added since is caught by the name list; a sheet deleted since makes
 * getItem fail, and the names are read again.
 */
async function loadState(ctx: Excel.RequestContext, known: readonly string[] | null, noteCells: Map<string, Target[]>, withNotes: boolean): Promise<SheetState[]> {
  let names = known ?? (await sheetNames(ctx));
  for (let attempt = 0; ; attempt++) {
    const list = ctx.workbook.worksheets;
    list.load('items/name');
    const state = queueState(ctx, names, noteCells, withNotes);
    try {
      await ctx.sync();
    } catch (e) {
      if (attempt > 0 || !isItemNotFound(e)) throw e;
      names = await sheetNames(ctx);
      continue;
    }
    const actual = list.items.map((w) => w.name);
    if (attempt > 0 || actual.every((n) => names.includes(n))) return state;
    names = actual;
  }
}

interface Command {
  bytes: number;
  queue: () => void;
}

/**
 * Replaces our marks with marks for `findings` (none: just removes ours). Two syncs when
 * the sheet names are known: one to find our earlier rules and notes, one to delete them
 * and add the new ones, whatever the number of findings (more only past the payload budget).
 */
export async function mark(ctx: Excel.RequestContext, env: ExcelEnv, known: readonly string[] | null, findings: readonly Finding[]): Promise<MarkResult> {
  const targets = markTargets(findings);
  const withNotes = env.supports('1.18');
  const areas = env.supports('1.9');

  const noteCells = new Map<string, Target[]>();
  let noteBytes = 0;
  if (withNotes) {
    for (const [sheet, ts] of targets) {
      const chosen: Target[] = [];
      for (const t of ts) {
        const bytes = jsonBytes(noteText(t)) + 2 * COMMAND_BYTES;
        if (noteBytes + bytes > NOTE_BUDGET) break;
        noteBytes += bytes;
        chosen.push(t);
      }
      noteCells.set(sheet, chosen);
    }
  }

  const state = await loadState(ctx, known, noteCells, withNotes);
  const commands: Command[] = [];
  let notes = 0;
  let marked = 0;
  for (const s of state) {
    for (const cf of s.formats.items) {
      const custom = cf.customOrNullObject;
      if (!custom.isNullObject && custom.rule.formula.includes(MARK_TOKEN)) commands.push({ bytes: COMMAND_BYTES, queue: () => cf.delete() });
    }
    for (const n of s.notes?.items ?? []) {
      if (n.content.startsWith(ui.mark.notePrefix)) commands.push({ bytes: COMMAND_BYTES, queue: () => n.delete() });
    }
    const ws = ctx.workbook.worksheets.getItem(s.name);
    const ts = targets.get(s.name) ?? [];
    marked += ts.length;
    for (const severity of ['warning', 'error'] as const) {
      const runs = cellRuns(ts.filter((t) => t.severity === severity).map((t) => t.ref));
      for (const chunk of chunkAddresses(runs)) {
        commands.push({ bytes: chunk.length + 3 * COMMAND_BYTES, queue: () => addRule(ws, chunk, severity, areas) });
      }
    }
    for (const t of s.notes ? noteCells.get(s.name) ?? [] : []) {
      const existing = s.probes.get(t.address);
      if (existing && !existing.isNullObject && !existing.content.startsWith(ui.mark.notePrefix)) continue;
      notes++;
      const text = noteText(t);
      commands.push({ bytes: jsonBytes(text) + COMMAND_BYTES, queue: () => s.notes!.add(t.address, text) });
    }
  }
  for (const group of packByBudget(commands, (c) => c.bytes)) {
    for (const c of group) c.queue();
    await ctx.sync();
  }
  return { cells: marked, notes, withoutNote: marked - notes };
}

/** A rule over the cells; before RangeAreas (ExcelApi 1.9), one rule per range. */
function addRule(ws: Excel.Worksheet, addresses: string, severity: Severity, areas: boolean) {
  const targets = areas ? [ws.getRanges(addresses)] : addresses.split(',').map((a) => ws.getRange(a));
  for (const target of targets) {
    const cf = target.conditionalFormats.add('Custom');
    cf.custom.rule.formula = MARKS[severity].formula;
    cf.custom.format.fill.color = MARKS[severity].fill;
  }
}
