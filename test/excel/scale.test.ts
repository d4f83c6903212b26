import { FakeBook } from './fakeExcel';
import { ExcelHost } from '../../src/excel/host';
import { checkWorkbook } from '../../src/core/check';
import { PAYLOAD_LIMIT, READ_BYTES_PER_CELL } from '../../src/excel/payload';
import { READ_BLOCK_BYTES } from '../../src/excel/read';
import { CHECK_RESULTS, CHECK_RESULTS_TO_RETURN } from '../../src/core/tables/lists';

const HEADER = ['原始序号', '省份', '地市', '区县', '姓名', '性别', '身份证', '户籍地', '核查结果（选择下拉框）', '复学情况', '备注'];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = '子涵浩宇欣怡梓轩一诺雨桐俊杰思远佳琪';
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A synthetic 身份证号 with a valid check digit, born between 2003 and 2010. */
function idcard(i: number): string {
  const birth = `${2003 + (i % 8)}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`;
  const body = `210281${birth}${String(i % 1000).padStart(3, '0')}`;
  const sum = [...body].reduce((n, d, k) => n + Number(d) * WEIGHTS[k]!, 0);
  return body + '10X98765432'[sum % 11];
}

/**
 * A 10,000-row 附件4 (疑似失学儿童个体情况汇总表) in the official layout; `faulty(i)` decides
 * which rows carry planted faults (blank 性别, a 核查结果 off the list, a wrong 复学情况).
 */
function workbook(rows: number, faulty: (i: number) => boolean): FakeBook {
  const b = new FakeBook();
  const s = b.addSheet('附件4');
  s.set(0, 0, '瓦房店市疑似失学儿童个体情况汇总表');
  HEADER.forEach((h, c) => s.set(1, c, h));
  for (let i = 0; i < rows; i++) {
    const r = i + 2;
    const result = CHECK_RESULTS[i % CHECK_RESULTS.length]!;
    const toReturn = CHECK_RESULTS_TO_RETURN.includes(result[0]!);
    const bad = faulty(i);
    const row = [
      i + 1, '辽宁省', '大连市', '瓦房店市',
      SURNAMES[i % SURNAMES.length]! + GIVEN.slice((i * 2) % 16, ((i * 2) % 16) + 2),
      bad ? '' : i % 2 ? '男' : '女',
      idcard(i),
      `辽宁省大连市瓦房店市第${1 + (i % 30)}镇第${1 + (i % 17)}村`,
      bad ? '其他' : result,
      bad ? '不知道' : toReturn ? (i % 3 ? '是' : '否') : '无',
      '工作小组：王某、李某、赵某',
    ];
    row.forEach((v, c) => s.set(r, c, v));
  }
  s.set(rows + 3, 0, '单位：');
  return b;
}

async function checkAndMark(b: FakeBook) {
  const host = new ExcelHost(b.env());
  const grid = await host.readWorkbook();
  const report = checkWorkbook(grid, { referenceDate: '2024-06-01' });
  const marked = await host.markFindings(report.findings);
  return { report, marked };
}

describe.each([
  ['few findings', (i: number) => i % 500 === 0],
  ['a finding on every row', () => true],
])('checking and marking a 10,000-row sheet with %s', (_name, faulty) => {
  test('takes a few syncs (read: names, sizes with merges, value blocks; mark: 2), none over 5 MB', async () => {
    const b = workbook(10_000, faulty);
    const { report, marked } = await checkAndMark(b);
    expect(report.tables.map((t) => [t.template, t.rows])).toEqual([['wafangdian-individual', 10_000]]);
    expect(report.findings.length).toBeGreaterThanOrEqual(faulty(1) ? 30_000 : 60);
    expect(marked.cells).toBe(new Set(report.findings.map((f) => `${f.sheet}!${f.cell}`)).size);
    const valueBlocks = Math.ceil((10_004 * HEADER.length * READ_BYTES_PER_CELL) / READ_BLOCK_BYTES);
    expect(b.syncs.length).toBeLessThanOrEqual(2 + valueBlocks + 2);
    for (const s of b.syncs) {
      expect(s.failed).toBeUndefined();
      expect(s.request).toBeLessThanOrEqual(PAYLOAD_LIMIT);
      expect(s.response).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    }
    const rules = b.sheet('附件4').rules;
    const cells = rules.flatMap((r) => r.areas).reduce((n, a) => {
      const [top, bottom] = a.split(':').map((x) => Number(x.replace(/\D/g, '')));
      return n + (bottom ? bottom - top! + 1 : 1);
    }, 0);
    expect(cells).toBe(marked.cells);
  });
});

test('a workbook too big for one answer is read in blocks under 5 MB and comes out whole', async () => {
  const b = workbook(40_000, (i) => i % 1000 === 0);
  const grid = await new ExcelHost(b.env()).readWorkbook();
  // Sized first, so no request is refused: the values come in more than one sync, each under 5 MB.
  expect(b.syncs.filter((s) => s.failed)).toEqual([]);
  expect(b.syncs.length).toBeGreaterThan(4);
  for (const s of b.syncs) expect(s.response).toBeLessThanOrEqual(PAYLOAD_LIMIT);
  // After the first answer the blocks are sized by the bytes per cell seen, not the generous guess:
  // every block between the first and the last fills at least half the block budget.
  const values = b.syncs.slice(2);
  for (const s of values.slice(1, -1)) expect(s.response).toBeGreaterThanOrEqual(READ_BLOCK_BYTES / 2);
  const guessed = Math.ceil((40_004 * HEADER.length * READ_BYTES_PER_CELL) / READ_BLOCK_BYTES);
  expect(values.length).toBeLessThan(guessed);
  const rows = grid.sheets[0]!.rows;
  expect(rows).toHaveLength(40_004);
  expect(rows[40_001]![4]).toBe(b.sheet('附件4').get(40_001, 4));
  expect(rows[40_001]![6]).toBe(idcard(39_999));
});
