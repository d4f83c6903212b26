import type { Finding, Severity } from '../core/model/finding';

/**
 * Each cell to mark once, errors over warnings, by sheet. Apart from workbookFile.ts so the page
 * (host.ts) can use it without pulling the file layer into its start-up bundle: the xlsx reader
 * loads with the worker, when a file is opened.
 */
export function markedCells(findings: readonly Finding[]): Map<string, Map<string, Severity>> {
  const out = new Map<string, Map<string, Severity>>();
  for (const f of findings) {
    let cells = out.get(f.sheet);
    if (!cells) out.set(f.sheet, (cells = new Map()));
    if (cells.get(f.cell) !== 'error') cells.set(f.cell, f.severity);
  }
  return out;
}
