import { FakeBook } from './fakeExcel';
import { ExcelHost } from '../../src/excel/host';
import { splitAddress } from '../../src/excel/selection';
import { createWorkbook, readWorkbook } from '../../src/io/xlsx';
import type { SheetSpec } from '../../src/io/xlsx/spec';
import { toBase64 } from '../../src/pane/base64';
import type { CellValue } from '../../src/core/model/cell';

/** A school's workbook file: 附件1 with `rows` data rows, and `extraSheets` more sheets. */
async function schoolFile(rows: number, extraSheets = 0): Promise<Uint8Array> {
  const header = ['区县', '序号', '姓名'];
  const list: SheetSpec = {
    name: '附件1',
    cells: [
      { row: 0, col: 0, value: '失学辍学儿童少年统计表' },
      ...header.map((value, col) => ({ row: 1, col, value })),
      ...Array.from({ length: rows }, (_, r) => [
        { row: r + 2, col: 0, value: '城关区' },
        { row: r + 2, col: 1, value: r + 1 },
        { row: r + 2, col: 2, value: `学生${r + 1}` },
      ]).flat(),
      { row: rows + 2, col: 1, value: { t: 'date', serial: 46000 } },
    ],
    merges: [{ top: 0, left: 0, bottom: 0, right: 2 }],
  };
  const extra: SheetSpec[] = Array.from({ length: extraSheets }, (_, i) => ({ name: `说明${i + 1}`, cells: [{ row: 0, col: 0, value: `第${i + 1}页` }] }));
  return createWorkbook({ sheets: [list, ...extra, { name: '字典', cells: [{ row: 0, col: 0, value: '男' }], state: 'hidden' }] });
}

/** The county's open workbook, which already has a sheet named 附件1. */
function openBook(version = '1.13') {
  const b = new FakeBook(version);
  b.addSheet('附件1', [['县里自己的表']]);
  return b;
}

describe('the selected cell', () => {
  it('is read in one sync, the top-left cell of a range', async () => {
    const b = openBook();
    b.addSheet('附件5');
    b.selected = { sheet: '附件5', address: 'C5:D6' };
    expect(await new ExcelHost(b.env()).getSelection()).toEqual({ sheet: '附件5', a1: 'C5' });
    expect(b.syncs).toHaveLength(1);
  });

  it('comes out of a quoted sheet name', () => {
    expect(splitAddress("'My ''Sheet'''!$B$3:$C$4")).toEqual({ sheet: "My 'Sheet'", a1: 'B3' });
    expect(splitAddress('附件5!N4')).toEqual({ sheet: '附件5', a1: 'N4' });
  });
});

describe('reading a school workbook through Excel (insertWorksheetsFromBase64)', () => {
  it('gives the file layer’s values under the file’s own sheet names, and leaves the workbook as it was', async () => {
    const bytes = await schoolFile(3, 1);
    const b = openBook();
    const grid = await new ExcelHost(b.env()).readExternalWorkbook(toBase64(bytes));
    const direct = readWorkbook(bytes);
    expect(grid.sheets.map((s) => [s.name, s.hidden ?? false])).toEqual([
      ['附件1', false],
      ['说明1', false],
      ['字典', true],
    ]);
    // Excel reads rectangles, the file layer rows as long as their last cell: the same values.
    const trimmed = (rows: CellValue[][]) =>
      rows.map((r) => {
        const out = [...r];
        while (out.length > 0 && out[out.length - 1] === null) out.pop();
        return out;
      });
    expect(grid.sheets.map((s) => trimmed(s.rows))).toEqual(direct.sheets.map((s) => trimmed(s.rows)));
    expect(grid.sheets[0]!.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);
    expect(b.sheets.map((s) => s.name)).toEqual(['附件1']);
    expect(b.sheet('附件1').get(0, 0)).toBe('县里自己的表');
  });

  it('takes the same few syncs for a small workbook and a large one', async () => {
    const syncs = async (bytes: Uint8Array) => {
      const b = openBook();
      await new ExcelHost(b.env()).readExternalWorkbook(toBase64(bytes));
      return b.syncs.length;
    };
    const small = await syncs(await schoolFile(2));
    const large = await syncs(await schoolFile(500, 8));
    expect(small).toBe(4); // insert, sizes with merges, values, delete
    expect(large).toBe(small);
  });

  it('refuses without ExcelApi 1.13, before any sync', async () => {
    const b = openBook('1.12');
    await expect(new ExcelHost(b.env()).readExternalWorkbook(toBase64(await schoolFile(2)))).rejects.toMatchObject({ name: 'HostError' });
    expect(b.syncs).toHaveLength(0);
  });

  it('fails as Excel fails, leaving no sheet behind', async () => {
    const b = openBook();
    b.insertFails = 'UnsupportedFeature';
    await expect(new ExcelHost(b.env()).readExternalWorkbook(toBase64(await schoolFile(2)))).rejects.toMatchObject({ code: 'UnsupportedFeature' });
    expect(b.sheets.map((s) => s.name)).toEqual(['附件1']);
  });

  it('deletes the inserted sheets when reading them fails', async () => {
    const b = openBook();
    const host = new ExcelHost(b.env());
    const base64 = toBase64(await schoolFile(2));
    b.failSync = { index: 2, code: 'GeneralException' }; // the values' read after the insertion and the sizes
    await expect(host.readExternalWorkbook(base64)).rejects.toMatchObject({ code: 'GeneralException' });
    expect(b.syncs).toHaveLength(4);
    expect(b.sheets.map((s) => s.name)).toEqual(['附件1']);
  });
});
