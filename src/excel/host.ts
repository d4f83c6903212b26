import type { SheetGrid, WorkbookGrid } from '../core/model/workbook';
import type { Finding } from '../core/model/finding';
import type { CellSpec, SheetSpec, ValidationSpec } from '../io/xlsx/spec';
import type { MarkResult, WorkbookHost } from '../host/types';
import { ui } from '../i18n/zh-CN/ui';
import { hasApi, HostError, type ExcelEnv } from './env';
import { readOneSheet, readWorkbook } from './read';
import { mark } from './mark';
import { addSheet, writeCells } from './write';
import { queueValidation } from './validation';
import { PAYLOAD_BUDGET } from './payload';
import { selectedCell } from './selection';
import { readExternal } from './external';

/** The workbook open in Excel, through Office.js. */
export class ExcelHost implements WorkbookHost {
  /** Sheet names from the last read, so marking needs no extra round trip to list them. */
  private sheetNames: string[] | null = null;

  constructor(
    private readonly env: ExcelEnv,
    private readonly budget = PAYLOAD_BUDGET,
  ) {}

  readWorkbook(): Promise<WorkbookGrid> {
    return this.env.run(async (ctx) => {
      const grid = await readWorkbook(ctx, this.env);
      this.sheetNames = grid.sheets.map((s) => s.name);
      return grid;
    });
  }

  readSheet(name: string): Promise<SheetGrid> {
    return this.env.run((ctx) => readOneSheet(ctx, this.env, name));
  }

  async markFindings(findings: readonly Finding[]): Promise<MarkResult> {
    this.require('1.6', ui.errors.markUnsupported);
    return this.env.run((ctx) => mark(ctx, this.env, this.sheetNames, findings));
  }

  async clearMarks(): Promise<void> {
    this.require('1.6', ui.errors.markUnsupported);
    await this.env.run((ctx) => mark(ctx, this.env, this.sheetNames, []));
  }

  writeCells(sheet: string, cells: readonly CellSpec[]): Promise<void> {
    return this.env.run((ctx) => writeCells(ctx, this.env, sheet, cells, this.budget));
  }

  async addSheet(spec: SheetSpec): Promise<void> {
    await this.env.run((ctx) => addSheet(ctx, this.env, spec, this.budget));
    this.sheetNames = null;
  }

  selectCell(sheet: string, a1: string): Promise<void> {
    return this.env.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(a1).select();
      await ctx.sync();
    });
  }

  async repairValidations(sheet: string, validations: readonly ValidationSpec[]): Promise<void> {
    this.require('1.8', ui.errors.validationUnsupported);
    await this.env.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      const areas = this.env.supports('1.9');
      for (const v of validations) queueValidation(ws, v, areas);
      await ctx.sync();
    });
  }

  getSelection(): Promise<{ sheet: string; a1: string }> {
    return this.env.run(selectedCell);
  }

  listSheets(): Promise<string[]> {
    return this.env.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name');
      await ctx.sync();
      return sheets.items.map((w) => w.name);
    });
  }

  async readExternalWorkbook(base64: string): Promise<WorkbookGrid> {
    this.require('1.13', ui.errors.insertUnsupported);
    return this.env.run((ctx) => {
      if (!hasApi(ctx.workbook, 'insertWorksheetsFromBase64')) throw new HostError(ui.errors.insertUnsupported);
      return readExternal(ctx, this.env, base64);
    });
  }

  private require(version: string, message: string) {
    if (!this.env.supports(version)) throw new HostError(message);
  }
}
