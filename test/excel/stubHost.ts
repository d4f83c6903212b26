import type { WorkbookHost } from '../../src/host/types';
import type { WorkbookGrid } from '../../src/core/model/workbook';
import type { CellSpec, SheetSpec, ValidationSpec } from '../../src/io/xlsx/spec';

/** A host over an in-memory grid that records, in order, what the pane asks of it. */
export class StubHost implements WorkbookHost {
  calls: string[] = [];
  added: SheetSpec[] = [];
  constructor(
    public grid: WorkbookGrid,
    private readonly selection?: { sheet: string; a1: string },
  ) {
    if (!selection) this.getSelection = undefined;
  }
  async readWorkbook() {
    this.calls.push('readWorkbook');
    return this.grid;
  }
  async readSheet(name: string) {
    return this.grid.sheets.find((s) => s.name === name)!;
  }
  async markFindings() {
    return { cells: 0, notes: 0, withoutNote: 0 };
  }
  async clearMarks() {}
  async writeCells(sheet: string, _cells: readonly CellSpec[]) {
    this.calls.push(`writeCells ${sheet}`);
  }
  async addSheet(spec: SheetSpec) {
    this.calls.push(`addSheet ${spec.name}`);
    this.added.push(spec);
  }
  async selectCell(sheet: string, a1: string) {
    this.calls.push(`selectCell ${sheet}!${a1}`);
  }
  async repairValidations(sheet: string, _validations: readonly ValidationSpec[]) {
    this.calls.push(`repairValidations ${sheet}`);
  }
  getSelection? = async () => {
    this.calls.push('getSelection');
    return this.selection!;
  };
}
