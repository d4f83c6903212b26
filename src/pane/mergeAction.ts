import type { WorkbookHost } from '../host/types';
import type { MergeFiles, MergeOutcome, PaneServices, SchoolFile } from './services';
import { today } from './actions';

export interface Merged {
  outcome: MergeOutcome;
  /** Excel: the sheets added to the open workbook; elsewhere what writeMerged wrote (a file). */
  written: { kind: 'sheets'; names: string[] } | { kind: 'file'; name: string } | null;
}

async function sheetNamesOf(host: WorkbookHost): Promise<string[]> {
  if (host.listSheets) return host.listSheets();
  return (await host.readWorkbook()).sheets.map((s) => s.name);
}

/**
 * Adds the county workbook's sheets to the open workbook: the hidden 字典 first, since the
 * list's dropdowns refer to it, then the list, its totals and 合并说明; shows the list.
 */
export async function addMergedSheets(host: WorkbookHost, outcome: MergeOutcome): Promise<string[]> {
  const sheets = outcome.workbook?.sheets ?? [];
  const hidden = sheets.filter((s) => s.state && s.state !== 'visible');
  const shown = sheets.filter((s) => !hidden.includes(s));
  for (const spec of [...hidden, ...shown]) await host.addSheet(spec);
  if (outcome.listSheet) await host.selectCell(outcome.listSheet, 'A1');
  return shown.map((s) => s.name);
}

/** 合并工作簿: merges the picked files and writes the result, into the open workbook unless the services write it elsewhere. */
export async function mergeSchools(s: PaneServices, mergeFiles: MergeFiles, files: readonly SchoolFile[]): Promise<Merged> {
  // Only sheets of the open workbook can be in the way; a new file has none.
  const existingSheets = s.writeMerged ? [] : await sheetNamesOf(s.host);
  const outcome = await mergeFiles(files, { existingSheets, referenceDate: (s.today ?? today)() });
  if (!outcome.workbook) return { outcome, written: null };
  if (s.writeMerged) return { outcome, written: { kind: 'file', name: await s.writeMerged(outcome) } };
  return { outcome, written: { kind: 'sheets', names: await addMergedSheets(s.host, outcome) } };
}
