import { isBlank } from '../model/cell';
import type { BoundLedger } from '../find/recognise';
import type { TableSettings } from '../tables/schema';
import { compileTable } from './compile';
import type { ArmPlacement, ArmPlan } from './types';

export type { ArmCheck, ArmPlacement, ArmPlan, ArmValidation, ArmOptions } from './types';
export { compileTable, ARM_FORMAT_MARK, MAX_VALIDATION_FORMULA } from './compile';
export { ARM_NAMES, ARM_NAME_PREFIX } from './formulas';

/** Rows armed below the last filled row when no footer ends the table: room for new rows. */
const ROOM_BELOW = 1000;

/**
 * The rows a ledger's armed rules cover: from under the header to the row before the footer
 * (the first row under the data with something in the table's columns), or, without a footer,
 * the official number of rows or the data plus room for more, whichever is longer.
 */
export function placementOf(t: BoundLedger): ArmPlacement {
  const { match, sheet, def } = t;
  const cols = [...match.columns.entries()].filter(([k]) => k !== 'serial' && k !== 'originalSerial').map(([, c]) => c);
  const firstRow = match.headerEnd + 1;
  const lastData = t.views.length ? Math.max(...t.views.map((v) => v.row)) : match.headerEnd;
  let lastRow = -1;
  for (let r = lastData + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    if (row && cols.some((c) => !isBlank(row[c]))) {
      lastRow = r - 1;
      break;
    }
  }
  if (lastRow < 0) lastRow = Math.min(1048575, Math.max(match.headerEnd + def.templateRows, lastData + ROOM_BELOW));
  return { columns: match.columns, defs: def.columns.filter((c) => match.columns.has(c.key)), firstRow, lastRow };
}

/** The armed rules of one recognised ledger, with the table's settings and a profile's overrides. */
export function armLedger(t: BoundLedger, opts: { settings?: Partial<TableSettings>; referenceDate?: string } = {}): ArmPlan {
  return compileTable(placementOf(t), { settings: { ...t.def.settings, ...opts.settings }, referenceDate: opts.referenceDate });
}
