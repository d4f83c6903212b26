import type { WorkbookGrid } from '../core/model/workbook';
import { columnLetter } from '../core/model/address';
import { recognise } from '../core/find/recognise';
import type { CellSpec, ValidationSpec } from '../io/xlsx/spec';
import { checkWorkbook } from '../core/check';
import { parseA1 } from '../core/model/address';
import { ui } from '../i18n/zh-CN/ui';

export interface SheetRepair {
  sheet: string;
  validations: ValidationSpec[];
  /** Misspelt list items ("K、打工务农") set to the item they mean (the findings' suggested values). */
  values: CellSpec[];
}

function validation(sqref: string, label: string, list: string[]): ValidationSpec {
  return {
    sqref,
    list,
    error: { title: ui.repair.errorTitle, message: ui.repair.errorMessage(label) },
  };
}

/** The cells whose finding knows for sure what they should hold, by sheet. */
function suggestedValues(grid: WorkbookGrid, recognised: ReturnType<typeof recognise>): Map<string, CellSpec[]> {
  const out = new Map<string, CellSpec[]>();
  for (const f of checkWorkbook(grid, { recognised }).findings) {
    const at = f.suggested === undefined ? null : parseA1(f.cell);
    if (!at) continue;
    const cells = out.get(f.sheet) ?? [];
    cells.push({ row: at.row, col: at.col, value: f.suggested! });
    out.set(f.sheet, cells);
  }
  return out;
}

/**
 * The official dropdowns of every recognised table: each category column of a ledger over
 * its data rows, and each category field of a filled form at its cell; and the list items
 * that misspelt values plainly mean, to set in their cells.
 */
export function repairPlan(grid: WorkbookGrid): SheetRepair[] {
  const out: SheetRepair[] = [];
  const recognised = recognise(grid);
  const values = suggestedValues(grid, recognised);
  for (const t of recognised.tables) {
    const validations: ValidationSpec[] = [];
    if (t.kind === 'ledger' && t.views.length > 0) {
      const first = t.match.headerEnd + 2;
      const last = Math.max(...t.views.map((v) => v.row)) + 1;
      for (const c of t.def.columns) {
        const col = t.match.columns.get(c.key);
        if (c.type !== 'category' || !c.list || col === undefined) continue;
        const letter = columnLetter(col);
        validations.push(validation(`${letter}${first}:${letter}${last}`, c.label, c.list));
      }
    } else if (t.kind === 'form') {
      for (const f of t.def.fields) {
        if (f.type !== 'category' || !f.list) continue;
        const cells = t.views.filter((v) => v.has(f.key)).map((v) => v.cellOf(f.key));
        if (cells.length) validations.push(validation(cells.join(' '), f.label, f.list));
      }
    }
    const cells = values.get(t.sheet.name) ?? [];
    if (validations.length || cells.length) out.push({ sheet: t.sheet.name, validations, values: cells });
  }
  return out;
}
