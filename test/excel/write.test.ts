import { FakeBook } from './fakeExcel';
import { ExcelHost } from '../../src/excel/host';
import { toBlocks } from '../../src/excel/write';
import { jsonBytes } from '../../src/excel/payload';
import { reviewSheet } from '../../src/pane/reviewSheet';
import type { CheckReport } from '../../src/core/check';
import type { CellSpec } from '../../src/io/xlsx/spec';

test('writing totals puts values into the given cells only, in one sync', async () => {
  const b = new FakeBook();
  const s = b.addSheet('附件5', [['地市', '区县', '合计'], ['大连', '瓦房店', ''], ['合计', '', '']]);
  const cells: CellSpec[] = [
    { row: 1, col: 2, value: 12 },
    { row: 2, col: 2, value: 12 },
    { row: 1, col: 3, value: '0012' },
    { row: 1, col: 4, value: { t: 'date', serial: 45000 } },
  ];
  await new ExcelHost(b.env()).writeCells('附件5', cells);
  expect(b.syncs).toHaveLength(1);
  expect(s.values).toEqual([
    ['地市', '区县', '合计'],
    ['大连', '瓦房店', 12, '0012', 45000],
    ['合计', '', 12],
  ]);
  expect(s.format(1, 4)).toBe('yyyy-mm-dd');
  expect(s.format(1, 2)).toBe('General');
});

test('cells become rectangles of equal style', () => {
  const cells: CellSpec[] = [];
  for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) cells.push({ row: r, col: c, value: r * 3 + c, style: r === 0 ? { bold: true } : undefined });
  cells.push({ row: 5, col: 0, value: 'x' });
  const blocks = toBlocks(cells).map((b) => [b.row, b.col, b.cells.length, b.cells[0]!.length]);
  expect(blocks.sort()).toEqual([[0, 0, 1, 3], [1, 0, 2, 3], [5, 0, 1, 1]].sort());
});

test('large writes are split into syncs under the budget', async () => {
  const b = new FakeBook();
  b.addSheet('明细', [['x']]);
  const cells: CellSpec[] = [];
  for (let r = 0; r < 2000; r++) for (let c = 0; c < 5; c++) cells.push({ row: r, col: c, value: `第${r}行第${c}列的一段较长的说明文字` });
  await new ExcelHost(b.env(), 200_000).writeCells('明细', cells);
  const total = jsonBytes(cells.map((c) => c.value));
  expect(b.syncs.length).toBeGreaterThanOrEqual(Math.ceil(total / 200_000));
  for (const s of b.syncs) expect(s.request).toBeLessThanOrEqual(200_000);
  expect(b.sheet('明细').get(1999, 4)).toBe('第1999行第4列的一段较长的说明文字');
});

const report: CheckReport = {
  tables: [{ sheet: "张's 表", template: 'wafangdian-individual', title: '疑似失学儿童个体情况汇总表', kind: 'ledger', headerRow: 3, rows: 2 }],
  unrecognised: [],
  findings: [
    { sheet: "张's 表", cell: 'G5', row: 5, column: '身份证', rule: 'idcard.checksum', severity: 'error', message: '校验位不对', fix: '核对"身份证"' },
    { sheet: "张's 表", cell: 'B6', row: 6, column: '姓名', rule: 'required.missing', severity: 'warning', message: '=姓名未填写', fix: '填写' },
  ],
  counts: { errors: 1, warnings: 1 },
};

test('the 审核意见 sheet replaces an earlier one, links to the cells and keeps text as text', async () => {
  const b = new FakeBook();
  b.addSheet("张's 表", [['x']]);
  b.addSheet('审核意见', [['旧的']]);
  const host = new ExcelHost(b.env());
  await host.addSheet(reviewSheet(report, '2024-05-01'));
  expect(b.sheets.map((s) => s.name)).toEqual(["张's 表", '审核意见']);
  const s = b.sheet('审核意见');
  expect(s.get(0, 0)).toBe('审核意见');
  expect(s.values[2]).toEqual(['序号', '姓名', '原始序号', '工作表', '单元格', '列', '级别', '问题', '修改建议']);
  expect(s.values[3]!.slice(3)).toEqual(["张's 表", 'G5', '身份证', '错误', '校验位不对', '核对"身份证"']);
  expect(s.values[4]![7]).toBe('=姓名未填写');
  expect(s.formulas.get('E4')).toBe(`=HYPERLINK("#'张''s 表'!G5","G5")`);
  expect(s.prop('format.font.bold', 'A3:I3')).toBe(true);
  expect(s.prop('format.borders.EdgeTop.style', 'A3:I3')).toBe('Continuous');
  expect(s.prop('format.wrapText', 'H4:I5')).toBe(true);
  expect(s.prop('freezeRows')).toBe(3);
  expect(s.prop('pageLayout.orientation')).toBe('Landscape');
  expect(s.prop('printTitleRows')).toBe('$3:$3');
  expect(s.prop('format.columnWidth', 'H1')).toBeCloseTo((48 * 7 + 5) * 0.75);
});

test('selectCell shows the sheet and selects the cell', async () => {
  const b = new FakeBook();
  b.addSheet('附件4', [['x']]);
  await new ExcelHost(b.env()).selectCell('附件4', 'G57');
  expect(b.selected).toEqual({ sheet: '附件4', address: 'G57' });
});
