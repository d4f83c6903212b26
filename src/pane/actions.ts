import type { WorkbookGrid } from '../core/model/workbook';
import type { CheckReport } from '../core/check';
import { cellText } from '../core/model/cell';
import type { FillTotals, PaneServices } from './services';
import type { WorkbookHost } from '../host/types';
import { ui } from '../i18n/zh-CN/ui';
import { reviewSheet } from './reviewSheet';
import { PersonalData } from '../core/privacy/maskFindings';
import { repairPlan } from './repairPlan';
import { childrenOf } from './child';
import { rangeAround, type Change } from './changes';

/** The flows behind the pane's buttons and the ribbon's commands, on any host. */

export function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export interface Checked {
  grid: WorkbookGrid;
  report: CheckReport;
}

export async function checkWorkbook(s: PaneServices, onRead?: () => void): Promise<Checked> {
  const grid = await s.host.readWorkbook();
  onRead?.();
  const report = await s.check(grid, { referenceDate: (s.today ?? today)() });
  return { grid, report };
}

/** A sheet the add-in wrote earlier: its first cell is the title and its third row the header. */
export function isReviewSheet(grid: WorkbookGrid, name: string): boolean {
  const sheet = grid.sheets.find((s) => s.name === name);
  if (!sheet) return false;
  const header = (sheet.rows[2] ?? []).map((v) => cellText(v));
  return cellText(sheet.rows[0]?.[0]) === ui.review.title && ui.review.headers.every((h, i) => header[i] === h);
}

/** 审核意见, or 审核意见(2)… when a sheet of that name holds something else: never overwrite a user's sheet. */
export function reviewSheetName(grid: WorkbookGrid): string {
  const base = ui.review.sheetName;
  const taken = new Set(grid.sheets.map((s) => s.name));
  if (!taken.has(base) || isReviewSheet(grid, base)) return base;
  for (let i = 2; ; i++) {
    const name = `${base}(${i})`;
    if (!taken.has(name) || isReviewSheet(grid, name)) return name;
  }
}

/** `mask`: 身份证号 and names masked in the sheet, for a review that leaves the office. */
export async function writeReview(host: WorkbookHost, checked: Checked, date: string, mask = false): Promise<string> {
  const name = reviewSheetName(checked.grid);
  const childOf = childrenOf(checked.grid, checked.report);
  await host.addSheet(reviewSheet(checked.report, date, name, { childOf, mask: mask ? PersonalData.of(checked.grid) : undefined }));
  await host.selectCell(name, 'A1');
  return name;
}

/** Puts back the official dropdowns and sets misspelt list items right; returns what changed, by sheet. */
export async function repairDropdowns(host: WorkbookHost): Promise<Change[]> {
  const plan = repairPlan(await host.readWorkbook());
  for (const p of plan) {
    if (p.validations.length) await host.repairValidations(p.sheet, p.validations);
    if (p.values.length) await host.writeCells(p.sheet, p.values);
  }
  return plan.map((p) => ({ sheet: p.sheet, ranges: [...p.validations.map((v) => v.sqref), ...p.values.map((c) => rangeAround([c]))] }));
}

/** Fills every totals table from the current details; returns what was written, one entry per table. */
export async function writeTotals(host: WorkbookHost, fillTotals: FillTotals): Promise<Change[]> {
  const outputs = await fillTotals(await host.readWorkbook());
  const changes: Change[] = [];
  for (const o of outputs) {
    if (o.kind === 'cells') {
      await host.writeCells(o.sheet, o.cells);
      changes.push({ sheet: o.sheet, ranges: o.cells.length ? [rangeAround(o.cells)] : [] });
    } else {
      await host.addSheet(o.newSheet);
      changes.push({ sheet: o.newSheet.name, ranges: o.newSheet.cells.length ? [rangeAround(o.newSheet.cells)] : [] });
    }
  }
  return changes;
}
