import type { WorkbookGrid } from '../core/model/workbook';
import { columnLetter } from '../core/model/address';
import { recognise } from '../core/find/recognise';
import type { ValidationSpec } from '../io/xlsx/spec';
import { ui } from '../i18n/zh-CN/ui';

export interface SheetRepair {
  sheet: string;
  validations: ValidationSpec[];
}

function validation(sqref: string, label: string, list: string[]): ValidationSpec {
  return {
    sqref,
    list,
    error: { title: ui.repair.errorTitle, message: ui.repair.errorMessage(label) },
  };
}

/**
 * The official dropdowns of every recognised table: each category column of a ledger over
 * its data rows, and each category field of a filled form at its cell.
 */
export function repairPlan(grid: WorkbookGrid): SheetRepair[] {
  const out: SheetRepair[] = [];
  for (const t of recognise(grid).tables) {
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
    if (validations.length) out.push({ sheet: t.sheet.name, validations });
  }
  return out;
}
