import type { SheetGrid, WorkbookGrid } from '../core/model/workbook';
import type { Finding, Severity } from '../core/model/finding';
import type { MarkResult } from '../host/types';
import type { CellSpec, SheetSpec, ValidationSpec } from '../io/xlsx/spec';
import { XlsxError, type XlsxPackage } from '../io/xlsx';
import { markedCells } from './marks';
import type { CellNote } from '../io/xlsx/package/comments';
import { ui } from '../i18n/zh-CN/ui';

/** The same fills as the Excel host's marks, so a marked file looks alike in both. */
export const MARK_FILLS: Record<Severity, string> = { error: 'FFC7CE', warning: 'FFEB9C' };

export interface SheetInfo {
  name: string;
  hidden: boolean;
}

/** Each marked cell's note: every finding there, its message and how to fix it, errors first. */
export function noteTexts(findings: readonly Finding[]): Map<string, CellNote[]> {
  const bySheet = new Map<string, Map<string, Finding[]>>();
  for (const f of findings) {
    let cells = bySheet.get(f.sheet);
    if (!cells) bySheet.set(f.sheet, (cells = new Map()));
    cells.set(f.cell, [...(cells.get(f.cell) ?? []), f]);
  }
  const rank = (f: Finding) => (f.severity === 'error' ? 0 : 1);
  return new Map(
    [...bySheet].map(([sheet, cells]) => [
      sheet,
      [...cells].map(([ref, list]) => ({
        ref,
        text: ui.mark.notePrefix + [...list].sort((a, b) => rank(a) - rank(b)).map((f) => ui.mark.note(ui.severity[f.severity], f.message, f.fix)).join('\n'),
      })),
    ]),
  );
}

/**
 * A workbook file held in memory and edited by the file layer: what the browser page checks,
 * marks and saves (in its worker). Untouched parts of the file are written back as they were.
 */
export class WorkbookFile {
  constructor(private readonly pkg: XlsxPackage) {}

  sheets(): SheetInfo[] {
    return this.pkg.sheets().map((s) => ({ name: s.name, hidden: s.state !== 'visible' }));
  }

  readWorkbook(): WorkbookGrid {
    return this.pkg.readGrid();
  }

  readSheet(name: string): SheetGrid {
    const sheet = this.pkg.readGrid({ sheets: [name] }).sheets[0];
    if (!sheet) throw new XlsxError('sheet-missing', { name });
    return sheet;
  }

  /** Marks replace those of an earlier run, so they always match the last check. */
  markFindings(findings: readonly Finding[]): MarkResult {
    this.clearMarks();
    let cells = 0;
    for (const [sheet, marks] of markedCells(findings)) {
      for (const severity of ['error', 'warning'] as const) {
        const addresses = [...marks].filter(([, s]) => s === severity).map(([cell]) => cell);
        if (addresses.length) this.pkg.markCells(sheet, addresses, MARK_FILLS[severity]);
      }
      cells += marks.size;
    }
    let notes = 0;
    for (const [sheet, list] of noteTexts(findings)) notes += this.pkg.setNotes(sheet, list, ui.appName, ui.mark.notePrefix);
    return { cells, notes, withoutNote: cells - notes };
  }

  /** Takes away the marks and the notes the page added; the cells' own formats and notes stay. */
  clearMarks(): void {
    for (const s of this.pkg.sheets()) {
      this.pkg.clearMarks(s.name);
      this.pkg.clearNotes(s.name, ui.mark.notePrefix);
    }
  }

  writeCells(sheet: string, cells: readonly CellSpec[]): void {
    this.pkg.setCells(sheet, [...cells]);
  }

  addSheet(spec: SheetSpec): void {
    this.pkg.addSheet(spec);
  }

  repairValidations(sheet: string, validations: readonly ValidationSpec[]): void {
    this.pkg.setValidations(sheet, [...validations]);
  }

  toBytes(): Uint8Array {
    return this.pkg.toBytes();
  }
}
