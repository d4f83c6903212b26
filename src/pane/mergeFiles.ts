import type { WorkbookGrid } from '../core/model/workbook';
import type { MergeFilesOptions, MergeOutcome, SchoolFile } from './services';
import { mergeTables, type MergeInput } from '../core/merge';
import { checkWorkbook } from '../core/check';
import { mergedWorkbookSpec, MERGED_HEADER_ROW } from '../templates/merged';
import type { SchoolCheck } from '../templates/mergeNotes';
import { ui } from '../i18n/zh-CN/ui';
import { toBase64 } from './base64';

type FileLayer = typeof import('../io/xlsx');

/** How the schools' files are read besides the file layer. */
export interface MergeReaders {
  /** Through the host (Excel: insertWorksheetsFromBase64); when it fails, the file layer reads the file. */
  readExternal?: (base64: string) => Promise<WorkbookGrid>;
}

async function readSchool(file: SchoolFile, readers: MergeReaders, fileLayer: () => Promise<FileLayer>): Promise<MergeInput> {
  if (readers.readExternal) {
    try {
      return { file: file.name, grid: await readers.readExternal(toBase64(file.bytes)) };
    } catch {
      // Not every Excel can, and Excel on the web refuses some files: the file layer reads it or says why not.
    }
  }
  const io = await fileLayer();
  try {
    return { file: file.name, grid: io.readWorkbook(file.bytes) };
  } catch (e) {
    return { file: file.name, grid: null, error: e instanceof io.XlsxError ? e.message : ui.errors.generic(String(e)) };
  }
}

/**
 * 合并工作簿: reads each school's workbook (a file that cannot be read is reported, not fatal),
 * merges them (the core asserts rows in = rows out) and builds the county workbook with each
 * school's check counts in 合并说明. The file layer is loaded only when a file needs it.
 */
export async function mergeFiles(files: readonly SchoolFile[], opts: MergeFilesOptions = {}, readers: MergeReaders = {}): Promise<MergeOutcome> {
  let io: Promise<FileLayer> | undefined;
  const fileLayer = () => (io ??= import('../io/xlsx'));
  const inputs: MergeInput[] = [];
  for (const file of files) inputs.push(await readSchool(file, readers, fileLayer));

  const result = mergeTables(inputs);
  if (result.tables.length === 0) return { title: null, rows: 0, inputs: result.inputs, duplicates: [], workbook: null, listSheet: null };
  const checks: (SchoolCheck | null)[] = inputs.map((input, i) =>
    input.grid && result.inputs[i]!.status === 'merged'
      ? checkWorkbook(input.grid, { ...(opts.referenceDate ? { referenceDate: opts.referenceDate } : {}), recognised: result.recognised[i] ?? undefined }).counts
      : null,
  );
  const workbook = mergedWorkbookSpec(result, checks, opts.existingSheets);
  const duplicates = result.findings
    .filter((f) => f.rule === 'merge.duplicate-child')
    .map((f) => ({ message: f.message, files: f.files, rows: f.rows.map((r) => MERGED_HEADER_ROW + 2 + r) }));
  const title = result.tables.map((t) => t.def.title).join('、');
  const rows = result.tables.reduce((n, t) => n + t.rows.length, 0);
  return { title, rows, inputs: result.inputs, duplicates, workbook, listSheet: workbook.tableSheets[0]! };
}
