import type { SheetGrid, WorkbookGrid } from '../../../core/model/workbook';
import { guardCorrupt } from '../errors';
import { MARKS_SHEET } from '../internal';
import { StyleBook } from '../styleBook';
import { ZipArchive, type ZipOptions } from '../zip/readZip';
import { zipSource, type PartSource } from './partSource';
import { parseSharedStrings } from './sharedStrings';
import { scanSheet } from './sheetScanner';
import { readSheetTail } from './sheetTail';
import { readWorkbookInfo } from './workbookInfo';

/** maxUncompressedBytes: refuse files that inflate past this (declared or actual), default 1 GiB. */
export interface ReadOptions extends ZipOptions {
  /** Read only these sheets (by name); the others are not even inflated. */
  sheets?: string[];
  /** Ceiling on grid cells per sheet, padding included. Default 50 million. */
  maxCellsPerSheet?: number;
}

const DEFAULT_MAX_CELLS = 50_000_000;

/** Reads the values of a workbook. Bad input only ever throws XlsxError. */
export function readWorkbook(bytes: Uint8Array, opts: ReadOptions = {}): WorkbookGrid {
  return guardCorrupt(() => readFromSource(zipSource(new ZipArchive(bytes, opts)), opts));
}

export function readFromSource(source: PartSource, opts: ReadOptions = {}): WorkbookGrid {
  const info = readWorkbookInfo(source);
  const wanted = opts.sheets ? new Set(opts.sheets) : null;
  // The marks memory is this layer's bookkeeping, read only when asked for by name.
  const entries = info.sheets.filter((s) => s.path && (wanted ? wanted.has(s.name) : s.name !== MARKS_SHEET));

  let sharedStrings: string[] = [];
  let dateXfs: boolean[] = [];
  if (entries.length > 0) {
    const sst = info.sharedStringsPath ? source.bytes(info.sharedStringsPath) : undefined;
    if (sst) sharedStrings = parseSharedStrings(sst);
    const styles = info.stylesPath ? source.text(info.stylesPath) : undefined;
    if (styles) dateXfs = new StyleBook(styles).dateXfs();
  }

  const sheets: SheetGrid[] = [];
  for (const entry of entries) {
    const part = source.bytes(entry.path!);
    if (part === undefined) continue;
    const scanned = scanSheet(part, {
      sheetName: entry.name,
      sharedStrings,
      dateXfs,
      date1904: info.date1904,
      maxCells: opts.maxCellsPerSheet ?? DEFAULT_MAX_CELLS,
    });
    const tail = readSheetTail(scanned.tail);
    const grid: SheetGrid = { name: entry.name, rows: scanned.rows };
    if (entry.state !== 'visible') grid.hidden = true;
    if (scanned.hiddenRows.length) grid.hiddenRows = scanned.hiddenRows;
    if (tail.merges.length) grid.merges = tail.merges;
    if (tail.validations.length) grid.validations = tail.validations;
    if (scanned.uncachedFormulas.length) grid.uncachedFormulas = scanned.uncachedFormulas;
    sheets.push(grid);
  }

  const definedNames: Record<string, string> = {};
  for (const n of info.definedNames) if (n.localSheetId === null) definedNames[n.name] = n.value;
  return Object.keys(definedNames).length ? { sheets, definedNames } : { sheets };
}
