import { verifyWritten } from '../../src/cli/mergeVerify';
import { MergeIntegrityError, type MergeResult } from '../../src/core/merge';
import type { CellValue } from '../../src/core/model/cell';
import { createWorkbook } from '../../src/io/xlsx';
import type { CellSpec } from '../../src/io/xlsx/spec';
import { MERGED_HEADER_ROW } from '../../src/templates/merged';

const HEADER = ['姓名', '来源'];
const ROWS: CellValue[][] = [
  ['张三', 'a.xlsx'],
  ['李四', 'a.xlsx'],
  ['王五', 'b & c.xlsx'],
  ['赵六', ' d.xlsx'],
];

/** Only what verifyWritten reads of a merge result. */
function result(rows: CellValue[][]): MergeResult {
  return { tables: [{ header: HEADER, rows, rowsIn: rows.length }] } as unknown as MergeResult;
}

/** A workbook whose table sheet holds `written` under the header rows. */
function workbook(written: CellValue[][]): Uint8Array {
  const cells: CellSpec[] = HEADER.map((value, col) => ({ row: MERGED_HEADER_ROW, col, value }));
  written.forEach((row, r) => row.forEach((value, col) => cells.push({ row: MERGED_HEADER_ROW + 1 + r, col, value })));
  return createWorkbook({ sheets: [{ name: '表', cells }] });
}

describe('verifyWritten', () => {
  it('counts every row written, with escaped and spaced 来源 text', () => {
    expect(verifyWritten(workbook(ROWS), ['表'], result(ROWS))).toEqual([4]);
  });

  it('refuses a file that lost a row in the middle, at the end, or wrote one in the wrong place', () => {
    const lost = (written: CellValue[][]) => () => verifyWritten(workbook(written), ['表'], result(ROWS));
    expect(lost([ROWS[0]!, ROWS[2]!, ROWS[3]!])).toThrow(MergeIntegrityError);
    expect(lost(ROWS.slice(0, 3))).toThrow(MergeIntegrityError);
    expect(lost([ROWS[0]!, ROWS[1]!, ROWS[3]!, ROWS[2]!])).toThrow(MergeIntegrityError);
    expect(lost([ROWS[0]!, ['李四', null], ROWS[2]!, ROWS[3]!])).toThrow(MergeIntegrityError);
  });

  it('refuses a file without the table sheet', () => {
    expect(() => verifyWritten(workbook(ROWS), ['别的表'], result(ROWS))).toThrow(MergeIntegrityError);
  });
});
