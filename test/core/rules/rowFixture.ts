import type { CellValue } from '../../../src/core/model/cell';
import type { ColumnKey, ColumnDef, TableSettings } from '../../../src/core/tables/schema';
import type { Issue, RowView, RuleContext } from '../../../src/core/rules/types';
import type { RuleFamily } from '../../../src/core/rules/family';
import { a1 } from '../../../src/core/model/address';
import { keyOfSlot } from '../../../src/core/find/columnSlot';
import { tableById } from '../../../src/core/tables';

/** A row of a made-up sheet: the keys given are its columns, in that order, on Excel row 5. */
export function rowOf(cells: Partial<Record<ColumnKey, CellValue>>): RowView {
  const keys = Object.keys(cells) as ColumnKey[];
  const get = (k: ColumnKey) => (keys.includes(k) ? (cells[k] ?? null) : undefined);
  return {
    row: 4,
    get,
    valueAt: (s) => {
      const k = keyOfSlot(s);
      return k === undefined ? undefined : get(k);
    },
    has: (k) => keys.includes(k),
    cellOf: (k) => a1(4, Math.max(0, keys.indexOf(k))),
    rowOf: () => 5,
  };
}

/** Context of a catalogue table, its columns limited to those the row has. */
export function contextOf(
  tableId: string,
  row: RowView,
  opts: { referenceDate?: string; settings?: TableSettings; extraColumns?: ColumnDef[] } = {},
): RuleContext {
  const table = tableById(tableId);
  if (!table) throw new Error(`no table ${tableId}`);
  const all: ColumnDef[] = table.kind === 'ledger' ? table.columns : table.kind === 'form' ? table.fields : [];
  const columns = [...all, ...(opts.extraColumns ?? [])].filter((c) => row.has(c.key));
  return {
    table,
    columns,
    settings: opts.settings ?? table.settings,
    referenceDate: opts.referenceDate ?? '2026-03-01',
    sheet: 'Sheet1',
  };
}

/** Runs every row rule of a family on one row. */
export function run(family: RuleFamily, row: RowView, ctx: RuleContext): Issue[] {
  const out: Issue[] = [];
  for (const rule of family.row) rule.check(row, ctx, (i) => out.push(i));
  return out;
}

/** ISO 7064 MOD 11-2 written independently of the code under test: check = (12 − S mod 11) mod 11. */
export function withCheckDigit(body17: string): string {
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(body17[i]) * (2 ** (17 - i) % 11);
  const c = (12 - (s % 11)) % 11;
  return body17 + (c === 10 ? 'X' : String(c));
}

/** A synthetic 18-digit number: 赣县区 360704, the birth date, a sequence whose last digit sets the sex. */
export function syntheticId(birth: string, male: boolean, region = '360704'): string {
  return withCheckDigit(region + birth.replace(/-/g, '') + (male ? '013' : '024'));
}
