import { FakeBook } from './fakeExcel';
import { ExcelHost } from '../../src/excel/host';

function book(version = '1.18') {
  const b = new FakeBook(version);
  const s = b.addSheet('附件4');
  s.set(0, 1, '疑似失学儿童个体情况汇总表');
  s.set(2, 1, '姓名');
  s.set(2, 2, '出生日期');
  s.set(2, 3, '人数');
  s.set(3, 1, '张三');
  s.set(3, 2, 39083, 'yyyy"年"m"月"d"日"');
  s.set(3, 3, 2, '0');
  s.set(4, 1, '#N/A');
  s.set(4, 3, true);
  s.merges.push('B1:D1');
  b.addSheet('空表');
  const h = b.addSheet('字典', [['男'], ['女']]);
  h.visibility = 'VeryHidden';
  b.names.push({ name: '_baoxue_template', formula: '="wafangdian-individual@1"' });
  return b;
}

test('reads every sheet from A1 in two syncs, dates and errors typed', async () => {
  const b = book();
  const grid = await new ExcelHost(b.env()).readWorkbook();
  expect(b.syncs).toHaveLength(2);
  const [main, empty, dict] = grid.sheets;
  expect(main!.rows[0]).toEqual([null, '疑似失学儿童个体情况汇总表', null, null]);
  expect(main!.rows[1]).toEqual([null, null, null, null]);
  expect(main!.rows[3]).toEqual([null, '张三', { t: 'date', serial: 39083 }, 2]);
  expect(main!.rows[4]).toEqual([null, { t: 'error', code: '#N/A' }, null, true]);
  expect(main!.merges).toEqual([{ top: 0, left: 1, bottom: 0, right: 3 }]);
  expect(main!.hidden).toBeUndefined();
  expect(empty).toEqual({ name: '空表', rows: [] });
  expect(dict).toMatchObject({ name: '字典', hidden: true, rows: [['男'], ['女']] });
  expect(grid.definedNames).toEqual({ _baoxue_template: '"wafangdian-individual@1"' });
});

test('without ExcelApi 1.13 and 1.7 it reads values without merges and names', async () => {
  const b = book('1.6');
  const grid = await new ExcelHost(b.env()).readWorkbook();
  expect(grid.sheets[0]!.merges).toBeUndefined();
  expect(grid.definedNames).toBeUndefined();
  expect(grid.sheets[0]!.rows[3]![2]).toEqual({ t: 'date', serial: 39083 });
});

test('readSheet reads one sheet', async () => {
  const b = book();
  const sheet = await new ExcelHost(b.env()).readSheet('字典');
  expect(sheet).toEqual({ name: '字典', rows: [['男'], ['女']], hidden: true });
});
