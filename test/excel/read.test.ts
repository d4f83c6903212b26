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

test('reads every sheet from A1 in three syncs (names, sizes with merges, values), dates and errors typed', async () => {
  const b = book();
  const grid = await new ExcelHost(b.env()).readWorkbook();
  expect(b.syncs).toHaveLength(3);
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

test('over five million cells: the size is read first and the rows come in blocks, never a whole-range get', async () => {
  // docs/excel/performance.md: over 5M cells a get may answer values null instead of throwing.
  const b = new FakeBook();
  const s = b.addSheet('附件1');
  s.set(0, 0, '姓名');
  s.set(999_999, 5, '最后一格'); // used range A1:F1000000, six million cells
  const sheet = await new ExcelHost(b.env()).readSheet('附件1');
  expect(b.syncs.filter((x) => x.failed)).toEqual([]);
  expect(sheet.rows).toHaveLength(1_000_000);
  expect(sheet.rows[0]![0]).toBe('姓名');
  expect(sheet.rows[999_999]![5]).toBe('最后一格');
});

test('values answered null are read again in smaller blocks, not a TypeError', async () => {
  const b = new FakeBook();
  b.valuesNullOver = 1_000; // Excel answering null well below the documented limit
  const s = b.addSheet('附件4');
  for (let r = 0; r < 3_000; r++) for (let c = 0; c < 4; c++) s.set(r, c, `${r}-${c}`);
  const grid = await new ExcelHost(b.env()).readWorkbook();
  const rows = grid.sheets[0]!.rows;
  expect(rows).toHaveLength(3_000);
  expect(rows.every((row, r) => row.length === 4 && row[3] === `${r}-3`)).toBe(true);
});

test('a row Excel never answers gives a Chinese error, not a TypeError', async () => {
  const b = new FakeBook();
  b.valuesNullOver = 0;
  b.addSheet('附件4', [['甲']]);
  await expect(new ExcelHost(b.env()).readWorkbook()).rejects.toMatchObject({ name: 'HostError', message: expect.stringContaining('附件4') });
});

test('more than 512 merged areas: that sheet is read without merges, the others keep theirs', async () => {
  // getMergedAreasOrNullObject fails past 512 areas (@types/office-js, Range.getMergedAreasOrNullObject).
  const b = new FakeBook();
  const notices = b.addSheet('通知书', [['告家长书']]);
  for (let i = 0; i < 600; i++) notices.merges.push(`A${i * 2 + 2}:D${i * 2 + 2}`);
  notices.set(1300, 0, '末行');
  const form = b.addSheet('附件4', [['标题'], ['姓名']]);
  form.merges.push('A1:D1');
  const grid = await new ExcelHost(b.env()).readWorkbook();
  const [a, f] = grid.sheets;
  expect(a!.merges).toBeUndefined();
  expect(a!.rows[1300]![0]).toBe('末行');
  expect(f!.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 3 }]);
  expect(b.syncs.filter((x) => x.failed).length).toBe(2); // sizes with all merges, then 通知书 alone
});
