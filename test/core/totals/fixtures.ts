import type { CellValue } from '../../../src/core/model/cell';
import type { BoundLedger, BoundTotals } from '../../../src/core/find/recognise';
import type { WorkbookGrid } from '../../../src/core/model/workbook';
import { recognise } from '../../../src/core/find/recognise';
import { sheet } from '../../helpers/grid';

/** Columns of 附件5 as the official template lays them out (A 地市 … Q 复学人数). */
export const LETTERS = 'ABCDEFGHIJKLM'.split('');

/** A 附件5 sheet: title, two-row header, the body rows given, then the note. */
export function totalsSheet(body: CellValue[][], name = '附件5') {
  return sheet(name, [
    ['瓦房店市疑似失学儿童核查劝返总体情况汇总表'],
    ['地市', '区县', '疑似失学儿童合计', '核减项', null, null, null, null, null, null, null, '应劝返项', null, null, null, null, '复学人数'],
    [null, null, null, ...LETTERS.map((l) => `${l}类`), null],
    ...body,
    ['备注：该表要在附件4基础上填写，表中A类-M类栏内填写相应类别的人数。'],
  ]);
}

/** A body row of 附件5: group labels, then 合计, A–M and 复学人数 (17 cells). */
export function figuresRow(city: string | null, county: string | null, all: number | null, letters: (number | null)[], ret: number | null): CellValue[] {
  return [city, county, all, ...letters, ret];
}

export function bound(grid: WorkbookGrid): { ledger: BoundLedger; totals: BoundTotals | undefined } {
  const tables = recognise(grid).tables;
  const ledger = tables.find((t): t is BoundLedger => t.kind === 'ledger');
  if (!ledger) throw new Error('no ledger in the test grid');
  return { ledger, totals: tables.find((t): t is BoundTotals => t.kind === 'totals') };
}
