import type { SheetGrid, WorkbookGrid } from '../../../core/model/workbook';
import { guardCorrupt, XlsxError } from '../errors';
import { MARKS_SHEET } from '../internal';
import { ZipArchive, type ZipOptions } from '../zip/readZip';
import type { ValueContext } from './cellValue';
import { readSheetXml, type SheetTail } from './conformantSheet';
import { xmlText, xmlUtf8 } from './encoding';
import { GridBuilder, newBudget, type ReadBudget } from './grid';
import { zipSource, type PartSource } from './partSource';
import { rootPrefix } from './prefix';
import { readSharedStringsXml, scanSharedStrings } from './sharedStrings';
import { scanSheet } from './sheetScanner';
import { readCellFormats } from './styles';
import { Unsupported } from './unsupported';
import { readWorkbookInfo } from './workbookInfo';

/** maxUncompressedBytes: refuse files that inflate past this (declared or actual), default 1 GiB. */
export interface ReadOptions extends ZipOptions {
  /** Read only these sheets (by name); the others are not even inflated. */
  sheets?: string[];
  /** Ceiling on grid cells of the whole workbook, row padding included. Default 50 million. */
  maxCells?: number;
  /** Ceiling on rows materialised in the whole workbook. Default 5 million. */
  maxRows?: number;
  /** Ceiling on shared strings. Default 10 million. */
  maxSharedStrings?: number;
  /** Read every part with the conformant parser, never the fast scanners (the reference for tests). */
  conformantOnly?: boolean;
}

const DEFAULT_MAX_CELLS = 50_000_000;
const DEFAULT_MAX_ROWS = 5_000_000;
const DEFAULT_MAX_STRINGS = 10_000_000;

/** Reads the values of a workbook. Bad input only ever throws XlsxError. */
export function readWorkbook(bytes: Uint8Array, opts: ReadOptions = {}): WorkbookGrid {
  return guardCorrupt(() => readFromSource(zipSource(new ZipArchive(bytes, opts)), opts));
}

/** Fast scanner first; the conformant parser when the scanner meets something it does not follow. */
function fastOr<T>(conformantOnly: boolean | undefined, fast: () => T, conformant: () => T): T {
  if (!conformantOnly) {
    try {
      return fast();
    } catch (e) {
      if (!(e instanceof Unsupported)) throw e;
    }
  }
  return conformant();
}

export function readSharedStrings(part: Uint8Array, name: string, limit: number, conformantOnly?: boolean): string[] {
  const b = xmlUtf8(part);
  return fastOr(
    conformantOnly,
    () => scanSharedStrings(b, rootPrefix(b, 'sst'), limit),
    () => readSharedStringsXml(xmlText(part), name, limit),
  );
}

interface ReadSheet {
  grid: GridBuilder;
  tail: SheetTail;
}

/** One worksheet part into a grid: the fast scanner, or saxes when the part is not in its shape. */
export function readSheetPart(part: Uint8Array, name: string, sheet: string, budget: ReadBudget, ctx: ValueContext, conformantOnly?: boolean): ReadSheet {
  const b = xmlUtf8(part);
  const start = { cells: budget.cells, rows: budget.rows };
  return fastOr(
    conformantOnly,
    () => {
      const grid = new GridBuilder(sheet, budget);
      const rest = scanSheet(b, rootPrefix(b, 'worksheet'), grid, ctx);
      return { grid, tail: readSheetXml(rest, name, new GridBuilder(sheet, budget), ctx) };
    },
    () => {
      // What the fast attempt counted is given back before the part is read again.
      budget.cells = start.cells;
      budget.rows = start.rows;
      const grid = new GridBuilder(sheet, budget);
      return { grid, tail: readSheetXml(xmlText(part), name, grid, ctx) };
    },
  );
}

export function readFromSource(source: PartSource, opts: ReadOptions = {}): WorkbookGrid {
  const info = readWorkbookInfo(source);
  const wanted = opts.sheets ? new Set(opts.sheets) : null;
  // The marks memory is this layer's bookkeeping, read only when asked for by name.
  const entries = info.sheets.filter((s) => (wanted ? wanted.has(s.name) : s.name !== MARKS_SHEET));
  const worksheets = entries.filter((s) => s.path);
  // No worksheet to read (none listed, only chart sheets, dangling relationships) is said, not an empty result;
  // a workbook holding only this layer's marks sheet is left to its caller.
  const onlyMarks = entries.length === 0 && info.sheets.length > 0;
  if (!wanted && worksheets.length === 0 && !onlyMarks) throw new XlsxError('no-worksheets');

  const ctx: ValueContext = { sharedStrings: [], dateXfs: [], elapsedXfs: [], date1904: info.date1904 };
  if (worksheets.length > 0) {
    const sstPath = info.sharedStringsPath;
    const sst = sstPath ? source.bytes(sstPath) : undefined;
    if (sst) ctx.sharedStrings = readSharedStrings(sst, sstPath!, opts.maxSharedStrings ?? DEFAULT_MAX_STRINGS, opts.conformantOnly);
    const styles = info.stylesPath ? source.text(info.stylesPath) : undefined;
    if (styles) Object.assign(ctx, readCellFormats(styles, info.stylesPath!));
  }

  const budget = newBudget(opts.maxCells ?? DEFAULT_MAX_CELLS, opts.maxRows ?? DEFAULT_MAX_ROWS);
  // A part that several sheets point at is read once (hundreds of sheets on one part cost one read).
  const read = new Map<string, ReadSheet>();
  const sheets: SheetGrid[] = [];
  for (const entry of worksheets) {
    const path = entry.path!;
    let r = read.get(path.toLowerCase());
    if (!r) {
      const part = source.bytes(path);
      // A sheet the workbook lists but whose part is missing is not silently left out.
      if (part === undefined) throw new XlsxError('sheet-part-missing', { sheet: entry.name });
      r = readSheetPart(part, path, entry.name, budget, ctx, opts.conformantOnly);
      read.set(path.toLowerCase(), r);
    }
    const { grid, tail } = r;
    const sheet: SheetGrid = { name: entry.name, rows: grid.rows };
    if (entry.state !== 'visible') sheet.hidden = true;
    if (grid.hiddenRows.length) sheet.hiddenRows = grid.hiddenRows;
    if (tail.merges.length) sheet.merges = tail.merges;
    if (tail.validations.length) sheet.validations = tail.validations;
    if (grid.uncachedFormulas.length) sheet.uncachedFormulas = grid.uncachedFormulas;
    if (grid.distant) sheet.distantCells = grid.distant;
    sheets.push(sheet);
  }

  const definedNames: Record<string, string> = {};
  for (const n of info.definedNames) if (n.localSheetId === null) definedNames[n.name] = n.value;
  return Object.keys(definedNames).length ? { sheets, definedNames } : { sheets };
}
