import { armLedger, placementOf } from '../../core/arm';
import { recognise } from '../../core/find/recognise';
import type { TableSettings } from '../../core/tables/schema';
import { openPackage, type OpenOptions } from './package/xlsxPackage';

export interface ArmedTable {
  sheet: string;
  title: string;
  /** Excel rows (1-based) the rules cover. */
  from: number;
  to: number;
  checks: number;
}

export interface ArmResult {
  /** The armed workbook; null when no list was found to arm. */
  bytes: Uint8Array | null;
  armed: ArmedTable[];
  /** Recognised tables that are not lists (一生一表 forms): not armed. */
  skippedForms: { sheet: string; title: string }[];
}

/**
 * Puts the rules a spreadsheet can hold by itself into every recognised list of a workbook
 * (core/arm compiles them; the lossless patcher writes them). Without a reference date the
 * workbook judges at TODAY().
 */
export function armWorkbook(
  bytes: Uint8Array,
  opts: { settings?: Partial<TableSettings>; referenceDate?: string; zip?: OpenOptions } = {},
): ArmResult {
  const pkg = openPackage(bytes, opts.zip);
  const { tables } = recognise(pkg.readGrid());
  const armed: ArmedTable[] = [];
  const skippedForms: ArmResult['skippedForms'] = [];
  for (const t of tables) {
    if (t.kind === 'form') skippedForms.push({ sheet: t.sheet.name, title: t.def.title });
    if (t.kind !== 'ledger') continue;
    const plan = armLedger(t, opts);
    if (plan.checks.length === 0) continue;
    pkg.armSheet(t.sheet.name, plan.checks, plan.validations, plan.names);
    const at = placementOf(t);
    armed.push({ sheet: t.sheet.name, title: t.def.title, from: at.firstRow + 1, to: at.lastRow + 1, checks: plan.checks.length });
  }
  return { bytes: armed.length ? pkg.toBytes() : null, armed, skippedForms };
}
